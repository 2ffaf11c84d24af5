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
