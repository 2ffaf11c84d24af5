// Issue 7: an installed Lectern opens `.lectern` files from the file manager (manifest
// `file_handlers` + `launchQueue`). Headless Chromium cannot install the app or double-click a
// file, so the test stands in for the browser's side only: a `window.launchQueue` that hands the
// app's consumer a file handle, as Chromium does on a launch. Everything after that is the real
// app: the preview-and-import flow, the library, the store. A broken file is refused with its
// reason and stores nothing.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser.ts';

const chrome = useBrowser();

/** Chromium's side of a launch: the consumer gets `{ files: [FileSystemFileHandle-like] }`. */
async function launchWithFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ([fileName, base64]) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const file = new File([data], fileName, { type: 'application/x-lectern' });
      const consumer = (window as unknown as { lecternTestLaunch?: (params: unknown) => void }).lecternTestLaunch;
      if (!consumer) throw new Error('the app set no launchQueue consumer');
      consumer({ files: [{ kind: 'file', name: fileName, getFile: async () => file }] });
    },
    [name, bytes.toString('base64')] as const,
  );
}

it('opens a .lectern file handed over by the launch queue in the import flow, and refuses a broken one', { timeout: 300_000 }, async () => {
  const context = await chrome.browser.newContext({ acceptDownloads: true, locale: 'en-GB' });
  await context.addInitScript(() => {
    // Chromium has a read-only `launchQueue` of its own: shadow it on the window object.
    Object.defineProperty(window, 'launchQueue', {
      configurable: true,
      value: {
        setConsumer(consumer: (params: unknown) => void) {
          (window as unknown as { lecternTestLaunch: unknown }).lecternTestLaunch = consumer;
        },
      },
    });
  });
  const page = await context.newPage();
  await page.goto(`${inject('baseURL')}?lang=en#/library`);
  await page.waitForFunction(() => document.documentElement.dataset.lecternSamples === 'ready', null, { timeout: 0, polling: 100 });
  const cards = page.locator('article.deck');
  await cards.first().waitFor();

  // A bundle made by Lectern itself: the Vietnamese sample, exported.
  const card = cards.filter({ hasText: 'Nghị quyết' }).first();
  const exportButton = card.getByRole('button', { name: 'Export', exact: true });
  await expect.poll(() => exportButton.isEnabled(), { timeout: 60_000 }).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const bundle = await readFile(await download.path());
  const before = await cards.count();

  // The file manager hands it over; the app previews it and asks, the instructor keeps both.
  await launchWithFile(page, 'Nghị quyết — bài 1.lectern', bundle);
  const imported = page.getByText('Imported the deck from “Nghị quyết — bài 1.lectern”');
  const keepBoth = page.getByRole('button', { name: 'Keep both' });
  await expect.poll(async () => (await imported.count()) > 0 || (await keepBoth.count()) > 0, { timeout: 60_000 }).toBe(true);
  if ((await keepBoth.count()) > 0) await keepBoth.click();
  await imported.waitFor();
  await expect.poll(() => cards.count(), { timeout: 60_000 }).toBe(before + 1);

  // A broken file: a clear reason, nothing stored.
  await launchWithFile(page, 'hỏng.lectern', Buffer.from('this is not a zip file'));
  await page.getByText(/Could not open the file: hỏng\.lectern/).waitFor();
  expect(await cards.count()).toBe(before + 1);
  await context.close();
});
