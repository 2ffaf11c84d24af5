// Which windows count as a presentation for the service worker's update rule (src/offline/sw.ts).
import { describe, expect, it } from 'vitest';
import { isPresentationUrl } from '../../../src/offline/protocol.ts';

describe('isPresentationUrl', () => {
  it('should count present.html with any query, and the speaker view previews', () => {
    expect(isPresentationUrl('http://127.0.0.1:4173/present.html?lectern-deck=abc&lang=en')).toBe(true);
    expect(isPresentationUrl('https://example.test/lectern/present.html?lectern-deck=abc&receiver')).toBe(true);
    expect(isPresentationUrl('https://example.test/lectern/present?lectern-deck=abc')).toBe(true);
  });

  it('should not count the authoring app or the handout, whatever their hash or query says', () => {
    expect(isPresentationUrl('http://127.0.0.1:4173/')).toBe(false);
    expect(isPresentationUrl('http://127.0.0.1:4173/index.html#/edit/present.html')).toBe(false);
    expect(isPresentationUrl('http://127.0.0.1:4173/?next=present.html')).toBe(false);
    expect(isPresentationUrl('http://127.0.0.1:4173/handout.html?lectern-deck=abc')).toBe(false);
    expect(isPresentationUrl('http://127.0.0.1:4173/not-present.html.bak')).toBe(false);
  });
});
