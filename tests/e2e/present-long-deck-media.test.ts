// A lesson video on a long deck (a window of sections in reveal.js's DOM, src/present/
// windowed-reveal.ts): the window moves right after a slide is shown, and that move must leave the
// video playing on the current slide alone. A real WebM (recorded by Chromium's MediaRecorder) on
// slide 17 of 100, and as a clip range (#t=1,11) with its WebVTT captions on slide 57: the video
// is already playing when the instructor steps onto its slide (as `{autoplay}` does when the
// deferred move comes late on a busy machine: started just before the step here, so the order is
// sure), the step moves the window, and the video keeps playing, its time keeps growing, the clip
// stays in its range and the captions stay on. Also: overview opened and closed over a playing video (two
// more moves), and reveal.js's scroll view never replaces the windowed deck in a narrow window,
// where the window still follows the slide.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { recordWebm, storeUnchecked } from './media-support.ts';
import { indices, openPresent, rewriteDeck, useSeededSample } from './present-support.ts';

const TOTAL = 100;
const PLAIN = 17; // reached by stepping from 10: the window (centred on 10) moves after it
const CLIP = 57; // reached by stepping from 50
const CUE = 'Đồng chí Bí thư phát biểu';

function longDeck(): string {
  const slides: string[] = [];
  for (let i = 0; i < TOTAL; i++) {
    if (i === PLAIN) slides.push(`# Trang ${i}\n\n![Phim tư liệu](media/phim.webm){muted controls}`);
    else if (i === CLIP) slides.push(`# Trang ${i}\n\n![Đoạn phim](media/phim.webm#t=1,11){autoplay muted}`);
    else slides.push(`# Trang ${i}\n\nĐảng viên mới học tập nghị quyết, trang ${i}.`);
  }
  return `---\ntitle: Bài dài có phim\nlang: vi\ntheme: white\n---\n\n${slides.join('\n\n---\n\n')}\n`;
}

const sample = useSeededSample({
  lang: 'en',
  tempDir: 'lectern-e2e-long-media-',
  prepare: async (seeded, deckId) => {
    await rewriteDeck(seeded.page, deckId, longDeck);
    await storeUnchecked(seeded.page, deckId, 'media/phim.webm', await recordWebm(seeded.page, 14), 'video/webm');
    await storeUnchecked(seeded.page, deckId, 'media/phim.vtt', `WEBVTT\n\n00:00:00.500 --> 00:00:13.500\n${CUE}\n`);
  },
});

interface Playback {
  paused: boolean;
  time: number;
  pauses: number;
  attached: boolean;
  present: boolean;
  captions: string;
  cues: number;
}

/** Starts counting the `pause` events of slide h's video (kept as elements, attached or not). */
function countPauses(page: Page, h: number): Promise<void> {
  return page.evaluate((at) => {
    const video = (window as unknown as { lecternReveal: { getSlide(h: number): HTMLElement } }).lecternReveal.getSlide(at).querySelector('video')!;
    video.dataset.pauses = '0';
    video.addEventListener('pause', () => (video.dataset.pauses = String(Number(video.dataset.pauses) + 1)));
  }, h);
}

function playback(page: Page, h: number): Promise<Playback> {
  return page.evaluate((at) => {
    const video = (window as unknown as { lecternReveal: { getSlide(h: number): HTMLElement } }).lecternReveal.getSlide(at).querySelector('video')!;
    const track = video.textTracks[0];
    return {
      paused: video.paused,
      time: video.currentTime,
      pauses: Number(video.dataset.pauses ?? 0),
      attached: video.isConnected,
      present: !!video.closest('section.present'),
      captions: track?.mode ?? 'none',
      cues: track?.activeCues?.length ?? 0,
    };
  }, h);
}

/** Plays slide h's video (muted) until its time grows. */
async function startVideo(page: Page, h: number): Promise<void> {
  await page.evaluate(async (at) => {
    const video = (window as unknown as { lecternReveal: { getSlide(h: number): HTMLElement } }).lecternReveal.getSlide(at).querySelector('video')!;
    video.muted = true;
    await video.play();
  }, h);
  const from = (await playback(page, h)).time;
  await expect.poll(async () => (await playback(page, h)).time, { timeout: 60_000 }).toBeGreaterThan(from + 0.2);
}

/** How many times the window has moved since the page opened. */
function moves(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('lectern-window-shift').length);
}

async function stepTo(page: Page, from: number, to: number): Promise<void> {
  await openPresent(page, sample.deckId, `&lang=en#/${from}`);
  await expect.poll(async () => (await indices(page)).h).toBe(from);
  for (let h = from + 1; h < to; h++) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await indices(page)).h).toBe(h);
  }
}

/** The video on slide h, once it has played a while: still playing, its time still growing. */
async function expectStillPlaying(page: Page, h: number, since: number): Promise<Playback> {
  await expect.poll(async () => (await playback(page, h)).time, { timeout: 60_000 }).toBeGreaterThan(since + 1);
  const now = await playback(page, h);
  expect(now).toMatchObject({ paused: false, pauses: 0, attached: true, present: true });
  return now;
}

/** Steps from slide `from` to just before slide h, starts h's video, and steps onto h, which
 *  moves the window: the video's playback once the window has moved. */
async function stepOntoPlaying(page: Page, from: number, h: number): Promise<Playback> {
  await stepTo(page, from, h);
  await startVideo(page, h);
  await countPauses(page, h);
  const before = await moves(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await indices(page)).h).toBe(h);
  await expect.poll(() => moves(page)).toBeGreaterThan(before);
  return playback(page, h);
}

describe('a video on a long deck while the window of sections moves', () => {
  it('should keep a playing video playing when the step onto its slide moves the window, and through overview', { timeout: 600_000 }, async () => {
    const page = sample.seeded.page;
    const moved = await stepOntoPlaying(page, 10, PLAIN);
    await expectStillPlaying(page, PLAIN, moved.time);

    // Overview shows the whole deck, Esc brings the window back: two more moves, same video.
    const at = (await playback(page, PLAIN)).time;
    const count = await moves(page);
    await page.keyboard.press('o');
    await expect.poll(() => page.locator('.reveal.overview').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.reveal.overview').count()).toBe(0);
    await expect.poll(() => moves(page)).toBeGreaterThanOrEqual(count + 2);
    await expectStillPlaying(page, PLAIN, at);

    // Leaving the slide stops it, as on any slide change.
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await playback(page, PLAIN)).paused).toBe(true);
  });

  it('should keep a clip range with its captions playing, in its range, when the window moves', { timeout: 600_000 }, async () => {
    const page = sample.seeded.page;
    const moved = await stepOntoPlaying(page, 50, CLIP);
    const now = await expectStillPlaying(page, CLIP, moved.time);
    expect(now.time).toBeGreaterThanOrEqual(1); // the clip starts at 1 s…
    expect(now.time).toBeLessThan(11); // …and has not been sent past its end
    expect(now.captions).toBe('showing');
    await expect.poll(async () => (await playback(page, CLIP)).cues).toBeGreaterThan(0);
    expect(await page.locator('.reveal .slides section.present video > track[kind="captions"]').count()).toBe(1);
  });

  it('should stay in the slide view, with the window, in a window narrower than reveal.js’s scroll-view breakpoint', { timeout: 600_000 }, async () => {
    const page = sample.seeded.page;
    const size = page.viewportSize();
    await page.setViewportSize({ width: 380, height: 640 });
    try {
      await openPresent(page, sample.deckId, '&lang=en#/30');
      await expect.poll(async () => (await indices(page)).h).toBe(30);
      expect(await page.locator('.reveal-viewport.reveal-scroll, .reveal-scroll').count()).toBe(0);
      expect(await page.locator('.reveal .slides > section').count()).toBeLessThan(TOTAL);
      for (let h = 31; h <= 45; h++) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(async () => (await indices(page)).h).toBe(h);
      }
      await expect.poll(() => page.locator('.reveal .slides section.present:not(.stack) h1').textContent()).toBe('Trang 45');
      expect(await page.locator('.reveal-scroll').count()).toBe(0);
      // The window followed (this headless page, once resized, draws no frames: the move does
      // not wait for one, as in a presenting window behind the speaker view).
      expect(await moves(page)).toBeGreaterThan(0);
    } finally {
      if (size) await page.setViewportSize(size);
    }
  });
});
