// The Offline HTML zip of a deck whose image has a Vietnamese file name, extracted the way a
// lecturer would on Linux (Debian's Info-ZIP `unzip`) and with libarchive's `bsdtar`: the file must
// come out under its own name, and the page opened from file:// must show the image.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBundleToBlob } from '@lectern/bundle';
import { openLibrary, useBrowser } from './support/browser.ts';

const chrome = useBrowser({ tempDir: 'lectern-e2e-offline-html-names-' });
const { dir } = chrome;

const SLIDES = fileURLToPath(new URL('../../slides/', import.meta.url));
const IMAGE = 'media/ảnh-lớp-học.png';
const TITLE = 'Bài giảng có ảnh tên tiếng Việt';

async function makeBundle(): Promise<Buffer> {
  const png = readFileSync(join(SLIDES, 'nghi-quyet-dang-vien-moi', 'media', 'nen-do.png'));
  const deck = `---\ntitle: ${TITLE}\n---\n\n# Ảnh lớp học\n\n![Lớp học](${IMAGE})\n`;
  const now = new Date().toISOString();
  const { blob } = await writeBundleToBlob({
    id: '7d3c2a1e-5b4f-4c3d-9e8f-0a1b2c3d4e5f',
    title: TITLE,
    createdAt: now,
    updatedAt: now,
    generator: 'lectern test',
    deck,
    assets: [{ path: IMAGE, type: 'image/png', size: png.length, async *chunks() { yield new Uint8Array(png); } }],
  });
  return Buffer.from(await blob.arrayBuffer());
}

describe('offline HTML export with Vietnamese file names', () => {
  it('should extract under the same names with Debian unzip and bsdtar, and the page should show the image', { timeout: 300_000 }, async () => {
    const bundle = await makeBundle();
    const app = await chrome.browser.newContext({ acceptDownloads: true });
    const page = await app.newPage();
    await openLibrary(page);
    await expect.poll(() => page.getByRole('button', { name: 'Back up library' }).isEnabled(), { timeout: 30_000 }).toBe(true);

    // Import the bundle the way a lecturer drops a file on the library.
    const dataTransfer = await page.evaluateHandle((base64) => {
      const dt = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], 'bai-giang.lectern', { type: 'application/zip' }));
      return dt;
    }, bundle.toString('base64'));
    const screen = page.locator('lectern-screen-library');
    await screen.dispatchEvent('dragover', { dataTransfer });
    await screen.dispatchEvent('drop', { dataTransfer });
    const dialog = page.locator('lectern-import-dialog');
    await dialog.getByRole('button', { name: 'Import' }).click({ timeout: 60_000 });
    const card = page.locator('article.deck').filter({ has: page.locator('h2', { hasText: TITLE }) });
    await card.waitFor({ timeout: 60_000 });

    const button = card.getByRole('button', { name: 'Offline HTML' });
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    const zipPath = join(dir, 'deck.zip');
    await download.saveAs(zipPath);
    await app.close();

    const viaUnzip = join(dir, 'unzip');
    const viaBsdtar = join(dir, 'bsdtar');
    mkdirSync(viaUnzip);
    mkdirSync(viaBsdtar);
    execFileSync('unzip', ['-q', zipPath, '-d', viaUnzip]);
    execFileSync('bsdtar', ['-xf', zipPath, '-C', viaBsdtar]);
    for (const out of [viaUnzip, viaBsdtar]) {
      expect(readdirSync(join(out, 'media'))).toEqual(['ảnh-lớp-học.png']);
      expect(existsSync(join(out, 'index.html'))).toBe(true);
    }

    // Opened from file://, the slide shows the image extracted by unzip.
    const viewer = await chrome.browser.newContext();
    const show = await viewer.newPage();
    await show.goto(pathToFileURL(join(viaUnzip, 'index.html')).href);
    await show.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout: 60_000 });
    await show.evaluate(() => {
      for (const img of document.querySelectorAll<HTMLImageElement>('.reveal .slides img[data-src]')) img.src = img.dataset.src ?? '';
    });
    await show.waitForFunction(
      () => [...document.querySelectorAll<HTMLImageElement>('.reveal .slides img')].some((img) => img.complete && img.naturalWidth > 0),
      undefined,
      { timeout: 30_000 },
    );
    await viewer.close();
  });
});
