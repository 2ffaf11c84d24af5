// The editor's update path, kept apart from the DOM so it can be measured and tested: text ->
// parseDeck (reusing the previous parse) -> renderDeck through the incremental cache (only slides
// whose revision changed are rendered again) -> the sanitized HTML of the slide under the cursor.
import { createRenderCache, parseDeck, renderDeck } from '@lectern/deck';
import type { Deck, Diagnostic, RenderedDeck, Sanitizer, Slide } from '@lectern/deck';

export interface MediaResolver {
  /** `media/x.mp4` => Blob URL, or undefined when the deck has no such file (yet). */
  resolve(path: string): string | undefined;
  exists(path: string): boolean;
}

export interface LiveResult {
  deck: Deck;
  rendered: RenderedDeck;
  /** Index into deck.slides of the slide holding `line`, or -1 for an empty deck. */
  slideIndex: number;
}

/** Media paths may arrive percent-encoded (marked encodes non-ASCII in URLs): try both. */
function decodePath(path: string): string {
  try {
    return decodeURI(path).normalize('NFC');
  } catch {
    return path;
  }
}

/** The slide whose source lines hold `line` (1-based); lines of a separator belong to the next. */
export function slideAtLine(slides: readonly Slide[], line: number): number {
  if (slides.length === 0) return -1;
  let lo = 0;
  let hi = slides.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((slides[mid]?.startLine ?? 0) <= line) lo = mid;
    else hi = mid - 1;
  }
  // Before the first slide (front matter): show the first.
  return lo;
}

export class LiveRenderer {
  private previous: Deck | undefined;
  private cache = createRenderCache();
  private last: LiveResult | undefined;

  constructor(
    private readonly sanitize: Sanitizer,
    private media: MediaResolver,
  ) {}

  /** New media (dropped, renamed, deleted): drop cached slides so paths resolve again. */
  setMedia(media: MediaResolver): void {
    this.media = media;
    this.previous = undefined;
    this.cacheReset();
  }

  private cacheReset(): void {
    // The cache is keyed by slide revision; a fresh one forgets every media URL baked into HTML.
    this.cache = createRenderCache();
  }

  /** Parses and renders `text`; cheap when only one slide changed. */
  update(text: string, cursorLine: number): LiveResult {
    const deck = parseDeck(text, this.previous);
    this.previous = deck;
    const media = this.media;
    const rendered = renderDeck(
      deck,
      {
        sanitize: this.sanitize,
        resolveMedia: (path) => media.resolve(path) ?? media.resolve(decodePath(path)),
        mediaExists: (path) => media.exists(path) || media.exists(decodePath(path)),
      },
      this.cache,
    );
    this.last = { deck, rendered, slideIndex: slideAtLine(deck.slides, cursorLine) };
    return this.last;
  }

  /** Same text, cursor moved: no parse or render. */
  moveCursor(cursorLine: number): LiveResult | undefined {
    if (!this.last) return undefined;
    this.last = { ...this.last, slideIndex: slideAtLine(this.last.deck.slides, cursorLine) };
    return this.last;
  }

  get result(): LiveResult | undefined {
    return this.last;
  }
}

export type { Diagnostic };
