// Where a full parse+render (or marked.parse) allocates, garbage included: V8's sampling heap
// profiler with the objects young and full collections freed counted too, summed by function
// (self size), per round. Run bundled for line numbers that mean something (see
// docs/performance.md, "Profiling"), or directly:
//   npx tsx tests/bench/deck-alloc.ts [deck|marked] [rounds] [slides]
import { Session } from 'node:inspector/promises';
import { Marked } from 'marked';
import { parseDeck, renderDeck } from '../../packages/deck/src/index.ts';
import { generateDeck } from '../unit/deck/generate-deck.ts';

const [what = 'deck', roundsArg = '40', slidesArg = '1000'] = process.argv.slice(2);
if (what !== 'deck' && what !== 'marked') {
  console.error('usage: deck-alloc.ts [deck|marked] [rounds] [slides]');
  process.exit(2);
}
const rounds = Number(roundsArg);
const text = generateDeck(Number(slidesArg)).text;
const marked = new Marked({ gfm: true });
const run = what === 'marked' ? () => marked.parse(text) : () => renderDeck(parseDeck(text)).html;
for (let i = 0; i < 30; i++) run();

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMinorGC: true,
  includeObjectsCollectedByMajorGC: true,
});
for (let i = 0; i < rounds; i++) run();
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
session.disconnect();

const bySite = new Map<string, number>();
const walk = (node: Node): void => {
  const { functionName, url, lineNumber } = node.callFrame;
  const site = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
  for (const child of node.children) walk(child);
};
walk(profile.head);
let total = 0;
for (const size of bySite.values()) total += size;
console.log(`${what}, ${slidesArg} slides, ${rounds} rounds: ${(total / rounds / 1e6).toFixed(2)} MB a round`);
for (const [site, size] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${(size / rounds / 1e6).toFixed(3)} MB  ${site}`);
}
