// Deck diagnostics speak the UI language: the editor's problems list, its lint markers (their
// tooltip in the gutter) and the lesson-plan screen, re-translated when the language changes.
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { freshPage, newDeck, poll, replaceText, waitSaved } from './authoring-support.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
});

const LESSON = `---
title: Chủ nghĩa xã hội khoa học
duration: 10
---

## Mở đầu {minutes=8}

![Ảnh](media/thiếu.png)

---

## Thảo luận {minutes=5}

Câu hỏi.`;

const problemsOf = (page: Page, name: string) => page.getByRole('region', { name }).locator('ul.problems li');

/** The texts of the lint marker's tooltip in the gutter, for the error on the image's line. */
async function markerTooltip(page: Page): Promise<string> {
  await page.mouse.move(0, 0);
  const marker = page.locator('.cm-lint-marker-error').first();
  await marker.hover();
  const texts = await poll(() => page.locator('.cm-tooltip-lint').allTextContents(), (t) => t.length > 0, 'lint tooltip');
  // Drawn beside its marker and on screen (the editor is a layout root: contain: size layout).
  const at = (await marker.boundingBox())!;
  const tip = (await page.locator('.cm-tooltip-lint').first().boundingBox())!;
  expect(Math.abs(tip.y - at.y)).toBeLessThan(100);
  expect(Math.abs(tip.x - at.x)).toBeLessThan(150);
  return texts.join('\n');
}

async function switchLang(page: Page, from: 'vi' | 'en', to: 'vi' | 'en'): Promise<void> {
  await page.getByRole('combobox', { name: from === 'vi' ? 'Ngôn ngữ' : 'Language' }).selectOption(to);
}

describe('diagnostics in the UI language', () => {
  it('the editor shows Vietnamese diagnostics, in the list and the markers, and English after the switch', async () => {
    const { context, page } = await freshPage(browser, 'vi');
    await newDeck(page, 'vi');
    await replaceText(page, LESSON, 'vi');
    await waitSaved(page);
    const vi = problemsOf(page, 'Lỗi và cảnh báo');
    await vi.filter({ hasText: 'không tìm thấy tư liệu: media/thiếu.png' }).waitFor({ timeout: 30_000 });
    await vi.filter({ hasText: 'thời gian dự kiến lên tới 13 phút, vượt thời lượng bài giảng 10 phút' }).waitFor();
    expect(await vi.allTextContents()).not.toContainEqual(expect.stringContaining('not found'));

    expect(await markerTooltip(page)).toContain('không tìm thấy tư liệu: media/thiếu.png');

    await switchLang(page, 'vi', 'en');
    const en = problemsOf(page, 'Problems');
    await en.filter({ hasText: 'media file not found: media/thiếu.png' }).waitFor();
    await en.filter({ hasText: 'planned time reaches 13 minutes in total' }).waitFor();
    const enTip = await poll(() => markerTooltip(page), (t) => t.includes('media file not found'), 'lint tooltip in English', 40);
    expect(enTip).not.toContain('tư liệu');
    await context.close();
  });

  it('the lesson-plan screen shows the timing diagnostic in the UI language', async () => {
    const { context, page } = await freshPage(browser, 'vi');
    await newDeck(page, 'vi');
    await replaceText(page, LESSON, 'vi');
    await waitSaved(page);
    await page.getByRole('link', { name: 'Giáo án', exact: true }).click();
    const viList = page.getByRole('region', { name: 'Cần xem lại trong giáo án' });
    await viList.getByText('thời gian dự kiến lên tới 13 phút, vượt thời lượng bài giảng 10 phút (tính từ đây)').waitFor({ timeout: 30_000 });
    await switchLang(page, 'vi', 'en');
    const enList = page.getByRole('region', { name: 'To check in the lesson plan' });
    await enList.getByText("planned time reaches 13 minutes in total, more than the lesson's duration of 10 minutes (from here on)").waitFor();
    await context.close();
  });
});
