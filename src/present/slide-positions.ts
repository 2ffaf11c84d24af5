// Each slide's position in the lesson (reveal.js's "slides before it"), counted once instead of on
// every slide change. reveal.js's getSlidePastCount() and getTotalSlides() query and walk every
// section of the deck on each call; the presenter asked them several times per slide change (the
// slide number, the position announced, the HUD's snapshot) and the HUD's snapshot once a second:
// at 1,000 slides each call is a few milliseconds of the instructor's click. The slides' order
// does not change while presenting; what can change a count is a slide's `data-visibility`
// (written when a slide is filled in, progressive.ts), so whoever fills a slide calls `forget()`.
export class SlidePositions {
  private past: Map<Element, number> | undefined;
  private total = 0;

  constructor(private readonly slidesEl: Element) {}

  /** Counted slides before `slide` (reveal.js's getSlidePastCount(slide)); 0 for an unknown element. */
  pastCount(slide: Element | undefined): number {
    if (!slide) return 0;
    return this.count().get(slide) ?? 0;
  }

  /** reveal.js's getTotalSlides(): slides that are not stacks and not `data-visibility="uncounted"`. */
  totalSlides(): number {
    this.count();
    return this.total;
  }

  /** The counts are read again at the next question (a slide was filled or reveal.js synced). */
  forget(): void {
    this.past = undefined;
  }

  // Document order is reveal.js's order: horizontal slides, each stack's vertical slides in turn.
  private count(): Map<Element, number> {
    if (this.past) return this.past;
    const past = new Map<Element, number>();
    let counted = 0;
    for (const section of this.slidesEl.querySelectorAll(':scope section')) {
      if (section.querySelector(':scope > section')) continue; // a stack: its slides count, not it
      past.set(section, counted);
      if ((section as HTMLElement).dataset.visibility !== 'uncounted') counted++;
    }
    this.past = past;
    this.total = counted;
    return past;
  }
}
