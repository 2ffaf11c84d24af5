// A long deck in real reveal.js with only a window of its sections in the DOM: everything asked
// through reveal.js's API speaks the deck's true positions, the window follows the slide after
// the change, fragments and the slide survive a move, and overview shows the whole deck.
import Reveal, { type RevealApi } from 'reveal.js';
import { afterEach, expect, it } from 'vitest';
import { WINDOW_RADIUS } from '../../../src/present/section-window.ts';
import { SlidePositions } from '../../../src/present/slide-positions.ts';
import { WINDOWED_CONFIG, WindowedReveal } from '../../../src/present/windowed-reveal.ts';

const TOTAL = 150;
let root: HTMLElement | undefined;
let reveal: RevealApi | undefined;
afterEach(() => {
  reveal?.destroy();
  root?.remove();
  history.replaceState(null, '', location.pathname + location.search);
});

/** 150 top-level slides "Trang n"; slide 30 is a stack of three; slide 60 has two fragments;
 *  `extra` adds HTML to slides by true index. */
async function deck(start = 0, extra: Record<number, string> = {}): Promise<{ reveal: RevealApi; windowed: WindowedReveal; slidesEl: HTMLElement }> {
  root = document.createElement('div');
  let html = '';
  for (let i = 0; i < TOTAL; i++) {
    if (i === 30) html += '<section><section>Trang 30.0</section><section>Trang 30.1</section><section>Trang 30.2</section></section>';
    else if (i === 60) html += '<section>Trang 60 <p class="fragment">một</p><p class="fragment">hai</p></section>';
    else html += `<section>Trang ${i}${extra[i] ?? ''}</section>`;
  }
  root.innerHTML = `<div class="reveal"><div class="slides">${html}</div></div>`;
  document.body.append(root);
  const revealEl = root.querySelector<HTMLElement>('.reveal')!;
  const slidesEl = revealEl.querySelector<HTMLElement>('.slides')!;
  let windowed: WindowedReveal | undefined;
  const positions = new SlidePositions(() => windowed?.allSections() ?? []);
  windowed = new WindowedReveal(slidesEl, positions);
  windowed.prepare(start);
  const r = new Reveal(revealEl, { embedded: true, history: false, transition: 'none', ...WINDOWED_CONFIG, plugins: [windowed.mediaPlugin()] });
  windowed.install(r);
  await r.initialize();
  windowed.start(revealEl, { progress: 'Tiến độ' }, Array.from({ length: positions.totalSlides() }, (_, i) => String(i + 1)));
  reveal = r;
  return { reveal: r, windowed, slidesEl };
}

const text = (r: RevealApi) => r.getCurrentSlide()?.textContent?.trim().split(' ').slice(0, 2).join(' ');
/** The deferred move: an animation frame, then a task. */
const settle = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));

it('keeps a window of sections and answers with true positions', async () => {
  const { reveal, windowed, slidesEl } = await deck();
  expect(slidesEl.querySelectorAll(':scope > section')).toHaveLength(2 * WINDOW_RADIUS + 1);
  expect(reveal.getHorizontalSlides()).toHaveLength(TOTAL);
  expect(reveal.getTotalSlides()).toBe(TOTAL + 2); // the stack's three slides count, not the stack
  reveal.slide(120);
  expect(text(reveal)).toBe('Trang 120');
  expect(reveal.getIndices()).toMatchObject({ h: 120, v: 0 });
  expect(reveal.getState().indexh).toBe(120);
  await settle(); // the hash is written after the slide is shown
  expect(location.hash).toBe('#/120');
  expect(reveal.getSlidePastCount()).toBe(122);
  expect(windowed.window.toReveal(120)).toBe(WINDOW_RADIUS);
  expect(reveal.isLastSlide()).toBe(false);
  expect(reveal.isFirstSlide()).toBe(false);
  reveal.slide(TOTAL - 1);
  expect(reveal.isLastSlide()).toBe(true);
  expect(document.querySelector<HTMLElement>('.lectern-progress span')!.style.transform).toBe('scaleX(1)');
  reveal.slide(0);
  expect(reveal.isFirstSlide()).toBe(true);
  expect(text(reveal)).toBe('Trang 0');
  // A stack's slides, by true h/v, and a state from another window (strings, as posted).
  reveal.slide(30, 2);
  expect(text(reveal)).toBe('Trang 30.2');
  expect(reveal.getIndices()).toMatchObject({ h: 30, v: 2 });
  await settle();
  expect(location.hash).toBe('#/30/2');
  reveal.setState({ ...reveal.getState(), indexh: '99' as unknown as number, indexv: 0 });
  expect(text(reveal)).toBe('Trang 99');
  expect(reveal.getIndices(reveal.getSlide(30, 1))).toMatchObject({ h: 30, v: 1 });
});

it('follows the slide step by step across the window’s edge, after the change, without a second slidechanged', async () => {
  const { reveal, windowed } = await deck();
  const changes: number[] = [];
  reveal.on('slidechanged', () => changes.push(reveal.getIndices().h));
  for (let h = 1; h <= 90; h++) {
    if (h === 61) {
      reveal.right(); // slide 60's two fragments first
      reveal.right();
    }
    reveal.right();
    await settle();
    const expected = h === 30 ? 'Trang 30.0' : `Trang ${h}`;
    if (text(reveal) !== expected) throw new Error(`at ${h}: ${text(reveal)}`);
    expect(windowed.window.comfortable(h)).toBe(true);
  }
  // Each change announced once, with its true position (the window's moves are silent).
  expect(changes).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
  // Down the stack and back across the edge with prev().
  reveal.slide(30);
  reveal.down();
  reveal.down();
  expect(text(reveal)).toBe('Trang 30.2');
  reveal.slide(12);
  await settle();
  for (let h = 11; h >= 0; h--) {
    reveal.prev();
    await settle();
    expect(text(reveal)).toBe(`Trang ${h}`);
  }
});

it('keeps the fragment step and the slide when the window moves under it', async () => {
  const { reveal, windowed } = await deck();
  reveal.slide(59);
  await settle();
  reveal.slide(60, 0, 0); // first fragment shown
  const fragment = reveal.getCurrentSlide()!.querySelectorAll('.fragment');
  expect(fragment[0]!.classList.contains('visible')).toBe(true);
  expect(fragment[1]!.classList.contains('visible')).toBe(false);
  let heard = 0;
  reveal.on('fragmenthidden', () => heard++);
  reveal.on('slidechanged', () => heard++);
  // Jump far, come back: the window moved twice; the slide remembers nothing wrong.
  reveal.slide(0);
  await settle();
  expect(windowed.window.toReveal(60)).toBeUndefined();
  reveal.slide(60, 0, 0);
  await settle();
  expect(text(reveal)).toBe('Trang 60');
  expect(reveal.getIndices()).toMatchObject({ h: 60, f: 0 });
  reveal.next();
  expect(fragment[1]!.classList.contains('visible')).toBe(true);
  expect(heard).toBeGreaterThan(0);
});

it('shows the whole deck in overview and goes back to a window after', async () => {
  const { reveal, slidesEl } = await deck(100);
  reveal.slide(100);
  expect(text(reveal)).toBe('Trang 100');
  reveal.toggleOverview(true);
  expect(slidesEl.querySelectorAll(':scope > section')).toHaveLength(TOTAL);
  expect(reveal.getIndices().h).toBe(100);
  reveal.slide(10);
  reveal.toggleOverview(false);
  await settle();
  expect(text(reveal)).toBe('Trang 10');
  expect(slidesEl.querySelectorAll(':scope > section')).toHaveLength(2 * WINDOW_RADIUS + 1);
  expect(reveal.getIndices().h).toBe(10);
});

it('opens where the hash says and follows a hash the user types', async () => {
  history.replaceState(null, '', '#/77');
  const { reveal } = await deck(77);
  reveal.slide(77);
  expect(text(reveal)).toBe('Trang 77');
  location.hash = '#/140';
  await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
  expect(text(reveal)).toBe('Trang 140');
  expect(reveal.getIndices().h).toBe(140);
});

/** A real video playing a canvas's moving picture (muted, so Chromium lets it play unprompted). */
function liveVideo(video: HTMLVideoElement): () => void {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 36;
  const ctx = canvas.getContext('2d')!;
  let frame = 0;
  const timer = setInterval(() => {
    ctx.fillStyle = `hsl(${(frame += 10) % 360} 60% 50%)`;
    ctx.fillRect(0, 0, 64, 36);
  }, 40);
  video.muted = true;
  video.srcObject = canvas.captureStream(25);
  return () => clearInterval(timer);
}

const waitFor = async (what: string, ok: () => boolean) => {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!ok()) throw new Error(`never: ${what}`);
};

it('never pauses or restarts the video playing on the current slide when the window moves', { timeout: 120_000 }, async () => {
  const video = '<video data-autoplay muted playsinline></video>';
  const { reveal, windowed } = await deck(40, { 47: video, 48: video });
  reveal.slide(46);
  await settle();
  const start = windowed.window.start;
  const playing = reveal.getSlide(47)!.querySelector('video')!;
  const stop = liveVideo(playing);
  try {
    await playing.play();
    await waitFor('the video plays', () => playing.currentTime > 0.2);
    let pauses = 0;
    playing.addEventListener('pause', () => pauses++);
    // Slide 47 is near the window's edge (centred on 40): stepping to it moves the window after.
    reveal.right();
    const before = playing.currentTime;
    await settle();
    expect(windowed.window.start).not.toBe(start); // the window did move
    expect(text(reveal)).toBe('Trang 47');
    expect(playing.isConnected).toBe(true);
    expect(playing.paused).toBe(false);
    expect(pauses).toBe(0);
    await waitFor('the time keeps growing', () => playing.currentTime > before + 0.3);
    // Leaving the slide still stops its video, as on any slide change.
    reveal.slide(48);
    expect(playing.paused).toBe(true);
  } finally {
    stop();
  }
});
