// Bundle throughput and memory. Pack and unpack of a deck with 200 MB of media (20 MB with
// --quick), each beside a plain copy of the same bytes in the same run (the disk's own speed is
// the limit: pack is one read and one write, unpack checks everything first, so it reads twice
// and writes once). Then peak RSS of `lectern pack` / `unpack` on one 500 MB asset (100 MB with
// --quick), each in its own process, beside a child that only copies the file.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPack } from '../../../packages/cli/src/commands/pack.ts';
import { runUnpack } from '../../../packages/cli/src/commands/unpack.ts';
import type { CliIO } from '../../../packages/cli/src/io.ts';
import { makeBigDeck, MiB, runChild } from '../../unit/bundle/large-files.ts';
import type { BenchResult, BenchSuite } from '../types.ts';

const silent = (cwd: string): CliIO => ({ stdout: () => undefined, stderr: () => undefined, cwd });

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const suite: BenchSuite = {
  name: 'bundle',
  async *run(ctx): AsyncGenerator<BenchResult> {
    const root = await mkdtemp(join(tmpdir(), 'lectern-bench-bundle-'));
    try {
      const mb = ctx.quick ? 20 : 200;
      ctx.log(`bundle: writing a deck with ${mb} MB of media`);
      const { deck, asset } = makeBigDeck(join(root, 'deck'), mb);
      const bytes = mb * MiB;
      const rate = (ms: number) => bytes / 1e6 / (ms / 1000);
      for (let round = 1; round <= 2; round++) {
        const copyMs = await time(() => copyFile(asset, join(root, `copy-${round}.bin`)));
        const packMs = await time(() => runPack([deck, '-o', join(root, `b-${round}.lectern`)], silent(root)));
        const unpackMs = await time(() => runUnpack([join(root, `b-${round}.lectern`), '-o', join(root, `out-${round}`)], silent(root)));
        yield { name: `pack (round ${round})`, n: mb, ms: packMs, baselineMs: copyMs, ratio: packMs / copyMs, mbPerSec: rate(packMs), baselineMBps: rate(copyMs) };
        yield { name: `unpack (round ${round})`, n: mb, ms: unpackMs, baselineMs: copyMs, ratio: unpackMs / copyMs, mbPerSec: rate(unpackMs), baselineMBps: rate(copyMs) };
        await rm(join(root, `out-${round}`), { recursive: true, force: true });
        await rm(join(root, `b-${round}.lectern`), { force: true });
        await rm(join(root, `copy-${round}.bin`), { force: true });
      }
      await rm(join(root, 'deck'), { recursive: true, force: true });

      const big = ctx.quick ? 100 : 500;
      ctx.log(`bundle: peak RSS with one ${big} MB asset (child processes)`);
      const { deck: bigDeck, asset: bigAsset } = makeBigDeck(join(root, 'big'), big);
      await mkdir(join(root, 'rss'), { recursive: true });
      const copy = runChild('copy', bigAsset, join(root, 'rss', 'copy.bin'), true);
      const pack = runChild('pack', bigDeck, join(root, 'rss', 'big.lectern'), true);
      const unpack = runChild('unpack', join(root, 'rss', 'big.lectern'), join(root, 'rss', 'out'), true);
      const rssRow = (name: string, r: typeof pack): BenchResult => ({
        name, n: big, ms: r.ms, baselineMs: copy.ms, ratio: r.ms / copy.ms, mbPerSec: (big * MiB) / 1e6 / (r.ms / 1000),
        peakRssMB: Math.round(r.maxRssMB), baselinePeakRssMB: Math.round(copy.maxRssMB), exit: r.exitCode,
      });
      yield rssRow(`lectern pack, peak RSS`, pack);
      yield rssRow(`lectern unpack, peak RSS`, unpack);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};

export default suite;
