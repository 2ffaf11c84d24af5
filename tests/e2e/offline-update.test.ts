// Issue 7: a new version of the service worker installs while a presentation is open, and the
// presentation is not reloaded -- not by the update, not when the instructor presses "Update now"
// in the authoring window (the worker refuses to take over while present.html is open). Once the
// presentation is closed, "Update now" applies it and only the authoring page reloads.
import { appendFile, cp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { serveDir, waitForOfflineReady, type StaticServer } from './offline-support.ts';

// A copy of the build, so changing its worker script touches no other test's files.
const copy = resolve(`tests/output/offline-update-${process.pid}`);
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  await cp(inject('outDir'), copy, { recursive: true });
  server = await serveDir(copy);
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(copy, { recursive: true, force: true });
});

const offlineStatus = (page: Page) => page.evaluate(() => document.documentElement.dataset.lecternOffline);

it('installs an update while presenting without reloading the presentation', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
  const app = await context.newPage();
  await app.goto(`${server.url}?lang=en#/library`);
  await app.waitForFunction(() => document.documentElement.dataset.lecternSamples === 'ready', null, { timeout: 0 });
  await waitForOfflineReady(app);
  const ids = JSON.parse((await app.evaluate(() => localStorage.getItem('lectern.samples'))) ?? '{}') as Record<string, string>;
  const deckId = Object.values(ids)[0];
  expect(deckId).toBeTruthy();

  // The instructor starts presenting.
  const present = await context.newPage();
  await present.goto(`${server.url}present.html?lectern-deck=${encodeURIComponent(deckId!)}&lang=en`);
  await present.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 0 });
  await present.evaluate(() => {
    (window as unknown as { lecternMarker: string }).lecternMarker = 'still the same page';
  });
  let presentNavigations = 0;
  present.on('framenavigated', (frame) => {
    if (frame === present.mainFrame()) presentNavigations += 1;
  });

  // A new version is published: the worker script's bytes change on the server.
  await appendFile(join(copy, 'sw.js'), `\n// new version ${process.pid}\n`);
  await app.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  await app.waitForFunction(() => document.documentElement.dataset.lecternOffline === 'update-ready', null, { timeout: 0 });
  await app.getByText('A new version of Lectern is ready').waitFor();
  // The presentation page shows no notice about it.
  expect(await present.getByText('A new version of Lectern is ready').count()).toBe(0);

  // "Update now" while the presentation is open: deferred, nothing reloads.
  await app.getByRole('button', { name: 'Update now' }).click();
  await app.getByText('A presentation is open').waitFor();
  expect(await offlineStatus(app)).toBe('update-deferred');
  expect(await app.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);

  // The presentation still runs, same document, same state, still works.
  expect(presentNavigations).toBe(0);
  expect(await present.evaluate(() => (window as unknown as { lecternMarker?: string }).lecternMarker)).toBe('still the same page');
  expect(await present.evaluate(() => document.documentElement.dataset.lecternState)).toBe('ready');
  expect(await present.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

  // After the lesson: the presentation is closed, and "Update now" applies the update here.
  await present.close();
  await app.bringToFront();
  await app.evaluate(() => {
    (window as unknown as { lecternMarker: string }).lecternMarker = 'before the update';
  });
  await app.getByRole('button', { name: 'Update now' }).click();
  // This page reloads into the new version: the marker is gone from the new document.
  await app.waitForFunction(() => !(window as unknown as { lecternMarker?: string }).lecternMarker, null, { timeout: 0, polling: 100 });
  await waitForOfflineReady(app);
  const after = await app.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(registration?.waiting), active: registration?.active?.state };
  });
  expect(after).toEqual({ waiting: false, active: 'activated' });
  expect(presentNavigations).toBe(0);
  await context.close();
});

it('uses a waiting update from the next start, once every Lectern window was closed', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  let app = await context.newPage();
  await app.goto(`${server.url}?lang=en#/library`);
  await waitForOfflineReady(app);
  await appendFile(join(copy, 'sw.js'), `\n// next version ${process.pid}\n`);
  await app.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  await app.waitForFunction(() => document.documentElement.dataset.lecternOffline === 'update-ready', null, { timeout: 0, polling: 100 });

  // Class is over: the instructor closes Lectern without pressing anything, and opens it later.
  await app.close();
  app = await context.newPage();
  await app.goto(`${server.url}?lang=en#/library`);
  await waitForOfflineReady(app);
  const state = await app.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(registration?.waiting), status: document.documentElement.dataset.lecternOffline };
  });
  // No worker waits any more: the one that waited is the one running (had the old one stayed,
  // the new one would still be waiting and the page would offer "Update now" again).
  expect(state).toEqual({ waiting: false, status: 'ready' });
  await context.close();
});
