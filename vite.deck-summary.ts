// `import summary from './deck.md?summary'`: a deck's summary fields (title, audience, tags,
// duration, slide count) computed at build time by the store's own summarizer
// (src/store/summarize.ts, i.e. parseDeck). The first-run samples carry theirs, so seeding them
// on a first visit does not load the deck parser: the library's first load stays within
// budget.json. tsx loads the TypeScript sources (the config itself is bundled without them).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

type SummarizeModule = typeof import('./src/store/summarize.ts');
type MediaTypesModule = typeof import('./packages/deck/src/media-types.ts');
type SvgModule = typeof import('./packages/deck/src/svg.ts');

const QUERY = '?summary';

export async function summaryModule(file: string): Promise<string> {
  const { deckSummary } = (await tsImport('./src/store/summarize.ts', import.meta.url)) as SummarizeModule;
  return `export default ${JSON.stringify(deckSummary(await readFile(file, 'utf8')))};`;
}

const MEDIA_QUERY = '?media-facts';

/** What the store would decide for a sample's media file, decided here by the same code: its type
 *  from its bytes (packages/deck media-types.ts), an SVG cleaned by the same DOMPurify SVG profile
 *  (on a jsdom window), and the SHA-256 of what is stored. The samples are seeded with these, so a
 *  first visit loads neither the media table nor DOMPurify (budget.json). A file that is no media
 *  of the allow-list fails the build. */
export async function mediaFactsModule(file: string): Promise<string> {
  const { sniffMediaBytes } = (await tsImport('./packages/deck/src/media-types.ts', import.meta.url)) as MediaTypesModule;
  const bytes = await readFile(file);
  const info = sniffMediaBytes(bytes.subarray(0, 4096));
  if (!info) throw new Error(`${file}: a sample's media file must be an image, video, audio or WebVTT file Lectern accepts`);
  let svg: string | undefined;
  let stored: Uint8Array = bytes;
  if (info.type === 'image/svg+xml') {
    const { createSvgSanitizer } = (await tsImport('./packages/deck/src/svg.ts', import.meta.url)) as SvgModule;
    const { JSDOM } = await import('jsdom');
    // jsdom's window is what DOMPurify runs on in Node; its type lacks a few DOM names WindowLike lists.
    svg = createSvgSanitizer(new JSDOM('').window as unknown as Parameters<typeof createSvgSanitizer>[0])(bytes.toString('utf8'));
    if (svg === undefined) throw new Error(`${file}: nothing of the SVG is left once cleaned`);
    stored = Buffer.from(svg, 'utf8');
  }
  const sha256 = createHash('sha256').update(stored).digest('hex');
  return `export default ${JSON.stringify({ type: info.type, sha256, ...(svg !== undefined ? { svg } : {}) })};`;
}

export function deckSummaries(): Plugin {
  return {
    name: 'lectern-deck-summary',
    // Before Vite's own asset plugin, which would otherwise load `clip.mp4?media-facts` as a URL.
    enforce: 'pre',
    async load(id) {
      if (id.endsWith(MEDIA_QUERY)) {
        const file = id.slice(0, -MEDIA_QUERY.length);
        this.addWatchFile(file);
        return mediaFactsModule(file);
      }
      if (!id.endsWith(`.md${QUERY}`)) return null;
      const file = id.slice(0, -QUERY.length);
      this.addWatchFile(file);
      return summaryModule(file);
    },
  };
}
