// Which top-level slides of a long deck are in reveal.js's DOM, and how its positions map to the
// deck's true ones. reveal.js 6 walks every <section> on each slide change (classes, layout, media
// loading, progress, backgrounds): at 1,000 slides a switch took ~80-95 ms, whatever the slides
// held. A long deck therefore keeps only a window of top-level sections around the current slide
// in the DOM (the rest live detached, state intact); reveal.js counts its horizontal index inside
// the window, everything Lectern shows counts the true one. This model knows no DOM and no
// reveal.js: `windowed-reveal.ts` moves the sections and translates reveal.js's API through it.

/** Decks with more top-level slides than this are windowed; smaller decks keep every section. */
export const WINDOW_FROM = 60;
/** Top-level slides kept on each side of the current one when the window is centred. */
export const WINDOW_RADIUS = 10;
/** The window moves when the current slide comes this close to an edge that is not the deck's. */
export const WINDOW_MARGIN = 4;

export interface WindowRange {
  /** First top-level slide in the window (true index). */
  start: number;
  /** One past the last top-level slide in the window. */
  end: number;
}

export class SectionWindow {
  private range: WindowRange;

  constructor(
    /** Top-level slides in the deck (a vertical stack counts once). */
    readonly total: number,
    readonly radius = WINDOW_RADIUS,
    readonly margin = WINDOW_MARGIN,
    readonly from = WINDOW_FROM,
  ) {
    if (margin >= radius) throw new RangeError('the margin must be smaller than the radius');
    this.range = { start: 0, end: total };
    if (this.active) this.range = this.centredOn(0);
  }

  /** Whether the deck is long enough to be windowed. */
  get active(): boolean {
    return this.total > this.from;
  }

  get start(): number {
    return this.range.start;
  }

  get end(): number {
    return this.range.end;
  }

  /** reveal.js's horizontal index of true top-level slide `h`; undefined outside the window. */
  toReveal(h: number): number | undefined {
    return h >= this.range.start && h < this.range.end ? h - this.range.start : undefined;
  }

  /** The true top-level index of reveal.js's horizontal index `h`. */
  toTrue(h: number): number {
    return h + this.range.start;
  }

  /** Whether true slide `h` is inside the window with at least `margin` slides beyond it on both
   *  sides (or the deck's own edge). */
  comfortable(h: number): boolean {
    const { start, end } = this.range;
    if (h < start || h >= end) return false;
    const roomBefore = start === 0 || h - start >= this.margin;
    const roomAfter = end === this.total || end - 1 - h >= this.margin;
    return roomBefore && roomAfter;
  }

  /** The window centred on true slide `h` (clamped to the deck), without moving to it. */
  centredOn(h: number): WindowRange {
    if (!this.active) return { start: 0, end: this.total };
    const size = Math.min(this.total, 2 * this.radius + 1);
    const at = Math.min(Math.max(0, Math.trunc(h)), this.total - 1);
    const start = Math.min(Math.max(0, at - this.radius), this.total - size);
    return { start, end: start + size };
  }

  /** Moves the window; returns false when it was there already. */
  moveTo(range: WindowRange): boolean {
    if (range.start === this.range.start && range.end === this.range.end) return false;
    if (range.start < 0 || range.end > this.total || range.start >= range.end) throw new RangeError(`bad window ${range.start}-${range.end}`);
    this.range = { ...range };
    return true;
  }

  /** Every top-level slide in the window (overview mode, which shows the whole deck). */
  everything(): WindowRange {
    return { start: 0, end: this.total };
  }
}
