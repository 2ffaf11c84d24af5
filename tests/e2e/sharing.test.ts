// Sharing between two browser profiles, the way an instructor does it: Export a deck from the
// library in one (fresh) profile, Import the downloaded .lectern file in another, then present
// it there with its media, with no network between the two but the file.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { deckCards, openLibrary, SAMPLE_TITLE as SAMPLE, useBrowser } from './support/browser.ts';

const chrome = useBrowser({ tempDir: 'lectern-e2e-sharing-' });
const { dir } = chrome;

const base = () => inject('baseURL');
/** The Vietnamese sample deck (slides/nghi-quyet-dang-vien-moi), which has images and a video. */

describe('sharing a deck between two profiles', () => {
  it('should export from one profile, import into a fresh one and present there with its media', { timeout: 300_000 }, async () => {
    // Profile A: the sample deck with media.
    const a = await chrome.browser.newContext({ acceptDownloads: true });
    const pageA = await a.newPage();
    // Every sample deck in first: the list re-sorts while they arrive, and lit reuses card
    // elements by position, so a card located earlier could show another deck.
    await openLibrary(pageA);
    const card = deckCards(pageA);
    const deckId = await card.getAttribute('data-deck-id');
    expect(deckId).toBeTruthy();
    const byId = pageA.locator(`article.deck[data-deck-id="${deckId}"]`);
    const [download] = await Promise.all([pageA.waitForEvent('download'), byId.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${SAMPLE}.lectern`);
    expect(download.suggestedFilename()).toMatch(/\.lectern$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(statSync(file).size).toBeGreaterThan(10_000);
    await a.close();

    // Profile B: a fresh IndexedDB; its own samples are seeded, under the same ids as A's (a
    // sample's id comes from its folder, src/app/sample-identity.ts).
    const b = await chrome.browser.newContext();
    // The preview hashes the media with WebAssembly: a policy refusing it fires a violation
    // event (Chromium logs nothing) and the app falls back to slower JavaScript, unseen.
    await b.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const pageB = await b.newPage();
    pageB.on('console', (message) => { if (message.type() === 'error') console.error('profile B:', message.text()); });
    pageB.on('pageerror', (error) => console.error('profile B pageerror:', error.message));
    await openLibrary(pageB);
    await pageB.locator('input.import').setInputFiles(file);
    // The preview says what the bundle holds and what will happen, before anything is stored:
    // B's own sample is recognised as the same deck.
    const dialog = pageB.locator('lectern-import-dialog');
    await dialog.getByText(/^This deck is already in your library/).waitFor({ timeout: 60_000 });
    await expect.poll(() => dialog.locator('dd').allInnerTexts()).toEqual(expect.arrayContaining([SAMPLE]));
    await dialog.getByRole('button', { name: 'Replace' }).click();
    // The preview's WebAssembly hash ran under the app's policy: no violation was reported.
    expect(await pageB.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    expect(await pageB.locator(`article.deck[data-deck-id="${deckId}"]`).count()).toBe(1);
    expect(await deckCards(pageB).count()).toBe(1);

    // The same file again, kept beside it: a copy under a new id.
    await pageB.locator('input.import').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Keep both' }).click({ timeout: 60_000 });
    await expect.poll(() => deckCards(pageB).count(), { timeout: 60_000 }).toBe(2);
    expect(await pageB.locator(`article.deck[data-deck-id="${deckId}"]`).count()).toBe(1);

    // Present it in profile B: slides render and the media load from the imported Blobs.
    const present = await b.newPage();
    await present.goto(new URL(`present.html?${new URLSearchParams({ 'lectern-deck': deckId!, lang: 'en' })}`, base()).href);
    await present.locator('.reveal .slides section').first().waitFor({ timeout: 60_000 });
    const media = await present.waitForFunction(
      () => {
        const images = [...document.querySelectorAll<HTMLImageElement>('.reveal .slides img')].filter((img) => img.src.startsWith('blob:'));
        return images.length > 0 && images.some((img) => img.complete && img.naturalWidth > 0) ? images.length : false;
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(await media.jsonValue()).toBeGreaterThan(0);
    await b.close();
  });
});
