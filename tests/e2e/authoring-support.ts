// Helpers for the authoring app's end-to-end tests (editor history, timing-table jumps, present
// from the editor): a fresh browser context per test, a new deck from the blank template, and the
// editor read and written the way a person uses it.
import type { Browser, BrowserContext, Page } from 'playwright';
import { inject } from 'vitest';

export const EDITOR = 'Deck text (Markdown)';

export async function freshPage(
  browser: Browser,
  lang: 'en' | 'vi' = 'en',
  options: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: lang === 'vi' ? 'vi-VN' : 'en-GB',
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('pageerror:', error.message));
  return { context, page };
}

export function appUrl(hash: string, lang: 'en' | 'vi' = 'en'): string {
  return `${inject('baseURL')}?lang=${lang}${hash}`;
}

/** Polls `read` every 50 ms until `ok` (no wall-clock limit beyond the number of tries). */
export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, tries = 400): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what}: last value ${JSON.stringify(last)}`);
}

/** Creates a deck from the blank template and waits for the editor; returns the deck id. */
export async function newDeck(page: Page, lang: 'en' | 'vi' = 'en'): Promise<string> {
  await page.goto(appUrl('#/library', lang));
  await page.getByRole('button', { name: lang === 'en' ? 'New deck' : 'Bài giảng mới', exact: true }).click();
  await page.getByRole('button', { name: lang === 'en' ? /Blank deck/ : /trống/i }).click();
  await page.waitForURL(/#\/edit\//);
  await editor(page, lang).waitFor();
  return decodeURIComponent(new URL(page.url()).hash.replace('#/edit/', '').replace(/\?.*$/, ''));
}

/** A new deck from the blank template holding `text`, saved: where an instructor is after writing
 *  a lesson. Returns the deck id. */
export async function newSavedDeck(page: Page, text: string, lang: 'en' | 'vi' = 'en'): Promise<string> {
  const deckId = await newDeck(page, lang);
  await replaceText(page, text, lang);
  await waitSaved(page);
  return deckId;
}

export function editor(page: Page, lang: 'en' | 'vi' = 'en') {
  return page.getByRole('textbox', { name: lang === 'en' ? EDITOR : 'Nội dung bài giảng (Markdown)' });
}

/** Replaces the whole text in one edit (select all, then type over it). */
export async function replaceText(page: Page, text: string, lang: 'en' | 'vi' = 'en'): Promise<void> {
  await editor(page, lang).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

export async function editorText(page: Page, lang: 'en' | 'vi' = 'en'): Promise<string> {
  return editor(page, lang).evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (line) => line.textContent ?? '').join('\n'));
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
}

export function preview(page: Page, lang: 'en' | 'vi' = 'en') {
  return page.frameLocator(`iframe[title="${lang === 'en' ? 'Preview' : 'Xem trước'}"]`);
}

export async function previewHeading(page: Page, lang: 'en' | 'vi' = 'en'): Promise<string> {
  return (await preview(page, lang).locator('section').first().locator('h1, h2, h3').first().textContent({ timeout: 10_000 })) ?? '';
}

/** Whether the editor's text area has the keyboard focus (it lives in the screen's shadow root). */
export async function editorFocused(page: Page, lang: 'en' | 'vi' = 'en'): Promise<boolean> {
  return editor(page, lang).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);
}

/** A deck's stored Markdown, read straight from IndexedDB (object store `decks`). */
export async function storedMarkdown(page: Page, deckId: string): Promise<string> {
  return page.evaluate(
    (id) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('decks').objectStore('decks').get(id);
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { markdown: string }).markdown);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    deckId,
  );
}
