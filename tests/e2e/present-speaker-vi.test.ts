// reveal.js's speaker view (key S) speaks the instructor's language: the notes plugin's own
// labels (next slide, time, pacing, notes, layout selector, window title, connection status, the
// wall clock) are Vietnamese with ?lang=vi and English with ?lang=en, including the texts the
// plugin rewrites while the view is open (layout label on a change, the clock every second, the
// status on a connection error). A screenshot of the Vietnamese view goes to
// tests/output/screenshots/speaker-view-vi.png and docs/images/speaker-view-vi.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { expect, it } from 'vitest';
import { openPresent, screenshotPath, slideWith, useSeededSample, type Seeded } from './present-support.ts';

let seeded: Seeded;
let deckId: string;
// Kept as plain variables (set once seeded) so the tests below read as before.
useSeededSample({ prepare: (started, id) => void ((seeded = started), (deckId = id)) });

/** English words of the plugin's page (reveal.js 6.0.x notes template and script). */
const ENGLISH = /\b(?:Upcoming|Time|Click to Reset|Pacing|Notes|Layout|Default|Wide|Tall|Notes only|Speaker View|Loading speaker view|Error connecting|AM|PM)\b/;
const VIETNAMESE = /Trang chiếu tiếp theo|Thời gian|Nhịp độ|Ghi chú|Bố cục|Mặc định|Màn hình giảng viên|Bấm để đặt lại/;

/** Opens the speaker view on a slide that has notes, connected to the main window. */
async function openSpeakerView(page: Page, lang: 'vi' | 'en'): Promise<Page> {
  await openPresent(page, deckId, `&lang=${lang}`);
  // A slide with speaker notes, so the notes heading shows.
  await slideWith(page, 'aside.notes');
  const [popup] = await Promise.all([seeded.context.waitForEvent('page'), page.keyboard.press('s')]);
  await popup.waitForSelector('#lectern-panel', { timeout: 60_000 });
  await expect.poll(() => popup.locator('#current-slide iframe, #upcoming-slide iframe').count(), { timeout: 60_000 }).toBe(2);
  await popup.waitForSelector('.speaker-controls-notes:not(.hidden)', { timeout: 60_000 });
  return popup;
}

/** Every text the instructor can read in the popup (not its script or style, not the iframes). */
function popupTexts(popup: Page): Promise<string> {
  return popup.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll('script, style, iframe, #lectern-panel, .speaker-controls-time, .speaker-controls-notes .value')) el.remove();
    const options = [...document.querySelectorAll('option')].map((o) => o.textContent);
    return [document.title, body.textContent, ...options].join('\n');
  });
}

const label = (popup: Page, selector: string) => popup.locator(selector).first().evaluate((el) => el.textContent?.trim() ?? '');

it('should show the speaker view in Vietnamese with ?lang=vi, also after the plugin rewrites its texts', async () => {
  const page = seeded.page;
  const popup = await openSpeakerView(page, 'vi');
  expect(await popup.evaluate(() => document.documentElement.lang)).toBe('vi');
  expect(await popup.title()).toBe('Màn hình giảng viên · Lectern');
  expect(await label(popup, '#upcoming-slide > .label')).toBe('Trang chiếu tiếp theo');
  // One clock of the lesson: Lectern's panel (class time, time left, wall clock), not reveal.js's.
  expect(await popup.locator('.speaker-controls-time').isVisible()).toBe(false);
  expect(await popup.locator('#lectern-panel').innerText()).toMatch(/Đã dạy/);
  expect(await label(popup, '.speaker-controls-notes > h4.label')).toBe('Ghi chú');
  expect(await label(popup, '.speaker-layout-label')).toBe('Bố cục: Mặc định');
  expect(await popup.locator('.speaker-layout-dropdown option').allTextContents()).toEqual(['Mặc định', 'Ngang', 'Dọc', 'Chỉ ghi chú']);

  // The wall clock, in the panel: 24-hour time.
  await popup.waitForTimeout(1500);
  expect(await label(popup, '#lectern-panel .clock')).toMatch(/^\d{1,2}:\d{2}$/);

  // The plugin's script rewrites the layout label on a change: it stays Vietnamese.
  await popup.locator('.speaker-layout-dropdown').selectOption('wide');
  await expect.poll(() => label(popup, '.speaker-layout-label')).toBe('Bố cục: Ngang');
  expect(await popup.evaluate(() => document.body.dataset.speakerLayout)).toBe('wide');
  await popup.locator('.speaker-layout-dropdown').selectOption('default');
  await expect.poll(() => label(popup, '.speaker-layout-label')).toBe('Bố cục: Mặc định');

  const texts = await popupTexts(popup);
  expect(texts).not.toMatch(ENGLISH);
  await popup.screenshot({ path: screenshotPath('speaker-view-vi') });
  // The same picture for the docs (docs/accessibility.md shows the speaker view).
  mkdirSync(join('docs', 'images'), { recursive: true });
  await popup.screenshot({ path: join('docs', 'images', 'speaker-view-vi.png') });

  // The plugin writes its connection error the same way (innerHTML, after 5 s without the main
  // window): it is shown in Vietnamese too.
  await popup.evaluate(() => {
    const status = document.querySelector<HTMLElement>('#connection-status');
    if (!status) throw new Error('no #connection-status');
    status.innerHTML = 'Error connecting to main window.<br>Please try closing and reopening the speaker view.';
  });
  await expect.poll(() => label(popup, '#connection-status')).toBe('Không kết nối được với cửa sổ trình chiếu. Hãy đóng cửa sổ này và bấm S lần nữa.');
  await popup.close();
});

it('should show the speaker view in English with ?lang=en', async () => {
  const page = seeded.page;
  const popup = await openSpeakerView(page, 'en');
  expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await popup.title()).toBe('Speaker view · Lectern');
  expect(await label(popup, '#upcoming-slide > .label')).toBe('Next slide');
  expect(await label(popup, '.speaker-controls-notes > h4.label')).toBe('Notes');
  expect(await label(popup, '.speaker-layout-label')).toBe('Layout: Default');
  expect(await popupTexts(popup)).not.toMatch(VIETNAMESE);
  expect(await popup.locator('#lectern-panel').innerText()).toMatch(/Elapsed/);
  await popup.close();
});

it('should take the speaker view back, in Vietnamese and with a live Lectern panel, after the presenting page reloads', async () => {
  const page = seeded.page;
  const popup = await openSpeakerView(page, 'vi');
  const ownerBefore = await popup.locator('#lectern-panel').getAttribute('data-owner');
  // The instructor presses F5 on the projected window (or it recovers from a crash).
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 120_000 });
  // The reloaded page takes the open speaker window back: one panel, owned by the new page.
  await expect
    .poll(() => popup.locator('#lectern-panel').getAttribute('data-owner'), { timeout: 60_000 })
    .not.toBe(ownerBefore);
  expect(await popup.locator('#lectern-panel').count()).toBe(1);
  // The panel is alive (redrawn by the new page) and follows the main window.
  const first = await popup.locator('#lectern-panel').innerText();
  await expect.poll(() => popup.locator('#lectern-panel').innerText(), { timeout: 10_000 }).not.toBe(first);
  expect(await label(popup, '#upcoming-slide > .label')).toBe('Trang chiếu tiếp theo');
  await popup.waitForTimeout(1500);
  expect(await label(popup, '#lectern-panel .clock')).toMatch(/^\d{1,2}:\d{2}$/);
  expect(await popupTexts(popup)).not.toMatch(ENGLISH);
  await popup.close();
});
