// Hostile input is normal input: any text parses, round-trips and renders without throwing.
import fc from 'fast-check';
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
