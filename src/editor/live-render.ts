// The editor's update path, kept apart from the DOM so it can be measured and tested: text ->
// parseDeck (reusing the previous parse) -> renderDeck through the incremental cache (only slides
// whose revision changed are rendered again) -> the sanitized HTML of the slide under the cursor.
// Only that slide is rendered on a keystroke; the whole deck (for render-time diagnostics such as
// missing media) is rendered off the keystroke path, through its own cache.
import { createRenderCache, parseDeck, renderDeck } from '@lectern/deck';
import type { Deck, DeckEdit, Diagnostic, RenderOptions, RenderedDeck, Sanitizer, Slide } from '@lectern/deck';

export interface MediaResolver {
  /** `media/x.mp4` => Blob URL, or undefined when the deck has no such file (yet). */
  resolve(path: string): string | undefined;
  exists(path: string): boolean;
}

/** Where the last update's time went, in milliseconds (the editor benchmark reads them). */
export interface LiveTimings {
  /** parseDeck of the new text (reusing the previous parse). */
  parseMs: number;
  /** Rendering and sanitizing the slide under the cursor (0 when it was rendered before). */
  renderMs: number;
}

export interface LiveResult {
  deck: Deck;
  /** Index into deck.slides of the slide holding the cursor line, or -1 for an empty deck. */
  slideIndex: number;
  /** Sanitized `<section>` of that slide ('' for an empty deck). */
  slideHtml: string;
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

/** Rendered slides kept for cursor moves back and forth (by revision, oldest dropped first). */
const RECENT_SLIDES = 64;

export class LiveRenderer {
  private previous: Deck | undefined;
  /** Cache for the keystroke path: renders only the slide under the cursor. */
  private slideCache = createRenderCache();
  /** Cache for the whole deck (diagnostics), run off the keystroke path. */
  private fullCache = createRenderCache();
  private recent = new Map<string, string>();
  private last: LiveResult | undefined;
  private full: { deck: Deck; rendered: RenderedDeck } | undefined;
  /** The parts of the last update(). */
  readonly timings: LiveTimings = { parseMs: 0, renderMs: 0 };

  constructor(
    private readonly sanitize: Sanitizer,
    private media: MediaResolver,
  ) {}

  /** New media (dropped, renamed, deleted): forget rendered HTML so paths resolve again. */
  setMedia(media: MediaResolver): void {
    this.media = media;
    this.slideCache = createRenderCache();
    this.fullCache = createRenderCache();
    this.recent.clear();
    this.full = undefined;
  }

  private options(): RenderOptions {
    const media = this.media;
    return {
      sanitize: this.sanitize,
      resolveMedia: (path) => media.resolve(path) ?? media.resolve(decodePath(path)),
      mediaExists: (path) => media.exists(path) || media.exists(decodePath(path)),
    };
  }

  /** The sanitized HTML of one slide, through the incremental renderer. */
  private slideHtml(deck: Deck, index: number): string {
    const slide = deck.slides[index];
    if (!slide) return '';
    const known = this.recent.get(slide.revision);
    if (known !== undefined) return known;
    // A one-slide view of the deck: renderDeck renders (and sanitizes) only this slide, so a
    // keystroke costs one slide, not the whole deck's join and sort.
    const single: Deck = { ...deck, meta: { ...deck.meta, titleSlide: false }, slides: [slide], diagnostics: [] };
    const html = renderDeck(single, this.options(), this.slideCache).slides[0]?.html ?? '';
    this.recent.set(slide.revision, html);
    if (this.recent.size > RECENT_SLIDES) this.recent.delete(this.recent.keys().next().value as string);
    return html;
  }

  /** Parses `text` (reusing the previous parse) and renders the slide holding `cursorLine`.
   *  `edit`: what changed since the previous call's text, when the editor knows it. */
  update(text: string, cursorLine: number, edit?: DeckEdit): LiveResult {
    const started = performance.now();
    const deck = parseDeck(text, this.previous, edit);
    this.previous = deck;
    const parsed = performance.now();
    const slideIndex = slideAtLine(deck.slides, cursorLine);
    this.last = { deck, slideIndex, slideHtml: this.slideHtml(deck, slideIndex) };
    this.timings.parseMs = parsed - started;
    this.timings.renderMs = performance.now() - parsed;
    return this.last;
  }

  /** Same text, cursor moved: no parse; at most one slide rendered. */
  moveCursor(cursorLine: number): LiveResult | undefined {
    if (!this.last) return undefined;
    const slideIndex = slideAtLine(this.last.deck.slides, cursorLine);
    if (slideIndex === this.last.slideIndex) return this.last;
    this.last = { deck: this.last.deck, slideIndex, slideHtml: this.slideHtml(this.last.deck, slideIndex) };
    return this.last;
  }

  /** Parse and render diagnostics of the whole current deck (renders what changed since the
   *  last call; meant for idle time and the lint pass, not for every keystroke). */
  diagnostics(): Diagnostic[] {
    const deck = this.last?.deck;
    if (!deck) return [];
    if (this.full?.deck !== deck) this.full = { deck, rendered: renderDeck(deck, this.options(), this.fullCache) };
    return this.full.rendered.diagnostics;
  }

  get result(): LiveResult | undefined {
    return this.last;
  }
}

export type { Diagnostic };
