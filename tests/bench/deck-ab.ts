// Another version of packages/deck against this one, in one process, interleaved round by round
// (the order alternating), CPU and wall time. For changes too small for the deck suite's figures
// to show through the load of a shared machine. Extract the other version inside the repository
// (its imports of marked and the rest resolve through node_modules), for example:
//   mkdir -p tests/output/ab && git archive main packages/deck | tar -x -C tests/output/ab
//   npx tsx tests/bench/deck-ab.ts tests/output/ab/packages/deck/src/index.ts edit
// What: `edit` (the one-character edit of the deck suite, each timed edit after marked.parse and
// a full render by the same version, so that the caches are as cold as in the suite), `full` (parse+render), `parse`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Marked } from 'marked';
import * as current from '../../packages/deck/src/index.ts';
import { editMiddleSlide, generateDeck } from '../unit/deck/generate-deck.ts';

type Deck = typeof current;
const [otherPath, what = 'edit', roundsArg = '61', slidesArg = '1000'] = process.argv.slice(2);
if (!otherPath || !['edit', 'full', 'parse'].includes(what)) {
  console.error('usage: deck-ab.ts <other packages/deck/src/index.ts> [edit|full|parse] [rounds] [slides]');
  process.exit(2);
}
const other = (await import(pathToFileURL(resolve(otherPath)).href)) as Deck;
const rounds = Number(roundsArg);
const generated = generateDeck(Number(slidesArg));
const text = generated.text;
const marked = new Marked({ gfm: true });

function editor(M: Deck): () => void {
  const texts = Array.from({ length: rounds + 12 }, (_, i) => editMiddleSlide(generated, i + 2));
  for (const t of texts) t.charCodeAt(0); // flat strings, as the editor hands over
  let at = 0;
  while (texts[0]!.charCodeAt(at) === text.charCodeAt(at)) at++;
  const span = { from: at, toOld: at + 1, toNew: at + 1 };
  const cache = M.createRenderCache();
  let previous = M.parseDeck(text);
  M.renderDeck(previous, {}, cache);
  let turn = 0;
  return () => {
    const next = M.parseDeck(texts[turn++]!, previous, span);
    M.renderDeck(next, {}, cache);
    previous = next;
  };
}

const make = (M: Deck): (() => unknown) =>
  what === 'edit' ? editor(M) : what === 'full' ? () => M.renderDeck(M.parseDeck(text)).html : () => M.parseDeck(text);
// For `full` and `parse`, marked.parse of the same text runs in the same rotation: the deck
// suite's baseline, so both versions can also be read as a ratio to it.
const withBase = what !== 'edit';
const fns = { other: make(other), current: make(current), base: () => marked.parse(text) };
const names = (withBase ? ['other', 'current', 'base'] : ['other', 'current']) as readonly ('other' | 'current' | 'base')[];
const cpu = { other: [] as number[], current: [] as number[], base: [] as number[] };
const wall = { other: [] as number[], current: [] as number[], base: [] as number[] };
// Before each timed edit, marked.parse and a full render by the same version, as in the deck
// suite: a full render by one version only would leave that version's code and data warm for its
// edits (two copies of the same code read 0.6-0.7x for the warmed one).
const between = (name: 'other' | 'current' | 'base') => {
  if (what !== 'edit') return;
  const M = name === 'other' ? other : current;
  marked.parse(text);
  void M.renderDeck(M.parseDeck(text)).html;
};
for (let i = 0; i < 10; i++) for (const name of names) { between(name); fns[name](); }
for (let i = 0; i < rounds; i++) {
  for (let j = 0; j < names.length; j++) {
    const name = names[(i + j) % names.length]!;
    between(name);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fns[name]();
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    wall[name].push(t1 - t0);
    cpu[name].push((c1.user + c1.system) / 1000);
  }
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
const ms = (n: number) => n.toFixed(what === 'edit' ? 4 : 2);
console.log(
  `${what}, ${slidesArg} slides, ${rounds} rounds, load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}: ` +
    `other ${ms(median(wall.other))} ms (CPU ${ms(median(cpu.other))}), current ${ms(median(wall.current))} ms (CPU ${ms(median(cpu.current))}), ` +
    `current/other ${(median(wall.current) / median(wall.other)).toFixed(3)} (CPU ${(median(cpu.current) / median(cpu.other)).toFixed(3)})`,
);
if (withBase) {
  const ratio = (name: 'other' | 'current', times: typeof wall) => (median(times[name]) / median(times.base)).toFixed(3);
  console.log(
    `  marked.parse ${ms(median(wall.base))} ms (CPU ${ms(median(cpu.base))}); ÷ marked.parse: ` +
      `other ${ratio('other', wall)} (CPU ${ratio('other', cpu)}), current ${ratio('current', wall)} (CPU ${ratio('current', cpu)})`,
  );
}
