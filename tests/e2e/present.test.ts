// Presenting a stored deck the way an instructor does: the Vietnamese sample (image, background
// image, video clip, fragments, a vertical stack) seeded by the app on first run, stepped through
// with the keys a remote clicker sends, media served as Blob URLs from IndexedDB, the clip playing
// and stopping at its end, reveal.js's speaker view following both ways, and a receiver page that
// renders only the slides. Screenshots of one slide of each kind go to tests/output/screenshots/.
import type { Page } from 'playwright';
import { expect, it } from 'vitest';
import { enterThenG, indices, jumpBox, openPresent, presentUrl, pressThroughDeck, runDueTimers, screenshotPath, slideWith, type Seeded, useSeededSample } from './present-support.ts';

let seeded: Seeded;
let deckId: string;
// Kept as plain variables (set once seeded) so the tests below read as before.
useSeededSample({ args: ['--autoplay-policy=no-user-gesture-required'], prepare: (started, id) => void ((seeded = started), (deckId = id)) });

async function goToFirst(page: Page, selector: string): Promise<void> {
  await slideWith(page, selector);
  await page.evaluate(() => {
    const reveal = (window as unknown as { lecternReveal: { nextFragment(): boolean } }).lecternReveal;
    while (reveal.nextFragment()) {
      // show every fragment: the screenshot shows the whole slide
    }
  });
  await page.waitForTimeout(900); // let the slide transition finish before the screenshot
}

it('should seed both sample decks on first run', () => {
  expect(Object.keys(seeded.ids).sort()).toEqual(['nghi-quyet-dang-vien-moi', 'syntax-tour']);
});

it('should step through every slide and fragment with the clicker keys, media from Blob URLs', async () => {
  const page = seeded.page;
  await openPresent(page, deckId);
  const total = await page.evaluate(() => (window as unknown as { lecternReveal: { getTotalSlides(): number } }).lecternReveal.getTotalSlides());
  expect(total).toBe(15); // title slide + 14 (one vertical stack of 3)
  expect(await page.locator('.reveal .slides .fragment').count()).toBeGreaterThan(8);

  // Media in the deck all resolve to Blob URLs from IndexedDB.
  const img = page.locator('.reveal .slides img').first();
  expect(await img.getAttribute('src')).toMatch(/^blob:/);
  expect(await page.locator('.reveal .slides section[data-background-image]').first().getAttribute('data-background-image')).toMatch(/^blob:/);
  expect(await page.locator('.reveal .slides video').first().getAttribute('src')).toMatch(/^blob:.*#t=1,4$/);

  const visited = await pressThroughDeck(page);
  expect(visited.size).toBe(total);
  expect(await page.evaluate(() => (window as unknown as { lecternReveal: { isLastSlide(): boolean } }).lecternReveal.isLastSlide())).toBe(true);
  expect(await page.locator('.reveal .slides .fragment:not(.visible)').count()).toBe(0);

  // And back with the other clicker key, then Home: the title slide again.
  await page.keyboard.press('PageUp');
  await page.keyboard.press('Home');
  await expect.poll(() => indices(page)).toMatchObject({ h: 0, v: 0 });

  // The background image of its slide is painted from the Blob URL.
  await goToFirst(page, '[data-background-image]');
  const painted = await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.backgrounds .slide-background.present .slide-background-content');
    return el ? getComputedStyle(el).backgroundImage : '';
  });
  expect(painted).toMatch(/url\("blob:/);
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
});

it('should play the video clip from its Blob URL and stop at the clip end', async () => {
  const page = seeded.page;
  await openPresent(page, deckId);
  await goToFirst(page, 'video');
  const video = page.locator('.reveal .slides section.present video');
  expect(await video.evaluate((v: HTMLVideoElement) => v.currentSrc)).toMatch(/^blob:/);
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  // Starts at the clip start (1 s), advances, and pauses by itself at the clip end (4 s).
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 }).toBeGreaterThan(1.5);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused), { timeout: 60_000 }).toBe(true);
  const stoppedAt = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  expect(stoppedAt).toBeGreaterThanOrEqual(3.9);
  expect(stoppedAt).toBeLessThan(4.5);
});

it('should write a screenshot of one projected slide of each kind', async () => {
  const page = seeded.page;
  await openPresent(page, deckId);
  const kinds: [string, string][] = [
    ['title', '.title-slide h1'],
    ['content', 'ol'],
    ['excerpt', '.excerpt'],
    ['discussion', '.discussion'],
    ['question', '.question'],
    ['video', 'video'],
    ['image', 'img'],
    ['columns', '.columns'],
  ];
  for (const [name, selector] of kinds) {
    await goToFirst(page, selector);
    await page.mouse.move(1, 1); // no HUD in the picture once it fades; the slide is what matters
    await page.screenshot({ path: screenshotPath(`slide-${name}`) });
  }
});

it('should render only the deck in a receiver (the speaker view reloads without the hash)', async () => {
  const page = await seeded.context.newPage();
  await openPresent(page, deckId, '&receiver&progress=false');
  expect(await page.locator('.reveal .slides section').count()).toBeGreaterThan(10);
  expect(await page.locator('.lectern-hud, .lectern-countdown, lectern-presenter-console, lectern-after-class').count()).toBe(0);
  expect(await page.evaluate(() => 'lecternPresentation' in window)).toBe(false);
  // A preview in a narrow frame (a small presenter console) still shows slides, never reveal.js's
  // scroll view: the speaker view asked for that in the URL, which reveal.js no longer reads.
  await page.setViewportSize({ width: 400, height: 300 });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { lecternReveal: { isScrollView(): boolean } }).lecternReveal.isScrollView())).toBe(false);
  await page.close();
});

it('should open the speaker view with one clock, the next slide from the start, no script error, and follow both ways', async () => {
  const page = seeded.page;
  await openPresent(page, deckId);
  const [popup] = await Promise.all([seeded.context.waitForEvent('page'), page.keyboard.press('s')]);
  // The speaker view's script parses every message it gets: a preview posting an object made it
  // throw `SyntaxError: "[object Object]" is not valid JSON` on each press of S.
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  popup.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await popup.waitForSelector('#lectern-panel', { timeout: 60_000 });
  const frames = () => popup.locator('#current-slide iframe, #upcoming-slide iframe');
  await expect.poll(() => frames().count()).toBe(2);
  expect(await frames().first().getAttribute('src')).toContain('receiver');
  expect(await frames().first().getAttribute('src')).toContain(`lectern-deck=${deckId}`);

  const current = popup.frameLocator('#current-slide iframe');
  const receiverIndices = () =>
    current.locator('html').evaluate(() => (window as unknown as { lecternReveal?: { getIndices(): { h: number; v: number } } }).lecternReveal?.getIndices() ?? null);
  await expect.poll(receiverIndices, { timeout: 60_000 }).toMatchObject({ h: 0, v: 0 });
  // "Next slide" shows the slide after the title from the start, before any key is pressed.
  const upcoming = popup.frameLocator('#upcoming-slide iframe');
  const upcomingIndices = () =>
    upcoming.locator('html').evaluate(() => (window as unknown as { lecternReveal?: { getIndices(): { h: number; v: number } } }).lecternReveal?.getIndices() ?? null);
  await expect.poll(upcomingIndices, { timeout: 60_000 }).toMatchObject({ h: 1, v: 0 });

  // One clock of the lesson: reveal.js's own timer and pacing are not shown, Lectern's are.
  expect(await popup.locator('.speaker-controls-time').isVisible()).toBe(false);
  expect(await popup.locator('#lectern-panel .elapsed').isVisible()).toBe(true);
  expect(await popup.locator('#lectern-panel .clock').innerText()).toMatch(/^\d{1,2}:\d{2}$/);
  expect(await popup.locator('body').innerText()).not.toMatch(/Thời gian|Nhịp độ/);

  // Main window -> speaker view.
  await page.bringToFront();
  await page.keyboard.press('ArrowRight');
  await expect.poll(receiverIndices, { timeout: 30_000 }).toMatchObject({ h: 1, v: 0 });

  // Speaker view -> main window (its keys drive the presentation; slide 1 has fragments, so
  // PageDown shows the first one, then the next press moves on).
  await popup.bringToFront();
  await popup.keyboard.press('PageDown');
  await expect.poll(() => indices(page), { timeout: 30_000 }).toMatchObject({ h: 1, v: 0, f: 0 });
  await page.evaluate(() => (window as unknown as { lecternReveal: { slide(h: number, v: number): void } }).lecternReveal.slide(2, 0));
  await expect.poll(receiverIndices, { timeout: 30_000 }).toMatchObject({ h: 2, v: 0 });
  await popup.keyboard.press('ArrowLeft');
  await expect.poll(() => indices(page), { timeout: 30_000 }).toMatchObject({ h: 1, v: 0 });

  // Lectern's panel: pacing is shown.
  await expect.poll(() => popup.locator('#lectern-panel .pace').innerText()).toMatch(/Sớm|Chậm|Đúng tiến độ/);
  expect(errors).toEqual([]);
  await popup.close();
});

it('should open at the chosen slide and remember where the instructor was', async () => {
  const page = seeded.page;
  await page.goto(presentUrl(deckId, '&lectern-slide=3.0'));
  await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready');
  expect(await indices(page)).toMatchObject({ h: 3, v: 0 });
  await page.evaluate(() => (window as unknown as { lecternReveal: { slide(h: number, v: number): void } }).lecternReveal.slide(4, 0));
  await expect.poll(() => page.evaluate((id) => localStorage.getItem(`lectern.lastSlide.${id}`), deckId)).toBe('4.0');
  // A reload (the hash holds the slide) resumes there rather than at lectern-slide.
  await page.waitForURL(/#\/4/);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready');
  expect(await indices(page)).toMatchObject({ h: 4, v: 0 });
});

it('should keep reveal.js’s G box open when G comes again before its blur timer (a busy page)', async () => {
  // reveal.js hides the box 1 ms after its input loses focus, whatever happened meanwhile: G
  // pressed again right after Enter got the new box hidden and the next keys went to the
  // presenter's shortcuts (src/present/windowed-reveal.ts, closeJumpBoxOnLeave).
  const page = await seeded.context.newPage();
  try {
    await openPresent(page, deckId);
    await page.keyboard.press('g');
    await page.keyboard.type('3');
    await enterThenG(page); // slide 3 (h 2), and the box opens again
    await runDueTimers(page);
    await page.keyboard.type('5');
    expect(await jumpBox(page)).toEqual({ open: true, focused: true, value: '5' });
    await expect.poll(() => indices(page)).toMatchObject({ h: 4 }); // reveal.js jumps while typing
    await page.keyboard.press('Escape'); // back where G was pressed
    await expect.poll(() => indices(page)).toMatchObject({ h: 2 });
    expect(await jumpBox(page)).toEqual({ open: false, focused: false, value: '' });
  } finally {
    await page.close();
  }
});

it('should present a 150-slide deck progressively: the chosen slide at once, every slide filled soon after', async () => {
  const { generateDeck } = await import('../unit/deck/generate-deck.ts');
  const page = seeded.page;
  const big = generateDeck(150).text;
  const { rewriteDeck } = await import('./present-support.ts');
  const bigId = seeded.ids['syntax-tour'] ?? '';
  await rewriteDeck(page, bigId, () => big);
  await openPresent(page, bigId, '&lectern-slide=60.0');
  expect(await indices(page)).toMatchObject({ h: 60, v: 0 });
  // The slide shown is filled (its heading is there) before the rest.
  expect(await page.locator('.reveal .slides section.present h2, .reveal .slides section.present h1').count()).toBeGreaterThan(0);
  await page.waitForFunction(() => document.documentElement.dataset.lecternFilled === 'all', null, { timeout: 120_000 });
  // A deck this long keeps a window of its sections in the DOM (windowed-reveal.ts): every
  // section, in the window or not, is asked for through reveal.js's horizontal slides.
  const filled = await page.evaluate(() => {
    const tops = (window as unknown as { lecternReveal: { getHorizontalSlides(): HTMLElement[] } }).lecternReveal.getHorizontalSlides();
    const slides = tops.flatMap((top) => {
      const stacked = [...top.querySelectorAll<HTMLElement>(':scope > section')];
      return stacked.length ? stacked : [top];
    });
    return { pending: slides.filter((s) => s.hasAttribute('data-lectern-pending')).length, headed: slides.filter((s) => s.querySelector(':scope > :is(h1, h2)')).length };
  });
  expect(filled.pending).toBe(0);
  const total = await page.evaluate(() => (window as unknown as { lecternReveal: { getTotalSlides(): number } }).lecternReveal.getTotalSlides());
  expect(total).toBe(150);
  // Same content as a whole-deck render would give: every slide has its heading.
  expect(filled.headed).toBe(150);
  await page.keyboard.press('PageDown');
  expect((await indices(page)).h).toBeGreaterThanOrEqual(60);
});
