// "Export HTML" (issue 6, offline HTML export): one deck as a .zip holding index.html that
// presents it with reveal.js, its media under media/, the speaker view (reveal.js notes plugin,
// press S), no network, opened from file:// after unzipping -- for a colleague with only a browser.
//
// The page is the CLI's own (`lectern build`): the same template, start script and block
// stylesheet (BLOCKS_CSS) from @lectern/deck's public entry, and like the CLI it ships reveal.js's classic UMD files (file:// blocks
// module scripts). Those files are read with Vite `?raw` imports through import.meta.glob (lazy:
// each is its own chunk, fetched only when this export runs, so the library's first load does not
// grow). Paths are given from the project root because reveal.js's `exports` map would give the
// ESM build. Slides are rendered and sanitized exactly as the presenter does (renderDeck with
// createSanitizer(window)).
//
// The zip is written as a stream (fflate's Zip): each media file is read from blob.stream() chunk
// by chunk and stored as it comes (ZipPassThrough: media are compressed already), the text files
// are deflated (ZipDeflate), and the output is gathered into Blobs of a few MB each, so a deck with
// a 500 MB video never holds that video (or the zip) whole in the JS heap. Progress (bytes of input
// done / total) goes to the caller. File names with Vietnamese letters get the zip's UTF-8 flag
// (fflate sets it for any name that is not ASCII).
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { byteProgress, deckFileName } from '@lectern/bundle';
import { BLOCKS_CSS, BLOCKS_CSS_PATH, CAPTION_LIMITS, captionLimitProblem, createSanitizer, isCaptionPath, parseDeck, renderDeck, renderPage, RUNTIME_DIR, slideNumbering, START_SCRIPT } from '@lectern/deck';
import { formatBytes, formatNumber } from '../app/i18n.ts';
import type { Store } from '../store/index.ts';
import { downloadBlob, GENERATOR, unstoredFiles } from './export-deck.ts';
import { SharingError } from './errors.ts';

/** Zip "version made by" host 3: Unix (APPNOTE 4.4.2). */
const ZIP_HOST_UNIX = 3;
/** S_IFREG | 0644, the Unix mode stored in the high half of the external attributes. */
const UNIX_REGULAR_FILE_0644 = 0o100644;
import { sharingMsg } from './messages.ts';

const runtime = import.meta.glob(
  [
    '/node_modules/reveal.js/dist/reveal.js',
    '/node_modules/reveal.js/dist/plugin/notes.js',
    '/node_modules/reveal.js/dist/reset.css',
    '/node_modules/reveal.js/dist/reveal.css',
    '/node_modules/reveal.js/dist/theme/{white,black,white-contrast,black-contrast}.css',
    '/node_modules/reveal.js/LICENSE',
  ],
  { query: '?raw', import: 'default' },
) as Record<string, () => Promise<string>>;

/** Themes whose font covers Vietnamese and that need no network (as `lectern build`). */
const OFFLINE_THEMES = ['white', 'black', 'white-contrast', 'black-contrast'];

async function runtimeText(path: string): Promise<string> {
  const load = runtime[`/node_modules/reveal.js/${path}`];
  if (!load) throw new Error(`reveal.js file missing from this build: ${path}`);
  return load();
}

/** A media path as a relative URL (each segment encoded: spaces, `#`, Vietnamese letters). */
const relativeUrl = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** `data:<type>;base64,…` of a small blob (caption files). */
async function dataUrl(blob: Blob, type: string): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};charset=utf-8;base64,${btoa(binary)}`;
}

export interface HtmlExport {
  blob: Blob;
  fileName: string;
  slides: number;
  /** Files the deck refers to that the library does not hold (not in the zip). */
  missing: string[];
}

/** Bytes of the deck's files written into the zip so far, of `total` (media and text files). */
export interface HtmlExportProgress {
  done: number;
  total: number;
}

export interface HtmlExportOptions {
  /** Called as the zip grows (at least every {@link PROGRESS_STEP} bytes), increasing, last with done === total. */
  onProgress?: (progress: HtmlExportProgress) => void;
}

/** Progress is reported at least this often (bytes), and once more at the end. */
const PROGRESS_STEP = 1024 * 1024;
/** Output chunks are merged into one Blob part once they reach this size (out of the JS heap). */
const PART_SIZE = 8 * 1024 * 1024;

/** Collects fflate's output chunks into Blob parts; `blob()` once the zip has ended. */
class BlobCollector {
  private parts: Blob[] = [];
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private pendingSize = 0;
  private error: Error | undefined;
  private finished = false;
  private settle: (() => void) | undefined;
  readonly done = new Promise<void>((resolve, reject) => {
    this.settle = () => (this.error ? reject(this.error) : resolve());
  });

  readonly ondata = (error: Error | null, chunk: Uint8Array, final: boolean): void => {
    if (error) {
      this.error = error;
      this.settle?.();
      return;
    }
    this.pending.push(chunk as Uint8Array<ArrayBuffer>);
    this.pendingSize += chunk.length;
    if (this.pendingSize >= PART_SIZE || final) this.flush();
    if (final) {
      this.finished = true;
      this.settle?.();
    }
  };

  /** Throws the zip's error, if any (so a failed entry stops the export at once). */
  check(): void {
    if (this.error) throw this.error;
  }

  private flush(): void {
    if (!this.pending.length) return;
    this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.pendingSize = 0;
  }

  blob(type: string): Blob {
    if (!this.finished) throw new Error('zip not finished');
    return new Blob(this.parts, { type });
  }
}

/** Builds the .zip of one deck. @throws SharingError 'deck-not-found' when the deck is gone. */
export async function exportDeckHtml(store: Store, deckId: string, options: HtmlExportOptions = {}): Promise<HtmlExport> {
  const record = await store.getDeck(deckId);
  if (!record) throw new SharingError('deck-not-found', { deckId });
  const deck = parseDeck(record.markdown);
  // Only media/ paths without `..` segments go into the zip (the same rule as a bundle).
  const assets = (await store.listDeckAssets(deckId)).filter((a) => a.path.startsWith('media/') && !a.path.split('/').includes('..'));
  const known = new Set(assets.map((a) => a.path));
  // Caption files go into the page as data: URLs: opened from file://, Chromium refuses a <track>
  // whose src is a file: URL. They are small (CAPTION_LIMITS), checked when they were added.
  // One over the limits (from a bundle) is left out: its video shows no captions.
  const captions = new Map<string, string>();
  await Promise.all(
    assets
      .filter((a) => isCaptionPath(a.path) && a.size <= CAPTION_LIMITS.bytes)
      .map(async (a) => {
        const blob = await store.getAssetBlob(a.assetId);
        if (captionLimitProblem(await blob.text()) === undefined) captions.set(a.path, await dataUrl(blob, 'text/vtt'));
      }),
  );
  const rendered = renderDeck(deck, {
    sanitize: createSanitizer(window),
    resolveMedia: (path) => (isCaptionPath(path) ? captions.get(path) : known.has(path) ? relativeUrl(path) : undefined),
  });
  const theme = OFFLINE_THEMES.includes(deck.meta.theme ?? '') ? deck.meta.theme! : 'white';
  const [reveal, notes, reset, revealCss, themeCss, licence] = await Promise.all(
    ['dist/reveal.js', 'dist/plugin/notes.js', 'dist/reset.css', 'dist/reveal.css', `dist/theme/${theme}.css`, 'LICENSE'].map(runtimeText),
  );
  const config = { hash: true, ...(deck.meta.duration ? { totalTime: Math.round(deck.meta.duration * 60) } : {}) };
  const title = deck.meta.title ?? record.title;
  const texts: [string, Uint8Array][] = [
    ['index.html', strToU8(renderPage({ title, lang: deck.meta.lang || 'vi', generator: GENERATOR, slidesHtml: rendered.html, config }))],
    [`${RUNTIME_DIR}/reveal.js`, strToU8(reveal!)],
    [`${RUNTIME_DIR}/notes.js`, strToU8(notes!)],
    [`${RUNTIME_DIR}/reset.css`, strToU8(reset!)],
    [`${RUNTIME_DIR}/reveal.css`, strToU8(revealCss!)],
    [`${RUNTIME_DIR}/theme.css`, strToU8(themeCss!)],
    [`${RUNTIME_DIR}/reveal.js-LICENSE.txt`, strToU8(licence!)],
    [`${RUNTIME_DIR}/start.js`, strToU8(START_SCRIPT)],
    [BLOCKS_CSS_PATH, strToU8(BLOCKS_CSS)],
  ];
  const blobs = await Promise.all(assets.map((asset) => store.getAssetBlob(asset.assetId)));
  const total = texts.reduce((sum, [, bytes]) => sum + bytes.length, 0) + blobs.reduce((sum, blob) => sum + blob.size, 0);

  const advance = byteProgress(total, PROGRESS_STEP, options.onProgress);
  advance(0, true);

  const out = new BlobCollector();
  const zip = new Zip(out.ondata);
  // fflate marks entries as made on MS-DOS unless told otherwise, and Debian's unzip then reads
  // their names as an OEM code page even with the UTF-8 flag set: `ảnh.png` came out mangled and
  // the page lost its image. Made on Unix, every common unzip reads the names as UTF-8.
  const asUnixFile = <T extends ZipDeflate | ZipPassThrough>(entry: T): T => {
    entry.os = ZIP_HOST_UNIX;
    entry.attrs = UNIX_REGULAR_FILE_0644 << 16;
    return entry;
  };
  // One entry at a time: fflate passes the current entry's data straight through (a later entry
  // added early would be buffered in memory until the earlier ones end).
  for (const [name, bytes] of texts) {
    const entry = asUnixFile(new ZipDeflate(name, { level: 6 }));
    zip.add(entry);
    entry.push(bytes, true);
    out.check();
    advance(bytes.length);
  }
  for (const [i, asset] of assets.entries()) {
    const entry = asUnixFile(new ZipPassThrough(asset.path)); // stored: media are compressed already
    zip.add(entry);
    const reader = blobs[i]!.stream().getReader();
    try {
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        entry.push(value);
        out.check();
        advance(value.length);
      }
    } finally {
      reader.releaseLock();
    }
    entry.push(new Uint8Array(0), true);
    out.check();
  }
  zip.end();
  await out.done;
  advance(0, true);
  return {
    blob: out.blob('application/zip'),
    fileName: deckFileName(title, '.html.zip'),
    slides: slideNumbering(deck).count,
    missing: unstoredFiles(record.markdown, known),
  };
}

/** What the library shows while the export runs: the numbers and the text (UI language). */
export interface HtmlExportUiProgress extends HtmlExportProgress {
  /** What is being done, e.g. for a live region and the progress bar's name. */
  label: string;
  /** Percent and sizes, e.g. "42 % (210 MB / 500 MB)". */
  text: string;
}

/** Export + download: what the library's "Export HTML" calls. Returns the message to show when done. */
export async function exportDeckHtmlAndDownload(
  store: Store,
  deckId: string,
  onProgress?: (progress: HtmlExportUiProgress) => void,
): Promise<{ message: string }> {
  const summary = await store.getDeck(deckId);
  const label = sharingMsg().htmlExporting(summary?.title ?? '');
  const { blob, fileName, missing } = await exportDeckHtml(store, deckId, {
    onProgress: onProgress &&
      (({ done, total }) => {
        const ratio = total > 0 ? done / total : 1;
        const text = sharingMsg().htmlProgress(formatNumber(ratio, { style: 'percent' }), formatBytes(done), formatBytes(total));
        onProgress({ done, total, label, text });
      }),
  });
  downloadBlob(blob, fileName);
  const m = sharingMsg();
  return { message: missing.length ? `${m.htmlExported(fileName)} ${m.filesMissing(missing.join(', '))}` : m.htmlExported(fileName) };
}
