// Sanitizer.many in Chromium (the presenter and the Offline HTML export render whole decks, so
// they clean slides in batches too): the same HTML and warnings as one call per slide, for the
// XSS corpus and for slides written to break a batch apart.
import { describe, expect, it } from 'vitest';
import { createSanitizer, parseDeck, renderDeck, type Sanitizer } from '../../../packages/deck/src/index.ts';
import { batchBreakerDeck } from '../../fixtures/xss/batch-breakers.ts';
import { corpusDeck } from '../../fixtures/xss/vectors.ts';

const batched = createSanitizer(window);
const oneByOne: Sanitizer = (html) => batched(html);

describe('Sanitizer.many in Chromium', () => {
  for (const [name, text] of [['the XSS corpus', corpusDeck()], ['the batch breakers', batchBreakerDeck()]] as const) {
    it(`should clean ${name} exactly as one call per slide does`, () => {
      const deck = parseDeck(text);
      const a = renderDeck(deck, { sanitize: batched });
      const b = renderDeck(deck, { sanitize: oneByOne });
      expect(a.slides.map((s) => s.html)).toEqual(b.slides.map((s) => s.html));
      expect(a.diagnostics).toEqual(b.diagnostics);
    });
  }
});
