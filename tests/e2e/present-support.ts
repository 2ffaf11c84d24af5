// Helpers for the presenter's end-to-end tests: a browser context whose sample decks have been
// seeded by the app itself (first run of index.html), and a way to change a stored deck's text
// the way a save would, for decks the tests need (short discussion minutes, another theme).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';

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
  /** The Vietnamese sample's id in the seeded library. */
  readonly deckId: string;
}

/** A test file's Chromium and seeded library (started before its tests, closed after), with the
 *  Vietnamese sample's id; `prepare` may change the stored deck first. */
export function useSeededSample(prepare?: (seeded: Seeded, deckId: string) => Promise<void>): SampleSetup {
  let browser: Browser | undefined;
  let seeded: Seeded | undefined;
  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunchOptions);
    seeded = await seededContext(browser);
    await prepare?.(seeded, seeded.ids[VI_SAMPLE] ?? '');
  });
  afterAll(async () => {
    await seeded?.context.close();
    await browser?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('used before beforeAll ran');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get seeded() {
      return started(seeded);
    },
    get deckId() {
      return started(seeded).ids[VI_SAMPLE] ?? '';
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
  const markdown = await page.evaluate(
    (id) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('decks').objectStore('decks').get(id);
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { markdown: string }).markdown);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    deckId,
  );
  const next = edit(markdown);
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

export interface SeededSuite {
  readonly browser: Browser;
  readonly seeded: Seeded;
  /** A scratch folder of this test file, removed with the browser. */
  readonly work: string;
}

/** Chromium and a seeded context (seededContext) for one test file: opened before its tests,
 *  closed after them, with a scratch folder. */
export function seededSuite(lang: 'vi' | 'en' = 'vi'): SeededSuite {
  const suite = { work: mkdtempSync(join(tmpdir(), 'lectern-e2e-')) } as { browser: Browser; seeded: Seeded; work: string };
  beforeAll(async () => {
    suite.browser = await chromium.launch(chromiumLaunchOptions);
    suite.seeded = await seededContext(suite.browser, lang);
  });
  afterAll(async () => {
    await suite.seeded?.context.close();
    await suite.browser?.close();
    rmSync(suite.work, { recursive: true, force: true });
  });
  return suite;
}
