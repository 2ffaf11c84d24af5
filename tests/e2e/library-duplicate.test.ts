// Duplicate on a library card makes a copy a lecturer can tell apart: its title says it is a copy,
// in the interface language, in the card and in the copy's own front matter (so the editor, the
// presenter and an export all show it); the original is untouched.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { appUrl, freshPage, storedMarkdown } from './authoring-support.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
});

const SAMPLE_COUNT = readdirSync(fileURLToPath(new URL('../../slides/', import.meta.url))).length;
const SAMPLE = 'Học tập và làm theo Nghị quyết Đại hội XIII của Đảng';

describe('library duplicate', () => {
  for (const [lang, button, suffix] of [['vi', 'Nhân bản', 'bản sao'], ['en', 'Duplicate', 'copy']] as const) {
    it(`should title the copy "(${suffix})" in ${lang}`, { timeout: 180_000 }, async () => {
      const { context, page } = await freshPage(browser, lang);
      await page.goto(appUrl('#/library', lang));
      const original = page.locator('article.deck').filter({ has: page.locator('h2', { hasText: SAMPLE }) });
      // Every sample seeded first: a card list still filling in can swallow the click.
      await expect.poll(() => page.locator('article.deck').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(SAMPLE_COUNT);
      await original.first().waitFor({ timeout: 60_000 });
      await original.first().getByRole('button', { name: button, exact: true }).click();
      const copyTitle = `${SAMPLE} (${suffix})`;
      const copy = page.locator('article.deck').filter({ has: page.locator('h2', { hasText: copyTitle }) });
      await copy.waitFor({ timeout: 60_000 });
      expect(await page.locator('article.deck h2', { hasText: SAMPLE }).allInnerTexts()).toEqual(expect.arrayContaining([SAMPLE, copyTitle]));
      const copyId = (await copy.getAttribute('data-deck-id')) ?? '';
      const originalId = (await page.locator('article.deck').filter({ has: page.locator('h2', { hasText: new RegExp(`^${SAMPLE}$`) }) }).getAttribute('data-deck-id')) ?? '';
      expect(await storedMarkdown(page, copyId)).toContain(`title: ${copyTitle}`);
      expect(await storedMarkdown(page, originalId)).not.toContain(`(${suffix})`);
      await context.close();
    });
  }
});
