// Deck parse+render against raw marked.parse of the same text, in the same run (issue 2 targets:
// full parse+render without sanitizing <= 1.5x marked.parse at 1,000 slides; re-render after a
// one-character edit in the middle slide >= 50x faster than the full render).
import { JSDOM } from 'jsdom';
import { Marked } from 'marked';
import { createRenderCache, createSanitizer, parseDeck, renderDeck, type Deck, type RenderOptions } from '../../../packages/deck/src/index.ts';
import { editMiddleSlide, generateDeck } from '../../unit/deck/generate-deck.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../types.ts';

/**
 * Median wall time of each function, measured interleaved (round after round, every function
 * once per round) after `warmup` untimed rounds, so that load from other processes hits the
 * baseline and the candidates alike and the ratios stay fair.
 */
function measureInterleaved(fns: Record<string, () => void>, runs: number, warmup: number): Record<string, number> {
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; i++) for (const name of names) fns[name]!();
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const t0 = performance.now();
      fns[name]!();
      times[name]!.push(performance.now() - t0);
    }
  }
  const out: Record<string, number> = {};
  for (const name of names) {
    const sorted = times[name]!.sort((a, b) => a - b);
    out[name] = sorted[Math.floor(sorted.length / 2)]!;
  }
  return out;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

async function* run(ctx: BenchContext): AsyncIterable<BenchResult> {
  const sizes = ctx.quick ? [100, 1000] : [100, 1000, 5000];
  const window = new JSDOM('').window;
  // jsdom's window type is not DOMPurify's WindowLike, but it is what DOMPurify runs on in Node.
  const sanitize = createSanitizer(window as unknown as Parameters<typeof createSanitizer>[0]);
  for (const n of sizes) {
    const deck = generateDeck(n);
    const text = deck.text;
    const bytes = Buffer.byteLength(text, 'utf8');
    const mb = bytes / 1e6;
    const runs = n >= 5000 ? (ctx.quick ? 3 : 7) : ctx.quick ? 5 : 11;
    const warmup = n >= 5000 ? 2 : 4;
    ctx.log(`deck: ${n} slides, ${(bytes / 1024).toFixed(0)} KiB`);

    const marked = new Marked({ gfm: true });
    // Incremental: the editor's path. Every timed call gets a text the cache has not seen, one
    // character different from the previous call's in the middle slide, so exactly one slide
    // is parsed and rendered again.
    const texts = Array.from({ length: runs + warmup + 1 }, (_, i) => editMiddleSlide(deck, i + 2));
    const options: RenderOptions = {};
    const cache = createRenderCache();
    let previous: Deck = parseDeck(text);
    renderDeck(previous, options, cache);
    let turn = 0;
    let renderedSlides = 0;
    const t = measureInterleaved(
      {
        baseline: () => marked.parse(text),
        parse: () => parseDeck(text),
        full: () => renderDeck(parseDeck(text)),
        incremental: () => {
          const next = parseDeck(texts[turn++ % texts.length]!, previous);
          renderedSlides = renderDeck(next, options, cache).rendered.length;
          previous = next;
        },
      },
      runs,
      warmup,
    );
    const baseline = t['baseline']!;
    const row = (name: string, ms: number, extra: Record<string, unknown> = {}): BenchResult => ({
      name,
      n,
      ms: round(ms),
      baselineMs: round(baseline),
      ratio: round(ms / baseline),
      mbPerSec: round(mb / (ms / 1000), 1),
      ...extra,
    });
    yield row('marked.parse (baseline)', baseline, { bytes });
    yield row('parseDeck', t['parse']!);
    yield row('parse+render', t['full']!);
    yield row('edit 1 char: parse+render (cached)', t['incremental']!, { speedupVsFull: round(t['full']! / t['incremental']!, 1), renderedSlides });

    // Sanitizing: DOMPurify on jsdom costs milliseconds per call in Node (one call per slide),
    // so this row gets few runs, its own baseline, and is skipped at 5,000 slides.
    if (n <= 1000) {
      const sanitizeRuns = n <= 100 ? 3 : 1;
      const s = measureInterleaved(
        { baseline: () => marked.parse(text), sanitized: () => renderDeck(parseDeck(text), { sanitize }) },
        sanitizeRuns,
        n <= 100 ? 1 : 0,
      );
      yield {
        ...row('parse+render+sanitize (jsdom)', s['sanitized']!),
        baselineMs: round(s['baseline']!),
        ratio: round(s['sanitized']! / s['baseline']!),
        runs: sanitizeRuns,
      };
    }
  }
}

const suite: BenchSuite = { name: 'deck', run };
export default suite;
