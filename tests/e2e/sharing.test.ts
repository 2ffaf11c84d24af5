// Sharing between two browser profiles, the way an instructor does it: Export a deck from the
// library in one (fresh) profile, Import the downloaded .lectern file in another, then present
// it there with its media, with no network between the two but the file.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
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

async function openLibrary(page: Page): Promise<void> {
  await page.goto(`${base()}?lang=en#/library`);
  await page.locator('article.deck').first().waitFor({ timeout: 60_000 });
}

describe('sharing a deck between two profiles', () => {
  it('should export from one profile, import into a fresh one and present there with its media', { timeout: 300_000 }, async () => {
    // Profile A: the sample deck with media.
    const a = await browser.newContext({ acceptDownloads: true });
    const pageA = await a.newPage();
    await openLibrary(pageA);
    const card = pageA.locator('article.deck', { hasText: 'Nghị quyết' }).first();
    const deckId = await card.getAttribute('data-deck-id');
    expect(deckId).toBeTruthy();
    const [download] = await Promise.all([pageA.waitForEvent('download'), card.getByRole('button', { name: 'Export' }).click()]);
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
    await pageB.locator(`article.deck[data-deck-id="${deckId}"]`).waitFor({ timeout: 60_000 });
    // B's own copy of the sample (another id) and the imported one, side by side.
    expect(await pageB.locator(`article.deck[data-deck-id="${deckId}"]`).count()).toBe(1);
    await expect.poll(() => pageB.locator('article.deck', { hasText: 'Nghị quyết' }).count(), { timeout: 60_000 }).toBe(2);

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
