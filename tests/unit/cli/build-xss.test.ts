// The XSS corpus (tests/fixtures/xss/vectors.ts) through the CLI's build path, sanitized on a
// jsdom window: nothing executable may reach the written index.html. The browser suite proves
// in Chromium that the same decks run nothing; this one guards the static build.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDeck, XSS_VECTORS } from '../../fixtures/xss/vectors.ts';
import { removeScratch, runCli, scratch } from './helpers.ts';

afterAll(removeScratch);

const RUNTIME_SCRIPTS = ['_lectern/reveal.js', '_lectern/notes.js', '_lectern/start.js'];
const RE_SCRIPT_URL = /^\s*(?:java|vb|live)script:/i;

/** Builds `deck` and returns the written page, parsed (jsdom does not run its scripts). */
async function build(deck: string) {
  const dir = await scratch({ 'deck.md': deck });
  const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
  const html = await readFile(join(dir, 'site/index.html'), 'utf8');
  return { run, html, document: new JSDOM(html).window.document };
}

function expectInert(document: Document) {
  const scripts = [...document.querySelectorAll('script')];
  expect(scripts.map((s) => s.getAttribute('src') ?? s.getAttribute('type'))).toEqual(['application/json', ...RUNTIME_SCRIPTS]);
  expect(document.querySelector('.slides script, .slides iframe[srcdoc], .slides object, .slides embed, base, meta[http-equiv], form, .slides style')).toBeNull();
  for (const element of document.querySelectorAll('.slides *')) {
    for (const name of element.getAttributeNames()) {
      expect(name, `${element.tagName} ${name}`).not.toMatch(/^on/i);
      expect(element.getAttribute(name), `${element.tagName} ${name}`).not.toMatch(RE_SCRIPT_URL);
      expect(name).not.toBe('data-notes');
    }
    if (element.tagName === 'IFRAME') expect(element.getAttribute('sandbox') ?? '').not.toMatch(/allow-scripts.*allow-same-origin|allow-same-origin.*allow-scripts/);
  }
}

describe('lectern build with hostile decks', () => {
  it('writes no script, handler or script URL for the whole corpus in one deck', async () => {
    const { run, document } = await build(corpusDeck());
    // Two vectors name images that do not exist: those are the only errors.
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((l) => / error /.test(l)).every((l) => / error media-missing /.test(l))).toBe(true);
    expect(run.stderr).toMatch(/warning html-removed/);
    expectInert(document);
    expect(document.querySelectorAll('.slides > section').length).toBe(XSS_VECTORS.filter((v) => !v.deck.startsWith('---\n')).length);
  });

  for (const vector of XSS_VECTORS.filter((v) => v.deck.startsWith('---\n'))) {
    it(`${vector.id}: front matter reaches the page only as text`, async () => {
      const { document, html, run } = await build(vector.deck);
      expect(run.code, run.stderr).toBe(0);
      expectInert(document);
      expect(document.head.querySelectorAll('title')).toHaveLength(1);
      expect(html).not.toMatch(/<\/title><script>|"><script>/);
      if (vector.id === 'frontmatter-title') expect(document.title).toContain('</title><script>');
      if (vector.id === 'frontmatter-lang-theme') {
        expect(document.documentElement.getAttribute('lang')).toContain('"><script>');
        expect(run.stderr).toContain('using "white"'); // a theme name is never a path
      }
    });
  }
});
