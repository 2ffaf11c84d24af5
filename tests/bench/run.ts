// `npm run bench`: runs every tests/bench/suites/*.ts (each `export default` a BenchSuite) in
// file-name order and prints each figure beside its baseline measured in the same run.
//   --json    one JSON object per line: {"suite","name","n","ms","baselineMs","ratio",...}
//   --quick   smaller sizes (a smoke run)
//   NAME...   only suites whose file name contains NAME
// Progress goes to stderr; results to stdout. Benchmarks never fail on a slow machine.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, BenchSuite } from './types.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const filters = args.filter((a) => !a.startsWith('--'));
const dir = join(dirname(fileURLToPath(import.meta.url)), 'suites');

function fmt(value: unknown, digits = 2): string {
  // NaN: a row that measures no time (a count, a share) beside timed rows.
  if (typeof value === 'number') return Number.isNaN(value) ? '' : Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(digits);
  if (value === undefined || value === null) return '';
  return String(value);
}

function printTable(suite: string, results: BenchResult[]): void {
  const fixed = ['name', 'n', 'ms', 'baselineMs', 'ratio', 'mbPerSec'];
  const extra = [...new Set(results.flatMap((r) => Object.keys(r)))].filter((k) => !fixed.includes(k));
  const header = ['name', 'n', 'ms', 'baseline ms', 'ratio', 'MB/s', ...extra];
  const rows = results.map((r) => [
    fmt(r.name),
    fmt(r.n),
    fmt(r.ms),
    fmt(r.baselineMs),
    r.ratio === undefined ? '' : `${fmt(r.ratio)}x`,
    fmt(r.mbPerSec, 1),
    ...extra.map((k) => fmt(r[k])),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(`\n${suite}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

async function main(): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
    .sort();
  const log = (message: string) => process.stderr.write(`${message}\n`);
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: BenchSuite };
    const suite = mod.default;
    if (!suite || typeof suite.run !== 'function') {
      log(`skipping ${file}: no default BenchSuite export`);
      continue;
    }
    log(`suite ${suite.name} (${file})${quick ? ' --quick' : ''}`);
    const results: BenchResult[] = [];
    const emit = (result: BenchResult) => {
      results.push(result);
      if (json) process.stdout.write(`${JSON.stringify({ suite: suite.name, ...result })}\n`);
    };
    try {
      const out = suite.run({ log, quick });
      if (Symbol.asyncIterator in out) for await (const r of out as AsyncIterable<BenchResult>) emit(r);
      else for (const r of await out) emit(r);
    } catch (error) {
      log(`suite ${suite.name} failed: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    }
    if (!json) printTable(suite.name, results);
  }
}

await main();
