// Time from "Present" to the first slide shown, in Chromium, on the built app (`vite build` +
// `vite preview`): a 1,000-slide deck beside a 20-slide deck (the baseline) measured in the same
// run. Each run is a fresh navigation to present.html?lectern-deck=…; the figure is the
// page's own `lectern-first-slide` mark (the frame after reveal.js reported ready), in ms since
// navigation start -- it includes loading the page's code from the local server, reading the
// deck from IndexedDB, parse + render + sanitize, theme, and reveal.js's initialisation.
// "deck in DOM" is the `lectern-rendered` mark (the deck -- or, above 60 slides, its skeleton of
// empty slides -- in the DOM, before the theme and reveal.js); "all slides filled" is when the
// last slide of a progressively shown deck was rendered and sanitized in idle time.
import { loadavg } from 'node:os';
import type { Page } from 'playwright';
import { openBuiltApp } from '../built-app.ts';
import { generateDeck } from '../../unit/deck/generate-deck.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../types.ts';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Stores a deck record the way the store keeps it (object store `decks`, keyed by id). */
async function putDeck(page: Page, id: string, markdown: string): Promise<void> {
  await page.evaluate(
    ([deckId, text]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('decks', 'readwrite');
          const now = new Date().toISOString();
          tx.objectStore('decks').put({ id: deckId, title: deckId, markdown: text, tags: [], slideCount: 0, length: text.length, createdAt: now, updatedAt: now, rev: 1 });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [id, markdown] as const,
  );
}

async function* run(ctx: BenchContext): AsyncIterable<BenchResult> {
  const sizes = ctx.quick ? [20, 200] : [20, 1000];
  const runs = ctx.quick ? 3 : 7;
  const app = await openBuiltApp(ctx, 'present');
  const { baseURL, page } = app;
  try {
    const measured: { n: number; first: number; rendered: number; filled: number; kib: number }[] = [];
    for (const n of sizes) {
      const deck = generateDeck(n);
      const id = `bench-present-${n}`;
      await putDeck(page, id, deck.text);
      const first: number[] = [];
      const rendered: number[] = [];
      const filled: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        await page.goto(`${baseURL}present.html?lectern-deck=${id}`);
        await page.waitForFunction(
          () => performance.getEntriesByName('lectern-first-slide').length > 0 && performance.getEntriesByName('lectern-all-filled').length > 0,
          null,
          { timeout: 300_000 },
        );
        const marks = await page.evaluate(() => ({
          first: performance.getEntriesByName('lectern-first-slide')[0]!.startTime,
          rendered: performance.getEntriesByName('lectern-rendered')[0]?.startTime ?? Number.NaN,
          filled: performance.getEntriesByName('lectern-all-filled')[0]?.startTime ?? Number.NaN,
        }));
        if (i === 0) continue; // warm-up: HTTP cache and code cache filled
        first.push(marks.first);
        rendered.push(marks.rendered);
        filled.push(marks.filled);
      }
      ctx.log(`present: ${n} slides, ${runs} runs`);
      measured.push({ n, first: median(first), rendered: median(rendered), filled: median(filled), kib: Math.round(deck.text.length / 1024) });
    }
    const base = measured[0]!;
    for (const m of measured) {
      yield {
        name: 'present → first slide (median)',
        n: m.n,
        ms: round(m.first),
        baselineMs: round(base.first),
        ratio: round(m.first / base.first, 2),
        'deck in DOM ms': round(m.rendered),
        'all slides filled ms': round(m.filled),
        runs,
        kib: m.kib,
        load: round(loadavg()[0] ?? 0),
      };
    }
  } finally {
    await app.close();
  }
}

const suite: BenchSuite = { name: 'present: "Present" to first slide (Chromium, built app; baseline: 20-slide deck)', run };
export default suite;
