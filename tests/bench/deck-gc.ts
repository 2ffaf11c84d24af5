// Which function pays for the young collections when marked.parse and a full parse+render run
// interleaved: each collection (PerformanceObserver 'gc' entries) is charged to the call that
// was running when it started. Prints, per function, the median wall and CPU time of a round
// and the collections' time per call. `calls` is how many calls a round times in a row (the
// deck suite uses about 4,000 slides' worth; 1 shows the single-call medians it used before).
// See docs/performance.md, "Calls in a row".
//   npx tsx tests/bench/deck-gc.ts [slides=1000] [rounds=31] [calls=4] [--with-parse]
import { PerformanceObserver } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { Marked } from 'marked';
import { parseDeck, renderDeck } from '../../packages/deck/src/index.ts';
import { generateDeck } from '../unit/deck/generate-deck.ts';
import { measureInterleaved } from './interleaved.ts';

const [slides = 1000, rounds = 31, calls = 4] = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('--'))
  .map(Number);
const text = generateDeck(slides).text;
const marked = new Marked({ gfm: true });
const fns: Record<string, () => unknown> = {
  'marked.parse': () => marked.parse(text),
  'parse+render': () => renderDeck(parseDeck(text)).html,
};
// parseDeck alone in the same rounds (as the deck suite's parseDeck row): its garbage sets off
// collections that then fall in the others.
if (process.argv.includes('--with-parse')) fns['parseDeck'] = () => parseDeck(text);
const names = Object.keys(fns);

interface Collection {
  start: number;
  duration: number;
}
const collections: Collection[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push({ start: entry.startTime, duration: entry.duration });
});
observer.observe({ entryTypes: ['gc'] });

const spans: { name: string; t0: number; t1: number }[] = [];
const timing = measureInterleaved(fns, rounds, 8, calls, (name, t0, t1) => spans.push({ name, t0, t1 }));
// The observer's entries arrive after the task that recorded them.
await new Promise((resolve) => setTimeout(resolve, 100));
observer.disconnect();

const gcMs: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
for (const gc of collections) {
  const span = spans.find((s) => gc.start >= s.t0 && gc.start < s.t1);
  if (span) gcMs[span.name]! += gc.duration;
}
const base = timing[names[0]!]!;
console.log(`${slides} slides, ${rounds} rounds of ${calls} call(s), load ${loadavg()[0]!.toFixed(1)}`);
for (const name of names) {
  const { ms, cpuMs } = timing[name]!;
  console.log(
    `${name.padEnd(14)} ${ms.toFixed(2).padStart(7)} ms  ratio ${(ms / base.ms).toFixed(3)}  ` +
      `CPU ${cpuMs.toFixed(2).padStart(7)} ms  cpuRatio ${(cpuMs / base.cpuMs).toFixed(3)}  ` +
      `collections ${(gcMs[name]! / (rounds * calls)).toFixed(2)} ms a call`,
  );
}
