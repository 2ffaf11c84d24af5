// The library route's first load stays small (issue 7): its initial JavaScript, gzipped, within
// budget.json, and reveal.js, CodeMirror and the bundle reader are not part of it. Measured on
// the production build the e2e setup made (sizes in bytes, never times).
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { measureRoute, readChunkReport, type RouteSpec } from '../support/route-sizes.ts';

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
});
