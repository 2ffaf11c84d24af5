// "Export HTML" from the library: a .zip with index.html presenting the deck with reveal.js, its
// media and Lectern's speaker view (labels in the deck's language, one clock, the countdown). Unzipped with fflate in Node and opened from file:// with
// every network request refused, it must present: reveal.js ready, every slide there, the
// Vietnamese text intact, the images loaded from media/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '@lectern/deck';
import { deckCards, openLibrary, SAMPLE_TITLE as SAMPLE, useBrowser } from './support/browser.ts';
import { checkNoUrlConfig, checkSiteSpeakerView } from './site-speaker-support.ts';

const chrome = useBrowser({ tempDir: 'lectern-e2e-offline-html-' });
const { dir } = chrome;

const SLIDES = fileURLToPath(new URL('../../slides/', import.meta.url));
const HEADING = 'Khát vọng phát triển đất nước';

describe('offline HTML export', () => {
  it('should export a deck as a zip whose index.html presents from file:// with no network', { timeout: 300_000 }, async () => {
    const app = await chrome.browser.newContext({ acceptDownloads: true });
    const page = await app.newPage();
    await openLibrary(page);
    const card = deckCards(page);
    const button = card.getByRole('button', { name: 'Offline HTML' });
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe(`${SAMPLE}.html.zip`);
    const zipPath = join(dir, 'deck.zip');
    await download.saveAs(zipPath);
    await app.close();

    const out = join(dir, 'site');
    const entries = unzipSync(readFileSync(zipPath));
    for (const [name, bytes] of Object.entries(entries)) {
      expect(name.split('/')).not.toContain('..');
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(out, name)), { recursive: true });
      writeFileSync(join(out, name), bytes);
    }
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['index.html', '_lectern/reveal.js', '_lectern/notes.js', 'media/nen-do.png']));

    const md = readFileSync(join(SLIDES, 'nghi-quyet-dang-vien-moi', 'deck.md'), 'utf8');
    const deck = parseDeck(md);
    const expected = deck.slides.length + (deck.meta.titleSlide ? 1 : 0);

    const viewer = await chrome.browser.newContext();
    const requests: string[] = [];
    await viewer.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const show = await viewer.newPage();
    const errors: string[] = [];
    show.on('pageerror', (error) => errors.push(error.message));
    await show.goto(pathToFileURL(join(out, 'index.html')).href);
    await show.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout: 60_000 });
    const total = await show.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
    expect(total).toBe(expected);
    expect(await show.locator('.reveal .slides h2', { hasText: HEADING }).count()).toBe(1);
    // The speaker-notes plugin is there (S opens the speaker view).
    expect(await show.evaluate(() => (window as unknown as { Reveal: { hasPlugin(id: string): boolean } }).Reveal.hasPlugin('notes'))).toBe(true);
    // An image from media/ loads (reveal.js lazy-loads data-src on nearby slides: show them all).
    await show.evaluate(() => {
      for (const img of document.querySelectorAll<HTMLImageElement>('.reveal .slides img[data-src]')) img.src = img.dataset.src ?? '';
    });
    const loaded = await show.waitForFunction(
      () => [...document.querySelectorAll<HTMLImageElement>('.reveal .slides img')].some((img) => img.complete && img.naturalWidth > 0 && img.src.startsWith('file:')),
      undefined,
      { timeout: 30_000 },
    );
    expect(await loaded.jsonValue()).toBe(true);
    // Lectern's speaker view, as in the app and a `lectern build` site (deck in Vietnamese).
    viewer.setDefaultTimeout(240_000);
    await show.evaluate(() => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(0));
    await checkSiteSpeakerView(show, viewer);
    await checkNoUrlConfig(show, pathToFileURL(join(out, 'index.html')).href);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await viewer.close();
  });
});
