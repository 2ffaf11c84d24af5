// The reading structure of the presenting page, over what reveal.js 6 builds:
//  - reveal.js marks the deck `role="application"` (screen readers then stop reading line by
//    line) and leaves it unnamed and unfocusable: Lectern makes it a named region that takes the
//    focus, so the keys go where the focus is;
//  - the current slide is a region named by its position ("Trang chiếu 3 / 15");
//  - reveal.js's own live region is silenced (announcer.ts speaks instead);
//  - its controls (English aria-labels) speak the UI language;
//  - the chrome is in the UI language (<html lang>), the slides keep the deck's `lang`;
//  - a GFM task-list checkbox says whether the task is done.
import { presentMsg } from './messages.ts';

export interface ReadableOptions {
  /** The deck's title (names the region). */
  title: string;
  /** The deck's language (front matter `lang`), if it names one. */
  deckLang: string | undefined;
}

export function makeReadable(revealEl: HTMLElement, options: ReadableOptions): void {
  const m = presentMsg();
  revealEl.setAttribute('role', 'region');
  revealEl.setAttribute('aria-label', m.presentation(options.title));
  revealEl.tabIndex = -1;
  const slides = revealEl.querySelector<HTMLElement>('.slides');
  if (slides && options.deckLang) slides.lang = options.deckLang;

  const status = revealEl.querySelector<HTMLElement>('.aria-status');
  if (status) {
    status.removeAttribute('aria-live');
    status.removeAttribute('aria-atomic');
    status.setAttribute('aria-hidden', 'true');
  }
  translateControls(revealEl);
  labelTaskBoxes(revealEl);
}

/** reveal.js's controls with UI-language names (its markup hard-codes English aria-labels). */
export function translateControls(revealEl: HTMLElement): void {
  const m = presentMsg();
  const rtl = revealEl.classList.contains('rtl');
  const labels: [string, string][] = [
    ['.controls .navigate-left', rtl ? m.nextSlide : m.previousSlide],
    ['.controls .navigate-right', rtl ? m.previousSlide : m.nextSlide],
    ['.controls .navigate-up', m.aboveSlide],
    ['.controls .navigate-down', m.belowSlide],
  ];
  for (const [selector, label] of labels) revealEl.querySelector(selector)?.setAttribute('aria-label', label);
  const resume = revealEl.querySelector('.pause-overlay .resume-button');
  if (resume) resume.textContent = m.resumePresentation;
}

/** A task-list tick (`- [x] done`) renders as a bare disabled checkbox: name its state. */
export function labelTaskBoxes(root: ParentNode): void {
  const m = presentMsg();
  for (const box of root.querySelectorAll<HTMLInputElement>('.slides input[type="checkbox"]')) {
    box.setAttribute('aria-label', box.checked ? m.taskDone : m.taskOpen);
  }
}

/** Names the slide now shown by its position; the one before loses the name. */
export function markCurrentSlide(revealEl: HTMLElement, current: Element | undefined, position: number, total: number): void {
  for (const old of revealEl.querySelectorAll('.slides section[data-lectern-current]')) {
    if (old === current) continue;
    old.removeAttribute('data-lectern-current');
    old.removeAttribute('role');
    old.removeAttribute('aria-label');
  }
  if (!current) return;
  current.setAttribute('data-lectern-current', '');
  current.setAttribute('role', 'region');
  current.setAttribute('aria-label', presentMsg().announceSlide(position, total));
}
