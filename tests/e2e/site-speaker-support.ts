// The speaker view of a deck presented on its own (a `lectern build` site, an Offline HTML export),
// checked as an instructor meets it: S opens it in the deck's language with one clock, "next slide"
// right before any key is pressed, the discussion countdown works from the speaker view, and the
// address cannot configure reveal.js. Shared by cli-build.test.ts and offline-html.test.ts.
import type { BrowserContext, Page } from 'playwright';
import type { RevealApi } from 'reveal.js';
import { expect } from 'vitest';
import { RUNTIME_MESSAGES } from '@lectern/present-runtime';

const vi = RUNTIME_MESSAGES.vi;
const POLL = { timeout: 240_000 };

type Indices = { h: number; v: number };
/** The page's reveal.js (its UMD global), with the full API's types. */
type SiteWindow = { Reveal: RevealApi };

/** S on the presenting page (at its first slide): the speaker view, checked; the popup is closed after. */
export async function checkSiteSpeakerView(page: Page, context: BrowserContext): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, POLL);
  // reveal.js's own timer and pacing hidden; Lectern's panel is the one clock.
  const [popup] = await Promise.all([context.waitForEvent('page'), page.locator('body').press('s')]);
  await popup.waitForSelector('#lectern-panel .elapsed', POLL);
  expect(await popup.locator('.speaker-controls-time').isVisible()).toBe(false);
  expect(await popup.locator('#lectern-panel .elapsed').isVisible()).toBe(true);
  expect(await popup.locator('#lectern-panel .clock').count()).toBe(1);

  // Vietnamese labels, as the deck's language says.
  expect(await popup.evaluate(() => document.documentElement.lang)).toBe('vi');
  expect(await popup.title()).toBe(vi.speakerTitle);
  expect((await popup.locator('#upcoming-slide > .label').textContent())?.trim()).toBe(vi.next);
  expect((await popup.locator('.speaker-controls-notes > h4.label').textContent())?.trim()).toBe(vi.notes);
  expect(await popup.locator('#lectern-panel h4').textContent()).toBe(vi.lecternPanel);
  // Pacing from the deck's planned minutes (the sample plans every slide).
  expect(await popup.locator('#lectern-panel .pace').textContent()).not.toBe(vi.noPlan);

  // "Next slide" shows the step after the current one before any key is pressed.
  const frames = () => popup.frames().filter((f) => f.url().includes('receiver'));
  await expect.poll(() => frames().length, POLL).toBe(2);
  const upcoming = frames().find((f) => !f.url().includes('postMessageEvents'));
  if (!upcoming) throw new Error('no upcoming-slide preview');
  const after = await page.evaluate(() => {
    (window as unknown as SiteWindow).Reveal.next();
    const next = (window as unknown as SiteWindow).Reveal.getIndices();
    (window as unknown as SiteWindow).Reveal.prev();
    return next;
  });
  await expect
    .poll(() => upcoming.evaluate(() => ((window as unknown as SiteWindow).Reveal.isReady() ? (window as unknown as SiteWindow).Reveal.getIndices() : undefined)), POLL)
    .toMatchObject({ h: after.h, v: after.v ?? 0 });

  // The speaker view drives the page: a key pressed there moves the presented slide.
  await popup.locator('body').press('ArrowRight');
  await page.waitForFunction((at) => (window as unknown as SiteWindow).Reveal.getIndices().h === at.h, after, POLL);

  // The discussion countdown: go to the first slide with one, start it from the speaker view.
  const target = await page.evaluate((): Indices | undefined => {
    const block = document.querySelector('.reveal .slides .discussion[data-minutes]');
    const section = block?.closest('section');
    return section ? ((window as unknown as SiteWindow).Reveal.getIndices(section) as Indices) : undefined;
  });
  if (!target) throw new Error('the deck has no discussion');
  await page.evaluate((at) => (window as unknown as SiteWindow).Reveal.slide(at.h, at.v), target);
  const countdown = page.locator('.lectern-countdown');
  await expect.poll(() => countdown.isVisible(), POLL).toBe(true);
  expect(await countdown.getAttribute('data-state')).toBe('paused');
  const before = Number(await countdown.getAttribute('data-remaining-ms'));
  await popup.locator('#lectern-panel button[data-action="toggle"]').click();
  await expect.poll(() => countdown.getAttribute('data-state'), POLL).toBe('running');
  expect((await popup.locator('#lectern-panel button[data-action="toggle"]').textContent())?.trim()).toBe(vi.pause);
  await expect.poll(async () => Number(await countdown.getAttribute('data-remaining-ms')), POLL).toBeLessThan(before);
  // T pressed in the speaker view acts on the presenting page.
  await popup.locator('body').press('t');
  await expect.poll(() => countdown.getAttribute('data-state'), POLL).toBe('paused');
  await popup.locator('#lectern-panel button[data-action="reset"]').click();
  await expect.poll(async () => Number(await countdown.getAttribute('data-remaining-ms')), POLL).toBe(before);
  await popup.close();
  await page.evaluate(() => (window as unknown as SiteWindow).Reveal.slide(0, 0));
}

/** `?showNotes=true&autoSlide=500&controls=false` reaches no reveal.js setting. */
export async function checkNoUrlConfig(page: Page, url: string): Promise<void> {
  await page.goto(`${url}?showNotes=true&autoSlide=500&controls=false`);
  await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, POLL);
  const config = await page.evaluate(() => {
    const c = (window as unknown as SiteWindow).Reveal.getConfig();
    return { showNotes: c.showNotes, autoSlide: c.autoSlide, controls: c.controls, postMessage: c.postMessage };
  });
  expect(config).toEqual({ showNotes: false, autoSlide: 0, controls: true, postMessage: false });
  expect(await page.locator('.reveal .speaker-notes').isVisible()).toBe(false);
  // No auto-advance: still on the first slide a moment later (reveal.js would have moved at 500 ms).
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as SiteWindow).Reveal.getIndices().h)).toBe(0);
}

/** A page on another origin opens the site and sends what an attacker would: nothing moves. */
export async function checkForeignMessages(context: BrowserContext, attackerOrigin: string, siteUrl: string): Promise<void> {
  const attacker = await context.newPage();
  await attacker.goto(`${attackerOrigin}/attacker.html`);
  const [site] = await Promise.all([
    context.waitForEvent('page'),
    attacker.evaluate((url) => void ((window as unknown as { victim: Window | null }).victim = window.open(url, 'victim')), siteUrl),
  ]);
  await site.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, POLL);
  await attacker.evaluate(() => {
    const victim = (window as unknown as { victim: Window }).victim;
    const send = (message: unknown) => victim.postMessage(JSON.stringify(message), '*');
    send({ method: 'slide', args: [3] });
    send({ method: 'setState', args: [{ indexh: 2, indexv: 0 }] });
    send({ method: 'next' });
    send({ method: 'configure', args: [{ showNotes: true, keyboard: false }] });
    send({ namespace: 'reveal-notes', type: 'heartbeat' });
  });
  // Messages are delivered in order: one more round trip through the page's event loop.
  await site.waitForTimeout(1000);
  expect(await site.evaluate(() => (window as unknown as SiteWindow).Reveal.getIndices().h)).toBe(0);
  expect(await site.evaluate(() => [(window as unknown as SiteWindow).Reveal.getConfig().showNotes, (window as unknown as SiteWindow).Reveal.getConfig().keyboard])).toEqual([false, true]);
  // Only the presenting page was opened: the notes plugin adopted no foreign speaker view.
  await site.locator('body').press('ArrowRight');
  await site.waitForFunction(() => (window as unknown as SiteWindow).Reveal.getIndices().h === 1, null, POLL);
  await site.close();
  await attacker.close();
}
