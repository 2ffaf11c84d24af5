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

  it('should refuse a cache it did not make', () => {
    expect(() => renderDeck(parseDeck('# A'), {}, { clear() {}, stats: { lastRendered: 0, totalRendered: 0 } })).toThrow(/createRenderCache/);
  });
});
