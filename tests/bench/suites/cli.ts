// `lectern check` and `lectern build` end to end, in-process (file reads, jsdom window, render
// with the sanitizer, media checks, writing the site), beside the in-memory parse+render with
// the sanitizer of the same deck as the baseline: the ratio is what the CLI adds around the
// renderer (jsdom start-up, media scanning, copying reveal.js and the theme, writing files).
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { createSanitizer, parseDeck, renderDeck, type Sanitizer, type SanitizerWindow } from '../../../packages/deck/src/index.ts';
import { main } from '../../../packages/cli/src/main.ts';
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

/** Median time of each step, measured interleaved (every step once per round, after `warmup`
 *  untimed rounds), so load from other processes hits the baseline and the CLI alike. */
async function interleaved(runs: number, warmup: number, steps: Record<string, () => Promise<unknown> | unknown>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const [name, step] of Object.entries(steps)) {
      const t0 = performance.now();
      await step();
      if (round >= warmup) times[name]?.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN]));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

async function* run(ctx: BenchContext): AsyncIterable<BenchResult> {
  const root = await mkdtemp(join(tmpdir(), 'lectern-bench-cli-'));
  try {
    // jsdom's window type is not DOMPurify's WindowLike, but it is what DOMPurify runs on in Node.
    const sanitize = createSanitizer(new JSDOM('').window as unknown as SanitizerWindow);
    // The same sanitizer without `many`: every slide parsed into its own jsdom document, as
    // before slides were cleaned in batches.
    const oneByOne: Sanitizer = (html) => sanitize(html);
    for (const n of ctx.quick ? [100] : [100, 1000]) {
      const { text } = generateDeck(n);
      const deckPath = join(root, `deck-${n}.md`);
      await writeFile(deckPath, text);
      const mb = Buffer.byteLength(text) / 1e6;
      // Sanitizing on jsdom dominates (DOMPurify parses every slide into a fresh jsdom document):
      // a 1,000-slide build takes seconds, so few runs there.
      const runs = n >= 1000 ? 1 : 3;
      const warmup = n >= 1000 ? 0 : 1;
      ctx.log(`cli: ${n} slides`);

      let build = 0;
      let lastOut = '';
      const t = await interleaved(runs, warmup, {
        marked: () => marked.parse(text),
        baseline: () => renderDeck(parseDeck(text), { sanitize }),
        oneByOne: () => renderDeck(parseDeck(text), { sanitize: oneByOne }),
        check: () => main(['check', deckPath], quiet(root)),
        build: async () => {
          lastOut = join(root, `site-${n}-${build++}`);
          await main(['build', deckPath, '-o', lastOut], quiet(root));
        },
      });
      const baselineMs = t.baseline ?? NaN;
      const markedMs = t.marked ?? NaN;
      // Issue 19's row: parse + render + sanitize on jsdom against marked alone (goal <= 10x).
      yield { name: 'parse+render+sanitize (jsdom, batched)', n, ms: round(baselineMs), baselineMs: round(markedMs), ratio: round(baselineMs / markedMs), goal: '<= 10x marked.parse' };
      yield { name: 'parse+render+sanitize (jsdom, one call a slide)', n, ms: round(t.oneByOne ?? NaN), baselineMs: round(markedMs), ratio: round((t.oneByOne ?? NaN) / markedMs) };
      const checkMs = t.check ?? NaN;
      const buildMs = t.build ?? NaN;
      yield { name: 'lectern check', n, ms: round(checkMs), baselineMs: round(baselineMs), ratio: round(checkMs / baselineMs), mbPerSec: round(mb / (checkMs / 1000)) };
      yield {
        name: 'lectern build',
        n,
        ms: round(buildMs),
        baselineMs: round(baselineMs),
        ratio: round(buildMs / baselineMs),
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
