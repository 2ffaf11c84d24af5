// The library route's first load stays small (issues 7 and 12): its initial JavaScript, gzipped,
// within budget.json, and reveal.js, CodeMirror, the bundle reader and the deck parser/renderer
// are not part of it -- on a first visit too, when the samples are seeded. Measured on
// the production build the e2e setup made (sizes in bytes, never times).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { describe, expect, inject, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { gzipSize, measureRoute, readChunkReport, type RouteSpec } from '../support/route-sizes.ts';

interface Budget {
  routes: Record<string, RouteSpec & { maxInitialJsGzip: number; forbidden?: string[] }>;
}

const budget = JSON.parse(await readFile('budget.json', 'utf8')) as Budget;
const outDir = inject('outDir');

describe('size budget (budget.json)', () => {
  for (const [name, route] of Object.entries(budget.routes)) {
    it(`keeps the ${name} route's initial JS within ${route.maxInitialJsGzip} gzip bytes`, async () => {
      const chunks = await readChunkReport(outDir);
      const size = await measureRoute(outDir, chunks, route);
      console.info(
        `${name}: ${size.js.length} JS files, ${size.jsGzip} B gzip JS (${size.jsBytes} B raw), ` +
          `${size.cssGzip} B gzip CSS` + (size.missing.length ? `; not built yet: ${size.missing.join(', ')}` : ''),
      );
      expect(size.jsGzip).toBeLessThanOrEqual(route.maxInitialJsGzip);
    });

    it(`loads none of ${name}'s on-demand code in its first load`, async () => {
      const chunks = await readChunkReport(outDir);
      const size = await measureRoute(outDir, chunks, route);
      const offending = size.modules.filter((module) => (route.forbidden ?? []).some((prefix) => module.startsWith(prefix)));
      expect(offending).toEqual([]);
    });
  }

  it('fails when the budget is exceeded (the check itself works)', async () => {
    const chunks = await readChunkReport(outDir);
    const size = await measureRoute(outDir, chunks, budget.routes.library!);
    // A budget one byte below the measured size must be reported as exceeded.
    expect(size.jsGzip).toBeGreaterThan(0);
    expect(() => expect(size.jsGzip).toBeLessThanOrEqual(size.jsGzip - 1)).toThrow();
  });

  // What Chromium actually fetches for the library (service workers blocked, so every request
  // shows): the static count above cannot see a lazy import() that runs as soon as the page
  // opens. Measured on the FIRST visit (a fresh profile: the samples are seeded, which must not
  // load the deck parser) and on a later start (a second page once the samples are stored).
  async function fetchedScripts(page: Page, open: () => Promise<void>): Promise<Set<string>> {
    const scripts = new Set<string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname.slice(1));
    });
    await open();
    await page.locator('article.deck').first().waitFor({ timeout: 0 });
    await page.waitForLoadState('networkidle');
    return scripts;
  }

  async function measureFetched(scripts: Set<string>) {
    const route = budget.routes.library!;
    const chunks = await readChunkReport(outDir);
    let gzip = 0;
    const offending: string[] = [];
    for (const file of scripts) {
      gzip += gzipSize(await readFile(join(outDir, decodeURIComponent(file))));
      for (const module of chunks[file]?.modules ?? []) {
        if ((route.forbidden ?? []).some((prefix) => module.startsWith(prefix))) offending.push(`${file}: ${module}`);
      }
    }
    return { gzip, offending };
  }

  it('keeps what Chromium fetches for the library within budget on a first visit and a later one, with no on-demand code', async () => {
    const route = budget.routes.library!;
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const first = await context.newPage();
      const firstScripts = await fetchedScripts(first, async () => {
        await first.goto(`${inject('baseURL')}?lang=en#/library`);
        await first.waitForFunction(() => document.documentElement.dataset.lecternSamples === 'ready', null, { timeout: 0, polling: 100 });
      });
      await first.close();
      const firstVisit = await measureFetched(firstScripts);
      console.info(`library, first visit (samples seeded): ${firstScripts.size} scripts, ${firstVisit.gzip} B gzip`);
      expect(firstVisit.offending).toEqual([]);
      expect(firstVisit.gzip).toBeLessThanOrEqual(route.maxInitialJsGzip);

      const page = await context.newPage();
      const laterScripts = await fetchedScripts(page, async () => {
        await page.goto(`${inject('baseURL')}?lang=en#/library`);
      });
      const later = await measureFetched(laterScripts);
      console.info(`library, later visit: ${laterScripts.size} scripts, ${later.gzip} B gzip`);
      expect(later.offending).toEqual([]);
      expect(later.gzip).toBeLessThanOrEqual(route.maxInitialJsGzip);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
