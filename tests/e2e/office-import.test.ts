// Bringing a PowerPoint lesson into the library as an instructor would: drop the .pptx (made by
// LibreOffice: Vietnamese text, lists, a hidden slide, a merged table, a picture, a video), see
// the preview, cancel (nothing stored), drop again and import, land in the editor with the
// report one click away (its entries linked to their lines), edit a slide, present it with its
// video playing, reload and find it all there. A refused file shows its reason and stores nothing.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { bytesSource } from '@lectern/bundle';
import { importOfficeFile } from '@lectern/office';
import { appUrl, editor, editorText, freshPage, storedMarkdown, waitSaved } from './authoring-support.ts';
import { openPresent, slideWith } from './present-support.ts';

const chrome = useBrowser();

const LESSON = readFileSync('tests/fixtures/office/libreoffice-lesson.pptx').toString('base64');
const LEGACY = readFileSync('tests/fixtures/office/libreoffice-legacy.ppt').toString('base64');
/** The sample decks the app seeds on first run. */
const SAMPLE_COUNT = readdirSync('slides').length;

async function openLibrary(page: Page, lang: 'en' | 'vi' = 'en'): Promise<number> {
  await page.goto(appUrl('#/library', lang));
  await expect.poll(() => page.locator('article.deck').count(), { timeout: 60_000 }).toBe(SAMPLE_COUNT);
  await expect.poll(() => page.locator('lectern-screen-library input.import').isEnabled(), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.getByRole('button', { name: lang === 'en' ? 'Import' : 'Nhập', exact: true }).isEnabled(), { timeout: 30_000 }).toBe(true);
  return page.locator('article.deck').count();
}

async function drop(page: Page, name: string, base64: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ name, base64 }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    return dt;
  }, { name, base64 });
  const screen = page.locator('lectern-screen-library');
  await screen.dispatchEvent('dragover', { dataTransfer });
  await screen.dispatchEvent('drop', { dataTransfer });
}

describe('importing a PowerPoint file in the app', () => {
  it('should preview, cancel, import, open the editor with the report, edit, present the video and survive a reload', { timeout: 600_000 }, async () => {
    const { context, page } = await freshPage(chrome.browser);
    const before = await openLibrary(page);
    const dialog = page.locator('lectern-office-import-dialog');

    // Drop: the preview shows what will come, before anything is stored. Cancel stores nothing.
    await drop(page, 'bài 1.pptx', LESSON);
    await dialog.locator('.slide-count').waitFor({ timeout: 120_000 });
    expect(await dialog.locator('.slide-count').innerText()).toBe('6');
    expect(await dialog.locator('ol.titles li').allInnerTexts()).toEqual([
      'Bài 1: Chủ nghĩa duy vật biện chứng', 'Mối quan hệ giữa vật chất và ý thức', 'Trang ẩn: tư liệu dự phòng',
      'Các mốc lịch sử', 'Hình ảnh và nhóm', 'Phim tư liệu',
    ]);
    expect(await dialog.locator('ul.media li').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^06-phim-tư-liệu\.mp4 — /)]));
    expect(await dialog.getByText('Everything was carried over.').count()).toBe(1);
    expect(await dialog.locator('ul.notices').innerText()).toContain('Hidden slide');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('article.deck').count()).toBe(before);

    // Again, and import: the editor opens on the new deck.
    await drop(page, 'bài 1.pptx', LESSON);
    await dialog.getByRole('button', { name: 'Import into the library' }).click({ timeout: 120_000 });
    await page.waitForURL(/#\/edit\//, { timeout: 60_000 });
    const deckId = decodeURIComponent(new URL(page.url()).hash.replace('#/edit/', '').replace(/\?.*$/, ''));
    await editor(page).waitFor();
    await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('## Mối quan hệ giữa vật chất và ý thức');

    // The report is one click away; its hidden-slide entry links to that slide's line.
    await page.getByRole('button', { name: 'Show the import report' }).click();
    const report = page.locator('lectern-office-import-dialog');
    const link = report.getByRole('link', { name: 'Slide 3' });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^#/edit/${deckId}\\?line=\\d+$`));
    await link.click();
    await report.waitFor({ state: 'detached' });
    await page.waitForURL(/\?line=\d+$/);

    // What was stored is exactly what the importer makes of the file in Node (same package).
    const converted = await importOfficeFile(bytesSource(new Uint8Array(Buffer.from(LESSON, 'base64'))));
    expect(await storedMarkdown(page, deckId)).toBe(converted.deckText);

    // Edit a slide: the text is saved like any deck's.
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n\n---\n\n## Trang thêm sau khi nhập\n');
    await waitSaved(page);
    const edited = await storedMarkdown(page, deckId);
    expect(edited.startsWith(converted.deckText.trimEnd())).toBe(true);
    expect(edited.slice(converted.deckText.trimEnd().length)).toMatch(/^\n+---\n\n## Trang thêm sau khi nhập\n$/);

    // Present: the imported video plays from IndexedDB, with its poster.
    const present = await context.newPage();
    await openPresent(present, deckId);
    await slideWith(present, 'video');
    const video = present.locator('.reveal .slides section.present video');
    expect(await video.getAttribute('poster')).toMatch(/^blob:/);
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      await v.play();
    });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 }).toBeGreaterThan(0.2);
    const hidden = await present.locator('.reveal .slides section').allInnerTexts();
    expect(hidden.join('\n')).not.toContain('Trang ẩn: tư liệu dự phòng');
    await present.close();

    // Reload: the deck, its edit and its media are all there.
    await page.goto(appUrl('#/library'));
    await expect.poll(() => page.locator('article.deck').count(), { timeout: 60_000 }).toBe(before + 1);
    await page.goto(appUrl(`#/edit/${encodeURIComponent(deckId)}`));
    await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('## Bài 1: Chủ nghĩa duy vật biện chứng');
    expect(await storedMarkdown(page, deckId)).toBe(edited);
    await context.close();
  });

  it('should import a Word lesson plan picked with the Import button, its plan fields filled', { timeout: 300_000 }, async () => {
    const { context, page } = await freshPage(chrome.browser);
    const before = await openLibrary(page);
    await page.locator('lectern-screen-library input.import').setInputFiles('tests/fixtures/office/libreoffice-lesson-plan.docx');
    const dialog = page.locator('lectern-office-import-dialog');
    await dialog.locator('.slide-count').waitFor({ timeout: 120_000 });
    expect(await dialog.locator('.slide-count').innerText()).toBe('11');
    expect(await dialog.locator('ul.media li').allInnerTexts()).toEqual([expect.stringMatching(/^sơ-đồ-quan-hệ-vật-chất-ý-thức\.png — /)]);
    await dialog.getByRole('button', { name: 'Import into the library' }).click();
    await page.waitForURL(/#\/edit\//, { timeout: 60_000 });
    const deckId = decodeURIComponent(new URL(page.url()).hash.replace('#/edit/', '').replace(/\?.*$/, ''));
    const stored = await storedMarkdown(page, deckId);
    expect(stored).toMatch(/^---\ntitle: Chủ nghĩa duy vật biện chứng\naudience: Đảng viên mới\nduration: 90\n/);
    expect(stored).toContain('![Sơ đồ quan hệ vật chất – ý thức](media/sơ-đồ-quan-hệ-vật-chất-ý-thức.png)');
    await page.goto(appUrl('#/library'));
    await expect.poll(() => page.locator('article.deck').count(), { timeout: 60_000 }).toBe(before + 1);
    await context.close();
  });

  it('should refuse a legacy PowerPoint file with a translated reason and store nothing', { timeout: 300_000 }, async () => {
    const { context, page } = await freshPage(chrome.browser, 'vi');
    const before = await openLibrary(page, 'vi');
    await drop(page, 'bài cũ.pptx', LEGACY);
    await page.getByText(/Không nhập được “bài cũ\.pptx”: Đây là tệp Office đời cũ/).waitFor({ timeout: 120_000 });
    expect(await page.locator('lectern-office-import-dialog').count()).toBe(0);
    expect(await page.locator('article.deck').count()).toBe(before);
    await context.close();
  });
});
