// Interleaved timing for the benchmarks: every function once a round, the order rotating, medians
// of wall time, CPU time and the ratio to the first function in the same round. Used by the deck
// suite (suites/deck.ts) and deck-gc.ts.

export interface Timing {
  /** Median wall time, ms. */
  ms: number;
  /** Median CPU time of this process (user + system, GC threads included), ms: steadier than
   *  wall time when other processes load the machine. */
  cpuMs: number;
  /** Median over rounds of (this function's wall time / the first function's, same round):
   *  the two run seconds apart, so slow drifts of the machine cancel out. */
  pairedRatio: number;
}

/**
 * Median times of each function, measured interleaved (round after round, every function once
 * per round) after `warmup` untimed rounds, so that load from other processes hits the baseline
 * and the candidates alike and the ratios stay fair. The first function is the baseline.
 *
 * A round times `batch` calls in a row and counts their mean. One call of a 1,000-slide render
 * allocates less than V8's young generation holds, so a young collection comes in fewer than
 * one call in one: timed alone, a call either pays for a whole collection or for none, and the
 * collection costs what the *running* function keeps alive (marked.parse holds the whole
 * deck's tokens, so one that falls in it costs 2–3× one that falls in the render), whatever
 * function's garbage set it off. Medians of single calls then flipped between "with" and
 * "without" from run to run (1.05–1.26× on the same code), and interleaving charged
 * marked.parse for collections the render caused. Calls in a row pay for the collections their
 * own garbage sets off, as they would running alone. (Forcing a full collection before each
 * call was tried: it makes every function slower afterwards, the cheap incremental path most,
 * so it is not done.)
 */
export function measureInterleaved(
  fns: Record<string, () => void>,
  runs: number,
  warmup: number,
  batch = 1,
  /** Called after each timed round with its function and its start and end (performance.now()). */
  onRound?: (name: string, t0: number, t1: number) => void,
): Record<string, Timing> {
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; i++) for (const name of names) for (let b = 0; b < batch; b++) fns[name]!();
  const wall: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    // Rotate the order each round: the garbage a function leaves is collected during whichever
    // runs next, so no function should always follow the same one.
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length]!;
      const fn = fns[name]!;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let b = 0; b < batch; b++) fn();
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      onRound?.(name, t0, t1);
      wall[name]!.push((t1 - t0) / batch);
      cpu[name]!.push((c1.user + c1.system) / 1000 / batch);
    }
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const base = wall[names[0]!]!;
  const out: Record<string, Timing> = {};
  for (const name of names) {
    const paired = wall[name]!.map((t, i) => t / base[i]!);
    out[name] = { ms: median([...wall[name]!]), cpuMs: median(cpu[name]!), pairedRatio: median(paired) };
  }
  return out;
}
