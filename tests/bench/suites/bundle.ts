// Bundle throughput and memory. Pack and unpack of a deck with 200 MB of media (20 MB with
// --quick), each beside a plain copy of the same bytes measured just before it in the same run
// (a streamed read+write in 1 MiB chunks, as `cp` does; the disk is the limit: pack is one read
// and one write, unpack checks everything first, so it reads twice and writes once), and
// `check` (read + verify every SHA-256, no writes) beside a plain read of the same file. Then peak RSS of `lectern pack` / `unpack` on one 500 MB asset (100 MB with
// --quick), each in its own process, beside a child that only copies the file.
// Last, the app's import in Chromium (on-disk profile, tests/browser/store/harness-server.ts) of
// a bundle packed by `lectern pack` with one 500 MB video (100 MB with --quick), picked through a
// file input: previewBundle reads and verifies every byte (SHA-256 with hash-wasm + CRC-32),
// beside the same read with the bundle package's default hash (@noble/hashes, pure JavaScript;
// mean of one run just before and one just after); then the store step -- importBundle handing
// the verified hashes to the store (issue 12 defect 4) beside the same media stored the way it
// was done before, the store hashing every Blob again (importDeck without `sha256`), same run.
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { readBundle } from '@lectern/bundle';
import { fileChunks, fileSink, nodeCrc32, nodeHash, openFileSource } from '../../../packages/cli/src/commands/bundle-io.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPack } from '../../../packages/cli/src/commands/pack.ts';
import { runUnpack } from '../../../packages/cli/src/commands/unpack.ts';
import type { CliIO } from '../../../packages/cli/src/io.ts';
import { makeBigDeck, MiB, runChild } from '../../unit/bundle/large-files.ts';
import { startHarness } from '../../browser/store/harness-server.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../types.ts';

async function streamCopy(from: string, to: string): Promise<void> {
  const handle = await open(to, 'wx');
  const sink = fileSink(handle);
  for await (const chunk of fileChunks(from, Number.MAX_SAFE_INTEGER)) await sink.write(chunk);
  await handle.close();
}

async function plainRead(path: string): Promise<void> {
  for await (const _chunk of fileChunks(path, Number.MAX_SAFE_INTEGER)) {
    // only the reading is measured
  }
}

async function checkFile(path: string): Promise<void> {
  const { source, close } = await openFileSource(path);
  try {
    await readBundle(source, { hash: nodeHash, crc32: nodeCrc32 });
  } finally {
    await close();
  }
}

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
        const bundle = join(root, `b-${round}.lectern`);
        const copyA = await time(() => streamCopy(asset, join(root, `copy-a-${round}.bin`)));
        const packMs = await time(() => runPack([deck, '-o', bundle], silent(root)));
        yield { name: `pack (round ${round})`, n: mb, ms: packMs, baselineMs: copyA, ratio: packMs / copyA, mbPerSec: rate(packMs), baselineMBps: rate(copyA) };
        const readMs = await time(() => plainRead(bundle));
        const checkMs = await time(() => checkFile(bundle));
        yield { name: `check (round ${round})`, n: mb, ms: checkMs, baselineMs: readMs, ratio: checkMs / readMs, mbPerSec: rate(checkMs), baselineMBps: rate(readMs) };
        const copyB = await time(() => streamCopy(asset, join(root, `copy-b-${round}.bin`)));
        const unpackMs = await time(() => runUnpack([bundle, '-o', join(root, `out-${round}`)], silent(root)));
        yield { name: `unpack (round ${round})`, n: mb, ms: unpackMs, baselineMs: copyB, ratio: unpackMs / copyB, mbPerSec: rate(unpackMs), baselineMBps: rate(copyB) };
        await rm(join(root, `out-${round}`), { recursive: true, force: true });
        await rm(join(root, `b-${round}.lectern`), { force: true });
        await rm(join(root, `copy-a-${round}.bin`), { force: true });
        await rm(join(root, `copy-b-${round}.bin`), { force: true });
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
    yield* appImport(ctx);
  },
};

async function* appImport(ctx: BenchContext): AsyncGenerator<BenchResult> {
  const mb = ctx.quick ? 100 : 500;
  ctx.log(`bundle: app import of a bundle with ${mb} MB of media in Chromium (on-disk profile)`);
  // The bundle is a file on disk, picked through a file input as an instructor does: a Blob of
  // 500 MB built in the page cannot be read back in this Chromium (NotReadableError once its
  // blob storage pages to disk), and a picked file is what the import really reads.
  const root = await mkdtemp(join(tmpdir(), 'lectern-bench-import-'));
  const harness = await startHarness();
  try {
    const { deck } = makeBigDeck(join(root, 'deck'), mb, 'phim bài giảng.mp4');
    const bundlePath = join(root, 'Bài giảng có video.lectern');
    await runPack([deck, '-o', bundlePath], silent(root));
    await rm(join(root, 'deck'), { recursive: true, force: true });
    const page = await harness.newPage();
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'file', id: 'bench-file' })));
    await page.locator('#bench-file').setInputFiles(bundlePath);
    const figures = await page.evaluate(
      async () => {
        // Specifiers in variables: served by the harness's Vite dev server, not resolved by tsc.
        const bundlePath = '/packages/bundle/src/index.ts';
        const importPath = '/src/sharing/import-bundle.ts';
        const bundle = (await import(bundlePath)) as typeof import('../../../packages/bundle/src/index.ts');
        const sharing = (await import(importPath)) as typeof import('../../../src/sharing/import-bundle.ts');
        const { openStore } = window.lecternStore;
        const file = (document.getElementById('bench-file') as HTMLInputElement).files![0]!;
        const after = await openStore('bench-import-after', { requestPersistence: false });
        const before = await openStore('bench-import-before', { requestPersistence: false });
        // The preview's read + verify with packages/bundle's default hash (@noble/hashes, what
        // the app used before src/sharing/bundle-hash.ts) just before and just after the app's
        // preview (hash-wasm); the baseline is their mean, so neither side gets the warm file.
        const nobleRead = async () => {
          const start = performance.now();
          await bundle.readBundle(bundle.blobSource(file));
          return performance.now() - start;
        };
        const nobleFirstMs = await nobleRead();
        let t = performance.now();
        const preview = await sharing.previewBundle(after, file);
        const previewMs = performance.now() - t;
        const noblePreviewMs = (nobleFirstMs + (await nobleRead())) / 2;
        // Alternate nothing here: both store steps start from an empty database of their own.
        t = performance.now();
        await before.importDeck({
          markdown: preview.bundle.deck,
          assets: preview.bundle.assets.map((a) => ({ path: a.path, type: a.type, blob: file.slice(a.range!.offset, a.range!.offset + a.range!.length, a.type) })),
        });
        const beforeMs = performance.now() - t;
        t = performance.now();
        await sharing.importBundle(after, preview);
        const afterMs = performance.now() - t;
        after.close();
        before.close();
        return { previewMs, noblePreviewMs, beforeMs, afterMs };
      },
    );
    const rate = (ms: number) => Math.round((mb / (ms / 1000)) * 10) / 10;
    const row = (name: string, ms: number, baselineMs: number, extra: Partial<BenchResult> = {}): BenchResult => ({
      name, n: mb, ms: Math.round(ms), baselineMs: Math.round(baselineMs), ratio: Math.round((ms / baselineMs) * 1000) / 1000, unit: 'MB', ...extra,
    });
    const { previewMs, noblePreviewMs, afterMs, beforeMs } = figures;
    yield row('app import: preview (read + verify every byte), hash-wasm (after) vs @noble/hashes (before)', previewMs, noblePreviewMs, {
      mbPerSec: rate(previewMs),
      baselineMBps: rate(noblePreviewMs),
    });
    yield row('app import: store step, verified hashes (after) vs hashing again (before)', afterMs, beforeMs);
    yield row('app import: preview + store, after vs before', previewMs + afterMs, previewMs + beforeMs);
  } finally {
    await harness.close();
    await rm(root, { recursive: true, force: true });
  }
}

export default suite;
