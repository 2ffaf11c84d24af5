// A deck written for Quarto or Marp pasted into the editor: the editor says what it is, converts
// it on request into Lectern Markdown through the deck's draft (saved, the original kept in
// History) and shows what could not be converted. Playwright on the built app in Chromium.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { appUrl, editor, editorText, freshPage, newDeck, poll, previewHeading, replaceText, storedMarkdown, waitSaved } from './authoring-support.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
});

const fixture = (path: string) => readFileSync(new URL(`../fixtures/foreign/${path}`, import.meta.url), 'utf8');

function outlineCount(page: Page, lang: 'en' | 'vi' = 'en'): Promise<number> {
  return page.getByRole('navigation', { name: lang === 'en' ? 'Outline' : 'Dàn ý' }).getByRole('listitem').count();
}

describe('editor: decks from other Markdown tools', () => {
  it("offers to convert Quarto's demo deck, converts it into its 28 slides and keeps the original in History", async () => {
    const { context, page } = await freshPage(browser);
    const deckId = await newDeck(page);
    const quarto = fixture('quarto/index.qmd');
    await replaceText(page, quarto);
    const offer = page.getByRole('region', { name: 'This looks like a Quarto deck: convert to Lectern Markdown?' });
    await offer.waitFor({ timeout: 30_000 });
    // Before: the whole deck is one slide.
    expect(await poll(() => outlineCount(page), (n) => n === 1, 'one slide before converting')).toBe(1);
    await waitSaved(page);

    await offer.getByRole('button', { name: 'Convert' }).click();
    await page.getByText('Converted from Quarto: 28 slides. The original is in History.').waitFor({ timeout: 30_000 });
    await offer.waitFor({ state: 'hidden' });
    expect(await poll(() => outlineCount(page), (n) => n === 27, 'the 27 slides after the title slide')).toBe(27);
    await waitText(page, 'Slide 6 (line 97 of the original)');
    await waitText(page, 'code run at build time (code kept, no output)');
    // Each reported slide leads to that slide in the editor and the preview.
    await page.getByRole('button', { name: 'Slide 6 (line 97 of the original)' }).click();
    await poll(() => previewHeading(page), (t) => t === 'Executable Code', 'the reported slide in the preview');
    await waitSaved(page);
    const stored = await poll(() => storedMarkdown(page, deckId), (t) => t.includes('titleSlide: true'), 'converted text saved');
    expect(stored).toContain('## Pretty Code');
    expect(stored).not.toContain('format:');

    // The original is the newest revision in History.
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Revision history' });
    await history.waitFor();
    await poll(
      async () => (await history.getByLabel('Text of this version (read-only)').textContent().catch(() => null)) ?? '',
      (t) => t.includes('revealjs:') && t.includes('## Pretty Code {auto-animate="true"}'),
      'the Quarto original in History',
    );
    await page.keyboard.press('Escape');

    // Reloaded, the converted deck is what opens, and no offer comes back.
    await page.reload();
    expect(await poll(() => outlineCount(page), (n) => n === 27, 'converted deck after reload')).toBe(27);
    expect(await page.getByRole('button', { name: 'Convert' }).count()).toBe(0);
    await context.close();
  });

  it('says it in Vietnamese for a Marp deck, and "Not now" leaves the text as it is', async () => {
    const { context, page } = await freshPage(browser, 'vi');
    await newDeck(page, 'vi');
    const marp = fixture('marp/PITCHME.md');
    await replaceText(page, marp, 'vi');
    const offer = page.getByRole('region', { name: 'Bài này có vẻ được viết cho Marp: chuyển sang Markdown của Lectern?' });
    await offer.waitFor({ timeout: 30_000 });
    await offer.getByRole('button', { name: 'Để sau' }).click();
    await offer.waitFor({ state: 'hidden' });
    await waitSaved(page);
    expect(await outlineCount(page, 'vi')).toBe(8);
    await context.close();
  });
});

describe('library: Markdown decks as new decks', () => {
  it('a dropped .qmd opens in the editor with the offer; a non-UTF-8 .md is refused by name; a Lectern .md comes in as it is', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(appUrl('#/library'));
    const screen = page.locator('lectern-screen-library');
    await screen.getByRole('button', { name: 'Import', exact: true }).waitFor();
    const quarto = fixture('quarto/index.qmd');
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'index.qmd', { type: '' }));
      dt.items.add(new File([Uint8Array.from([0x42, 0xe0, 0x69, 0x0a])], 'cu-tcvn3.md', { type: 'text/markdown' }));
      return dt;
    }, quarto);
    await screen.dispatchEvent('dragover', { dataTransfer });
    await screen.dispatchEvent('drop', { dataTransfer });
    await page.getByText('“cu-tcvn3.md” is not UTF-8 text. Save it as UTF-8 and import it again.').waitFor({ timeout: 30_000 });
    // Two files dropped, one became a deck: the library lists it; open it.
    const card = page.locator('article.deck', { hasText: 'Quarto Presentations' });
    await card.waitFor({ timeout: 30_000 });
    await card.locator('a.title').click();
    await page.getByRole('region', { name: 'This looks like a Quarto deck: convert to Lectern Markdown?' }).waitFor({ timeout: 30_000 });
    expect(await editorText(page)).toContain('format:\n  revealjs:');

    // One Lectern .md picked with Import opens in the editor as it is, with no offer.
    await page.goto(appUrl('#/library'));
    const lectern = '# Mở đầu\n\nNghị quyết Đại hội XIII.\n\n---\n\n# Kết luận\n';
    await screen.locator('input.import').setInputFiles({ name: 'bai-1.md', mimeType: 'text/markdown', buffer: Buffer.from(lectern) });
    await editor(page).waitFor({ timeout: 30_000 });
    await poll(() => editorText(page), (t) => t.includes('Nghị quyết Đại hội XIII.'), 'the imported text in the editor');
    expect(await poll(() => outlineCount(page), (n) => n === 2, 'two slides')).toBe(2);
    expect(await page.getByRole('button', { name: 'Convert' }).count()).toBe(0);
    await context.close();
  });
});

async function waitText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: 30_000 });
}
