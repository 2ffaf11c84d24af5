// Hostile input is normal input: any text parses, round-trips and renders without throwing.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRenderCache, parseDeck, renderDeck, serializeDeck } from '../../../packages/deck/src/index.ts';

const piece = fc.oneof(
  fc.constantFrom('---', '--', '```', '~~~', ':::', '::: notes', '::: discussion {minutes=5}', ':::: columns', '# H {#a .b minutes=1}', 'Note: n', '![a](media/x.mp4#t=1,2){autoplay}', '<!-- .element: class="fragment" -->', '<!-- .slide: data-x="1" -->', '\r', '', '  - item', '| a | b |', '{', '}'),
  fc.string({ maxLength: 12 }),
);
const deckText = fc.array(piece, { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('any text', () => {
  it('should parse, round-trip and render without throwing', () => {
    fc.assert(
      fc.property(deckText, fc.boolean(), (md, bom) => {
        const text = bom ? `\uFEFF${md}` : md;
        const deck = parseDeck(text);
        expect(serializeDeck(deck)).toBe(text);
        renderDeck(deck, { mediaExists: () => false });
      }),
      { numRuns: 300 },
    );
  });

  it('should parse incrementally exactly as from scratch', () => {
    fc.assert(
      fc.property(deckText, deckText, (a, b) => {
        const cache = createRenderCache();
        const first = parseDeck(a);
        renderDeck(first, {}, cache);
        const { reparsed: _r1, ...incremental } = parseDeck(b, first);
        const { reparsed: _r2, ...fresh } = parseDeck(b);
        expect(incremental).toEqual(fresh);
        expect(renderDeck(parseDeck(b, first), {}, cache).html).toBe(renderDeck(parseDeck(b)).html);
      }),
      { numRuns: 200 },
    );
  });
});

describe('one edit at a time, as the editor makes them', () => {
  // Small edits hit the one-slide path of parseDeck (reparseOneSlide); edits that touch a
  // separator, a fence or a `:::` line must fall back to a full parse. Either way the result
  // must equal a parse from scratch.
  const edit = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 6 }),
    insert: fc.oneof(fc.constantFrom('', 'x', '\n', '\n\n', 'ệ', '---', '\n---\n', '\n--\n', '```', '\n```\n', ':::', '\n:::\n', 'Note: ', '# T {minutes=2}', '{', '\r\n', '- '), fc.string({ maxLength: 4 })),
  });
  it('should equal a parse from scratch after every edit, slides and diagnostics included', () => {
    fc.assert(
      fc.property(deckText, fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 8 }), (md, frontMatter, edits) => {
        let text = frontMatter ? `---\ntitle: T\nduration: 3\n---\n${md}` : md;
        const cache = createRenderCache();
        let deck = parseDeck(text);
        renderDeck(deck, {}, cache);
        for (const e of edits) {
          const at = text.length === 0 ? 0 : e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const next = parseDeck(text, deck);
          const { reparsed: _r1, ...incremental } = next;
          const { reparsed: _r2, ...fresh } = parseDeck(text);
          expect(incremental).toEqual(fresh);
          expect(serializeDeck(next)).toBe(text);
          expect(renderDeck(next, {}, cache).html).toBe(renderDeck(parseDeck(text)).html);
          deck = next;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('should equal a parse from scratch when the editor names the changed span, and ignore a span that does not fit', () => {
    fc.assert(
      fc.property(deckText, fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 8 }), (md, frontMatter, edits) => {
        let text = frontMatter ? `---\ntitle: T\nduration: 3\n---\n${md}` : md;
        let deck = parseDeck(text);
        for (const e of edits) {
          const at = text.length === 0 ? 0 : e.at % (text.length + 1);
          const removed = Math.min(e.remove, text.length - at);
          text = text.slice(0, at) + e.insert + text.slice(at + removed);
          const span = { from: at, toOld: at + removed, toNew: at + e.insert.length };
          const { reparsed: _r1, ...hinted } = parseDeck(text, deck, span);
          const { reparsed: _r2, ...fresh } = parseDeck(text);
          expect(hinted).toEqual(fresh);
          // A span whose lengths do not match the texts (a caller's mistake) is not trusted.
          const { reparsed: _r3, ...wrong } = parseDeck(text, deck, { ...span, toNew: span.toNew + 1 });
          expect(wrong).toEqual(fresh);
          deck = parseDeck(text, deck, span);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should reparse one slide for an edit inside a slide of a generated deck, however many lines it adds', () => {
    const base = '---\ntitle: T\n---\n# A\n\ntext\n\n---\n# B\n\n- one\n- two\n\n--\n# C\n\n```\ncode\n```\n';
    const first = parseDeck(base);
    const edited = base.replace('- one', '- one\n- one and a half\n\n  more');
    const next = parseDeck(edited, first);
    expect(next.reparsed).toEqual([1]);
    expect(next.slides[2]!.startLine).toBe(first.slides[2]!.startLine + 3);
    expect(next).toEqual({ ...parseDeck(edited), reparsed: [1] });
    // A fence line changed: the full path, which still reuses the two untouched slides.
    const fenced = edited.replace('```\ncode', '```js\ncode');
    const fence = parseDeck(fenced, next);
    expect(fence.reparsed).toEqual([2]);
    expect(fence).toEqual({ ...parseDeck(fenced), reparsed: [2] });
  });
});

describe('typing into the sample lessons', () => {
  const samples = ['nghi-quyet-dang-vien-moi', 'syntax-tour'].map((name) =>
    readFileSync(fileURLToPath(new URL(`../../../slides/${name}/deck.md`, import.meta.url)), 'utf8'),
  );
  it('should equal a parse from scratch after each of many edits anywhere in a real deck', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.constantFrom('', 'a', 'ệ', '\n', '\n\n', ' ', '-', ':', '`', '{', '}') }), { minLength: 1, maxLength: 12 }),
        (sample, edits) => {
          let text = sample;
          let deck = parseDeck(text);
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
            deck = parseDeck(text, deck);
            const { reparsed: _r1, ...incremental } = deck;
            const { reparsed: _r2, ...fresh } = parseDeck(text);
            expect(incremental).toEqual(fresh);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('decks built to exhaust the renderer', () => {
  // marked recurses once per nesting level: thousands of levels overflow the stack or run for
  // minutes. Such a slide is shown as its text with an error; the rest of the deck renders.
  const hostile: Record<string, string> = {
    'block quotes': `${'>'.repeat(5000)} x\n`,
    'nested lists': Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
    // The quick bound reads indentation one way for slides without `>` and another with one.
    'nested lists after a block quote': `> trích dẫn\n\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}`,
    'nested ::: blocks': `${':::: a\n'.repeat(3000)}x\n${'::::\n'.repeat(3000)}`,
    // Past the render's quick bound (no run of 9 blanks): tabs count 4 columns, runs of 8 tabs
    // between quote marks.
    'tab-indented lists': Array.from({ length: 40 }, (_, i) => `${'\t'.repeat(i)}- x`).join('\n'),
    'lists indented between quote marks': `${`${'\t'.repeat(8)}>`.repeat(4)}${'\t'.repeat(8)}- x\n`,
  };
  for (const [name, slide] of Object.entries(hostile)) {
    it(`should show a slide of ${name} as plain text with nesting-too-deep, and render the others`, () => {
      const deck = parseDeck(`# Mở đầu\n\n---\n\n${slide}\n---\n\n# Kết luận\n`);
      const rendered = renderDeck(deck, { sanitize: (html) => ({ html, removed: [] }) });
      expect(rendered.slides).toHaveLength(3);
      expect(rendered.slides[0]!.html).toContain('<h1>Mở đầu</h1>');
      expect(rendered.slides[2]!.html).toContain('<h1>Kết luận</h1>');
      expect(rendered.slides[1]!.html).toMatch(/^<section class="lectern-unrendered">\n<pre>/);
      expect(rendered.slides[1]!.html).not.toContain('<blockquote>');
      const problem = rendered.diagnostics.find((d) => d.code === 'nesting-too-deep');
      expect(problem).toMatchObject({ severity: 'error', column: 1 });
      expect(problem!.line).toBeGreaterThanOrEqual(5);
    });
  }

  it('should not count leading spaces of text that is not a list item as nesting', () => {
    const pasted = `# Văn bản dán vào\n\n${' '.repeat(200)}Trung tâm Chính trị huyện\n\n${' '.repeat(180)}1.5 triệu\n`;
    const rendered = renderDeck(parseDeck(pasted));
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.html).not.toContain('lectern-unrendered');
    expect(rendered.html).toContain('Trung tâm Chính trị huyện');
  });

  it('should render real nesting (20 list levels, quotes in lists, blocks in columns) normally', () => {
    const lists = Array.from({ length: 20 }, (_, i) => `${' '.repeat(i * 2)}- mức ${i + 1}`).join('\n');
    const rendered = renderDeck(parseDeck(`${lists}\n\n> > trích\n\n:::: columns\n::: column\n- a\n:::\n::::\n`));
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.html).toContain('mức 20');
    expect(rendered.html).not.toContain('lectern-unrendered');
  });

  it('should show a slide whose rendering throws as plain text with render-failed', () => {
    const deck = parseDeck('# A\n\n![x](media/a.png)\n\n---\n\n# B\n');
    const rendered = renderDeck(deck, {
      resolveMedia: () => {
        throw new Error('storage closed');
      },
    });
    expect(rendered.slides[0]!.html).toContain('lectern-unrendered');
    expect(rendered.diagnostics).toMatchObject([{ code: 'render-failed', line: 1, severity: 'error' }]);
    expect(rendered.diagnostics[0]!.message).toContain('storage closed');
    expect(rendered.slides[1]!.html).toContain('<h1>B</h1>');
  });
});
