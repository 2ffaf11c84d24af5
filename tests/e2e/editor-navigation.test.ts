// Moving between the lesson plan, the editor and the presenting page: a timing-table row opens the
// editor at that slide's line (a URL that survives a reload), and Present in the editor saves any
// typed text first and starts at the slide under the cursor.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { editor, editorFocused, editorText, freshPage, newDeck, newSavedDeck, poll, previewHeading, replaceText, storedMarkdown, waitSaved } from './authoring-support.ts';

const IMAGE = fileURLToPath(new URL('../fixtures/media/Ảnh lớp học.png', import.meta.url));

const chrome = useBrowser();

// Long slides, so the last one starts far below the first screenful of the editor.
const filler = (n: number) => Array.from({ length: n }, (_, i) => `- Ý số ${i + 1}`).join('\n');
const LESSON = `---
title: Học tập nghị quyết
duration: 45
---

## Mở đầu {minutes=5}

${filler(40)}

---

## Thảo luận nhóm

::: discussion {minutes=25 groups=4}
Đảng viên mới cần làm gì?
:::

${filler(40)}

---

## Kết luận {minutes=15}

Tóm tắt ba ý chính.`;

/** 1-based line of the first line equal to `text`. */
function lineOf(source: string, text: string): number {
  return source.split('\n').indexOf(text) + 1;
}

/** The text of the editor line holding the cursor. */
async function cursorLine(page: Page): Promise<string> {
  return editor(page).evaluate((el) => el.querySelector('.cm-activeLine')?.textContent ?? '');
}

/** Whether the editor line with `text` is inside the editor's visible area. */
async function lineVisible(page: Page, text: string): Promise<boolean> {
  return editor(page).evaluate((el, wanted) => {
    const scroller = el.closest('.cm-scroller');
    const line = Array.from(el.querySelectorAll('.cm-line')).find((l) => l.textContent === wanted);
    if (!scroller || !line) return false;
    const box = scroller.getBoundingClientRect();
    const at = line.getBoundingClientRect();
    return at.top >= box.top && at.bottom <= box.bottom;
  }, text);
}

describe('editor navigation', () => {
  it('a row of the timing table opens the editor at that slide, focused, and the URL keeps the place across a reload', async () => {
    const { context, page } = await freshPage(chrome.browser);
    const deckId = await newSavedDeck(page, LESSON);
    await page.keyboard.press('Control+Home');
    await page.getByRole('link', { name: 'Lesson plan', exact: true }).click();
    const timing = page.getByRole('region', { name: 'Timing' });
    await timing.getByText('45 of 45 minutes').waitFor();

    await timing.getByRole('link', { name: 'Kết luận' }).click();
    await page.waitForURL(/#\/edit\/[^?]+\?line=\d+$/);
    // The slide's source line (its separator's blank line or its heading) is in the URL.
    const hash = new URL(page.url()).hash;
    expect(hash.startsWith(`#/edit/${encodeURIComponent(deckId)}?line=`)).toBe(true);
    const heading = lineOf(LESSON, '## Kết luận {minutes=15}');
    expect(Number(hash.replace(/^.*line=/, ''))).toBeGreaterThan(heading - 3);
    expect(Number(hash.replace(/^.*line=/, ''))).toBeLessThanOrEqual(heading);
    await poll(() => cursorLine(page), (t) => t === '## Kết luận {minutes=15}', 'cursor on the slide heading');
    expect(await poll(() => previewHeading(page), (t) => t === 'Kết luận', 'preview of the last slide')).toBe('Kết luận');
    expect(await poll(() => lineVisible(page, '## Kết luận {minutes=15}'), Boolean, 'slide scrolled into view')).toBe(true);
    expect(await lineVisible(page, '## Mở đầu {minutes=5}')).toBe(false);
    expect(await poll(() => editorFocused(page), Boolean, 'editor focused')).toBe(true);
    // Typing goes where the cursor is.
    await page.keyboard.insertText('# ');
    await poll(() => editorText(page), (t) => t.includes('\n# ## Kết luận {minutes=15}\n'), 'typed at the slide');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await waitSaved(page);

    // The URL survives a reload: the editor opens at the same slide.
    await page.reload();
    await editor(page).waitFor();
    await poll(() => cursorLine(page), (t) => t.startsWith('## Kết luận'), 'cursor on the slide after a reload');
    expect(await poll(() => previewHeading(page), (t) => t === 'Kết luận', 'preview after reload')).toBe('Kết luận');

    // Back to the plan, another row: the discussion's slide.
    await page.goBack();
    await page.waitForURL(/#\/plan\//);
    await timing.getByRole('link', { name: 'Thảo luận nhóm' }).click();
    await poll(() => cursorLine(page), (t) => t === '## Thảo luận nhóm', 'cursor on the discussion slide');
    expect(await poll(() => previewHeading(page), (t) => t === 'Thảo luận nhóm', 'preview of the discussion slide')).toBe('Thảo luận nhóm');
    expect(await poll(() => editorFocused(page), Boolean, 'editor focused again')).toBe(true);

    // A new line in the URL while the editor is open moves the cursor without reloading the deck.
    await page.evaluate((id) => (location.hash = `#/edit/${encodeURIComponent(id)}?line=6`), deckId);
    await poll(() => cursorLine(page), (t) => t === '## Mở đầu {minutes=5}', 'cursor back on the first slide');
    expect(await poll(() => previewHeading(page), (t) => t === 'Mở đầu', 'preview of the first slide')).toBe('Mở đầu');
    await context.close();
  });

  it('Present saves pending text first and opens the presenting page at the slide under the cursor', async () => {
    // No service worker, so the request for present.html reaches the route below.
    const { context, page } = await freshPage(chrome.browser, 'en', { serviceWorkers: 'block' });
    const deckId = await newDeck(page);
    // The editor's save state at the moment the presenting page is requested.
    let stateWhenOpened: string | null | undefined;
    await context.route(/\/present\.html/, async (route) => {
      stateWhenOpened ??= await page.locator('[data-save-state]').getAttribute('data-save-state');
      await route.continue();
    });
    await replaceText(page, '## Một\n\nMở đầu.\n\n---\n\n## Hai\n\nNội dung cũ.\n\n---\n\n## Ba\n\nKết thúc.');
    await waitSaved(page);
    // The cursor in slide 2, then a picture from Insert media: the focus is on the toolbar, not in
    // the text, so nothing but the autosave timer would save this change.
    await editor(page).getByText('Nội dung cũ.').click();
    await page.keyboard.press('End');
    await poll(() => previewHeading(page), (t) => t === 'Hai', 'cursor on slide 2');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Insert media' }).click()]);
    await chooser.setFiles(IMAGE);
    await poll(() => editorText(page), (t) => t.includes('](media/'), 'picture inserted');
    // Clicked at once, before the autosave would run.
    const [presenting] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Present', exact: true }).click()]);
    await presenting.waitForURL(/present\.html\?/);
    const url = new URL(presenting.url());
    expect(url.searchParams.get('lectern-deck')).toBe(deckId);
    expect(url.searchParams.get('lectern-slide')).toBe('1.0');
    await presenting.waitForFunction(() => document.documentElement.dataset.lecternState, null, { timeout: 120_000 });
    expect(await presenting.evaluate(() => document.documentElement.dataset.lecternState)).toBe('ready');
    const current = presenting.locator('.reveal .slides section.present');
    expect(await current.locator('h2').first().textContent()).toBe('Hai');
    // The picture is there: the presenting page read the text saved by the click.
    expect(await current.locator('img').count()).toBe(1);
    expect(stateWhenOpened).toBe('saved');
    expect(await storedMarkdown(page, deckId)).toContain('](media/');
    await waitSaved(page);
    await context.close();
  });
});
