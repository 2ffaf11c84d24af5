// The one pipeline `check` and `build` share: parse the deck, render it through the sanitizer on a
// jsdom window (so `html-removed` is reported exactly as the app reports it), check its media
// against the deck's folder, and list the local files a build must copy.
import { JSDOM } from 'jsdom';
import {
  createSanitizer,
  deckFiles,
  diagnostic,
  parseDeck,
  renderDeck,
  type Deck,
  type Diagnostic,
  type RenderedDeck,
  type Sanitizer,
  type SanitizerWindow,
} from '@lectern/deck';
import { captionDataUrl, captionDiagnostics } from './captions.ts';
import { withPrecheck, type PrecheckStats } from './sanitize-precheck.ts';
import { classifyMediaPath, localMediaState } from './media-paths.ts';

/** A jsdom window and the sanitizer bound to it; made once per command (jsdom takes ~100 ms). */
export interface DomTools {
  /** DOMPurify on the jsdom window, behind the parse5 pre-check that skips jsdom for fragments
   *  DOMPurify would leave unchanged (sanitize-precheck.ts). */
  sanitize: Sanitizer;
  /** How many fragments the pre-check accepted and how many went to jsdom. */
  precheck: PrecheckStats;
}

export function createDomTools(): DomTools {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  // jsdom's DOMWindow type misses a few DOM names DOMPurify's WindowLike lists; at run time it has them.
  const domWindow = window as unknown as SanitizerWindow;
  const sanitize = withPrecheck(domWindow, createSanitizer(domWindow));
  return { sanitize, precheck: sanitize.stats };
}

export interface DeckAnalysis {
  deck: Deck;
  rendered: RenderedDeck;
  /** Parse, render and media diagnostics, sorted by line then column. */
  diagnostics: Diagnostic[];
  /** Local media the slides load that exist inside the deck's folder: `path` as the slides name
   *  it (POSIX, relative, percent-decoded), `found` as it is spelled on disk. */
  media: { path: string; found: string }[];
}

export async function analyseDeck(text: string, deckDir: string, tools: DomTools): Promise<DeckAnalysis> {
  const deck = parseDeck(text);
  // Unsafe paths and links out of the folder answer "exists" here: they get their own, clearer
  // error below instead of a second, misleading "not found".
  const mediaExists = (written: string) => {
    const path = classifyMediaPath(written);
    return path.kind !== 'local' || localMediaState(deckDir, path.path).state !== 'missing';
  };
  const rendered = renderDeck(deck, {
    sanitize: tools.sanitize,
    // Caption files go into the page itself (captions.ts: file:// refuses a file: <track>).
    resolveMedia: (written) => captionDataUrl(deckDir, written),
    mediaExists,
  });

  const diagnostics = [...rendered.diagnostics, ...(await captionDiagnostics(deck, deckDir, mediaExists))];
  const media = new Map<string, string>();
  const reported = new Set<string>();
  // The deck package's one list of the files a deck refers to (posters and backgrounds included).
  for (const file of deckFiles(deck)) {
    for (const use of file.uses) {
      const classified = classifyMediaPath(use.written);
      const local = classified.kind === 'local' ? localMediaState(deckDir, classified.path) : undefined;
      if (classified.kind === 'local' && local?.state === 'ok') media.set(classified.path, local.found);
      const reason =
        classified.kind === 'unsafe' ? classified.reason : local?.state === 'outside' ? 'link-outside' : undefined;
      if (!reason) continue;
      const key = `${use.line}:${use.written}`;
      if (reported.has(key)) continue;
      reported.add(key);
      diagnostics.push(diagnostic('media-missing', use.line, use.column, { variant: 'not-read', path: use.written, problem: reason }));
    }
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const sorted = [...media].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, found]) => ({ path, found }));
  return { deck, rendered, diagnostics, media: sorted };
}
