// The ink kept on the deck in reveal.js's print view (present.html?print-pdf&lectern-ink): on
// each printed slide, an <svg data-lectern-ink> over the slide's box with one <path> per stroke,
// the same perfect-freehand outlines the presenter draws, so the ink prints as sharp vectors and
// lands on the same words.
//
// Where the slide's box is: reveal.js's print view makes each slide a `.pdf-page` of the page
// size (the slide plus its margin) and centres the slide's content in it, exactly as the
// presenter centres it in `.slides`; ink coordinates are fractions of `.slides`, so its box on a
// page is the slide size centred on the page. Fragments are all shown in print
// (pdfSeparateFragments: false): every stroke shows, whatever its step.
import type { RevealApi } from 'reveal.js';
import type { InkStroke } from '../../store/index.ts';
import { revealSlideSize } from './ink-controller.ts';
import { strokeElement } from './ink-view.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Marks each slide <section> with its reveal.js indices `h.v` (data-lectern-slide) before
 *  reveal.js's print layout moves the slides into pages, where getIndices() can no longer tell. */
export function markSlidePositions(slidesEl: HTMLElement): void {
  for (const [h, top] of [...slidesEl.querySelectorAll<HTMLElement>(':scope > section')].entries()) {
    const stack = [...top.querySelectorAll<HTMLElement>(':scope > section')];
    if (stack.length === 0) top.dataset.lecternSlide = `${h}.0`;
    for (const [v, section] of stack.entries()) section.dataset.lecternSlide = `${h}.${v}`;
  }
}

/** Puts each slide's strokes (`h.v` => strokes) over its printed page; returns how many pages got ink. */
export function drawPrintInk(reveal: RevealApi, strokesBySlide: ReadonlyMap<string, readonly InkStroke[]>): number {
  const { width, height } = revealSlideSize(reveal);
  let pages = 0;
  for (const page of reveal.getRevealElement()?.querySelectorAll<HTMLElement>('.pdf-page') ?? []) {
    const slide = page.querySelector<HTMLElement>(':scope > section[data-lectern-slide]')?.dataset.lecternSlide;
    const strokes = slide === undefined ? undefined : strokesBySlide.get(slide);
    if (!strokes?.length) continue;
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('data-lectern-ink', '');
    svg.dataset.slide = slide;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('aria-hidden', 'true');
    svg.classList.add('lectern-ink', 'lectern-ink-print');
    // The page is the slide plus reveal.js's margin, the slide centred in it.
    svg.style.left = `${(page.clientWidth - width) / 2}px`;
    svg.style.top = `${(page.clientHeight - height) / 2}px`;
    svg.style.width = `${width}px`;
    svg.style.height = `${height}px`;
    svg.append(...strokes.map((stroke) => strokeElement(stroke, width, height)));
    page.append(svg);
    pages++;
  }
  return pages;
}
