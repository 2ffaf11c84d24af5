// The page the export benchmark opens in Chromium (built by tests/bench/suites/export.ts with
// Vite): the same lesson as the Node run, its media as Blobs (the video made in 1 MiB parts, as
// the store holds it), then either deckToPptx or, for the baseline, the same Blobs streamed into
// a plain stored zip with fflate, gathered into Blob parts as the Offline HTML export does.
import { Zip, ZipPassThrough } from 'fflate';
import { blobChunks } from '@lectern/bundle';
import { parseDeck } from '@lectern/deck';
import { deckToPptx, type PptxMedia } from '@lectern/office-export';

interface Job {
  markdown: string;
  videoMB: number;
  mode: 'pptx' | 'zip';
}

async function media(videoMB: number): Promise<Map<string, Blob>> {
  const files = new Map<string, Blob>();
  const [fractal, poster] = await Promise.all(['fractal.png', 'poster.png'].map(async (name) => (await fetch(name)).blob()));
  for (let i = 1; i <= 40; i++) files.set(`media/ảnh-${i}.png`, i % 2 ? fractal! : poster!);
  files.set('media/áp-phích.png', poster!);
  const parts: Blob[] = [];
  const block = new Uint8Array(1024 * 1024);
  for (let i = 0; i < videoMB; i++) {
    for (let j = 0; j < block.length; j += 4096) block.fill((i * 131 + j / 4096) & 0xff, j, j + 4096);
    parts.push(new Blob([block]));
  }
  files.set('media/phim.mp4', new Blob(parts, { type: 'video/mp4' }));
  return files;
}

async function plainZip(files: Map<string, Blob>): Promise<Blob> {
  const out: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  let end: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (end = resolve));
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    pending.push(chunk as Uint8Array<ArrayBuffer>);
    size += chunk.length;
    if (size >= 8 * 1024 * 1024 || final) {
      out.push(new Blob(pending));
      pending = [];
      size = 0;
    }
    if (final) end();
  });
  for (const [path, blob] of files) {
    const entry = new ZipPassThrough(path);
    zip.add(entry);
    for await (const chunk of blobChunks(blob)) entry.push(chunk);
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  await done;
  return new Blob(out, { type: 'application/zip' });
}

async function run(job: Job): Promise<{ ms: number; bytes: number }> {
  const files = await media(job.videoMB);
  const start = performance.now();
  let blob: Blob;
  if (job.mode === 'zip') blob = await plainZip(files);
  else {
    const lookup = (path: string): PptxMedia | undefined => {
      const file = files.get(path);
      return file && { type: file.type || 'image/png', size: file.size, blob: file, chunks: () => blobChunks(file) };
    };
    blob = (await deckToPptx(parseDeck(job.markdown), lookup)).blob;
  }
  return { ms: performance.now() - start, bytes: blob.size };
}

(window as unknown as { runJob: typeof run }).runJob = run;
document.documentElement.dataset.ready = 'true';
