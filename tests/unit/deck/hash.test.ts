// Slide revisions: the parse hashes each slide where it lies in the deck's text; the result must
// be the revision of the slide's text on its own, for every length and at every offset (the hash
// reads two or four UTF-16 units at a time, and the last one to three on their own).
import { describe, expect, it } from 'vitest';
import { revisionOf } from '../../../packages/deck/src/hash.ts';
import { parseDeck } from '../../../packages/deck/src/index.ts';
import { generateDeck } from './generate-deck.ts';

describe('revisionOf', () => {
  it('gives a part of a text the revision of that part on its own', () => {
    const text = '## Mở đầu\n\nNghị quyết Đại hội XIII 🇻🇳 {minutes=5}\n';
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        expect(revisionOf(text, start, end), `${start}-${end}`).toBe(revisionOf(text.slice(start, end)));
      }
    }
  });

  it('gives each parsed slide the revision of its text', () => {
    const deck = parseDeck(generateDeck(50).text);
    for (const slide of deck.slides) expect(slide.revision).toBe(revisionOf(slide.raw));
    expect(new Set(deck.slides.map((s) => s.revision)).size).toBe(deck.slides.length);
  });
});
