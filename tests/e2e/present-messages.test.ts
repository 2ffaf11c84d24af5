// Nobody but Lectern drives the presenting page (issue 13 item 7). reveal.js's postMessage API
// listens to every window and calls any method named in a message, and its config takes every
// `key=value` of the URL. Here a page on another origin (a second server on another port) opens
// present.html, and frames it as a preview, and posts the calls an attacker would: move the
// slides, show the speaker notes to the class, turn the keyboard off. The presentation does not
// move, and `?showNotes=true&autoSlide=500` in the address does nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indices, openPresent, presentUrl, useSeededSample } from './present-support.ts';

const sample = useSeededSample();
let attacker: Server;
let attackerUrl: string;

/** What a hostile page sends: every message reveal.js's own listener would obey. */
const HOSTILE_CALLS = [
  { method: 'slide', args: [3, 0] },
  { method: 'configure', args: [{ showNotes: true, keyboard: false, autoSlide: 500 }] },
  { method: 'setState', args: [{ indexh: 4, indexv: 0 }] },
  { method: 'next' },
  { method: 'triggerKey', args: [39] },
  // The notes plugin's handshake: it adopted any window that sent it, and posted it the notes.
  { namespace: 'reveal-notes', type: 'heartbeat' },
].map((call) => JSON.stringify(call));

beforeAll(async () => {
  // Another origin: same machine, another port.
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>other origin</title><p>other origin</p>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve()));
});

interface Config {
  controls?: unknown;
  showNotes: unknown;
  keyboard: unknown;
  autoSlide: unknown;
}

function config(page: Page): Promise<Config> {
  return page.evaluate(() => {
    const c = (window as unknown as { lecternReveal: { getConfig(): Config } }).lecternReveal.getConfig();
    return { showNotes: c.showNotes, keyboard: c.keyboard, autoSlide: c.autoSlide };
  });
}

it('should ignore the messages of a page on another origin that opened present.html', async () => {
  const hostile = await sample.seeded.context.newPage();
  await hostile.goto(attackerUrl);
  await hostile.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    window.addEventListener('message', (event) => heard.push(String(event.data)));
  });
  const [presenting] = await Promise.all([
    sample.seeded.context.waitForEvent('page'),
    hostile.evaluate((url) => {
      (window as unknown as { victim: Window | null }).victim = window.open(url, 'victim');
    }, presentUrl(sample.deckId)),
  ]);
  await presenting.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 120_000 });
  expect(await indices(presenting)).toMatchObject({ h: 0, v: 0 });

  for (let round = 0; round < 3; round++) {
    await hostile.evaluate((calls) => {
      const victim = (window as unknown as { victim: Window }).victim;
      for (const call of calls) victim.postMessage(call, '*');
    }, HOSTILE_CALLS);
    await hostile.waitForTimeout(500);
  }
  // The messages reached the page (it is still open and listening) and changed nothing; nothing
  // came back (no state, no speaker notes).
  expect(await indices(presenting)).toMatchObject({ h: 0, v: 0 });
  expect(await hostile.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  expect(await config(presenting)).toEqual({ showNotes: false, keyboard: true, autoSlide: 0 });
  expect(await presenting.locator('.speaker-notes').isVisible()).toBe(false);
  // The keyboard is still the lecturer's.
  await presenting.bringToFront();
  await presenting.keyboard.press('ArrowRight');
  await expect.poll(() => indices(presenting), { timeout: 30_000 }).toMatchObject({ h: 1, v: 0 });
  await presenting.close();
  await hostile.close();
});

it('should ignore a page on another origin that frames present.html as a preview', async () => {
  const hostile = await sample.seeded.context.newPage();
  await hostile.goto(attackerUrl);
  await hostile.evaluate((url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    frame.width = '800';
    frame.height = '600';
    document.body.append(frame);
  }, presentUrl(sample.deckId, '&receiver'));
  const frame = () => hostile.frames().find((f) => f.url().includes('present.html'));
  await expect.poll(() => frame()?.evaluate(() => document.documentElement.dataset.lecternState ?? null) ?? null, { timeout: 120_000 }).toBe('ready');
  for (let round = 0; round < 3; round++) {
    await hostile.evaluate((calls) => {
      const target = document.querySelector('iframe')?.contentWindow;
      for (const call of calls) target?.postMessage(call, '*');
    }, HOSTILE_CALLS);
    await hostile.waitForTimeout(500);
  }
  const framed = frame();
  if (!framed) throw new Error('the framed present.html is gone');
  expect(
    await framed.evaluate(() => (window as unknown as { lecternReveal: { getIndices(): { h: number; v: number } } }).lecternReveal.getIndices()),
  ).toMatchObject({ h: 0, v: 0 });
  await hostile.close();
});

it('should take no reveal.js config from the URL (?showNotes=true&autoSlide=500 does nothing)', async () => {
  const page = await sample.seeded.context.newPage();
  await openPresent(page, sample.deckId, '&showNotes=true&autoSlide=500&keyboard=false&controls=false');
  expect(await config(page)).toEqual({ showNotes: false, keyboard: true, autoSlide: 0 });
  expect(await page.evaluate(() => (window as unknown as { lecternReveal: { getConfig(): Config } }).lecternReveal.getConfig().controls)).toBe(true);
  expect(await page.locator('.speaker-notes').isVisible()).toBe(false);
  // No auto-advance: still on the first slide after several would-be autoSlide periods.
  await page.waitForTimeout(2000);
  expect(await indices(page)).toMatchObject({ h: 0, v: 0 });
  // The address keeps its parameters (a reload still finds the deck).
  expect(page.url()).toContain(`lectern-deck=${encodeURIComponent(sample.deckId)}`);
  await page.close();
});
