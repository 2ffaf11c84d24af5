// Sharing between two browser profiles, the way an instructor does it: Export a deck from the
// library in one (fresh) profile, Import the downloaded .lectern file in another, then present
// it there with its media, with no network between the two but the file.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'lectern-e2e-sharing-'));

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = () => inject('baseURL');
/** The Vietnamese sample deck (slides/nghi-quyet-dang-vien-moi), which has images and a video. */
const SAMPLE = 'Học tập và làm theo Nghị quyết Đại hội XIII của Đảng';

const SAMPLE_COUNT = readdirSync(fileURLToPath(new URL('../../slides/', import.meta.url))).length;

/** Opens the library once every sample deck is in (the list re-sorts while they arrive, and lit
 *  reuses card elements by position, so a card located earlier could show another deck). */
async function openLibrary(page: Page): Promise<void> {
  await page.goto(`${base()}?lang=en#/library`);
  await expect.poll(() => page.locator('article.deck').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(SAMPLE_COUNT);
}

describe('sharing a deck between two profiles', () => {
  it('should export from one profile, import into a fresh one and present there with its media', { timeout: 300_000 }, async () => {
    // Profile A: the sample deck with media.
    const a = await browser.newContext({ acceptDownloads: true });
    const pageA = await a.newPage();
    await openLibrary(pageA);
    const card = pageA.locator('article.deck').filter({ has: pageA.locator('h2', { hasText: SAMPLE }) });
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

    // Profile B: a fresh IndexedDB; its own samples are seeded, then the import adds the deck.
    const b = await browser.newContext();
    const pageB = await b.newPage();
    pageB.on('console', (message) => { if (message.type() === 'error') console.error('profile B:', message.text()); });
    pageB.on('pageerror', (error) => console.error('profile B pageerror:', error.message));
    await openLibrary(pageB);
    await pageB.locator('input.import').setInputFiles(file);
    // The preview says what the bundle holds and what will happen, before anything is stored.
    const dialog = pageB.locator('lectern-import-dialog');
    await dialog.getByText('The deck will be added to your library.').waitFor({ timeout: 60_000 });
    await expect.poll(() => dialog.locator('dd').allInnerTexts()).toEqual(expect.arrayContaining([SAMPLE]));
    await dialog.getByRole('button', { name: 'Import' }).click();
    await pageB.locator(`article.deck[data-deck-id="${deckId}"]`).waitFor({ timeout: 60_000 });
    // B's own copy of the sample (another id) and the imported one, side by side.
    expect(await pageB.locator(`article.deck[data-deck-id="${deckId}"]`).count()).toBe(1);
    await expect.poll(() => pageB.locator('article.deck').filter({ has: pageB.locator('h2', { hasText: SAMPLE }) }).count(), { timeout: 60_000 }).toBe(2);

    // The same file again: it is recognised, and "Replace" keeps one card for it.
    await pageB.locator('input.import').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Replace' }).click({ timeout: 60_000 });
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    expect(await pageB.locator(`article.deck[data-deck-id="${deckId}"]`).count()).toBe(1);
    expect(await pageB.locator('article.deck').filter({ has: pageB.locator('h2', { hasText: SAMPLE }) }).count()).toBe(2);

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
