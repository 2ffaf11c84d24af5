// What each page costs to load, and how fast the library starts (issue 7), in Chromium on the
// production build.
//
// 1. "route X": gzip bytes (node:zlib level 9, what Vite's build report uses) of the JavaScript and
//    CSS the browser fetched to show the route -- recorded from the network in a fresh profile
//    with service workers blocked (so every request is visible), read back from the build folder.
//    `ms` is the time to the route's ready signal on that visit (local server, nothing cached).
//    Beside it, "static" is the budget test's count from the build's chunk report (entry chunk +
//    static imports + the screen the route loads at once); the library's budget is budget.json.
//    "route library, first visit" is the visit that seeds the samples in a fresh profile (what a
//    new instructor's browser fetches), measured the same way.
// 2. "cold start": a browser started on an on-disk profile (persistent context) whose library
//    holds 500 decks, navigated to the library, until the library screen reports `ready` and shows
//    every deck; baseline: the same page, same profile kind, with an empty library. The service
//    worker is active in both (the way an instructor's second start is). Medians of 3 starts.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { buildApp } from '../../support/app-build.ts';
import { chromiumLaunchOptions } from '../../support/chromium.ts';
import { gzipSize, measureRoute, readChunkReport, type RouteSpec } from '../../support/route-sizes.ts';
import { serveDir, waitForOfflineReady } from '../../e2e/offline-support.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../types.ts';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const kb = (bytes: number) => round(bytes / 1024, 1);

interface Route {
  name: string;
  spec: RouteSpec;
  /** Path + query relative to the server root; `{deck}` is a sample deck's id. */
  path: string;
  /** Runs in the page: true once the route is shown. A function, not a string: the app's CSP
   *  forbids eval, which Playwright would need for a string. */
  ready: () => unknown;
}

const ROUTES: Route[] = [
  {
    name: 'library',
    spec: { page: 'index.html', lazy: ['src/screens/library.ts'] },
    path: '?lang=en#/library',
    ready: () => {
      const screen = document.querySelector('lectern-app')?.shadowRoot?.querySelector('lectern-screen-library') as (HTMLElement & { status?: string }) | null;
      return screen?.status === 'ready' && Boolean(screen.shadowRoot?.querySelector('article.deck'));
    },
  },
  {
    name: 'editor',
    spec: { page: 'index.html', lazy: ['src/screens/edit.ts'] },
    path: '?lang=en#/edit/{deck}',
    ready: () =>
      Boolean(document.querySelector('lectern-app')?.shadowRoot?.querySelector('lectern-screen-edit')?.shadowRoot?.querySelector('.cm-editor')),
  },
  {
    name: 'present',
    spec: { page: 'present.html' },
    path: 'present.html?lang=en&lectern-deck={deck}',
    ready: () => document.documentElement.dataset.lecternState === 'ready',
  },
  {
    name: 'handout',
    spec: { page: 'handout.html' },
    path: 'handout.html?lang=en&lectern-deck={deck}',
    ready: () => document.documentElement.dataset.lecternState === 'ready',
  },
];

/** Waits for a condition in the page, polling (works in background tabs too). */
async function until(page: Page, predicate: () => unknown): Promise<void> {
  await page.waitForFunction(predicate, null, { timeout: 0, polling: 50 });
}

async function seedSamples(page: Page, url: string): Promise<Record<string, string>> {
  await page.goto(`${url}?lang=en#/library`);
  await until(page, () => document.documentElement.dataset.lecternSamples === 'ready');
  return JSON.parse((await page.evaluate(() => localStorage.getItem('lectern.samples'))) ?? '{}') as Record<string, string>;
}

/** Sets the library to exactly `count` decks, cloned from a stored sample (record + summary). */
async function setDeckCount(page: Page, count: number): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolvePromise, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['decks', 'deckSummaries'], 'readwrite');
          const decks = tx.objectStore('decks');
          const summaries = tx.objectStore('deckSummaries');
          const all = decks.getAll();
          const allSummaries = summaries.getAll();
          allSummaries.onsuccess = () => {
            const template = (all.result as Record<string, unknown>[])[0];
            const summary = (allSummaries.result as Record<string, unknown>[]).find((s) => s.id === template?.id);
            decks.clear();
            summaries.clear();
            for (let i = 0; i < n && template && summary; i++) {
              const id = `bench-${String(i).padStart(4, '0')}`;
              const title = `Bài giảng số ${i + 1}: Nghị quyết và học tập`;
              const updatedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
              decks.put({ ...template, id, title, updatedAt });
              summaries.put({ ...summary, id, title, updatedAt });
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolvePromise();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    count,
  );
}

/** Gzip bytes of the JS and CSS files fetched (each file once), read back from the build. */
async function fetchedSizes(outDir: string, fetched: { path: string; type: string }[]): Promise<{ js: number; css: number; files: number }> {
  let js = 0;
  let css = 0;
  const seen = new Set<string>();
  for (const { path, type } of fetched) {
    if (seen.has(path)) continue;
    seen.add(path);
    const bytes = await readFile(join(outDir, decodeURIComponent(path)));
    if (type === 'script') js += gzipSize(bytes);
    else css += gzipSize(bytes);
  }
  return { js, css, files: seen.size };
}

async function routeSizes(ctx: BenchContext, outDir: string, url: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const chunks = await readChunkReport(outDir);
  const budget = JSON.parse(await readFile('budget.json', 'utf8')) as { routes: { library: { maxInitialJsGzip: number } } };
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (const route of ROUTES) {
      ctx.log(`  route ${route.name}`);
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const firstVisit: { path: string; type: string }[] = [];
      page.on('response', (response) => {
        const type = response.request().resourceType();
        if (type === 'script' || type === 'stylesheet') firstVisit.push({ path: new URL(response.url()).pathname, type });
      });
      // Seed the samples first (first run), then measure a fresh load of the route itself.
      const t1 = Date.now();
      const ids = await seedSamples(page, url);
      if (route.name === 'library') {
        await until(page, route.ready);
        const firstMs = Date.now() - t1;
        const sizes = await fetchedSizes(outDir, firstVisit);
        results.push({
          name: 'route library, first visit (samples seeded)',
          n: sizes.files,
          ms: firstMs,
          jsGzipKB: kb(sizes.js),
          cssGzipKB: kb(sizes.css),
          budgetKB: kb(budget.routes.library.maxInitialJsGzip),
          load1: round(loadavg()[0] ?? Number.NaN, 2),
          note: 'n = JS+CSS files fetched; sizes gzip level 9',
        });
      }
      const deck = Object.values(ids)[0] ?? '';
      const fetched: { path: string; type: string }[] = [];
      const other = await context.newPage(); // a fresh document: no module cache from the seeding visit
      other.on('response', (response) => {
        const type = response.request().resourceType();
        if (type === 'script' || type === 'stylesheet') fetched.push({ path: new URL(response.url()).pathname, type });
      });
      await page.close();
      const t0 = Date.now();
      await other.goto(`${url}${route.path.replace('{deck}', encodeURIComponent(deck))}`);
      await until(other, route.ready);
      const ms = Date.now() - t0;
      const { js, css, files } = await fetchedSizes(outDir, fetched);
      const fixed = await measureRoute(outDir, chunks, route.spec);
      results.push({
        name: `route ${route.name}`,
        n: files,
        ms,
        jsGzipKB: kb(js),
        cssGzipKB: kb(css),
        staticJsGzipKB: kb(fixed.jsGzip),
        staticCssGzipKB: kb(fixed.cssGzip),
        ...(route.name === 'library' ? { budgetKB: kb(budget.routes.library.maxInitialJsGzip) } : {}),
        load1: round(loadavg()[0] ?? Number.NaN, 2),
        note: 'n = JS+CSS files fetched; sizes gzip level 9',
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

async function coldStarts(ctx: BenchContext, url: string, decks: number, runs: number): Promise<number[]> {
  const profile = await mkdtemp(join(tmpdir(), 'lectern-bench-offline-'));
  const open = () => chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, viewport: { width: 1280, height: 800 } });
  try {
    let context: BrowserContext = await open();
    const page = context.pages()[0] ?? (await context.newPage());
    await seedSamples(page, url);
    await waitForOfflineReady(page);
    await setDeckCount(page, decks);
    await context.close();
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      context = await open();
      const start = context.pages()[0] ?? (await context.newPage());
      await start.goto(`${url}?lang=en#/library`);
      const readyAt = await start.waitForFunction(
        (target) => {
          const screen = document.querySelector('lectern-app')?.shadowRoot?.querySelector('lectern-screen-library') as
            | (HTMLElement & { status?: string })
            | null;
          const shown = screen?.shadowRoot?.querySelectorAll('article.deck').length ?? -1;
          return screen?.status === 'ready' && shown === target ? performance.now() : false;
        },
        decks,
        { timeout: 0, polling: 'raf' },
      );
      times.push((await readyAt.jsonValue()) as number);
      await context.close();
      ctx.log(`  ${decks} decks, start ${run + 1}: ${round(times.at(-1)!)} ms`);
    }
    return times;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

const suite: BenchSuite = {
  name: 'offline: route sizes and library cold start',
  async run(ctx) {
    const outDir = resolve(`tests/output/bench-offline-${process.pid}`);
    ctx.log('  building the app (production)');
    await buildApp(outDir);
    // Served by a plain static server from a copy (no caching headers tricks, like a USB-stick host).
    const served = `${outDir}-served`;
    await cp(outDir, served, { recursive: true });
    const server = await serveDir(served);
    try {
      const results = await routeSizes(ctx, outDir, server.url);
      const runs = ctx.quick ? 1 : 3;
      const many = ctx.quick ? 100 : 500;
      const empty = await coldStarts(ctx, server.url, 0, runs);
      const full = await coldStarts(ctx, server.url, many, runs);
      const ms = median(full);
      const baselineMs = median(empty);
      results.push({
        name: 'cold start to interactive library',
        n: many,
        ms: round(ms),
        baselineMs: round(baselineMs),
        ratio: round(ms / baselineMs, 2),
        runs,
        load1: round(loadavg()[0] ?? Number.NaN, 2),
        note: 'n decks vs empty library; browser launched on an on-disk profile each start; median',
      });
      return results;
    } finally {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
      await rm(served, { recursive: true, force: true });
    }
  },
};

export default suite;
