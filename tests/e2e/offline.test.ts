// Issue 7: once opened online, Lectern starts, edits and presents with the network cut.
// The build is served by our own server, which the test stops (connection refused) besides
// switching the browser context offline.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { relative, join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { cachedPaths, serveDir, waitForOfflineReady, type StaticServer } from './offline-support.ts';

const outDir = inject('outDir');
const chrome = useBrowser();

async function buildFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => '/' + relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith('/.vite/') && !path.endsWith('.map'));
}

describe('offline after one online visit', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDir(outDir);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('precaches every page, chunk, stylesheet, font and icon of the build', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}?lang=en`);
    await waitForOfflineReady(page);
    const cached = new Set(await cachedPaths(page));
    const files = (await buildFiles(outDir)).filter((path) => path !== '/sw.js'); // the worker itself is not precached
    const missing = files.filter((path) => !cached.has(path));
    expect(missing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.lecternOffline)).toBe('ready');
    await context.close();
  });
});

const MEDIA_DIR = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
const IMAGE = `${MEDIA_DIR}Ảnh lớp học.png`;
const VIDEO = `${MEDIA_DIR}clip-thao-luan.webm`;
const editorBox = (page: Page) => page.getByRole('textbox', { name: 'Deck text (Markdown)' });

async function editorText(page: Page): Promise<string> {
  return editorBox(page).evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (line) => line.textContent ?? '').join('\n'));
}

describe('with the network cut', () => {
  it('starts, edits a deck, adds media, presents it with video and exports a bundle', { timeout: 300_000 }, async () => {
    const server = await serveDir(outDir);
    const context = await chrome.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('pageerror:', error.message));

    // One online visit: the app seeds its sample decks and stores itself for offline use.
    await page.goto(`${server.url}?lang=en#/library`);
    await page.waitForFunction(() => document.documentElement.dataset.lecternSamples === 'ready', null, { timeout: 0, polling: 100 });
    await waitForOfflineReady(page);
    await page.getByText('Lectern is ready').first().waitFor();

    // The cable is pulled: the server is gone and the browser is offline.
    await server.close();
    await context.setOffline(true);
    const served = server.requests.length;

    // It starts: the library lists the decks.
    await page.reload();
    await page.locator('article.deck').first().waitFor();
    expect(await page.locator('article.deck').count()).toBeGreaterThanOrEqual(2);
    // The shipped typeface, with Vietnamese letters, comes from the cache too.
    const faces = await page.evaluate(async () => (await document.fonts.load('16px "Source Sans 3"', 'Giáo án điện tử ệ ỗ Ặ')).length);
    expect(faces).toBeGreaterThan(0);

    // It edits: a new deck in the editor (CodeMirror is a lazy chunk), saved to IndexedDB.
    await page.getByRole('button', { name: 'New deck' }).click();
    await page.getByRole('button', { name: /Blank deck/ }).click();
    await page.waitForURL(/#\/edit\//);
    const deckId = decodeURIComponent(new URL(page.url()).hash.replace('#/edit/', ''));
    await editorBox(page).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('---\ntitle: Bài học không có mạng\n---\n\n## Tư liệu\n\n');
    // It adds media: an image and a video, stored as Blobs.
    await page.locator('input[type=file][accept^="image"]').setInputFiles([IMAGE, VIDEO]);
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('(media/clip-thao-luan.webm)');
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 60_000 });

    // It presents, with the video playing from its Blob URL.
    const present = await context.newPage();
    await present.goto(`${server.url}present.html?lectern-deck=${encodeURIComponent(deckId)}&lang=en`);
    await present.waitForFunction(() => document.documentElement.dataset.lecternState, null, { timeout: 0, polling: 100 });
    expect(await present.evaluate(() => document.documentElement.dataset.lecternState)).toBe('ready');
    const video = present.locator('.reveal .slides video').first();
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentSrc || v.src)).toMatch(/^blob:/);
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      await v.play();
    });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 }).toBeGreaterThan(0);
    await present.close();

    // It exports the deck as a .lectern bundle (a zip), media included.
    await page.goto(`${server.url}?lang=en#/library`);
    const card = page.locator(`article.deck[data-deck-id="${deckId}"]`);
    await card.waitFor();
    const exportButton = card.getByRole('button', { name: 'Export', exact: true });
    await expect.poll(() => exportButton.isEnabled(), { timeout: 60_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/\.lectern$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('media/clip-thao-luan.webm'))).toBe(true);

    // Nothing of this reached the network.
    expect(server.requests.length).toBe(served);
    await context.close();
  });
});
