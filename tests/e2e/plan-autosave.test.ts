// The lesson-plan form saves the way the editor does (issue 14 item 1): no "Lưu giáo án" click is
// needed, and leaving the screen right after typing (the editor tab, the library, a reload) never
// drops the edit. Driven in Vietnamese, as an instructor would, with diacritics in every field.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { appUrl, editor, editorText, freshPage, newSavedDeck, poll, replaceText, storedMarkdown, waitSaved } from './authoring-support.ts';

const chrome = useBrowser();

const LESSON = '---\ntitle: Học tập nghị quyết # tên tạm\nduration: 45\n---\n\n## Mở đầu {minutes=15}\n\nNội dung.\n';

async function openPlan(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Giáo án', exact: true }).click();
  await page.getByLabel('Đối tượng').waitFor();
}

/** A new deck holding LESSON, saved, with its lesson-plan form open; returns the deck id. */
async function lessonPlan(page: Page): Promise<string> {
  const deckId = await newSavedDeck(page, LESSON, 'vi');
  await openPlan(page);
  return deckId;
}

describe('lesson-plan form autosave', () => {
  it('keeps an edit made just before switching to the editor, without pressing save', async () => {
    const { context, page } = await freshPage(chrome.browser, 'vi');
    const deckId = await lessonPlan(page);

    await page.getByLabel('Đối tượng').fill('Đảng viên mới');
    // Straight to the editor tab: no pause for the autosave, no click on "Lưu giáo án".
    await page.getByRole('link', { name: 'Soạn bài', exact: true }).click();
    await editor(page, 'vi').waitFor();
    const text = await poll(() => editorText(page, 'vi'), (t) => t.includes('audience: Đảng viên mới'), 'plan edit in the editor');
    expect(text).toContain('# tên tạm');
    expect(await storedMarkdown(page, deckId)).toContain('audience: Đảng viên mới');

    // And back: the form shows it.
    await openPlan(page);
    expect(await page.getByLabel('Đối tượng').inputValue()).toBe('Đảng viên mới');
    await context.close();
  });

  it('keeps an edit made just before going to the library, and after a reload', async () => {
    const { context, page } = await freshPage(chrome.browser, 'vi');
    const deckId = await lessonPlan(page);

    const tags = page.getByLabel('Thẻ (cách nhau bởi dấu phẩy)');
    await tags.click();
    // Typed key by key: a trailing comma must stay in the field while the author types.
    await page.keyboard.type('lý luận chính trị, Đảng');
    expect(await tags.inputValue()).toBe('lý luận chính trị, Đảng');
    await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
    await page.waitForURL(/#\/library/);
    await poll(() => storedMarkdown(page, deckId), (t) => t.includes('- Đảng'), 'tags stored');

    await page.goto(appUrl(`#/plan/${encodeURIComponent(deckId)}`, 'vi'));
    await page.getByLabel('Đối tượng').waitFor();
    expect(await page.getByLabel('Thẻ (cách nhau bởi dấu phẩy)').inputValue()).toBe('lý luận chính trị, Đảng');

    // Objectives typed line by line (Enter included) save by themselves; the badge says so.
    const knowledge = page.getByLabel('Về kiến thức');
    await knowledge.click();
    await page.keyboard.type('Hiểu nghị quyết');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Nắm nhiệm vụ');
    expect(await knowledge.inputValue()).toBe('Hiểu nghị quyết\nNắm nhiệm vụ');
    await page.locator('lectern-screen-plan [data-save-state="saved"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('lectern-screen-plan [data-save-state]').textContent()).toContain('Đã lưu');
    await page.reload();
    await page.getByLabel('Về kiến thức').waitFor();
    expect(await page.getByLabel('Về kiến thức').inputValue()).toBe('Hiểu nghị quyết\nNắm nhiệm vụ');
    const stored = await storedMarkdown(page, deckId);
    expect(stored).toContain('- Hiểu nghị quyết');
    expect(stored).toContain('- Nắm nhiệm vụ');
    await context.close();
  });

  it('follows a save made in another tab while the form has nothing unsaved', async () => {
    const { context, page } = await freshPage(chrome.browser, 'vi');
    const deckId = await lessonPlan(page);
    expect(await page.getByLabel('Thời lượng (phút)').inputValue()).toBe('45');

    const other = await context.newPage();
    await other.goto(appUrl(`#/edit/${encodeURIComponent(deckId)}`, 'vi'));
    await replaceText(other, LESSON.replace('duration: 45', 'duration: 90'), 'vi');
    await waitSaved(other);

    await poll(() => page.getByLabel('Thời lượng (phút)').inputValue(), (v) => v === '90', 'duration from the other tab');
    await page.getByText('15 / 90 phút').waitFor();
    await context.close();
  });
});
