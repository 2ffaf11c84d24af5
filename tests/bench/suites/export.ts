// The .pptx export on a large lesson: 300 slides, 40 images and one 200 MB video (20 MB with
// --quick). Baseline, in the same run: the same media streamed into a plain stored zip with
// fflate (the bytes the .pptx must carry anyway, without slides). Goal: the export's peak memory
// stays near the baseline's, i.e. media are not held whole (pptxgenjs peaked at 1 GB for one
// 200 MB video in Node: docs/export-pptx.md).
//  1. Node: `lectern export` and the baseline each in its own process; peak RSS from the kernel.
//  2. Chromium: deckToPptx in a page (tests/bench/pages/export-page.ts, built here with Vite)
//     with the media as Blobs, and the baseline in another fresh browser; peak RSS is the sum of
//     every Chromium process's own peak (VmHWM: an upper bound, the peaks need not coincide),
//     peak JS heap is sampled from the page every 100 ms.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../../support/chromium.ts';
import { serveDir } from '../../e2e/offline-support.ts';
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

/** Peak RSS (MB) of `pid` and every process under it, summed (from /proc/PID/status VmHWM). */
function treePeakRssMB(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  let kb = 0;
  for (const candidate of parents.keys()) {
    let at: number | undefined = candidate;
    while (at !== undefined && at > 1 && at !== pid) at = parents.get(at);
    if (at !== pid) continue;
    try {
      kb += Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${candidate}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

interface BrowserRun { ms: number; bytes: number; peakRssMB: number; peakHeapMB: number }

async function inChromium(url: string, job: { markdown: string; videoMB: number; mode: 'pptx' | 'zip' }): Promise<BrowserRun> {
  const server = await chromium.launchServer(chromiumLaunchOptions);
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const cdp = await page.context().newCDPSession(page);
    let peakHeap = 0;
    let sampling = true;
    const sample = (async () => {
      while (sampling) {
        const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        peakHeap = Math.max(peakHeap, usedSize);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const result = await page.evaluate((j) => (window as unknown as { runJob: (job: typeof j) => Promise<{ ms: number; bytes: number }> }).runJob(j), job);
    sampling = false;
    await sample;
    const peakRssMB = treePeakRssMB(server.process().pid!);
    await browser.close();
    return { ...result, peakRssMB, peakHeapMB: peakHeap / MiB };
  } finally {
    await server.close();
  }
}

/** Builds the benchmark page (deckToPptx and its dependencies in one module) into `dir`. */
async function buildPage(dir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(import.meta.dirname, '../pages/export-page.ts'), formats: ['es'], fileName: () => 'export-page.js' },
    },
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>export bench</title><script type="module" src="export-page.js"></script>');
  for (const name of ['fractal.png', 'poster.png']) copyFileSync(join(SAMPLE_MEDIA, name), join(dir, name));
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

      ctx.log('export: the same lesson in Chromium (deckToPptx on Blobs)');
      const pageDir = join(root, 'page');
      await buildPage(pageDir);
      const server = await serveDir(pageDir);
      try {
        const markdown = readFileSync(join(deckDir, 'deck.md'), 'utf8');
        for (let round = 1; round <= 2; round++) {
          const zip = await inChromium(server.url, { markdown, videoMB, mode: 'zip' });
          const pptx = await inChromium(server.url, { markdown, videoMB, mode: 'pptx' });
          yield {
            name: `deckToPptx in Chromium (round ${round})`, n: 300, ms: pptx.ms, baselineMs: zip.ms, ratio: pptx.ms / zip.ms,
            mbPerSec: pptx.bytes / 1e6 / (pptx.ms / 1000), fileMB: Math.round(pptx.bytes / 1e6), peakRssMB: Math.round(pptx.peakRssMB),
            baselinePeakRssMB: Math.round(zip.peakRssMB), peakHeapMB: Math.round(pptx.peakHeapMB), baselinePeakHeapMB: Math.round(zip.peakHeapMB),
          };
        }
      } finally {
        await server.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};

export default suite;
