// Large decks appear at once: instead of rendering and sanitizing every slide before reveal.js
// starts (at 1,000 slides the per-slide sanitizing alone takes seconds), the page starts with
// one empty <section> per slide in the deck's real structure (so reveal.js knows every slide,
// the slide count and the vertical stacks), fills the slides around the starting one, shows the
// first slide, and fills the rest in idle time -- always the current slide and its neighbours
// first when the instructor moves. Every filled slide went through the same renderDeck +
// sanitizer as a whole-deck render.
import { createRenderCache, renderDeck, type Deck, type RenderCache, type RenderOptions } from '@lectern/deck';

const PENDING = 'data-lectern-pending';

export class ProgressiveDeck {
  private readonly cache: RenderCache = createRenderCache();
  private readonly shells: HTMLElement[] = [];
  private left: number;
  private readonly template = document.createElement('template');
  /** Filled in idle time but not yet announced to reveal.js (syncSlide is O(slides) each). */
  private readonly unsynced = new Set<HTMLElement>();

  constructor(
    private readonly deck: Deck,
    private readonly options: RenderOptions,
    private readonly onFilled: (section: HTMLElement) => void = () => undefined,
  ) {
    this.left = deck.slides.length;
  }

  /** The title slide (rendered) and one empty section per slide, stacks nested. */
  skeleton(): string {
    // Only the title slide: an empty slide list renders nothing else.
    let html = renderDeck({ ...this.deck, slides: [] }, this.options).html;
    const slides = this.deck.slides;
    for (let i = 0; i < slides.length; i++) {
      const slide = slides[i]!;
      const next = slides[i + 1];
      if (slide.v === 0 && next !== undefined && next.v > 0) html += '<section>';
      html += `<section data-lectern-slide="${i}" ${PENDING}></section>`;
      if (slide.v > 0 && (next === undefined || next.v === 0)) html += '</section>';
    }
    return html;
  }

  /** Finds the shells once the skeleton is in the document. */
  attach(slidesEl: Element): void {
    for (const el of slidesEl.querySelectorAll<HTMLElement>('section[data-lectern-slide]')) {
      this.shells[Number(el.dataset.lecternSlide)] = el;
    }
  }

  get complete(): boolean {
    return this.left === 0;
  }

  /** Renders slide `i` (deck order) into its shell; false when it was already filled. */
  fill(i: number): boolean {
    const shell = this.shells[i];
    const slide = this.deck.slides[i];
    if (!shell || !slide || !shell.hasAttribute(PENDING)) return false;
    const one = renderDeck({ ...this.deck, meta: { ...this.deck.meta, titleSlide: false }, slides: [slide] }, this.options, this.cache);
    this.template.innerHTML = one.slides[0]?.html ?? ''; // sanitized by renderDeck; a template runs and loads nothing
    const fresh = this.template.content.firstElementChild;
    if (fresh) {
      for (const attr of [...fresh.attributes]) shell.setAttribute(attr.name, attr.value);
      shell.replaceChildren(...fresh.childNodes);
    }
    this.template.innerHTML = '';
    shell.removeAttribute(PENDING);
    this.left--;
    this.unsynced.add(shell);
    this.onFilled(shell);
    return true;
  }

  /** Tells reveal.js about filled slides near `section` (backgrounds, fragments). */
  syncAround(section: Element | undefined, sync: (section: HTMLElement) => void, radius = 2): void {
    const index = Number((section as HTMLElement | undefined)?.dataset?.lecternSlide ?? -1);
    const from = Math.max(0, index < 0 ? 0 : index - radius);
    const to = Math.min(this.deck.slides.length - 1, index < 0 ? radius : index + radius);
    for (let i = from; i <= to; i++) {
      const shell = this.shells[i];
      if (shell && this.unsynced.delete(shell)) sync(shell);
    }
  }

  /** Everything was synced at once (reveal.sync()): nothing is pending any more. */
  markAllSynced(): void {
    this.unsynced.clear();
  }

  /** Fills the slides within `radius` of a section (deck order), e.g. the current one. */
  fillAround(section: Element | undefined, radius = 2): void {
    const index = Number((section as HTMLElement | undefined)?.dataset?.lecternSlide ?? -1);
    const from = index < 0 ? 0 : index - radius;
    const to = index < 0 ? radius : index + radius;
    for (let i = Math.max(0, from); i <= Math.min(this.deck.slides.length - 1, to); i++) this.fill(i);
  }

  /** Fills every slide still empty, at once: for a search that reads the slides' text (G and
   *  words, the search box), which would miss a slide idle filling has not reached yet. */
  fillAll(): number {
    let filled = 0;
    for (let i = 0; i < this.deck.slides.length && this.left > 0; i++) if (this.fill(i)) filled++;
    return filled;
  }

  /** Fills the rest a few slides at a time, in idle periods, so navigation never waits. */
  fillInIdle(done: () => void = () => undefined): void {
    let next = 0;
    const idle = window.requestIdleCallback ?? ((cb: IdleRequestCallback) => window.setTimeout(() => cb({ didTimeout: false, timeRemaining: () => 8 }), 16));
    const step = (deadline: IdleDeadline) => {
      // A busy machine may never be idle: when the callback timed out, still fill a batch of
      // about 12 ms rather than one slide (one slide per timeout took minutes at 1,000 slides).
      const started = performance.now();
      while (next < this.deck.slides.length) {
        this.fill(next++);
        const left = deadline.didTimeout ? 12 - (performance.now() - started) : deadline.timeRemaining();
        if (left <= 1) break;
      }
      if (next < this.deck.slides.length) idle(step, { timeout: 100 });
      else done();
    };
    idle(step, { timeout: 200 });
  }
}

/** Decks above this many slides start progressively; smaller ones render whole (simplest). */
export const PROGRESSIVE_FROM = 60;
