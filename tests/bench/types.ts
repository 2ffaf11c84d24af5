// A benchmark suite: tests/bench/suites/*.ts each `export default` one of these; `npm run bench`
// (tests/bench/run.ts) runs them in file-name order and prints each result beside its baseline.
export interface BenchResult {
  /** What was measured, e.g. 'parse+render'. */
  name: string;
  /** Size parameter (slides, MB, decks …). */
  n: number;
  ms: number;
  /** The same work done by the reference (e.g. raw marked.parse) in the same run. */
  baselineMs?: number;
  /** ms / baselineMs (or as the suite defines it, then say so in `note`). */
  ratio?: number;
  /** MB/s where it makes sense. */
  mbPerSec?: number;
  /** Anything else worth a column: bytes, p95, RSS … */
  [extra: string]: unknown;
}

export interface BenchContext {
  /** Print a progress line to stderr. */
  log: (message: string) => void;
  /** `--quick`: smaller sizes, for a smoke run. */
  quick: boolean;
}

export interface BenchSuite {
  name: string;
  run: (ctx: BenchContext) => AsyncIterable<BenchResult> | Promise<BenchResult[]>;
}
