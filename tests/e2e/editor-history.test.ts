// The editor's revision history, driven as an instructor uses it: Playwright against the built app
// in the system Chromium, a fresh context (so a fresh IndexedDB) per test.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { editor, editorFocused, editorText, freshPage, newDeck, newSavedDeck, poll, replaceText, waitSaved } from './authoring-support.ts';

const chrome = useBrowser();

const ONE = '## Một\n\nBản đầu tiên.';
const TWO = `${ONE}\n\n---\n\n## Hai\n\nTrang thứ hai.`;

function history(page: Page, title = 'Revision history') {
  return page.getByRole('dialog', { name: title });
}

async function selectedOption(page: Page, title?: string): Promise<string> {
  return (await history(page, title).locator('[role=option][aria-selected=true]').textContent()) ?? '';
}

async function versionText(page: Page, label = 'Text of this version (read-only)'): Promise<string> {
  return (await history(page).getByLabel(label).textContent().catch(() => null)) ?? '';
}

/** Whether the keyboard focus is on the selected option of the history list. */
async function focusOnSelected(page: Page): Promise<boolean> {
  return history(page)
    .locator('[role=option][aria-selected=true]')
    .evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)
    .catch(() => false);
}

describe('editor: revision history', () => {
  it('lists earlier texts with date and slide count, previews one, restores it as a new save and keeps the replaced text', async () => {
    const { context, page } = await freshPage(chrome.browser);
    const deckId = await newSavedDeck(page, ONE);
    await replaceText(page, TWO);
    await waitSaved(page);
    // Typed but not saved yet: opening the history saves it first, so it is the current text.
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n\nDòng vừa gõ.');
    await page.getByRole('button', { name: 'History' }).click();
    await history(page).waitFor();
    await waitSaved(page);

    const list = history(page).getByRole('listbox', { name: 'Earlier versions' });
    await list.waitFor();
    // Newest first: the text before the last save (two slides), selected and focused.
    await poll(() => selectedOption(page), (t) => t.includes('2 slides'), 'newest revision selected with its slide count');
    expect(await poll(() => focusOnSelected(page), Boolean, 'focus on the selected revision')).toBe(true);
    // Its date and time come from Intl in the UI language (en-GB here): "4 May 2026, 10:22:33".
    const today = await page.evaluate(() => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date()));
    expect(await selectedOption(page)).toContain(`${today}, `);
    expect(await selectedOption(page)).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await poll(() => versionText(page), (t) => t.includes('## Hai'), 'preview of the newest revision')).not.toContain('Dòng vừa gõ.');
    await history(page).getByText('1 line would go').waitFor();

    // The arrow key moves to the older text (one slide); the preview follows.
    await page.keyboard.press('ArrowDown');
    await poll(() => selectedOption(page), (t) => t.includes('1 slide '), 'older revision selected');
    const older = await poll(() => versionText(page), (t) => t.includes('Bản đầu tiên.') && !t.includes('## Hai'), 'preview of the older revision');
    expect(older).toBe(ONE);
    await history(page).getByText('1 slide (now 2)', { exact: false }).waitFor();
    expect(await focusOnSelected(page)).toBe(true);
    await page.screenshot({ path: 'tests/output/screenshots/editor-history.png' });

    // Esc closes without changing anything.
    await page.keyboard.press('Escape');
    await history(page).waitFor({ state: 'hidden' });
    expect(await editorText(page)).toContain('Dòng vừa gõ.');

    // Reopen from the keyboard, pick the older text and restore it.
    await page.getByRole('button', { name: 'History' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => focusOnSelected(page), Boolean, 'focus on the selected revision after reopening');
    await page.keyboard.press('ArrowDown');
    await poll(() => versionText(page), (t) => t === ONE, 'older revision previewed again');
    await history(page).getByRole('button', { name: 'Restore this version' }).click();
    await history(page).waitFor({ state: 'hidden' });
    await page.getByText(/Restored the version saved .* The text before it is in the history\./).waitFor();
    expect(await poll(() => editorText(page), (t) => t === ONE, 'editor shows the restored text')).toBe(ONE);
    expect(await editorFocused(page)).toBe(true);
    await waitSaved(page);

    // The restore is a save: it survives a reload ...
    await page.reload();
    await editor(page).waitFor();
    expect(await poll(() => editorText(page), (t) => t === ONE, 'restored text after reload')).toBe(ONE);
    // ... and the text it replaced is now the newest revision, so nothing was lost.
    await page.getByRole('button', { name: 'History' }).click();
    const replaced = await poll(() => versionText(page), (t) => t.includes('Dòng vừa gõ.'), 'replaced text in the history');
    expect(replaced).toBe(`${TWO}\n\nDòng vừa gõ.`);
    await history(page).getByRole('button', { name: 'Close' }).click();
    await history(page).waitFor({ state: 'hidden' });
    expect(new URL(page.url()).hash).toBe(`#/edit/${encodeURIComponent(deckId)}`);
    await context.close();
  });

  it('speaks Vietnamese: button, dialog, dates and counts', async () => {
    const { context, page } = await freshPage(chrome.browser, 'vi');
    await newDeck(page, 'vi');
    await replaceText(page, ONE, 'vi');
    await waitSaved(page);
    await page.getByRole('button', { name: 'Lịch sử' }).click();
    const dialog = history(page, 'Lịch sử phiên bản');
    await dialog.waitFor();
    await dialog.getByRole('listbox', { name: 'Các phiên bản trước' }).waitFor();
    // The blank template's text, before ONE replaced it: one slide, its time in Vietnamese.
    const option = await poll(() => selectedOption(page, 'Lịch sử phiên bản'), (t) => / 1 trang chiếu · /.test(t), 'Vietnamese slide count');
    const expected = await page.evaluate(() => new Intl.DateTimeFormat('vi-VN', { dateStyle: 'medium' }).format(new Date()));
    expect(option).toContain(expected);
    await dialog.getByRole('button', { name: 'Khôi phục bản này' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await context.close();
  });
});
