// Slide numbers from the deck package: what every screen, print and CLI line shows.
import { describe, expect, it } from 'vitest';
import { parseDeck, slideNumbering } from '../../../packages/deck/src/index.ts';

const body = '# A\n---\n# B\n--\n# B2\n--\n# B3\n---\n# C\n';

describe('slideNumbering', () => {
  it('counts the title slide made from the front matter and numbers vertical slides n.2, n.3', () => {
    const numbering = slideNumbering(parseDeck(`---\ntitle: Bài 1\ntitleSlide: true\n---\n${body}`));
    expect(numbering).toEqual({
      count: 6,
      titleSlide: '1',
      labels: ['2', '3', '3.2', '3.3', '4'],
      linear: ['1', '2', '3', '3.2', '3.3', '4'],
    });
  });

  it('starts at 1 without a title slide', () => {
    const numbering = slideNumbering(parseDeck(body));
    expect(numbering.count).toBe(5);
    expect(numbering.titleSlide).toBeUndefined();
    expect(numbering.labels).toEqual(['1', '2', '2.2', '2.3', '3']);
    expect(numbering.linear).toEqual(numbering.labels);
  });
});
