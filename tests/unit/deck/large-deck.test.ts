// A generated 5,000-slide deck (generated here rather than committed: megabytes of fixture).
import { describe, expect, it } from 'vitest';
import { parseDeck, renderDeck, serializeDeck } from '../../../packages/deck/src/index.ts';
import { generateDeck } from './generate-deck.ts';

describe('a 5,000-slide deck', () => {
  it('should parse into 5,000 slides at the right lines, round-trip and render without diagnostics', () => {
    const generated = generateDeck(5000);
    const deck = parseDeck(generated.text);
    expect(deck.slides).toHaveLength(5000);
    for (const i of [0, 1, 5, 999, 2500, 4999]) expect(deck.slides[i]!.startLine).toBe(generated.slideLines[i]);
    expect(deck.slides[5]!.v).toBe(1);
    expect(deck.slides[4999]!.title).toMatch(/^5000\. /);
    expect(serializeDeck(deck)).toBe(generated.text);
    expect(deck.diagnostics).toEqual([]);
    const rendered = renderDeck(deck, { mediaExists: () => true });
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.slides).toHaveLength(5000);
    expect(rendered.html.match(/<aside class="notes">/g)).toHaveLength(5000);
  });
});
