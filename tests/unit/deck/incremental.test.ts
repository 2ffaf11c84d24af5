// The editor's path: after an edit only the changed slide is parsed and rendered again.
import { describe, expect, it } from 'vitest';
import { createRenderCache, parseDeck, renderDeck } from '../../../packages/deck/src/index.ts';
import { editMiddleSlide, generateDeck } from './generate-deck.ts';

describe('incremental parse and render', () => {
  it('should re-render only the slide whose text changed', () => {
    const generated = generateDeck(50);
    const cache = createRenderCache();
    const first = parseDeck(generated.text);
    expect(renderDeck(first, {}, cache).rendered).toHaveLength(50);
    const edited = parseDeck(editMiddleSlide(generated), first);
    expect(edited.reparsed).toEqual([25]);
    const again = renderDeck(edited, {}, cache);
    expect(again.rendered).toEqual([25]);
    expect(cache.stats.lastRendered).toBe(1);
    expect(again.html).toBe(renderDeck(parseDeck(editMiddleSlide(generated))).html);
  });

  it('should reuse unchanged slides as the same objects when nothing moved', () => {
    const first = parseDeck('# A\n---\n# B\n---\n# C\n');
    const second = parseDeck('# A\n---\n# B!\n---\n# C\n', first);
    expect(second.slides[0]).toBe(first.slides[0]);
    expect(second.slides[2]).toBe(first.slides[2]);
    expect(second.slides[1]).not.toBe(first.slides[1]);
  });

  it('should shift line numbers of reused slides after lines are inserted above', () => {
    const first = parseDeck('# A\n---\n# B\n\n![](media/x.png){onclick=x}\n');
    const second = parseDeck('# A\n\nmore\n\n---\n# B\n\n![](media/x.png){onclick=x}\n', first);
    expect(second.reparsed).toEqual([0]);
    expect(second.slides[1]!.startLine).toBe(6);
    expect(second.slides[1]!.media[0]!.line).toBe(8);
    expect(second.diagnostics.map((d) => d.line)).toEqual([8]);
    expect(second).toEqual({ ...parseDeck('# A\n\nmore\n\n---\n# B\n\n![](media/x.png){onclick=x}\n'), reparsed: [0] });
  });

  it('should shift render diagnostics of cached slides too', () => {
    const cache = createRenderCache();
    const options = { mediaExists: () => false };
    const first = parseDeck('# A\n---\n![](media/x.png)\n');
    renderDeck(first, options, cache);
    const second = parseDeck('# A\n\n\n---\n![](media/x.png)\n', first);
    const rendered = renderDeck(second, options, cache);
    expect(rendered.rendered).toEqual([0]);
    expect(rendered.diagnostics).toMatchObject([{ code: 'media-missing', line: 5, column: 1 }]);
  });

  it('should keep parse and render diagnostics right while keystrokes add and remove them on slides in turn', () => {
    // The editor's path remembers which slides have diagnostics instead of reading every slide
    // again: a chain of edits (each named by its span, as the editor names it) must report what
    // a parse and render from scratch report, as slides gain and lose diagnostics.
    const options = { mediaExists: (path: string) => !path.includes('gone') };
    const cache = createRenderCache();
    let text = Array.from({ length: 8 }, (_, i) => `## Slide ${i}\n\n![](media/a${i}.png)\n`).join('---\n');
    let deck = parseDeck(text);
    let last = renderDeck(deck, options, cache);
    // Each step replaces the first `find` with `with`; the span covers the replaced text.
    const steps: { find: string; with: string }[] = [
      { find: 'a2.png)', with: 'a2.png){onclick=x}' }, // a parse diagnostic on slide 2
      { find: 'media/a5', with: 'media/gone5' }, // a render diagnostic (missing file) on slide 5
      { find: '## Slide 6', with: '## Slide 6\n\nmore\n' }, // lines added: the slides after move
      { find: '{onclick=x}', with: '' }, // slide 2's parse diagnostic removed
      { find: 'gone5', with: 'a5' }, // slide 5's render diagnostic removed
      { find: 'media/a0', with: 'media/gone0' }, // the first slide gains one
      { find: 'a7.png)', with: 'a7.png){onclick=y}' }, // and the last
    ];
    for (const step of steps) {
      const at = text.indexOf(step.find);
      expect(at).toBeGreaterThanOrEqual(0);
      const next = text.slice(0, at) + step.with + text.slice(at + step.find.length);
      const edited = parseDeck(next, deck, { from: at, toOld: at + step.find.length, toNew: at + step.with.length });
      expect(edited.reparsed).toHaveLength(1);
      const fresh = parseDeck(next);
      expect(edited.diagnostics).toEqual(fresh.diagnostics);
      const rendered = renderDeck(edited, options, cache);
      // A slide whose text comes back to an earlier one is taken from the cache.
      expect(rendered.rendered.length).toBeLessThanOrEqual(1);
      expect(rendered.diagnostics).toEqual(renderDeck(fresh, options).diagnostics);
      text = next;
      deck = edited;
      last = rendered;
    }
    expect(last.diagnostics.map((d) => `${d.code}@${d.line}`)).toEqual(['media-missing@3', 'attr-invalid@34']);
  });

  it('should drop cached slides when the sanitizer changes or the cache is cleared', () => {
    const cache = createRenderCache();
    const deck = parseDeck('# A\n---\n# B\n');
    renderDeck(deck, {}, cache);
    expect(renderDeck(deck, {}, cache).rendered).toEqual([]);
    expect(renderDeck(deck, { sanitize: (html) => ({ html, removed: [] }) }, cache).rendered).toEqual([0, 1]);
    cache.clear();
    expect(renderDeck(deck, { sanitize: (html) => ({ html, removed: [] }) }, cache).rendered).toEqual([0, 1]);
  });

  it('should hand back the last render of every slide the parse reused, and render again after clear()', () => {
    const cache = createRenderCache();
    const first = parseDeck('# A\n\n![](media/x.png)\n---\n# B\n---\n# C\n');
    const before = renderDeck(first, { mediaExists: () => true }, cache);
    const second = parseDeck('# A\n\n![](media/x.png)\n---\n# B!\n---\n# C\n', first);
    const after = renderDeck(second, { mediaExists: () => true }, cache);
    expect(after.rendered).toEqual([1]);
    expect(after.slides[0]).toBe(before.slides[0]);
    expect(after.slides[2]).toBe(before.slides[2]);
    expect(after.slides[1]!.html).toContain('B!');
    // The media changed (a file was deleted): after clear() the same slides are rendered again.
    cache.clear();
    const missing = renderDeck(second, { mediaExists: () => false }, cache);
    expect(missing.rendered).toEqual([0, 1, 2]);
    expect(missing.diagnostics).toMatchObject([{ code: 'media-missing', line: 3 }]);
  });

  it('should notice a keystroke within a line that makes it, or unmakes it, a fence, a `:::` line or a separator', () => {
    // The one-slide path reads only the edited line when no line break is typed or removed: it
    // must still fall back when that line can change where slides split or what is code.
    const text = '# A\n\n``\ncode --\n``\n\n::\nx\n\n--\n# B\n\n  ~~\ny\n\n---\n# C\n\n```js\n---\n```\n\n:::\nz\n:::\n\n---\n# D\n';
    // [offset in `text`, removed length, inserted text]
    const keystrokes: [number, number, string][] = [];
    for (const line of ['``\ncode', '``\n\n::', '::\nx', '--\n# B', '~~\ny', '```js', ':::\nz', '---\n# D']) {
      const at = text.indexOf(line);
      const end = text.indexOf('\n', at);
      keystrokes.push([at, 0, line[0]!], [end, 0, line[0]!], [at, 1, ''], [at, 0, 'x'], [at, 0, ' '], [end, 0, ' ']);
    }
    const cache = createRenderCache();
    const first = parseDeck(text);
    renderDeck(first, {}, cache);
    for (const [at, removed, inserted] of keystrokes) {
      const next = text.slice(0, at) + inserted + text.slice(at + removed);
      const edited = parseDeck(next, first, { from: at, toOld: at + removed, toNew: at + inserted.length });
      const { reparsed: _r1, ...incremental } = edited;
      const { reparsed: _r2, ...fresh } = parseDeck(next);
      expect(incremental, JSON.stringify(next)).toEqual(fresh);
      expect(renderDeck(edited, {}, cache).html).toBe(renderDeck(parseDeck(next)).html);
      renderDeck(first, {}, cache);
    }
  });

  it('should render right through a cache whose last render was not the deck an edit started from', () => {
    // After a keystroke the render compares only the slide the parse replaced, and only when the
    // cache's last render is the deck the edit started from: any other order must still be right.
    const base = generateDeck(30).text;
    /** One character replaced in the heading of slide `n` (1-based), as a keystroke makes it. */
    const keystroke = (text: string, n: number, c: string) => {
      const at = text.indexOf(`## ${n}. `) + 3;
      return { text: text.slice(0, at) + c + text.slice(at + 1), span: { from: at, toOld: at + 1, toNew: at + 1 } };
    };
    const e1 = keystroke(base, 16, 'X');
    const e2 = keystroke(e1.text, 6, 'Y');
    const e3 = keystroke(e2.text, 26, 'Z');
    const d0 = parseDeck(base);
    const d1 = parseDeck(e1.text, d0, e1.span);
    const d2 = parseDeck(e2.text, d1, e2.span);
    const d3 = parseDeck(e3.text, d2, e3.span);
    expect([d1.reparsed, d2.reparsed, d3.reparsed]).toEqual([[15], [5], [25]]);
    const texts = [base, e1.text, e2.text, e3.text];
    const decks = [d0, d1, d2, d3];
    const cache = createRenderCache();
    for (const i of [0, 2, 1, 3, 0, 3, 2, 3]) {
      expect(renderDeck(decks[i]!, {}, cache).html).toBe(renderDeck(parseDeck(texts[i]!)).html);
    }
  });

  it('should refuse a cache it did not make', () => {
    expect(() => renderDeck(parseDeck('# A'), {}, { clear() {}, stats: { lastRendered: 0, totalRendered: 0 } })).toThrow(/createRenderCache/);
  });
});
