// The built site's runtime (_lectern/start.js): the bundle (build output, brought up to date from
// the package's sources by the global setup, tests/support/site-runtime-setup.ts) is a classic
// script (file:// runs no modules), and the page's config is read defensively and made from the
// deck's plan.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '@lectern/deck';
import { parseSiteConfig, presentedPlan, sitePresentConfig } from '@lectern/present-runtime';
import { SITE_RUNTIME_FILE } from '../../scripts/site-runtime-source.mjs';

describe('the site runtime bundle', () => {
  it('is a classic script with no import/export and only ASCII bytes', () => {
    const text = readFileSync(SITE_RUNTIME_FILE, 'utf8');
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    // The Vietnamese labels are in it, escaped.
    expect(text).toContain('M\\xE0n h\\xECnh gi\\u1EA3ng vi\\xEAn');
  });
});

describe('the page config', () => {
  it('ignores anything of the wrong shape', () => {
    expect(parseSiteConfig('not json')).toEqual({ hash: true, plan: [] });
    expect(parseSiteConfig('{"plan":[60,"x"],"duration":-3,"lang":5,"hash":false,"showNotes":true}')).toEqual({ hash: false, plan: [] });
    expect(parseSiteConfig('{"plan":[0,60],"duration":45,"lang":"en","deckKey":"k"}')).toEqual({ hash: true, plan: [0, 60], duration: 45, lang: 'en', deckKey: 'k' });
  });

  it("is made from the deck's language, plan and duration", () => {
    const deck = parseDeck(readFileSync('slides/nghi-quyet-dang-vien-moi/deck.md', 'utf8'));
    const config = sitePresentConfig(deck, 'lectern:deck.md');
    expect(config.lang).toBe('vi');
    expect(config.duration).toBe(deck.meta.duration);
    expect(config.plan).toEqual(presentedPlan(deck));
    expect(config.plan?.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
