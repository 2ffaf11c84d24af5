// Ink while presenting (issue 18), in Chromium on the built app: a 1,000-slide deck beside a
// 20-slide deck (the baseline), measured in the same run.
//   pointer → stroke: from a pointer event's creation (event.timeStamp, set by the browser's
//     input pipeline; Playwright's mouse sends real input events) to the live stroke's path
//     updated by the ink layer's handler -- p95 over 300 moves of one stroke. The event is the
//     one the layer draws on: pointerrawupdate in Chromium (column "event"). On a loaded
//     machine this includes the wait in the input queue; "handler ms" is the ink layer's own
//     work per event (p95), measured from a window capture listener to a listener after it.
//   switch to 500 strokes (once every slide is filled in): reveal.slide() from slide 1 to slide 2, which holds 500 stored strokes,
//     until its ink is in the layer (median of 7, and the first visit alone: the layer makes
//     every stored stroke's path in idle time after loading, so the first visit finds them
//     made unless it comes before the idle time did); baseline: the same switch to slide 3,
//     which has no ink. "ink part" is the ink layer's own render within the switch (its
//     performance.measure 'lectern-ink-render'), the rest being reveal.js's slide change.
//   switch to a slide without ink: that baseline switch on each deck, beside the 20-slide deck's,
//     with Lectern's own 'slidechanged' listeners' part of it (the rest is reveal.js's slide()).
//   window (decks over 60 top-level slides keep a window of sections in reveal.js's DOM,
//     src/present/windowed-reveal.ts): "step to the window's edge" is a one-slide step that brings
//     the current slide within the margin of the window's edge (slide 600 + WINDOW_RADIUS -
//     WINDOW_MARGIN, the window centred on 600), measured like the others, beside the same step
//     with the window centred on the slide before (no move); "window shift" is the deferred work
//     that step causes after the slide is shown (sections moved, reveal.js synced and put back;
//     performance.measure 'lectern-window-shift');
//     "far jump" is slide 0 -> 700, where the window moves first, then reveal.js slides;
//     "30 consecutive steps" is slide 600 -> 630 one slide at a time, each step measured like the
//     switches, the deferred moves running between them: its p95 (and median) over every run.
// Not included: the compositor's paint of the next frame (tied to the display's refresh).
import { loadavg } from 'node:os';
import type { Page } from 'playwright';
import { openBuiltApp } from '../built-app.ts';
import { generateDeck } from '../../unit/deck/generate-deck.ts';
import { WINDOW_MARGIN, WINDOW_RADIUS } from '../../../src/present/section-window.ts';
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
  const runs = 7;
  const app = await openBuiltApp(ctx, 'present-ink');
  const { baseURL, page } = app;
  try {
    const measured: {
      n: number;
      event: string;
      p95: number;
      handler: number;
      median: number;
      first: number;
      firstOwn: number;
      ink: number;
      inkOwn: number;
      plain: number;
      lectern: number;
      step: number;
      stepBefore: number;
      shift: number;
      shiftMax: number;
      jump: number;
      sequenceP95: number;
      sequenceMedian: number;
      sequenceSteps: number;
      afterMoveMedian: number;
      afterMoveMax: number;
      moves: number;
    }[] = [];
    for (const n of sizes) {
      const id = `bench-ink-${n}`;
      await seed(page, id, generateDeck(n).text, 500);
      await page.goto(`${baseURL}present.html?lectern-deck=${id}#/0/0`);
      await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 300_000 });
      await page.locator('[data-lectern-ink]').waitFor({ state: 'attached', timeout: 60_000 });

      // Pointer → stroke: the window capture listener runs before the ink layer's handler, a
      // listener added to the layer after its own runs once the path is set.
      await page.keyboard.press('d');
      // The layer draws on pointerrawupdate where the browser has it (Chromium: as soon as the
      // input arrives), else on pointermove (delivered with the next animation frame).
      const eventType = await page.evaluate(() => {
        const svg = document.querySelector('[data-lectern-ink]')!;
        const type = 'onpointerrawupdate' in svg ? 'pointerrawupdate' : 'pointermove';
        const w = window as unknown as { inkLatency: number[]; inkHandler: number[]; inkStart: number };
        w.inkLatency = [];
        w.inkHandler = [];
        window.addEventListener(type, () => (w.inkStart = performance.now()), true);
        svg.addEventListener(type, (event) => {
          const now = performance.now();
          w.inkLatency.push(now - event.timeStamp);
          w.inkHandler.push(now - w.inkStart);
        });
        return type;
      });
      const box = (await page.locator('[data-lectern-ink]').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5);
      await page.mouse.down();
      for (let i = 1; i <= 300; i++) {
        await page.mouse.move(box.x + box.width * (0.1 + (0.8 * i) / 300), box.y + box.height * (0.5 + Math.sin(i / 10) * 0.1));
      }
      await page.mouse.up();
      await page.keyboard.press('d');
      const { latency, handler } = await page.evaluate(() => {
        const w = window as unknown as { inkLatency: number[]; inkHandler: number[] };
        return { latency: w.inkLatency, handler: w.inkHandler };
      });

      // The switches are measured once every slide is filled in (progressive.ts fills a long
      // deck in idle time after the first slide shows; filling and its garbage would otherwise
      // land in whichever switch they meet): the state of a lesson after its first seconds.
      await page.waitForFunction(() => document.documentElement.dataset.lecternFilled === 'all', null, { timeout: 300_000 });
      // Slide 1 (0.0) -> slide 2 (1.0, 500 strokes) or slide 3 (2.0, no ink).
      const switchTo = (h: number) =>
        page.evaluate((target) => {
          const reveal = (window as unknown as { lecternReveal: { slide(h: number, v: number): void } }).lecternReveal;
          reveal.slide(0, 0);
          performance.clearMeasures('lectern-ink-render');
          // Lectern's slide-change listeners: a window capture listener runs before every listener
          // on reveal.js's element, one added to that element now runs after Lectern's (added at
          // start-up): the time between them is Lectern's own work on 'slidechanged'.
          const revealEl = document.querySelector('.reveal')!;
          let before = 0;
          let after = 0;
          // (inline listeners removed by a signal: a named function here would not survive tsx's
          // __name helper inside page.evaluate)
          const listening = new AbortController();
          window.addEventListener('slidechanged', () => (before = performance.now()), { capture: true, signal: listening.signal });
          revealEl.addEventListener('slidechanged', () => (after = performance.now()), { signal: listening.signal });
          const t0 = performance.now();
          reveal.slide(target, 0);
          const paths = document.querySelectorAll('[data-lectern-ink] g path').length;
          document.querySelector('[data-lectern-ink]')!.getBoundingClientRect();
          const ms = performance.now() - t0;
          listening.abort();
          // The ink layer's own part of the switch (its render, measured by the layer).
          const ink = performance.getEntriesByName('lectern-ink-render').reduce((sum, e) => sum + e.duration, 0);
          return { ms, paths, ink, lectern: after - before };
        }, h);
      // The window: a step that makes it move (measured like the switches), the move it causes
      // after the slide is shown, and a far jump (the move comes first, inside the switch).
      const edge = 600 + WINDOW_RADIUS - WINDOW_MARGIN + 1;
      const windowed = () =>
        page.evaluate(async (to) => {
          const reveal = (window as unknown as { lecternReveal: { slide(h: number, v: number): void } }).lecternReveal;
          // (waits written out: a named helper would not survive tsx's __name inside page.evaluate)
          // The same step, slide to-1 -> to, twice: with the window centred on 600 (slide `to`
          // is within the margin of its edge: the move follows) and centred on to-1 (no move).
          // Both times the window was moved by a far jump just before, and to-1 was shown first.
          const measured: { ms: number; shift: number }[] = [];
          for (const centre of [600, to - 1]) {
            reveal.slide(0, 0);
            for (let k = 0; k < 2; k++) await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
            reveal.slide(centre, 0);
            for (let k = 0; k < 2; k++) await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
            reveal.slide(to - 1, 0);
            for (let k = 0; k < 2; k++) await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
            performance.clearMeasures('lectern-window-shift');
            const t = performance.now();
            reveal.slide(to, 0);
            document.querySelector('.reveal .slides')!.getBoundingClientRect();
            const ms = performance.now() - t;
            for (let k = 0; k < 2; k++) await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
            measured.push({ ms, shift: performance.getEntriesByName('lectern-window-shift').reduce((sum, e) => sum + e.duration, 0) });
          }
          const [edgeStep, inside] = measured as [{ ms: number; shift: number }, { ms: number; shift: number }];
          const step = edgeStep.ms;
          const shift = edgeStep.shift;
          const before = inside.ms;
          // 30 consecutive one-slide steps from slide 600: four of them move the window after
          // they are shown; each step measured like the switches, the deferred moves running
          // between them as they do in class.
          reveal.slide(600, 0);
          for (let k = 0; k < 2; k++) await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
          const sequence: number[] = [];
          // The steps that come right after a move (the move ran between them and the step before).
          const afterMove: number[] = [];
          const movesBefore = performance.getEntriesByName('lectern-window-shift').length;
          let moved = false;
          for (let i = 1; i <= 30; i++) {
            const t = performance.now();
            reveal.slide(600 + i, 0);
            document.querySelector('.reveal .slides')!.getBoundingClientRect();
            const ms = performance.now() - t;
            sequence.push(ms);
            if (moved) afterMove.push(ms);
            const movesThen = performance.getEntriesByName('lectern-window-shift').length;
            for (let k = 0; k < 2; k++) await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
            moved = performance.getEntriesByName('lectern-window-shift').length > movesThen;
          }
          const moves = performance.getEntriesByName('lectern-window-shift').length - movesBefore;
          reveal.slide(0, 0);
          for (let k = 0; k < 2; k++) await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
          const t0 = performance.now();
          reveal.slide(700, 0);
          document.querySelector('.reveal .slides')!.getBoundingClientRect();
          const jump = performance.now() - t0;
          await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
          return { step, before, shift, jump, sequence, afterMove, moves };
        }, edge);
      const first = await switchTo(1);
      if (first.paths !== 500) throw new Error(`expected 500 strokes on slide 2, found ${first.paths}`);
      const ink: number[] = [];
      const inkOwn: number[] = [];
      const plain: number[] = [];
      const lectern: number[] = [];
      const steps: number[] = [];
      const befores: number[] = [];
      const shifts: number[] = [];
      const jumps: number[] = [];
      const sequence: number[] = [];
      const afterMove: number[] = [];
      let moves = 0;
      if (n > 600) {
        for (let i = 0; i < runs; i++) {
          const w = await windowed();
          steps.push(w.step);
          befores.push(w.before);
          shifts.push(w.shift);
          jumps.push(w.jump);
          sequence.push(...w.sequence);
          afterMove.push(...w.afterMove);
          moves += w.moves;
        }
      }
      for (let i = 0; i < runs; i++) {
        const to = await switchTo(1);
        ink.push(to.ms);
        inkOwn.push(to.ink);
        const without = await switchTo(2);
        plain.push(without.ms);
        lectern.push(without.lectern);
      }
      ctx.log(`present-ink: ${n} slides, ${latency.length} pointer moves, ${runs} switches`);
      measured.push({
        n,
        event: eventType,
        p95: quantile(latency, 0.95),
        handler: quantile(handler, 0.95),
        median: quantile(latency, 0.5),
        first: first.ms,
        firstOwn: first.ink,
        inkOwn: quantile(inkOwn, 0.5),
        ink: quantile(ink, 0.5),
        plain: quantile(plain, 0.5),
        lectern: quantile(lectern, 0.5),
        step: quantile(steps, 0.5),
        stepBefore: quantile(befores, 0.5),
        shift: quantile(shifts, 0.5),
        shiftMax: quantile(shifts, 1),
        jump: quantile(jumps, 0.5),
        sequenceP95: quantile(sequence, 0.95),
        sequenceMedian: quantile(sequence, 0.5),
        sequenceSteps: sequence.length,
        afterMoveMedian: quantile(afterMove, 0.5),
        afterMoveMax: quantile(afterMove, 1),
        moves,
      });
    }
    const base = measured[0]!;
    for (const m of measured) {
      yield {
        name: 'ink: pointer → stroke path (p95)',
        n: m.n,
        ms: round(m.p95),
        goal: '< 8 ms',
        baselineMs: round(base.p95),
        ratio: round(m.p95 / base.p95),
        'median ms': round(m.median),
        'handler ms': round(m.handler),
        event: m.event,
        load: round(loadavg()[0] ?? 0, 1),
      };
    }
    // The slide change itself, beside the 20-slide deck's: what the instructor waits for per click.
    for (const m of measured) {
      yield {
        name: 'switch to a slide without ink (median)',
        n: m.n,
        ms: round(m.plain),
        goal: '< 16 ms',
        baselineMs: round(base.plain),
        ratio: round(m.plain / base.plain),
        "Lectern's slidechanged ms": round(m.lectern),
        note: 'baseline: the 20-slide deck',
        load: round(loadavg()[0] ?? 0, 1),
      };
    }
    for (const m of measured) {
      yield {
        name: 'ink: switch to a slide with 500 strokes (median)',
        n: m.n,
        ms: round(m.ink),
        goal: '< 16 ms, first visit too',
        baselineMs: round(m.plain),
        ratio: round(m.ink / m.plain),
        '20-slide deck ms': round(base.ink),
        'first visit ms': round(m.first),
        'ink part ms': round(m.inkOwn),
        'ink part, first visit ms': round(m.firstOwn),
        note: 'baseline: the same switch to a slide without ink',
        load: round(loadavg()[0] ?? 0, 1),
      };
    }
    // The window's own costs, where the deck is windowed (none on the 20-slide deck).
    for (const m of measured.filter((x) => !Number.isNaN(x.step))) {
      yield {
        name: "window: step to the window's edge (median)",
        n: m.n,
        ms: round(m.step),
        goal: '< 16 ms',
        baselineMs: round(m.stepBefore),
        ratio: round(m.step / m.stepBefore),
        'window shift after it, median ms': round(m.shift),
        'window shift, max ms': round(m.shiftMax),
        'far jump 0 → 700 ms': round(m.jump),
        note: 'baseline: the same step, window centred on the slide before (no move); the shift runs after the slide is shown',
        load: round(loadavg()[0] ?? 0, 1),
      };
      yield {
        name: 'window: 30 consecutive steps through window moves (p95)',
        n: m.n,
        ms: round(m.sequenceP95),
        goal: '< 16 ms',
        baselineMs: round(m.stepBefore),
        ratio: round(m.sequenceP95 / m.stepBefore),
        'median ms': round(m.sequenceMedian),
        steps: m.sequenceSteps,
        'window moves among them': m.moves,
        'step right after a move, median ms': round(m.afterMoveMedian),
        'step right after a move, max ms': round(m.afterMoveMax),
        note: 'slides 600 → 630, each run; baseline: a step without a move (median)',
        load: round(loadavg()[0] ?? 0, 1),
      };
    }
  } finally {
    await app.close();
  }
}

const suite: BenchSuite = { name: 'present-ink: drawing and ink on slide switch (Chromium, built app; baseline: 20-slide deck)', run };
export default suite;
