// Issue 7: once opened online, Lectern starts, edits and presents with the network cut.
// The build is served by our own server, which the test stops (connection refused) besides
// switching the browser context offline.
import { readdir } from 'node:fs/promises';
import { relative, join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { cachedPaths, serveDir, waitForOfflineReady, type StaticServer } from './offline-support.ts';

const outDir = inject('outDir');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
});

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
    const context = await browser.newContext();
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
