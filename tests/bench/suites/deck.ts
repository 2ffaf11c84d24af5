// Deck parse+render against raw marked.parse of the same text, in the same run. Goals (issue 19),
// printed beside the figures: full parse+render (no sanitizing) <= 1.2x marked.parse at 1,000
// and at 5,000 slides; re-render after a one-character edit in the middle slide >= 100x faster
// than the full render at 1,000 slides; parse+render+sanitize on the CLI's path <= 10x marked.parse
// at 1,000 slides (beside the jsdom-only path, same run). Every figure is a median over rounds (31 at 100 and
// 1,000 slides, 7 at 5,000; --quick: 5 and 3; a round is ~4,000 slides' worth of calls in a
// row, see measureInterleaved), the functions interleaved round after round.
// docs/performance.md says how to read the columns and how to profile.
import { loadavg } from 'node:os';
import { JSDOM } from 'jsdom';
import { Marked } from 'marked';
import { createRenderCache, createSanitizer, parseDeck, renderDeck, type Deck, type DeckEdit, type RenderOptions } from '../../../packages/deck/src/index.ts';
import { withPrecheck } from '../../../packages/cli/src/sanitize-precheck.ts';
import { editMiddleSlide, generateDeck } from '../../unit/deck/generate-deck.ts';
import { measureInterleaved, type Timing } from '../interleaved.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../types.ts';

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Issue 19's goals: full parse+render over marked.parse, and the one-character edit's speed-up. */
const GOAL_FULL_RATIO = 1.2;
const GOAL_EDIT_SPEEDUP = 100;
/** Issue 19: parse+render+sanitize in Node (the CLI's path) over marked.parse. */
const GOAL_CLI_SANITIZE_RATIO = 10;

async function* run(ctx: BenchContext): AsyncIterable<BenchResult> {
  const sizes = ctx.quick ? [100, 1000] : [100, 1000, 5000];
  const window = new JSDOM('').window;
  // jsdom's window type is not DOMPurify's WindowLike, but it is what DOMPurify runs on in Node.
  const sanitize = createSanitizer(window as unknown as Parameters<typeof createSanitizer>[0]);
  const cliSanitize = withPrecheck(window as unknown as Parameters<typeof createSanitizer>[0], sanitize);
  for (const n of sizes) {
    const deck = generateDeck(n);
    const text = deck.text;
    const bytes = Buffer.byteLength(text, 'utf8');
    const mb = bytes / 1e6;
    const runs = n >= 5000 ? (ctx.quick ? 3 : 7) : ctx.quick ? 5 : 31;
    const warmup = n >= 5000 ? 2 : 8;
    // Calls a round: about 4,000 slides' worth, so every round holds several young collections
    // (see measureInterleaved): 40 at 100 slides, 4 at 1,000, 1 at 5,000.
    const batch = Math.max(1, Math.ceil(4000 / n));
    ctx.log(`deck: ${n} slides, ${(bytes / 1024).toFixed(0)} KiB`);

    const marked = new Marked({ gfm: true });
    // Incremental: the editor's path. Every timed call gets a text the cache has not seen, one
    // character different from the previous call's in the middle slide, so exactly one slide
    // is parsed and rendered again. Like the editor, it hands parseDeck the changed span and
    // reads slides and diagnostics, not the joined HTML of the whole deck.
    const texts = Array.from({ length: runs + warmup + 1 }, (_, i) => editMiddleSlide(deck, i + 2));
    // slice + char + slice is a V8 rope; the editor hands over a flat string (CodeMirror joins its
    // lines). Flatten here (charCodeAt does) so the timing is the parse, not V8 copying the rope.
    for (const edited of texts) edited.charCodeAt(0);
    // Every edited text differs from the others in one UTF-16 unit at the same offset: the span
    // the editor hands parseDeck (CodeMirror's change), so the parse need not compare the texts.
    let at = 0;
    while (texts[0]!.charCodeAt(at) === text.charCodeAt(at)) at++;
    const span: DeckEdit = { from: at, toOld: at + 1, toNew: at + 1 };
    const options: RenderOptions = {};
    const cache = createRenderCache();
    let previous: Deck = parseDeck(text);
    renderDeck(previous, options, cache);
    const comparedCache = createRenderCache();
    let comparedPrevious: Deck = parseDeck(text);
    renderDeck(comparedPrevious, options, comparedCache);
    let turn = 0;
    let comparedTurn = 0;
    let renderedSlides = 0;
    // The full render against marked.parse, each round `batch` calls in a row (see
    // measureInterleaved: what each costs running on its own, collections included).
    const t = measureInterleaved(
      {
        baseline: () => marked.parse(text),
        parse: () => parseDeck(text),
        // The deck's HTML is joined lazily; read it, as marked.parse returns its HTML too.
        full: () => renderDeck(parseDeck(text)).html,
      },
      runs,
      warmup,
      batch,
    );
    // The edit one call at a time, as the editor makes one per keystroke with other work
    // between: edits in a row would find the processor's caches warm (3-4x faster). Its
    // speed-up is over the full render timed the same way, in the same rounds.
    const e = measureInterleaved(
      {
        baseline: () => marked.parse(text),
        full: () => renderDeck(parseDeck(text)).html,
        incremental: () => {
          const next = parseDeck(texts[turn++ % texts.length]!, previous, span);
          renderedSlides = renderDeck(next, options, cache).rendered.length;
          previous = next;
        },
        // The same without the span: the parse finds the change by comparing the two texts.
        compared: () => {
          const next = parseDeck(texts[comparedTurn++ % texts.length]!, comparedPrevious);
          renderDeck(next, options, comparedCache);
          comparedPrevious = next;
        },
      },
      runs,
      warmup,
    );
    const baseline = t['baseline']!;
    const row = (name: string, time: Timing, base: Timing, extra: Record<string, unknown> = {}): BenchResult => ({
      name,
      n,
      ms: round(time.ms),
      baselineMs: round(base.ms),
      ratio: round(time.ms / base.ms),
      pairedRatio: round(time.pairedRatio),
      mbPerSec: round(mb / (time.ms / 1000), 1),
      cpuMs: round(time.cpuMs),
      cpuRatio: round(time.cpuMs / base.cpuMs),
      // The 1-minute load average when the row was measured: figures from a loaded machine
      // (other processes on the same cores) are slower and noisier.
      load: round(loadavg()[0] ?? 0, 1),
      ...extra,
    });
    const judged = n >= 1000;
    const fullRatio = t['full']!.ms / baseline.ms;
    const speedup = e['full']!.ms / e['incremental']!.ms;
    yield row('marked.parse (baseline)', baseline, baseline, { bytes, rounds: runs, callsPerRound: batch });
    yield row('parseDeck', t['parse']!, baseline, { rounds: runs });
    yield row('parse+render', t['full']!, baseline, {
      rounds: runs,
      goal: judged ? `ratio ≤ ${GOAL_FULL_RATIO}×` : '',
      met: judged ? (fullRatio <= GOAL_FULL_RATIO ? 'yes' : 'NO') : '',
    });
    yield row('edit 1 char: parse+render (cached)', e['incremental']!, e['baseline']!, {
      rounds: runs,
      speedupVsFull: round(speedup, 1),
      cpuSpeedupVsFull: round(e['full']!.cpuMs / e['incremental']!.cpuMs, 1),
      renderedSlides,
      goal: n === 1000 ? `speedup ≥ ${GOAL_EDIT_SPEEDUP}×` : '',
      met: n === 1000 ? (speedup >= GOAL_EDIT_SPEEDUP ? 'yes' : 'NO') : '',
    });
    yield row('edit 1 char, no change span (texts compared)', e['compared']!, e['baseline']!, {
      rounds: runs,
      speedupVsFull: round(e['full']!.ms / e['compared']!.ms, 1),
      cpuSpeedupVsFull: round(e['full']!.cpuMs / e['compared']!.cpuMs, 1),
    });

    // Sanitizing in Node: the CLI's path (the parse5 pre-check, jsdom for the slides it does not
    // accept; issue 19's goal <= 10x marked.parse) beside DOMPurify on jsdom for every slide (the
    // path before the pre-check), same run. jsdom costs seconds a round at 1,000 slides, so few
    // rounds, and none at 5,000.
    if (n <= 1000) {
      const sanitizeRuns = n <= 100 ? 5 : 3;
      const before = { ...cliSanitize.stats };
      const s = measureInterleaved(
        {
          baseline: () => marked.parse(text),
          cli: () => renderDeck(parseDeck(text), { sanitize: cliSanitize }).html,
          sanitized: () => renderDeck(parseDeck(text), { sanitize }).html,
        },
        sanitizeRuns,
        1,
      );
      const accepted = cliSanitize.stats.accepted - before.accepted;
      const checked = accepted + cliSanitize.stats.rejected - before.rejected;
      const cliRatio = s['cli']!.ms / s['baseline']!.ms;
      yield {
        ...row('parse+render+sanitize (CLI: parse5 pre-check, jsdom for the rest)', s['cli']!, s['baseline']!),
        rounds: sanitizeRuns,
        vsJsdomOnly: round(s['cli']!.ms / s['sanitized']!.ms),
        acceptedShare: round(accepted / checked),
        goal: n === 1000 ? `ratio ≤ ${GOAL_CLI_SANITIZE_RATIO}×` : '',
        met: n === 1000 ? (cliRatio <= GOAL_CLI_SANITIZE_RATIO ? 'yes' : 'NO') : '',
      };
      yield { ...row('parse+render+sanitize (jsdom only)', s['sanitized']!, s['baseline']!), rounds: sanitizeRuns };
    }
  }
}

const suite: BenchSuite = { name: 'deck', run };
export default suite;
