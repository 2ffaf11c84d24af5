// Presenting with the network cut (Playwright context.setOffline(true) after the app was loaded
// once): every slide, the video clip from IndexedDB, the speaker view (its preview iframes
// reload present.html, served by the service worker), a reload of the presenting page and the
// handout all work, and nothing asks the network.
import { expect, inject, it } from 'vitest';
import { waitForOfflineReady } from './offline-support.ts';
import { openPresent, pressThroughDeck, slideWith, useSeededSample } from './present-support.ts';

const sample = useSeededSample({ prepare: (seeded) => waitForOfflineReady(seeded.page) });

it('should present the stored deck, play its video and open the speaker view offline', async () => {
  const page = sample.seeded.page;
  await openPresent(page, sample.deckId);
  await sample.seeded.context.setOffline(true);
  const failed: string[] = [];
  // A media element cancels its own range reads of a Blob URL when it seeks to a clip start or
  // reveal.js pauses it on leaving a slide (net::ERR_ABORTED, seen under heavy CI load). That is
  // not the network; anything else failing is: a revoked Blob URL (ERR_FILE_NOT_FOUND) or a
  // request that went past the service worker (ERR_INTERNET_DISCONNECTED).
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    if (req.url().startsWith('blob:') && error === 'net::ERR_ABORTED') return;
    failed.push(`${req.url()} ${error}`);
  });

  const total = await page.evaluate(() => (window as unknown as { lecternReveal: { getTotalSlides(): number } }).lecternReveal.getTotalSlides());
  const visited = await pressThroughDeck(page);
  expect(visited.size).toBe(total);

  const video = page.locator('.reveal .slides video').first();
  await slideWith(page, 'video');
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 }).toBeGreaterThan(1.5);

  const [popup] = await Promise.all([sample.seeded.context.waitForEvent('page'), page.keyboard.press('s')]);
  await popup.waitForSelector('#lectern-panel', { timeout: 60_000 });
  const current = popup.frameLocator('#current-slide iframe');
  await expect
    .poll(() => current.locator('html').evaluate(() => document.documentElement.dataset.lecternState ?? null), { timeout: 60_000 })
    .toBe('ready');
  await popup.close();
  expect(failed).toEqual([]);
});

it('should reload the presenting page and open the handout offline', async () => {
  const page = sample.seeded.page;
  await sample.seeded.context.setOffline(true);
  await openPresent(page, sample.deckId);
  expect(await page.locator('.reveal .slides img').first().evaluate((img: HTMLImageElement) => img.src)).toMatch(/^blob:/);
  await page.goto(`${inject('baseURL')}handout.html?lectern-deck=${sample.deckId}`);
  await page.waitForFunction(() => document.documentElement.dataset.lecternState, null, { timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.dataset.lecternState)).toBe('ready');
  await sample.seeded.context.setOffline(false);
});
