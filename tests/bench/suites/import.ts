// `.pptx` import: a generated 300-slide deck with 40 pictures and a 200 MB video (30 slides,
// 4 pictures, 20 MB with --quick). In-process: the full import (every slide converted, every
// media file streamed out of the package and discarded) beside the baseline of the same parts
// read without conversion (unzip every slide, layout and relationship part and parse it with
// the same XML parser; stream every media entry: the parts the importer reads, themes and
// view settings left out). Then, in child processes, `lectern import`
// writing the folder, with its peak RSS beside a child that only copies the .pptx (goal:
// under 250 MB; media are streamed, never held whole).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openZip } from '@lectern/bundle';
import { importOfficeFile } from '@lectern/office';
import { parseXml } from '../../../packages/office/src/xml.ts';
import { nodeCrc32, openFileSource } from '../../../packages/cli/src/commands/bundle-io.ts';
import { makeBigPptx } from '../import/make-big-pptx.ts';
import { runChild } from '../../unit/bundle/large-files.ts';
import type { BenchResult, BenchSuite } from '../types.ts';

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function importOnly(path: string): Promise<number> {
  const { source, close } = await openFileSource(path);
  try {
    const result = await importOfficeFile(source, { crc32: nodeCrc32, fileName: 'big.pptx' });
    for (const media of result.media) for await (const _chunk of media.chunks()) { /* streamed and dropped */ }
    return result.report.slides;
  } finally {
    await close();
  }
}

async function unzipAndParse(path: string): Promise<number> {
  const { source, close } = await openFileSource(path);
  try {
    const zip = await openZip(source, { crc32: nodeCrc32 });
    let parts = 0;
    for (const entry of zip.entries) {
      if (/^(ppt\/(presentation\.xml|slides\/|slideLayouts\/|slideMasters\/|notesSlides\/|_rels\/)|_rels\/|docProps\/core\.xml)/.test(entry.name)) {
        parseXml(await zip.readBytes(entry.name, 32 * 1024 * 1024), entry.name);
        parts++;
      } else if (entry.name.startsWith('ppt/media/')) {
        for await (const _chunk of zip.chunks(entry.name)) { /* streamed and dropped */ }
      }
    }
    return parts;
  } finally {
    await close();
  }
}

const suite: BenchSuite = {
  name: 'import',
  async *run(ctx): AsyncGenerator<BenchResult> {
    const root = await mkdtemp(join(tmpdir(), 'lectern-bench-import-'));
    try {
      const [slides, images, videoMB] = ctx.quick ? [30, 4, 20] : [300, 40, 200];
      ctx.log(`import: writing a ${slides}-slide .pptx with ${images} pictures and a ${videoMB} MB video`);
      const big = makeBigPptx(join(root, 'big.pptx'), 'tests/fixtures/office/python-pptx-txt-text.pptx', slides, images, videoMB);
      for (let round = 1; round <= 2; round++) {
        const baseline = await time(() => unzipAndParse(big.path));
        const ms = await time(() => importOnly(big.path));
        yield { name: `import in process (round ${round})`, n: slides, ms, baselineMs: baseline, ratio: ms / baseline };
      }
      ctx.log('import: lectern import in a child process (peak RSS)');
      const copy = runChild('copy', big.path, join(root, 'copy.pptx'), true);
      const run = runChild('import', big.path, join(root, 'out'), true);
      yield {
        name: 'lectern import, peak RSS', n: slides, ms: run.ms, baselineMs: copy.ms, ratio: run.ms / copy.ms,
        peakRssMB: Math.round(run.maxRssMB), baselinePeakRssMB: Math.round(copy.maxRssMB), goalMB: 250, exit: run.exitCode,
      };
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};

export default suite;
