// Ink while presenting (issue 18), in Chromium on the built app: a 1,000-slide deck beside a
// 20-slide deck (the baseline), measured in the same run.
//   pointer → stroke: from a pointer event's creation (event.timeStamp, set by the browser's
//     input pipeline; Playwright's mouse sends real input events) to the live stroke's path
//     updated by the ink layer's handler -- p95 and median over 300 moves of one stroke.
//   switch to 500 strokes: reveal.slide() to a slide holding 500 stored strokes, until its ink
//     layer holds them (first visit: outlines computed; again: outlines cached).
// Not included: the compositor's paint of the next frame (tied to the display's refresh).
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../support/chromium.ts';
import { generateDeck } from '../../unit/deck/generate-deck.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../types.ts';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? Number.NaN;

/** A deck record and 500 strokes on slide 1.0 of class `bench`, the way the store keeps them. */
async function seed(page: Page, id: string, markdown: string, strokes: number): Promise<void> {
  await page.evaluate(
    ([deckId, text, count]) =>
      new Promise<void>((resolve, reject) => {
        localStorage.setItem(`lectern.inkClass.${deckId}`, 'bench');
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['decks', 'ink'], 'readwrite');
          const now = new Date().toISOString();
          tx.objectStore('decks').put({ id: deckId, title: deckId, markdown: text, tags: [], slideCount: 0, length: text.length, createdAt: now, updatedAt: now, rev: 1 });
          const list = Array.from({ length: count }, (_, i) => {
            const points: number[] = [];
            for (let k = 0; k < 40; k++) points.push(0.05 + (k / 40) * 0.9, ((i % 50) + 1) / 52 + Math.sin(k / 4) * 0.005, 0.5);
            return { id: `s${i}`, tool: i % 5 === 0 ? 'highlighter' : 'pen', color: '#d62828', size: 0.004, step: -1, points };
          });
          tx.objectStore('ink').put({ layer: 'class:bench', deckId, slide: '1.0', strokes: list, updatedAt: now });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [id, markdown, strokes] as const,
  );
}

async function* run(ctx: BenchContext): AsyncIterable<BenchResult> {
  const sizes = ctx.quick ? [20, 200] : [20, 1000];
  const outDir = `tests/output/bench-present-ink-${process.pid}`;
  ctx.log('present-ink: building the app…');
  await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  const baseURL = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}?lang=vi#/library`);
    await page.waitForFunction(() => document.documentElement.dataset.lecternSamples, null, { timeout: 120_000 });
    const measured: { n: number; p95: number; median: number; first: number; again: number }[] = [];
    for (const n of sizes) {
      const id = `bench-ink-${n}`;
      await seed(page, id, generateDeck(n).text, 500);
      await page.goto(`${baseURL}present.html?lectern-deck=${id}#/0/0`);
      await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 300_000 });
      await page.locator('[data-lectern-ink]').waitFor({ state: 'attached', timeout: 60_000 });

      // Pointer → stroke: a listener added after the ink layer's own runs once its path is set.
      await page.keyboard.press('d');
      await page.evaluate(() => {
        const svg = document.querySelector('[data-lectern-ink]')!;
        const w = window as unknown as { inkLatency: number[] };
        w.inkLatency = [];
        svg.addEventListener('pointermove', (event) => w.inkLatency.push(performance.now() - event.timeStamp));
      });
      const box = (await page.locator('[data-lectern-ink]').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5);
      await page.mouse.down();
      for (let i = 1; i <= 300; i++) {
        await page.mouse.move(box.x + box.width * (0.1 + (0.8 * i) / 300), box.y + box.height * (0.5 + Math.sin(i / 10) * 0.1));
      }
      await page.mouse.up();
      await page.keyboard.press('d');
      const latency = await page.evaluate(() => (window as unknown as { inkLatency: number[] }).inkLatency);

      // Switching to the slide with 500 strokes, twice (first visit, then outlines cached).
      const switchTo = () =>
        page.evaluate(() => {
          const reveal = (window as unknown as { lecternReveal: { slide(h: number, v: number): void } }).lecternReveal;
          reveal.slide(0, 0);
          const t0 = performance.now();
          reveal.slide(1, 0);
          const paths = document.querySelectorAll('[data-lectern-ink] g path').length;
          document.querySelector('[data-lectern-ink]')!.getBoundingClientRect();
          return { ms: performance.now() - t0, paths };
        });
      const first = await switchTo();
      const again = await switchTo();
      if (first.paths !== 500) throw new Error(`expected 500 strokes on slide 2, found ${first.paths}`);
      ctx.log(`present-ink: ${n} slides, ${latency.length} pointer moves`);
      measured.push({ n, p95: quantile(latency, 0.95), median: quantile(latency, 0.5), first: first.ms, again: again.ms });
    }
    const base = measured[0]!;
    for (const m of measured) {
      yield {
        name: 'ink: pointer → stroke path (p95)',
        n: m.n,
        ms: round(m.p95),
        baselineMs: round(base.p95),
        ratio: round(m.p95 / base.p95),
        'median ms': round(m.median),
        load: round(loadavg()[0] ?? 0, 1),
      };
      yield {
        name: 'ink: switch to a slide with 500 strokes',
        n: m.n,
        ms: round(m.first),
        baselineMs: round(base.first),
        ratio: round(m.first / base.first),
        'again ms (cached)': round(m.again),
        load: round(loadavg()[0] ?? 0, 1),
      };
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

const suite: BenchSuite = { name: 'present-ink: drawing and ink on slide switch (Chromium, built app; baseline: 20-slide deck)', run };
export default suite;
