// `lectern check` and `lectern build` end to end, in-process (file reads, jsdom window, render
// with the sanitizer, media checks, writing the site), beside the in-memory parse+render+sanitize
// of the same deck on the CLI's path as the baseline: the ratio is what the CLI adds around the
// renderer (jsdom start-up, media scanning, copying reveal.js and the theme, writing files).
// Issue 19's row (parse+render+sanitize vs marked.parse, goal <= 10x) is the CLI's path: the
// parse5 pre-check (packages/cli/src/sanitize-precheck.ts), DOMPurify on jsdom for the slides it
// does not accept. It carries its CPU-time ratio too (`cpuRatio`: this process's user+system
// time, less sensitive to other processes than wall time), its ratio to the jsdom-only path of
// the same run, and the share of slides the pre-check accepted. The jsdom-only rows follow: every
// slide through DOMPurify on jsdom (batched), and the part of it no code of ours runs, jsdom's
// DOMParser alone on the same slide HTML in the same batches, which DOMPurify starts every call
// with. `load` is the 1-minute load average before and after. How to read them:
// docs/performance-io.md.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { createSanitizer, parseDeck, renderDeck, type Sanitizer, type SanitizerWindow } from '../../../packages/deck/src/index.ts';
import { main } from '../../../packages/cli/src/main.ts';
import { withPrecheck } from '../../../packages/cli/src/sanitize-precheck.ts';
import { generateDeck } from '../../unit/deck/generate-deck.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../types.ts';

const quiet = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, cwd });

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

/** Median wall and CPU time of each step, measured interleaved (every step once per round, after
 *  `warmup` untimed rounds), so load from other processes hits the baseline and the CLI alike. */
async function interleaved(
  runs: number,
  warmup: number,
  steps: Record<string, () => Promise<unknown> | unknown>,
): Promise<{ wall: Record<string, number>; cpu: Record<string, number> }> {
  const wall: Record<string, number[]> = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const [name, step] of Object.entries(steps)) {
      const c0 = cpuMs();
      const t0 = performance.now();
      await step();
      if (round >= warmup) {
        wall[name]?.push(performance.now() - t0);
        cpu[name]?.push(cpuMs() - c0);
      }
    }
  }
  const medians = (m: Record<string, number[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, median(v)]));
  return { wall: medians(wall), cpu: medians(cpu) };
}

/** The slide HTML renderDeck hands a batching sanitizer, batch by batch, unsanitized. */
function sanitizerBatches(text: string): string[][] {
  const batches: string[][] = [];
  const record: Sanitizer = Object.assign((html: string) => ({ html, removed: [] }), {
    many: (htmls: readonly string[]) => {
      batches.push([...htmls]);
      return htmls.map((html) => ({ html, removed: [] }));
    },
  });
  renderDeck(parseDeck(text), { sanitize: record });
  return batches;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

async function* run(ctx: BenchContext): AsyncIterable<BenchResult> {
  const root = await mkdtemp(join(tmpdir(), 'lectern-bench-cli-'));
  try {
    // jsdom's window type is not DOMPurify's WindowLike, but it is what DOMPurify runs on in Node.
    const window = new JSDOM('').window;
    const sanitize = createSanitizer(window as unknown as SanitizerWindow);
    // What check and build sanitize with (deck-analysis.ts), on the same window.
    const cliSanitize = withPrecheck(window as unknown as SanitizerWindow, sanitize);
    // The same sanitizer without `many`: every slide parsed into its own jsdom document, as
    // before slides were cleaned in batches. Measured at 100 slides only: at 1,000 it takes
    // minutes on a loaded machine and says nothing the 100-slide row does not.
    const oneByOne: Sanitizer = (html) => sanitize(html);
    for (const n of ctx.quick ? [100] : [100, 1000]) {
      const { text } = generateDeck(n);
      const deckPath = join(root, `deck-${n}.md`);
      await writeFile(deckPath, text);
      const mb = Buffer.byteLength(text) / 1e6;
      // Sanitizing on jsdom dominates: a round of 1,000 slides takes seconds, so fewer runs there.
      const runs = n >= 1000 ? 5 : 7;
      const warmup = 1;
      ctx.log(`cli: ${n} slides`);
      // What DOMPurify parses first in each Sanitizer.many call: the batch joined in wrappers.
      const batches = sanitizerBatches(text).map((htmls) => `<remove></remove>${htmls.map((h, i) => `<div data-lectern-batch="x:${i}">${h}</div>`).join('')}`);
      const loadBefore = loadavg()[0]!;

      let build = 0;
      let lastOut = '';
      const statsBefore = { ...cliSanitize.stats };
      const { wall: t, cpu } = await interleaved(runs, warmup, {
        marked: () => marked.parse(text),
        domParser: () => {
          for (const html of batches) new window.DOMParser().parseFromString(html, 'text/html');
        },
        cli: () => renderDeck(parseDeck(text), { sanitize: cliSanitize }),
        baseline: () => renderDeck(parseDeck(text), { sanitize }),
        ...(n <= 100 ? { oneByOne: () => renderDeck(parseDeck(text), { sanitize: oneByOne }) } : {}),
        check: () => main(['check', deckPath], quiet(root)),
        build: async () => {
          lastOut = join(root, `site-${n}-${build++}`);
          await main(['build', deckPath, '-o', lastOut], quiet(root));
        },
      });
      const jsdomMs = t.baseline ?? NaN;
      const cliMs = t.cli ?? NaN;
      const markedMs = t.marked ?? NaN;
      const load = `${loadBefore.toFixed(1)}-${loadavg()[0]!.toFixed(1)}`;
      const cpuRatio = (name: string) => round((cpu[name] ?? NaN) / (cpu.marked ?? NaN));
      const accepted = cliSanitize.stats.accepted - statsBefore.accepted;
      const checked = accepted + cliSanitize.stats.rejected - statsBefore.rejected;
      /** A row of timing `key` against marked.parse of the same run. */
      const vsMarked = (name: string, key: string) => {
        const ms = t[key] ?? NaN;
        return { name, n, ms: round(ms), baselineMs: round(markedMs), ratio: round(ms / markedMs), cpuRatio: cpuRatio(key), load };
      };
      // Issue 19's row: parse + render + sanitize on the CLI's path against marked alone (goal <= 10x).
      yield {
        ...vsMarked('parse+render+sanitize (CLI: parse5 pre-check, jsdom for the rest)', 'cli'),
        vsJsdomOnly: round(cliMs / jsdomMs),
        goal: '<= 10x marked.parse',
        met: cliMs / markedMs <= 10 ? 'yes' : 'NO',
      };
      yield { name: '  share of slides the pre-check accepted (no jsdom)', n, ms: NaN, share: round(accepted / checked), accepted, checked };
      yield vsMarked('parse+render+sanitize (jsdom only, batched)', 'baseline');
      yield vsMarked("  of which jsdom's DOMParser alone (same HTML, same batches)", 'domParser');
      if (t.oneByOne !== undefined) yield vsMarked('parse+render+sanitize (jsdom, one call a slide)', 'oneByOne');
      const checkMs = t.check ?? NaN;
      const buildMs = t.build ?? NaN;
      yield { name: 'lectern check', n, ms: round(checkMs), baselineMs: round(cliMs), ratio: round(checkMs / cliMs), mbPerSec: round(mb / (checkMs / 1000)) };
      yield {
        name: 'lectern build',
        n,
        ms: round(buildMs),
        baselineMs: round(cliMs),
        ratio: round(buildMs / cliMs),
        mbPerSec: round(mb / (buildMs / 1000)),
        outputBytes: await folderBytes(lastOut),
      };
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const suite: BenchSuite = { name: 'cli', run };
export default suite;
