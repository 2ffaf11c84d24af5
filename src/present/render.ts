// Lectern's annotations on rendered slides: planned seconds as `data-timing` (reveal.js's own
// pacing in its speaker view).
/** The slide <section>s in reveal.js linear order (= deck order): stacks contribute children. */
export function linearSections(slidesEl: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const top of slidesEl.querySelectorAll<HTMLElement>(':scope > section')) {
    const children = top.querySelectorAll<HTMLElement>(':scope > section');
    if (children.length > 0) out.push(...children);
    else out.push(top);
  }
  return out;
}

/** Writes each slide's planned seconds as data-timing, unless the deck has no plan at all. */
export function applyTimings(slidesEl: Element, plan: readonly number[]): void {
  if (plan.every((s) => s === 0)) return;
  linearSections(slidesEl).forEach((section, i) => {
    if (!section.hasAttribute('data-timing')) section.setAttribute('data-timing', String(plan[i] ?? 0));
  });
}
