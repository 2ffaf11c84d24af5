// The authoring app driven the way an instructor uses it: Playwright against the built app in
// the system Chromium, a fresh browser context (so a fresh IndexedDB) per test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { appUrl, editorText, freshPage as freshPageIn, newDeck, newSavedDeck, poll, preview, previewHeading, replaceText, waitSaved } from './authoring-support.ts';

const MEDIA_DIR = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
const IMAGE = `${MEDIA_DIR}Ảnh lớp học.png`;
const VIDEO = `${MEDIA_DIR}clip-thao-luan.webm`;

const chrome = useBrowser();

const freshPage = () => freshPageIn(chrome.browser);

const THREE_SLIDES = `---
title: Lớp đảng viên mới
duration: 45
---

## Mở đầu

Giới thiệu bài học về Nghị quyết.

Note: Chào lớp, điểm danh.

---

## Thảo luận nhóm

::: discussion {minutes=10 groups=4}
Đảng viên mới cần làm gì để học tập nghị quyết?
:::

---

## Kết luận

Tóm tắt ba ý chính.`;

describe('authoring', () => {
  it('creates a deck, types three slides with notes and a discussion, preview follows the cursor, survives a reload', async () => {
    const { context, page } = await freshPage();
    const deckId = await newDeck(page);
    await replaceText(page, THREE_SLIDES);
    // The cursor is at the end: the preview shows the third slide.
    await poll(() => previewHeading(page), (t) => t === 'Kết luận', 'preview of slide 3');
    await page.keyboard.press('Control+Home');
    await poll(() => previewHeading(page), (t) => t === 'Mở đầu', 'preview of slide 1');
    // The outline moves the cursor; the preview follows.
    await page.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: /Thảo luận nhóm/ }).click();
    await poll(() => previewHeading(page), (t) => t === 'Thảo luận nhóm', 'preview of slide 2');
    expect(await preview(page).locator('.discussion').count()).toBe(1);
    // Numbered as in the outline and the presenter.
    await poll(() => page.locator('.slide-no').textContent(), (t) => t === 'Slide 2 of 3', 'slide number under the preview');
    // Notes of slide 1 do not show on the slide itself.
    await page.keyboard.press('Control+Home');
    await poll(() => previewHeading(page), (t) => t === 'Mở đầu', 'back to slide 1');
    expect(await preview(page).locator('aside.notes').count()).toBeLessThanOrEqual(1);
    expect(await preview(page).locator('aside.notes').isVisible().catch(() => false)).toBe(false);

    await waitSaved(page);
    await page.reload();
    await page.getByRole('textbox', { name: 'Deck text (Markdown)' }).waitFor();
    const text = await poll(() => editorText(page), (t) => t.includes('Kết luận'), 'text after reload');
    expect(text).toContain('Note: Chào lớp, điểm danh.');
    expect(text).toContain('::: discussion {minutes=10 groups=4}');
    expect(text).toContain('Đảng viên mới cần làm gì để học tập nghị quyết?');
    // The library lists it with its title, duration and slide count.
    await page.goto(appUrl('#/library'));
    const card = page.locator(`[data-deck-id="${deckId}"]`);
    await expect(poll(() => card.textContent(), (t) => (t ?? '').includes('Lớp đảng viên mới'), 'library card')).resolves.toContain('45');
    expect(await card.textContent()).toMatch(/Slides\s*3/);
    await context.close();
  });

  it('numbers the slide under the preview as the presenter does, title slide included', async () => {
    const { context, page } = await freshPage();
    await newDeck(page);
    await replaceText(page, '---\ntitle: Bài mở đầu\ntitleSlide: true\n---\n\n# Một\n\n---\n\n# Hai\n\n--\n\n# Hai, tiếp\n');
    // Cursor at the end: the vertical slide under "Hai", the 4th of 4 as presented.
    await poll(() => page.locator('.slide-no').textContent(), (t) => t === 'Slide 3.2 of 4', 'slide number of the vertical slide');
    await page.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: /Một/ }).click();
    await poll(() => page.locator('.slide-no').textContent(), (t) => t === 'Slide 2 of 4', 'slide number after the title slide');
    await context.close();
  });

  it('stores a dropped image and video and shows both in the preview from Blob URLs', async () => {
    const { context, page } = await freshPage();
    await newDeck(page);
    await replaceText(page, '## Tư liệu\n\n');
    await page.locator('input[type=file][accept^="image"]').setInputFiles([IMAGE, VIDEO]);
    const text = await poll(() => editorText(page), (t) => t.includes('.webm'), 'media inserted');
    // The Vietnamese file name stays readable but safe.
    expect(text).toContain('![Ảnh lớp học](media/Ảnh-lớp-học.png)');
    expect(text).toContain('(media/clip-thao-luan.webm)');
    const img = preview(page).locator('img');
    const imgSrc = await poll(() => img.first().getAttribute('src').catch(() => null), (s) => !!s && s.startsWith('blob:'), 'img blob src');
    expect(imgSrc).toMatch(/^blob:/);
    const videoSrc = await poll(
      () => preview(page).locator('video').first().evaluate((v: HTMLVideoElement) => v.currentSrc || v.src || v.querySelector('source')?.src || '').catch(() => ''),
      (s) => s.startsWith('blob:'),
      'video blob src',
    );
    expect(videoSrc).toMatch(/^blob:/);
    // The image really decodes from IndexedDB.
    await poll(() => img.first().evaluate((el: HTMLImageElement) => el.naturalWidth), (w) => w === 96, 'image decoded');
    // The media panel lists both with size and type.
    await waitSaved(page);
    await page.getByRole('link', { name: 'Media', exact: true }).click();
    await page.getByText('media/clip-thao-luan.webm').first().waitFor();
    expect(await page.getByText('media/Ảnh-lớp-học.png').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('searches with and without diacritics, deletes a deck and undoes it', async () => {
    const { context, page } = await freshPage();
    await page.goto(appUrl('#/library'));
    // First run puts the sample decks in the library.
    const cards = page.locator('article.deck');
    await poll(() => cards.count(), (n) => n >= 2, 'sample decks');
    const search = page.getByRole('searchbox', { name: 'Search decks' });
    const titles = async () => (await cards.locator('h2').allTextContents()).map((t) => t.trim());
    for (const query of ['nghi quyet', 'Nghị quyết', 'NGHI QUYET dai hoi']) {
      await search.fill(query);
      const found = await poll(titles, (t) => t.length === 1, `results for ${query}`);
      expect(found[0]).toContain('Nghị quyết Đại hội XIII');
    }
    await search.fill('dang vien');
    expect((await poll(titles, (t) => t.length === 1, 'dang vien'))[0]).toContain('Nghị quyết');
    await search.fill('tour');
    expect((await poll(titles, (t) => t.length === 1, 'tour'))[0]).toContain('tour');
    await search.fill('');
    const before = await poll(titles, (t) => t.length >= 2, 'all decks');

    const target = cards.filter({ hasText: 'A tour of Lectern Markdown' });
    await target.getByRole('button', { name: 'Delete' }).click();
    await poll(titles, (t) => t.length === before.length - 1 && !t.some((x) => x.includes('tour')), 'deleted');
    await page.getByRole('button', { name: 'Undo' }).click();
    const after = await poll(titles, (t) => t.length === before.length, 'restored');
    expect(after.some((x) => x.includes('A tour of Lectern Markdown'))).toBe(true);
    await context.close();
  });

  it('two tabs editing one deck resolve the conflict visibly, losing neither text', async () => {
    const { context, page } = await freshPage();
    const deckId = await newSavedDeck(page, '## Bản gốc\n');
    const other = await context.newPage();
    await other.goto(appUrl(`#/edit/${encodeURIComponent(deckId)}`));
    await other.getByRole('textbox', { name: 'Deck text (Markdown)' }).waitFor();
    await poll(() => editorText(other), (t) => t.includes('Bản gốc'), 'second tab loaded');

    // Both tabs change the text before either autosave lands (typed at the same moment, so a
    // slow machine cannot let one tab save before the other starts typing).
    for (const p of [page, other]) {
      await p.getByRole('textbox', { name: 'Deck text (Markdown)' }).click();
      await p.keyboard.press('Control+End');
    }
    await Promise.all([page.keyboard.insertText('\nThẻ thứ nhất viết.'), other.keyboard.insertText('\nThẻ thứ hai viết.')]);

    const dialogOf = (p: Page) => p.getByRole('alertdialog', { name: 'This deck was just changed in another tab' });
    const loser = await poll(
      async () => ((await dialogOf(page).isVisible()) ? page : (await dialogOf(other).isVisible()) ? other : undefined),
      (p) => p !== undefined,
      'a conflict shown in one tab',
    );
    if (!loser) throw new Error('unreachable');
    const winner = loser === page ? other : page;
    const loserText = await editorText(loser);
    const winnerText = await editorText(winner);
    await loser.getByRole('button', { name: 'Keep mine' }).click();
    await dialogOf(loser).waitFor({ state: 'hidden' });
    await waitSaved(loser);
    // The other tab follows the kept text, and the state says saved everywhere.
    await poll(() => editorText(winner), (t) => t === loserText, 'winner follows the kept text');
    await waitSaved(winner);
    // The text that was not kept is in the deck's revision history (read straight from IndexedDB).
    const history = await winner.evaluate(
      (id) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('lectern');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('revisions').objectStore('revisions').getAll(IDBKeyRange.bound([id], [id, []]));
            request.onsuccess = () => resolve((request.result as { markdown: string }[]).map((r) => r.markdown));
            request.onerror = () => reject(request.error);
          };
        }),
      deckId,
    );
    expect(history.map((t) => t.replace(/\n$/, ''))).toContain(winnerText.replace(/\n$/, ''));
    await context.close();
  });
});

describe('authoring: sharing from the library', () => {
  it('exports a deck as a .lectern file and imports it back as a second copy', async () => {
    const { context, page } = await freshPage();
    const deckId = await newSavedDeck(page, '---\ntitle: Bài xuất nhập\n---\n\n## Trang một\n');
    await page.goto(appUrl('#/library'));
    const card = page.locator(`[data-deck-id="${deckId}"]`);
    await card.waitFor();
    const exportButton = card.getByRole('button', { name: 'Export', exact: true });
    await poll(() => exportButton.isEnabled(), (enabled) => enabled, 'Export enabled');
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/\.lectern$/);
    const path = await download.path();
    const cards = page.locator('article.deck').filter({ hasText: 'Bài xuất nhập' });
    expect(await cards.count()).toBe(1);
    await page.locator('input.import').setInputFiles(path);
    // The sharing module's preview dialog: the deck is already here, so keep both.
    await page.locator('lectern-import-dialog').getByRole('button', { name: 'Keep both' }).click({ timeout: 60_000 });
    await poll(() => cards.count(), (n) => n === 2, 'imported copy listed');
    await context.close();
  });
});

describe('authoring: excerpts, lesson plan and drop', () => {
  it('creates an excerpt, finds it without diacritics and inserts it at the cursor', async () => {
    const { context, page } = await freshPage();
    await page.goto(appUrl('#/excerpts'));
    await page.getByRole('button', { name: 'Add excerpt' }).click();
    await page.getByLabel('Quoted text').fill('Đảng viên phải gương mẫu học tập nghị quyết.');
    await page.getByLabel('Document title').fill('Nghị quyết Đại hội XIII');
    await page.getByLabel('Number (e.g. 120-KL/ĐUK)').fill('120-KL/ĐUK');
    await page.getByLabel('Section / page').fill('Phần III');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search excerpts' }).fill('guong mau');
    await page.getByText('Đảng viên phải gương mẫu').waitFor();

    await newDeck(page);
    await replaceText(page, '## Trích dẫn\n\n');
    await page.getByRole('button', { name: 'Insert excerpt' }).click();
    await page.getByRole('dialog').getByRole('searchbox', { name: 'Search excerpts' }).fill('nghi quyet dai hoi');
    await page.getByRole('dialog').getByRole('button', { name: /^Insert/ }).first().click();
    const text = await poll(() => editorText(page), (t) => t.includes('::: excerpt'), 'excerpt inserted');
    expect(text).toContain('::: excerpt {source="Nghị quyết Đại hội XIII" number="120-KL/ĐUK" ref="Phần III"}');
    expect(text).toContain('Đảng viên phải gương mẫu học tập nghị quyết.');
    await poll(() => preview(page).locator('blockquote.excerpt').count(), (n) => n === 1, 'excerpt in preview');
    await context.close();
  });

  it('edits the front matter through the lesson-plan form and keeps hand-written YAML comments', async () => {
    const { context, page } = await freshPage();
    const deckId = await newSavedDeck(page, '---\ntitle: Bài cũ # đặt tạm\nduration: 45\nghiChu: giữ nguyên\n---\n\n## Một {minutes=20}\n\n---\n\n## Hai\n\n::: discussion {minutes=40}\nThảo luận\n:::\n');
    await page.getByRole('link', { name: 'Lesson plan', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).fill('Bài mới về Đảng');
    await page.getByLabel('Duration (minutes)').fill('60');
    await page.getByLabel('Knowledge').fill('Hiểu nghị quyết\nNắm nhiệm vụ');
    await page.getByRole('button', { name: 'Save lesson plan' }).click();
    // 20 minutes on slide one + a 40-minute discussion on slide two = the new 60-minute duration.
    await page.getByText('60 of 60 minutes').waitFor();
    await page.getByText('Exactly the planned duration.').waitFor();
    await page.goto(appUrl(`#/edit/${encodeURIComponent(deckId)}`));
    const text = await poll(() => editorText(page), (t) => t.includes('Bài mới về Đảng'), 'form edit in text');
    expect(text).toContain('# đặt tạm');
    expect(text).toContain('ghiChu: giữ nguyên');
    expect(text).toContain('duration: 60');
    expect(text).toContain('- Hiểu nghị quyết');
    await context.close();
  });

  it('stores an image dropped onto the editor', async () => {
    const { context, page } = await freshPage();
    await newDeck(page);
    await replaceText(page, '## Kéo thả\n\n');
    const bytes = [...readFileSync(IMAGE)];
    await page.getByRole('textbox', { name: 'Deck text (Markdown)' }).evaluate((el, data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'Sơ đồ tổ chức.png', { type: 'image/png' }));
      const box = el.getBoundingClientRect();
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: box.left + 20, clientY: box.bottom - 10 }));
    }, bytes);
    const text = await poll(() => editorText(page), (t) => t.includes('media/Sơ-đồ-tổ-chức.png'), 'dropped image inserted');
    expect(text).toContain('![Sơ đồ tổ chức](media/Sơ-đồ-tổ-chức.png)');
    await poll(() => preview(page).locator('img').first().getAttribute('src').catch(() => null), (s) => !!s?.startsWith('blob:'), 'dropped image in preview');
    await context.close();
  });
});
