// The one pipeline `check` and `build` share: parse the deck, render it through the sanitizer on a
// jsdom window (so `html-removed` is reported exactly as the app reports it), check its media
// against the deck's folder, and list the local files a build must copy.
import { JSDOM } from 'jsdom';
import {
  createSanitizer,
  diagnostic,
  parseDeck,
  renderDeck,
  type Deck,
  type Diagnostic,
  type RenderedDeck,
  type Sanitizer,
  type SanitizerWindow,
} from '@lectern/deck';
import { classifyMediaPath, localMediaState } from './media-paths.ts';

/** A jsdom window and the sanitizer bound to it; made once per command (jsdom takes ~100 ms). */
export interface DomTools {
  sanitize: Sanitizer;
  document: Document;
}

export function createDomTools(): DomTools {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  // jsdom's DOMWindow type misses a few DOM names DOMPurify's WindowLike lists; at run time it has them.
  const sanitize = createSanitizer(window as unknown as SanitizerWindow);
  return { sanitize, document: window.document };
}

/** Attributes through which a slide loads a file (after sanitizing, so only safe schemes remain). */
const MEDIA_ATTRS = ['src', 'poster', 'data-src', 'data-background-image', 'data-background-video'] as const;
const MEDIA_SELECTOR = MEDIA_ATTRS.map((a) => `[${a}]`).join(',');

export interface DeckAnalysis {
  deck: Deck;
  rendered: RenderedDeck;
  /** Parse, render and media diagnostics, sorted by line then column. */
  diagnostics: Diagnostic[];
  /** Local media the slides load that exist inside the deck's folder: `path` as the slides name
   *  it (POSIX, relative, percent-decoded), `found` as it is spelled on disk. */
  media: { path: string; found: string }[];
}

export function analyseDeck(text: string, deckDir: string, tools: DomTools): DeckAnalysis {
  const deck = parseDeck(text);
  const rendered = renderDeck(deck, {
    sanitize: tools.sanitize,
    // Unsafe paths and links out of the folder answer "exists" here: they get their own, clearer
    // error below instead of a second, misleading "not found".
    mediaExists: (written) => {
      const path = classifyMediaPath(written);
      return path.kind !== 'local' || localMediaState(deckDir, path.path).state !== 'missing';
    },
  });

  const diagnostics = [...rendered.diagnostics];
  const media = new Map<string, string>();
  const reported = new Set<string>();
  const template = tools.document.createElement('template');
  for (const slide of rendered.slides) {
    template.innerHTML = slide.html;
    const source = deck.slides[slide.index];
    for (const element of template.content.querySelectorAll(MEDIA_SELECTOR)) {
      for (const attr of MEDIA_ATTRS) {
        const written = element.getAttribute(attr);
        if (!written) continue;
        const classified = classifyMediaPath(written);
        const local = classified.kind === 'local' ? localMediaState(deckDir, classified.path) : undefined;
        if (classified.kind === 'local' && local?.state === 'ok') media.set(classified.path, local.found);
        const reason =
          classified.kind === 'unsafe' ? classified.reason : local?.state === 'outside' ? 'link-outside' : undefined;
        if (reason) {
          const ref = source?.media.find((m) => m.path === written.replace(/#.*$/s, ''));
          const line = ref?.line ?? source?.startLine ?? 1;
          const key = `${line}:${written}`;
          if (reported.has(key)) continue;
          reported.add(key);
          diagnostics.push(diagnostic('media-missing', line, ref?.column ?? 1, { variant: 'not-read', path: written, problem: reason }));
        }
      }
    }
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const sorted = [...media].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, found]) => ({ path, found }));
  return { deck, rendered, diagnostics, media: sorted };
}
