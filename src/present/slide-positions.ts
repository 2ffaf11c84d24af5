// Each slide's position in the lesson (reveal.js's "slides before it"), counted once instead of on
// every slide change. reveal.js's getSlidePastCount() and getTotalSlides() query and walk every
// section of the deck on each call; the presenter asked them several times per slide change (the
// slide number, the position announced, the HUD's snapshot) and the HUD's snapshot once a second:
// at 1,000 slides each call is a few milliseconds of the instructor's click. The slides' order
// does not change while presenting; what can change a count is a slide's `data-visibility`
// (written when a slide is filled in, progressive.ts), so whoever fills a slide calls `forget()`.
// The count is over every top-level section, also those a long deck keeps out of the DOM
// (windowed-reveal.ts): positions are the deck's, never the window's.
export class SlidePositions {
  private past: Map<Element, number> | undefined;
  private counted: Element[] = [];
  private total = 0;

  /** `topLevel`: the deck's top-level sections in order (a stack's slides are its children). */
  constructor(private readonly topLevel: () => Iterable<Element>) {}

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

  /** The `index`-th counted slide (0-based; the slide the presenter numbers index + 1). */
  slideAt(index: number): Element | undefined {
    this.count();
    return this.counted[index];
  }

  /** The counts are read again at the next question (a slide was filled or reveal.js synced). */
  forget(): void {
    this.past = undefined;
  }

  // reveal.js's order: horizontal slides, each stack's vertical slides in turn.
  private count(): Map<Element, number> {
    if (this.past) return this.past;
    const past = new Map<Element, number>();
    const counted: Element[] = [];
    const add = (section: Element) => {
      past.set(section, counted.length);
      if ((section as HTMLElement).dataset.visibility !== 'uncounted') counted.push(section);
    };
    for (const top of this.topLevel()) {
      let stack = false; // a stack: its slides count, not it
      for (const child of top.children) {
        if (child.tagName !== 'SECTION') continue;
        stack = true;
        add(child);
      }
      if (!stack) add(top);
    }
    this.past = past;
    this.counted = counted;
    this.total = counted.length;
    return past;
  }
}
