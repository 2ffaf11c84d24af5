// `lectern export` (.pptx) on a large lesson: 300 slides, 40 images and one 200 MB video (20 MB
// with --quick), each run in its own process so its peak RSS is its own. Baseline, in the same
// run: the same media files streamed into a plain stored zip with fflate (the bytes the .pptx must
// carry anyway, without slides). Goal: the export's peak stays near the baseline's, i.e. media
// are not held whole in memory (pptxgenjs peaked at 1 GB for one 200 MB video: docs/export-pptx.md).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBigDeck, MiB } from '../../unit/bundle/large-files.ts';
import type { BenchResult, BenchSuite } from '../types.ts';

const SAMPLE_MEDIA = join(import.meta.dirname, '../../../slides/syntax-tour/media');

interface ChildResult { exitCode: number; ms: number; maxRssMB: number }

function runChild(command: 'export' | 'zip', input: string, output: string): ChildResult {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const stdout = execFileSync(tsx, [join(import.meta.dirname, '../export-child.ts'), command, input, output], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16 * MiB,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/** 300 slides: every 7th has one of 40 images, slide 150 the video (with a poster and a clip). */
function writeLesson(dir: string, videoMB: number): void {
  makeBigDeck(dir, videoMB, 'phim.mp4');
  mkdirSync(join(dir, 'media'), { recursive: true });
  for (let i = 1; i <= 40; i++) copyFileSync(join(SAMPLE_MEDIA, i % 2 ? 'fractal.png' : 'poster.png'), join(dir, 'media', `ảnh-${i}.png`));
  copyFileSync(join(SAMPLE_MEDIA, 'poster.png'), join(dir, 'media', 'áp-phích.png'));
  let md = '---\ntitle: Bài giảng dài\nauthor: Giảng viên\ncourse: Lý luận chính trị\ntitleSlide: true\n---\n';
  let image = 0;
  for (let s = 1; s <= 300; s++) {
    md += `${s === 1 ? '' : '\n---\n'}\n## Phần ${s}: Đường lối đổi mới\n\n`;
    md += `Đoạn **${s}** về *nghị quyết*, với [liên kết](https://example.org/${s}).\n\n- Ý thứ nhất\n  - Ý con\n- Ý thứ hai\n\n`;
    if (s % 7 === 0 && image < 40) md += `![Hình ${++image}](media/ảnh-${image}.png)\n\n`;
    if (s === 150) md += '![Phim](media/phim.mp4#t=10,40){poster="media/áp-phích.png"}\n\n';
    if (s % 25 === 0) md += '| A | B |\n| - | - |\n| một | hai |\n\n::: discussion {minutes=5 groups=3}\nThảo luận.\n:::\n\n';
    md += `Note:\nGhi chú ${s}.\n`;
  }
  writeFileSync(join(dir, 'deck.md'), md);
}

const suite: BenchSuite = {
  name: 'export',
  async *run(ctx): AsyncGenerator<BenchResult> {
    const root = await mkdtemp(join(tmpdir(), 'lectern-bench-export-'));
    try {
      const videoMB = ctx.quick ? 20 : 200;
      ctx.log(`export: a 300-slide lesson with 40 images and a ${videoMB} MB video`);
      const deckDir = join(root, 'deck');
      writeLesson(deckDir, videoMB);
      for (let round = 1; round <= 2; round++) {
        const zip = runChild('zip', deckDir, join(root, `plain-${round}.zip`));
        const pptx = runChild('export', join(deckDir, 'deck.md'), join(root, `lesson-${round}.pptx`));
        const bytes = (await stat(join(root, `lesson-${round}.pptx`))).size;
        yield {
          name: `lectern export .pptx (round ${round})`, n: 300, ms: pptx.ms, baselineMs: zip.ms, ratio: pptx.ms / zip.ms,
          mbPerSec: bytes / 1e6 / (pptx.ms / 1000), fileMB: Math.round(bytes / 1e6), peakRssMB: Math.round(pptx.maxRssMB),
          baselinePeakRssMB: Math.round(zip.maxRssMB), exit: pptx.exitCode,
        };
        await rm(join(root, `plain-${round}.zip`), { force: true });
        await rm(join(root, `lesson-${round}.pptx`), { force: true });
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};

export default suite;
