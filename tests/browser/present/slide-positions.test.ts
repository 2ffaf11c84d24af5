// The presenter's slide positions (counted once) against reveal.js's own counts, on a real
// reveal.js deck with a vertical stack and an uncounted slide.
import Reveal from 'reveal.js';
import { afterEach, expect, it } from 'vitest';
import { SlidePositions } from '../../../src/present/slide-positions.ts';

let root: HTMLElement | undefined;
afterEach(() => root?.remove());

it('gives every slide the position and total reveal.js gives it, and sees a slide that becomes uncounted', async () => {
  root = document.createElement('div');
  root.innerHTML = `<div class="reveal"><div class="slides">
    <section>Một</section>
    <section><section>Hai.1</section><section data-visibility="uncounted">Hai.2</section><section>Hai.3</section></section>
    <section>Ba</section>
    <section id="four">Bốn</section>
    <section>Năm</section>
  </div></div>`;
  document.body.append(root);
  const revealEl = root.querySelector<HTMLElement>('.reveal')!;
  const slidesEl = revealEl.querySelector('.slides')!;
  const reveal = new Reveal(revealEl, { embedded: true, hash: false, history: false, keyboard: false, transition: 'none', scrollActivationWidth: 0 });
  await reveal.initialize();
  try {
    const positions = new SlidePositions(() => slidesEl.querySelectorAll(':scope > section'));
    const slides = [...slidesEl.querySelectorAll('section')].filter((s) => !s.querySelector('section'));
    const expected = () => slides.map((s) => reveal.getSlidePastCount(s));
    expect(slides.map((s) => positions.pastCount(s))).toEqual(expected());
    // The uncounted slide shares its position with the next; the ones after it count one less.
    const at = (text: string) => positions.pastCount(slides.find((s) => s.textContent === text));
    expect(at('Hai.3')).toBe(at('Hai.2'));
    expect(at('Ba') - at('Một')).toBe(3);
    expect(positions.totalSlides()).toBe(reveal.getTotalSlides());
    // The n-th counted slide (what "go to slide n" needs): the uncounted one is never named.
    expect(positions.slideAt(2)?.textContent).toBe('Hai.3');
    expect(positions.slideAt(3)?.textContent).toBe('Ba');
    expect(positions.slideAt(99)).toBeUndefined();

    // A slide filled in later as uncounted: counted again once told.
    slidesEl.querySelector('#four')!.setAttribute('data-visibility', 'uncounted');
    positions.forget();
    expect(slides.map((s) => positions.pastCount(s))).toEqual(expected());
    expect(at('Năm')).toBe(at('Bốn'));
    expect(positions.totalSlides()).toBe(reveal.getTotalSlides());
    expect(positions.pastCount(undefined)).toBe(0);
  } finally {
    reveal.destroy();
  }
});
