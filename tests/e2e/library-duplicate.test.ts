// Duplicate on a library card makes a copy a lecturer can tell apart: its title says it is a copy,
// in the interface language, in the card and in the copy's own front matter (so the editor, the
// presenter and an export all show it); the original is untouched.
import { describe, expect, it } from 'vitest';
import { deckCards, openLibrary, SAMPLE_TITLE as SAMPLE, useBrowser } from './support/browser.ts';
import { freshPage, storedMarkdown } from './authoring-support.ts';

const chrome = useBrowser();


describe('library duplicate', () => {
  for (const [lang, button, suffix] of [['vi', 'Nhân bản', 'bản sao'], ['en', 'Duplicate', 'copy']] as const) {
    it(`should title the copy "(${suffix})" in ${lang}`, { timeout: 180_000 }, async () => {
      const { context, page } = await freshPage(chrome.browser, lang);
      // Every sample seeded first: a card list still filling in can swallow the click.
      await openLibrary(page, lang);
      const original = deckCards(page);
      await original.first().waitFor({ timeout: 60_000 });
      await original.first().getByRole('button', { name: button, exact: true }).click();
      const copyTitle = `${SAMPLE} (${suffix})`;
      const copy = page.locator('article.deck').filter({ has: page.locator('h2', { hasText: copyTitle }) });
      await copy.waitFor({ timeout: 60_000 });
      expect(await page.locator('article.deck h2', { hasText: SAMPLE }).allInnerTexts()).toEqual(expect.arrayContaining([SAMPLE, copyTitle]));
      const copyId = (await copy.getAttribute('data-deck-id')) ?? '';
      const originalId = (await deckCards(page, new RegExp(`^${SAMPLE}$`)).getAttribute('data-deck-id')) ?? '';
      expect(await storedMarkdown(page, copyId)).toContain(`title: ${copyTitle}`);
      expect(await storedMarkdown(page, originalId)).not.toContain(`(${suffix})`);
      await context.close();
    });
  }
});
