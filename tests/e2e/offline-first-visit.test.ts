// Issue 7, the first visit. What a browser can and cannot do here:
//  - A profile that has never opened Lectern, started with no network, gets the browser's own
//    "no internet" page: no page of ours has been stored yet, so no code of ours can run (a service
//    worker exists only after one successful online visit). This test records that fact.
//  - What the app controls: a visit that loaded the first page but could not store the rest (the
//    network went away before the worker finished, or workers are unavailable, as in some private
//    windows). Then opening a part of the app that is not stored yet says, in words, that Lectern
//    needs one online visit -- not a blank screen or a stack trace.
import { expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { serveDir } from './offline-support.ts';

const chrome = useBrowser();

it('a never-visited profile offline gets the chrome.browser\'s own offline page (nothing of ours is stored yet)', async () => {
  const context = await chrome.browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  const error = await page.goto(`${inject('baseURL')}?lang=en`).then(
    () => undefined,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  expect(error).toMatch(/ERR_INTERNET_DISCONNECTED/);
  await context.close();
});

it('says "needs one online visit" when a part of the app was never stored and the network is gone', async () => {
  const server = await serveDir(inject('outDir'));
  // Workers blocked: the first page loads but nothing is stored for offline use.
  const context = await chrome.browser.newContext({ serviceWorkers: 'block', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}?lang=en#/library`);
  await page.locator('article.deck').first().waitFor({ timeout: 0 });
  expect(await page.evaluate(() => document.documentElement.dataset.lecternOffline)).not.toBe('ready');

  await server.close();
  await context.setOffline(true);
  // The sessions screen is a lazily loaded chunk this visit never fetched.
  await page.evaluate(() => {
    location.hash = '#/sessions';
  });
  await page.getByText('Open Lectern once while online to use it offline').waitFor();
  expect(await page.evaluate(() => document.documentElement.dataset.lecternNeedsOnlineVisit)).toBe('true');
  await page.screenshot({ path: 'tests/output/screenshots/offline-needs-online-visit.png' });
  await context.close();
});
