// Sanitizer.many (one DOMPurify call for many slides, what makes `lectern check`/`build` fast on
// jsdom) must give exactly what one call per slide gives: the same HTML and the same html-removed
// warnings at the same lines, for the XSS corpus, the sample lessons, generated decks and slides
// written to break a batch apart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createSanitizer, parseDeck, renderDeck, type Sanitizer, type SanitizerWindow } from '../../../packages/deck/src/index.ts';
import { batchBreakerDeck, BATCH_BREAKERS } from '../../fixtures/xss/batch-breakers.ts';
import { corpusDeck, XSS_VECTORS } from '../../fixtures/xss/vectors.ts';
import { generateDeck } from '../deck/generate-deck.ts';

/** No script element, no event handler, no script URL anywhere in the parsed output. */
function expectInert(html: string) {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  expect(doc.querySelectorAll('script').length).toBe(0);
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on')).toBe(false);
      expect(/^\s*javascript:/i.test(attr.value)).toBe(false);
    }
  }
}

const batched = createSanitizer(new JSDOM('').window as unknown as SanitizerWindow);
const oneByOne: Sanitizer = (html) => batched(html);

function expectSameRender(text: string) {
  const deck = parseDeck(text);
  const a = renderDeck(deck, { sanitize: batched });
  const b = renderDeck(deck, { sanitize: oneByOne });
  expect(a.slides.map((s) => s.html)).toEqual(b.slides.map((s) => s.html));
  expect(a.diagnostics).toEqual(b.diagnostics);
  expect(a.html).toBe(b.html);
  return a;
}

describe('Sanitizer.many', () => {
  it('should clean the whole XSS corpus exactly as one call per slide does', () => {
    const out = expectSameRender(corpusDeck());
    expectInert(out.html);
    expect(out.diagnostics.filter((d) => d.code === 'html-removed').length).toBeGreaterThanOrEqual(XSS_VECTORS.filter((v) => v.expectRemoved).length);
  });

  it('should give each vector deck the same result', () => {
    for (const vector of XSS_VECTORS) expectSameRender(vector.deck);
  });

  it('should fall back to one call per slide when a slide breaks the batch apart', () => {
    const out = expectSameRender(batchBreakerDeck());
    // The plain slides after each breaker are all there, in order.
    BATCH_BREAKERS.forEach((_, i) => expect(out.html).toContain(`Trang thường ${i}`));
    expectInert(out.html);
  });

  it('should give the same result for the sample lessons and generated decks', () => {
    const slides = new URL('../../../slides/', import.meta.url).pathname;
    for (const dir of readdirSync(slides)) expectSameRender(readFileSync(join(slides, dir, 'deck.md'), 'utf8'));
    expectSameRender(generateDeck(300).text);
  });

  it('should return one result per fragment, in order, with the removals of that fragment only', () => {
    const results = batched.many!(['<p>một</p>', '<img src="a.png" onerror="x()">', '<b>ba</b><script>y()</script>', 'bốn']);
    expect(results).toEqual([
      { html: '<p>một</p>', removed: [] },
      { html: '<img src="a.png">', removed: [{ what: 'onerror on <img>' }] },
      { html: '<b>ba</b>', removed: [{ what: '<script>' }] },
      { html: 'bốn', removed: [] },
    ]);
  });
});
