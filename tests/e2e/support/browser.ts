// The set-up every end-to-end test file shares: one Chromium per file (started before its tests
// with the machine's launch options, closed after them), an optional scratch folder removed with
// it, and the library opened once the app has seeded its sample decks.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { chromiumLaunchOptions } from '../../support/chromium.ts';

/** How many sample decks the app seeds on a first visit (one folder each under slides/). */
export const SAMPLE_COUNT = readdirSync(fileURLToPath(new URL('../../../slides/', import.meta.url))).length;

/** The Vietnamese sample's title (slides/nghi-quyet-dang-vien-moi), as its library card shows it. */
export const SAMPLE_TITLE = 'Học tập và làm theo Nghị quyết Đại hội XIII của Đảng';

export interface BrowserOptions {
  /** Chromium flags on top of the shared ones (tests/support/chromium.ts). */
  readonly args?: readonly string[];
  /** Prefix of a scratch folder made at once and removed after the file's tests. */
  readonly tempDir?: string;
  /** Runs once Chromium is up, before the file's tests (seeding a context, say). */
  readonly setUp?: (browser: Browser) => Promise<void> | void;
}

export interface BrowserSetup {
  /** The file's Chromium; throws when read before its tests started. */
  readonly browser: Browser;
  /** The scratch folder; throws when the file asked for none. */
  readonly dir: string;
}

/** Registers the file's beforeAll/afterAll for Chromium (and its scratch folder). */
export function useBrowser(options: BrowserOptions = {}): BrowserSetup {
  const dir = options.tempDir === undefined ? undefined : mkdtempSync(join(tmpdir(), options.tempDir));
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args, ...(options.args ?? [])] });
    await options.setUp?.(browser);
  });
  afterAll(async () => {
    await browser?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get browser() {
      if (browser === undefined) throw new Error('the browser is used before beforeAll ran');
      return browser;
    },
    get dir() {
      if (dir === undefined) throw new Error('useBrowser was given no tempDir');
      return dir;
    },
  };
}

/** Opens the library in `lang` and waits until every sample deck has its card. */
export async function openLibrary(page: Page, lang: 'vi' | 'en' = 'en'): Promise<void> {
  await page.goto(`${inject('baseURL')}?lang=${lang}#/library`);
  await expect.poll(() => page.locator('article.deck').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(SAMPLE_COUNT);
}

/** The library cards whose heading holds `title` (the Vietnamese sample's by default). */
export function deckCards(page: Page, title: string | RegExp = SAMPLE_TITLE): Locator {
  return page.locator('article.deck').filter({ has: page.locator('h2', { hasText: title }) });
}
