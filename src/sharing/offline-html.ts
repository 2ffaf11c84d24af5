// "Export HTML" (issue 6, offline HTML export): one deck as a .zip holding index.html that
// presents it with reveal.js, its media under media/, the speaker view (reveal.js notes plugin,
// press S), no network, opened from file:// after unzipping -- for a colleague with only a browser.
//
// The page is the CLI's own (`lectern build`, packages/cli/src/site/page.ts: same template, start
// script and Lectern CSS), and like the CLI it ships reveal.js's classic UMD files (file:// blocks
// module scripts). Those files are read with Vite `?raw` imports through import.meta.glob (lazy:
// each is its own chunk, fetched only when this export runs, so the library's first load does not
// grow). Paths are given from the project root because reveal.js's `exports` map would give the
// ESM build. Slides are rendered and sanitized exactly as the presenter does (renderDeck with
// createSanitizer(window)).
import { strToU8, zip, type Zippable } from 'fflate';
import { createSanitizer, parseDeck, renderDeck } from '@lectern/deck';
import { LECTERN_CSS, RUNTIME_DIR, START_SCRIPT, renderPage } from '../../packages/cli/src/site/page.ts';
import type { Store } from '../store/index.ts';
import { bundleFileName, downloadBlob, GENERATOR } from './export-deck.ts';
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

export interface HtmlExport {
  blob: Blob;
  fileName: string;
  slides: number;
}

/** Builds the .zip of one deck. @throws Error (in the UI language) when the deck is gone. */
export async function exportDeckHtml(store: Store, deckId: string): Promise<HtmlExport> {
  const record = await store.getDeck(deckId);
  if (!record) throw new Error(sharingMsg().deckNotFound);
  const deck = parseDeck(record.markdown);
  const files: Zippable = {};
  // Only media/ paths without `..` segments go into the zip (the same rule as a bundle).
  const assets = (await store.listDeckAssets(deckId)).filter((a) => a.path.startsWith('media/') && !a.path.split('/').includes('..'));
  for (const asset of assets) {
    const bytes = new Uint8Array(await (await store.getAssetBlob(asset.assetId)).arrayBuffer());
    files[asset.path] = [bytes, { level: 0 }]; // media are compressed already
  }
  const known = new Set(assets.map((a) => a.path));
  const rendered = renderDeck(deck, {
    sanitize: createSanitizer(window),
    resolveMedia: (path) => (known.has(path) ? relativeUrl(path) : undefined),
  });
  const theme = OFFLINE_THEMES.includes(deck.meta.theme ?? '') ? deck.meta.theme! : 'white';
  const [reveal, notes, reset, revealCss, themeCss, licence] = await Promise.all(
    ['dist/reveal.js', 'dist/plugin/notes.js', 'dist/reset.css', 'dist/reveal.css', `dist/theme/${theme}.css`, 'LICENSE'].map(runtimeText),
  );
  const config = { hash: true, ...(deck.meta.duration ? { totalTime: Math.round(deck.meta.duration * 60) } : {}) };
  const title = deck.meta.title ?? record.title;
  files['index.html'] = strToU8(renderPage({ title, lang: deck.meta.lang || 'vi', generator: GENERATOR, slidesHtml: rendered.html, config }));
  files[RUNTIME_DIR] = {
    'reveal.js': strToU8(reveal!),
    'notes.js': strToU8(notes!),
    'reset.css': strToU8(reset!),
    'reveal.css': strToU8(revealCss!),
    'theme.css': strToU8(themeCss!),
    'reveal.js-LICENSE.txt': strToU8(licence!),
    'start.js': strToU8(START_SCRIPT),
    'lectern.css': strToU8(LECTERN_CSS),
  };
  // Asynchronous zip: deflate runs off the main thread where fflate can use a worker.
  const bytes = await new Promise<Uint8Array>((resolve, reject) => zip(files, (error, data) => (error ? reject(error) : resolve(data))));
  return {
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    fileName: bundleFileName(title).replace(/\.lectern$/, '.html.zip'),
    slides: rendered.slides.length,
  };
}

/** Export + download: what the library's "Export HTML" calls. */
export async function exportDeckHtmlAndDownload(store: Store, deckId: string): Promise<void> {
  const { blob, fileName } = await exportDeckHtml(store, deckId);
  downloadBlob(blob, fileName);
}
