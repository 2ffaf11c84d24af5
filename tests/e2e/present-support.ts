// Helpers for the presenter's end-to-end tests: a browser context whose sample decks have been
// seeded by the app itself (first run of index.html), and a way to change a stored deck's text
// the way a save would, for decks the tests need (short discussion minutes, another theme).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, inject } from 'vitest';
import { storedMarkdown } from './authoring-support.ts';
import { useBrowser } from './support/browser.ts';

export const SCREENSHOTS = join('tests', 'output', 'screenshots');
export const VI_SAMPLE = 'nghi-quyet-dang-vien-moi';
export const EN_SAMPLE = 'syntax-tour';

export interface Seeded {
  context: BrowserContext;
  page: Page;
  ids: Record<string, string>;
}

/** A fresh context (its own IndexedDB) in which index.html has seeded the sample decks. */
export async function seededContext(browser: Browser, lang: 'vi' | 'en' = 'vi'): Promise<Seeded> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${inject('baseURL')}?lang=${lang}#/library`);
  await page.waitForFunction(() => document.documentElement.dataset.lecternSamples === 'ready', null, { timeout: 120_000 });
  const ids = JSON.parse((await page.evaluate(() => localStorage.getItem('lectern.samples'))) ?? '{}') as Record<string, string>;
  return { context, page, ids };
}

export interface SampleSetup {
  readonly browser: Browser;
  readonly seeded: Seeded;
  /** The id of the sample in the context's language (VI_SAMPLE or EN_SAMPLE). */
  readonly deckId: string;
  /** The scratch folder asked for with `tempDir`. */
  readonly dir: string;
}

export interface SampleOptions {
  readonly lang?: 'vi' | 'en';
  /** Chromium flags on top of the shared ones. */
  readonly args?: readonly string[];
  /** Prefix of a scratch folder removed after the file's tests. */
  readonly tempDir?: string;
  /** Changes the stored deck (or the context) before the tests. */
  readonly prepare?: (seeded: Seeded, deckId: string) => Promise<void> | void;
}

/** A test file's Chromium and seeded library (started before its tests, closed after), with the
 *  sample's id in the context's language. */
export function useSeededSample(options: SampleOptions = {}): SampleSetup {
  const lang = options.lang ?? 'vi';
  const sampleId = (seeded: Seeded) => seeded.ids[lang === 'vi' ? VI_SAMPLE : EN_SAMPLE] ?? '';
  let seeded: Seeded | undefined;
  const chrome = useBrowser({
    args: options.args,
    tempDir: options.tempDir,
    setUp: async (browser) => {
      seeded = await seededContext(browser, lang);
      await options.prepare?.(seeded, sampleId(seeded));
    },
  });
  afterAll(async () => {
    await seeded?.context.close();
  });
  const started = (): Seeded => {
    if (seeded === undefined) throw new Error('used before beforeAll ran');
    return seeded;
  };
  return {
    get browser() {
      return chrome.browser;
    },
    get seeded() {
      return started();
    },
    get deckId() {
      return sampleId(started());
    },
    get dir() {
      return chrome.dir;
    },
  };
}

export function presentUrl(deckId: string, extra = ''): string {
  return `${inject('baseURL')}present.html?lectern-deck=${encodeURIComponent(deckId)}${extra}`;
}

/** Opens present.html and waits until reveal.js is ready (or the page reports an error). */
export async function openPresent(page: Page, deckId: string, extra = ''): Promise<void> {
  await page.goto(presentUrl(deckId, extra));
  await page.waitForFunction(() => document.documentElement.dataset.lecternState, null, { timeout: 120_000 });
  const state = await page.evaluate(() => document.documentElement.dataset.lecternState);
  if (state !== 'ready') throw new Error(`present.html: ${await page.locator('body').innerText()}`);
}

/** Rewrites a stored deck's Markdown in place (object store `decks`, docs/storage.md). */
export async function rewriteDeck(page: Page, deckId: string, edit: (markdown: string) => string): Promise<void> {
  const next = edit(await storedMarkdown(page, deckId));
  await page.evaluate(
    ([id, text]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('decks', 'readwrite');
          const store = tx.objectStore('decks');
          const req = store.get(id);
          req.onsuccess = () => store.put({ ...(req.result as object), markdown: text });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [deckId, next] as const,
  );
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

export interface Indices {
  h: number;
  v: number;
  f?: number;
}

export function indices(page: Page): Promise<Indices> {
  return page.evaluate(() => (window as unknown as { lecternReveal: { getIndices(): Indices } }).lecternReveal.getIndices());
}

/** Moves the presentation to the slide holding the `nth` element that matches `selector` inside
 *  the slides (`video`, `.discussion`, `aside.notes`); throws when the deck has none. */
export async function slideWith(page: Page, selector: string, nth = 0): Promise<void> {
  await page.evaluate(
    ([sel, n]) => {
      const reveal = (window as unknown as { lecternReveal: { getIndices(s: Element): Indices; slide(h: number, v: number): void } }).lecternReveal;
      const target = document.querySelectorAll(`.reveal .slides ${sel}`)[n]?.closest('section');
      if (!target) throw new Error(`no slide with ${sel}`);
      const { h, v } = reveal.getIndices(target);
      reveal.slide(h, v);
    },
    [selector, nth] as const,
  );
}

/** Presses PageDown (a remote clicker) until the presentation stops moving; returns the slides
 *  shown on the way (`h.v`), fragments stepped through included. */
export async function pressThroughDeck(page: Page): Promise<Set<string>> {
  const visited = new Set<string>();
  let last = '';
  for (let i = 0; i < 200; i++) {
    const at = await indices(page);
    const key = `${at.h}.${at.v}.${at.f ?? -1}`;
    if (key === last) break;
    last = key;
    visited.add(`${at.h}.${at.v}`);
    await page.keyboard.press('PageDown');
  }
  return visited;
}

/** reveal.js's jump box (G): in the page, holding the focus, and its words. */
export function jumpBox(page: Page): Promise<{ open: boolean; focused: boolean; value: string }> {
  return page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('.jump-to-slide-input');
    return { open: !!input?.isConnected, focused: !!input && document.activeElement === input, value: input?.value ?? '' };
  });
}

/** Enter in the open jump box (which closes it and takes its input out of the page), then G,
 *  in one task of the page: as on a busy page, where queued key presses run before the timers
 *  the first one started (reveal.js hides its box 1 ms after the input loses focus). */
export async function enterThenG(page: Page): Promise<void> {
  await page.evaluate(() => {
    const key = (key: string, code: string, keyCode: number) => new KeyboardEvent('keydown', { key, code, keyCode, bubbles: true, cancelable: true });
    document.querySelector('.jump-to-slide-input')!.dispatchEvent(key('Enter', 'Enter', 13));
    document.body.dispatchEvent(key('g', 'KeyG', 71));
  });
}

/** Lets the page run the timers due now (a task after a 10 ms timer, so every shorter one ran). */
export async function runDueTimers(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
}
