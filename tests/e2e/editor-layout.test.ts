// The editor on the laptop most lecturers have (1366x768), in Vietnamese: enough lines of text to
// work with, an outline click that brings the slide's heading near the top (not to the bottom
// edge), and highlighting that follows Lectern's own reading of `---` (a slide break, never the
// underline of a heading), and a cursor that stays solid while typing and blinks when typing
// pauses. Writes tests/output/screenshots/editor-1366x768-vi.png.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { deckCards, useBrowser } from './support/browser.ts';
import { appUrl, editor, editorText, newDeck, poll, replaceText } from './authoring-support.ts';

const SHOTS = 'tests/output/screenshots';
const chrome = useBrowser({ setUp: () => void mkdirSync(SHOTS, { recursive: true }) });


async function laptopPage(): Promise<Page> {
  const context = await chrome.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('pageerror:', error.message));
  return page;
}

/** Where the first line starting with `prefix` sits in the editor's scrolling box: its top,
 *  relative to the box, over the box's height (-1 while it is not drawn). */
async function lineRelativeTop(page: Page, prefix: string): Promise<number> {
  return page.locator('.cm-scroller').evaluate((scroller, wanted) => {
    const box = scroller.getBoundingClientRect();
    const line = [...scroller.querySelectorAll('.cm-line')].find((el) => (el.textContent ?? '').startsWith(wanted));
    if (!line) return -1;
    return (line.getBoundingClientRect().top - box.top) / box.height;
  }, prefix);
}

describe('editor at 1366x768', () => {
  it('should show at least 20 lines of text and bring an outline slide near the top', { timeout: 180_000 }, async () => {
    const page = await laptopPage();
    await page.goto(appUrl('#/library', 'vi'));
    const card = deckCards(page);
    await card.first().waitFor({ timeout: 60_000 });
    await card.first().locator('a.edit').click();
    await editor(page, 'vi').waitFor();
    await page.locator('.cm-line').first().waitFor();

    const lines = await page.locator('.cm-scroller').evaluate((scroller) => {
      const first = scroller.querySelector('.cm-line');
      return first ? Math.floor(scroller.clientHeight / first.getBoundingClientRect().height) : 0;
    });
    expect(lines).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: `${SHOTS}/editor-1366x768-vi.png` });

    // A slide far down the deck: its heading comes to the top quarter of the text, not the edge.
    await page.locator('.outline button', { hasText: 'Thảo luận nhóm' }).first().click();
    const where = await poll(() => lineRelativeTop(page, '## Thảo luận nhóm'), (v) => v >= 0, 'the heading line is drawn');
    expect(where).toBeLessThan(0.25);
    await page.context().close();
  });

  it('should not highlight the line before a slide break as a heading', { timeout: 180_000 }, async () => {
    const page = await laptopPage();
    await newDeck(page, 'vi');
    await replaceText(page, '# Trang một\n\nMột dòng chữ thường\n---\n\n# Trang hai\n\nTiêu đề thật\n===\n', 'vi');
    const weight = (text: string) =>
      page.locator('.cm-line', { hasText: text }).first().evaluate((line) => {
        const spans = [...line.querySelectorAll('span')];
        return Math.max(Number(getComputedStyle(line).fontWeight), ...spans.map((s) => Number(getComputedStyle(s).fontWeight)));
      });
    await poll(() => weight('Tiêu đề thật'), (w) => w >= 700, 'a real setext heading is bold');
    expect(await weight('Một dòng chữ thường')).toBeLessThan(700);
    await page.context().close();
  });

  it('should keep the cursor steady while typing and blink again when typing pauses', { timeout: 180_000 }, async () => {
    const page = await laptopPage();
    await newDeck(page, 'vi');
    await replaceText(page, '# Trang một\n\nChữ\n', 'vi');
    await page.locator('.cm-content').click();
    const layer = page.locator('.cm-cursorLayer');
    // One more keystroke, dispatched as the keyboard's are, and the cursor's animation read in the
    // same task, so a slow machine cannot let the pause pass in between.
    await page.keyboard.type('ư');
    const whileTyping = await layer.evaluate((el) => {
      const view = (el.getRootNode() as ShadowRoot).host as HTMLElement & { view?: { state: { selection: { main: { head: number } } }; dispatch(spec: unknown): void } };
      const head = view.view!.state.selection.main.head;
      view.view!.dispatch({ changes: { from: head, insert: 'ơ' }, selection: { anchor: head + 1 } });
      return getComputedStyle(el).animationName;
    });
    expect(whileTyping).toBe('none');
    await poll(() => layer.evaluate((el) => getComputedStyle(el).animationName), (name) => /^cm-blink2?$/.test(name), 'the cursor blinks again');
    expect(await editorText(page, 'vi')).toContain('ươ');
    await page.context().close();
  });
});
