// present.html and handout.html carry a Content-Security-Policy (src/present/csp.ts) that the
// app itself never violates: a sample deck presented through every slide and fragment, its video
// clip playing from a Blob URL, reveal.js's speaker view opened and following the main window
// (its popup runs the notes plugin's inline script, allowed by hash), and the handout with its
// images and video still. Violations are caught both ways: the browser's console message and the
// `securitypolicyviolation` event. A script injected the way an attacker would is refused on
// each page, the speaker-view popup included (it inherits the presenting page's policy).
import type { ConsoleMessage, Page } from 'playwright';
import { expect, inject, it } from 'vitest';
import { openPresent, pressThroughDeck, slideWith, useSeededSample } from './present-support.ts';

/** Console messages about the policy, and `securitypolicyviolation` events, from every page. */
const violations: string[] = [];

const MARK = 'lectern-csp-violation';

function watch(page: Page): void {
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text) || text.startsWith(MARK)) violations.push(`${page.url()}: ${text}`);
  });
}

/** The event listener, in one document (added by an init script to every page and frame). */
function listenForViolations(mark: string): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`${mark} ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
  });
}

const sample = useSeededSample({
  args: ['--autoplay-policy=no-user-gesture-required'],
  prepare: async (seeded) => {
    await seeded.context.addInitScript(listenForViolations, MARK);
    watch(seeded.page);
    seeded.context.on('page', watch);
  },
});

async function policyOf(page: Page): Promise<string> {
  return (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
}

/** Appends an inline script to the page's document; true when it ran. */
function injectedScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__cspProbe = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __cspProbe?: boolean }).__cspProbe === true;
  });
}

it('should present a deck, play its clip and run the speaker view under present.html\'s policy with no violation', async () => {
  violations.length = 0;
  const page = sample.seeded.page;
  await openPresent(page, sample.deckId);
  const policy = await policyOf(page);
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(policy).toContain("frame-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
  expect(policy.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');

  // Every slide and fragment, with the clicker key.
  const total = await page.evaluate(() => (window as unknown as { lecternReveal: { getTotalSlides(): number } }).lecternReveal.getTotalSlides());
  const visited = await pressThroughDeck(page);
  expect(visited.size).toBe(total);
  // Images painted from their Blob URLs, the background image too.
  expect(await page.locator('.reveal .slides img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  // The video clip plays from its Blob URL.
  await slideWith(page, 'video');
  const video = page.locator('.reveal .slides section.present video');
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 }).toBeGreaterThan(1.5);

  // The speaker view: its popup's inline script must run (it creates the two preview iframes
  // and connects), and the previews follow the main window.
  await page.evaluate(() => (window as unknown as { lecternReveal: { slide(h: number, v: number): void } }).lecternReveal.slide(1, 0));
  const [popup] = await Promise.all([sample.seeded.context.waitForEvent('page'), page.keyboard.press('s')]);
  await popup.waitForSelector('#lectern-panel', { timeout: 60_000 });
  // document.write() dropped the init script's listener in the popup: add it again.
  await popup.evaluate(listenForViolations, MARK);
  const previews = popup.locator('#current-slide iframe, #upcoming-slide iframe');
  await expect.poll(() => previews.count(), { timeout: 60_000 }).toBe(2).catch(() => undefined);
  expect(violations).toEqual([]); // a refused popup script shows here, before the missing previews
  expect(await previews.count()).toBe(2);
  const current = popup.frameLocator('#current-slide iframe');
  const receiverIndices = () =>
    current.locator('html').evaluate(() => (window as unknown as { lecternReveal?: { getIndices(): { h: number; v: number } } }).lecternReveal?.getIndices() ?? null);
  await expect.poll(receiverIndices, { timeout: 60_000 }).toMatchObject({ h: 1, v: 0 });
  await page.evaluate(() => (window as unknown as { lecternReveal: { slide(h: number, v: number): void } }).lecternReveal.slide(3, 0));
  await expect.poll(receiverIndices, { timeout: 30_000 }).toMatchObject({ h: 3, v: 0 });
  await expect.poll(() => popup.locator('#connection-status').isHidden()).toBe(true);
  await popup.waitForTimeout(1500); // a few rounds of the plugin's timer and heartbeat

  expect(violations).toEqual([]);

  // Injected scripts are refused, in the popup too (it inherits the presenting page's policy),
  // and each refusal is reported: the watchers above would have seen a violation.
  expect(await injectedScriptRuns(page)).toBe(false);
  expect(await injectedScriptRuns(popup)).toBe(false);
  await expect.poll(() => violations.filter((v) => v.includes(MARK)).length).toBeGreaterThanOrEqual(2);
  expect(violations.some((v) => /Content Security Policy/i.test(v))).toBe(true);
  await popup.close();
});

it('should show the one-screen presenter view and the print view with no violation', async () => {
  violations.length = 0;
  const page = sample.seeded.page;
  await openPresent(page, sample.deckId, '&lectern-mode=presenter');
  // Its next-slide preview is present.html?receiver in an iframe (frame-src 'self').
  const next = page.frameLocator('lectern-presenter-console iframe.next');
  await expect
    .poll(() => next.locator('html').evaluate(() => document.documentElement.dataset.lecternState ?? ''), { timeout: 60_000 })
    .toBe('ready');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(500);
  await openPresent(page, sample.deckId, '&print-pdf');
  expect(violations).toEqual([]);
});

it('should show the handout under its own policy with no violation', async () => {
  violations.length = 0;
  const page = sample.seeded.page;
  await page.goto(`${inject('baseURL')}handout.html?lectern-deck=${sample.deckId}&lang=vi`);
  await page.waitForFunction(() => document.documentElement.dataset.lecternState, null, { timeout: 120_000 });
  expect(await page.evaluate(() => document.documentElement.dataset.lecternState)).toBe('ready');
  const policy = await policyOf(page);
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-src 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toMatch(/unsafe-eval|https?:|\*|sha256/);
  // Its images and the video still (a frame taken from the Blob URL clip) are shown.
  const images = page.locator('lectern-handout img');
  expect(await images.count()).toBeGreaterThan(1);
  for (const img of await images.all()) expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  expect(violations).toEqual([]);
  expect(await injectedScriptRuns(page)).toBe(false);
});
