// The reading structure of the presenting page, over what reveal.js 6 builds:
//  - reveal.js marks the deck `role="application"` (screen readers then stop reading line by
//    line) and leaves it unnamed and unfocusable: Lectern makes it a named region that takes the
//    focus, so the keys go where the focus is;
//  - the current slide is a region named by its position ("Trang chiếu 3 / 15");
//  - reveal.js's own live region is silenced (announcer.ts speaks instead);
//  - its controls (English aria-labels), its help overlay (?) and key list, and the search box
//    speak the UI language;
//  - the chrome is in the UI language (<html lang>), the slides keep the deck's `lang`;
//  - a GFM task-list checkbox says whether the task is done.
import type { RevealApi } from 'reveal.js';
import { presentMsg } from './messages.ts';

export interface ReadableOptions {
  /** The deck's title (names the region). */
  title: string;
  /** The deck's language (front matter `lang`), if it names one. */
  deckLang: string | undefined;
}

export function makeReadable(reveal: RevealApi, revealEl: HTMLElement, options: ReadableOptions): void {
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
  translateKeys(reveal);
  translateOverlays(revealEl);
  labelTaskBoxes(revealEl);
}

/** The key list of reveal.js's help overlay (its Keyboard class writes English descriptions in
 *  `configure`, navigationMode "default", reveal.js 6.0.x); same keys, UI-language text. */
function translateKeys(reveal: RevealApi): void {
  const m = presentMsg();
  const shortcuts: Record<string, string> = {
    'N  ,  SPACE': m.keyNext,
    'P  ,  Shift SPACE': m.keyPrevious,
    '&#8592;  ,  H': m.keyLeft,
    '&#8594;  ,  L': m.keyRight,
    '&#8593;  ,  K': m.keyUp,
    '&#8595;  ,  J': m.keyDown,
    'Alt + &#8592;/&#8593/&#8594;/&#8595;': m.keyNoFragments,
    'Shift + &#8592;/&#8593/&#8594;/&#8595;': m.keyFirstLast,
    'B  ,  .': m.keyPause,
    F: m.keyFullscreen,
    G: m.keyJump,
    'ESC, O': m.keyOverview,
  };
  for (const [key, text] of Object.entries(shortcuts)) reveal.registerKeyboardShortcut(key, text);
  // The notes plugin's S binding carries an English description: the same action, our words.
  const notes = reveal.getPlugin('notes') as unknown as { open?: () => void } | undefined;
  if (notes?.open) {
    const open = notes.open;
    reveal.removeKeyBinding(83);
    reveal.addKeyBinding({ keyCode: 83, key: 'S', description: m.keySpeakerView }, () => open());
  }
}

/** Texts reveal.js and its search plugin write when an overlay opens (help, search box). */
function translateOverlays(revealEl: HTMLElement): void {
  const m = presentMsg();
  const translate = () => {
    const help = revealEl.querySelector(':scope > .r-overlay-help');
    if (help) {
      const title = help.querySelector('.title');
      if (title && title.textContent !== m.keysTitle) title.textContent = m.keysTitle;
      const heads = help.querySelectorAll('th');
      if (heads[0] && heads[0].textContent !== m.keysKey) heads[0].textContent = m.keysKey;
      if (heads[1] && heads[1].textContent !== m.keysAction) heads[1].textContent = m.keysAction;
    }
    const search = revealEl.querySelector<HTMLInputElement>(':scope > .searchbox .searchinput');
    if (search && search.placeholder !== m.searchPlaceholder) {
      search.placeholder = m.searchPlaceholder;
      search.setAttribute('aria-label', m.searchPlaceholder);
    }
  };
  translate();
  // Both are appended to .reveal with their content already written: its own children suffice
  // (not the subtree, which changes on every slide).
  new MutationObserver(translate).observe(revealEl, { childList: true });
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
