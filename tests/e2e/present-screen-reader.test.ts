// The presenting page as a screen-reader user meets it (issue 20): a named region instead of
// reveal.js's `role="application"`, the focus where the keys go, the chrome in the UI language
// and the slides in the deck's, reveal.js's controls translated, a task-list tick that says its
// state, and one polite live region that says where the lecturer is plus only what is visible --
// a fragment alone when it appears -- and the discussion countdown's start, last minute and end.
import type { Page } from 'playwright';
import { expect, it } from 'vitest';
import { inject } from 'vitest';
import { indices, openPresent, rewriteDeck, slideWith, useSeededSample } from './present-support.ts';

/** 1-based line of the task list's first item in the stored deck (for the editor test). */
let taskLine = 0;

// A task list on the second content slide, and short discussions (3 s; 63 s) for the countdown.
const sample = useSeededSample({
  prepare: (seeded, deckId) =>
    rewriteDeck(seeded.page, deckId, (md) => {
      const next = md
        .replace('5. Câu hỏi tự luận và tổng kết', '5. Câu hỏi tự luận và tổng kết\n\n- [x] Đã đọc toàn văn\n- [ ] Chưa thảo luận')
        .replace('::: discussion {minutes=15 groups=4}', '::: discussion {minutes=0.05 groups=4}')
        .replace('::: discussion {minutes=5}', '::: discussion {minutes=1.05}');
      taskLine = next.split('\n').indexOf('- [x] Đã đọc toàn văn') + 1;
      return next;
    }),
});

const spoken = (page: Page) => page.locator('.lectern-announcer').evaluate((el) => el.textContent ?? '');

async function total(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { lecternReveal: { getTotalSlides(): number } }).lecternReveal.getTotalSlides());
}

it('should give the presenting page a reading structure: named region, focus, languages, translated controls', async () => {
  const page = sample.seeded.page;
  const deckId = sample.deckId;
  await openPresent(page, deckId, '&lang=en');
  const reveal = page.locator('.reveal');
  expect(await page.locator('[role="application"]').count()).toBe(0);
  expect(await reveal.getAttribute('role')).toBe('region');
  expect(await reveal.getAttribute('aria-label')).toBe('Presentation: Học tập và làm theo Nghị quyết Đại hội XIII của Đảng');
  // The keys go where the focus is: on the deck, not on <body>.
  expect(await page.evaluate(() => document.activeElement?.classList.contains('reveal'))).toBe(true);
  // The chrome follows the UI language; the slides keep the deck's.
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await page.locator('.reveal .slides').getAttribute('lang')).toBe('vi');
  expect(await page.locator('.reveal .controls .navigate-right').getAttribute('aria-label')).toBe('Next slide');
  // The current slide is a region named by its position.
  const n = await total(page);
  expect(await page.locator('.reveal .slides section[role="region"]').getAttribute('aria-label')).toBe(`Slide 1 of ${n}`);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => indices(page)).toMatchObject({ h: 1 });
  expect(await page.locator('.reveal .slides section[role="region"]').count()).toBe(1);
  expect(await page.locator('.reveal .slides section[role="region"]').getAttribute('aria-label')).toBe(`Slide 2 of ${n}`);
  // reveal.js's own live region is silent (it read hidden fragments aloud).
  expect(await page.locator('.reveal .aria-status').getAttribute('aria-live')).toBeNull();

  await openPresent(page, deckId, '&lang=vi');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  expect(await page.locator('.reveal .controls .navigate-left').getAttribute('aria-label')).toBe('Trang chiếu trước');
  // reveal.js's help (?) lists the keys in Vietnamese, Lectern's and its own.
  await page.keyboard.press('Shift+Slash');
  const help = page.locator('.reveal .r-overlay-help');
  await help.waitFor();
  const helpText = await help.innerText();
  expect(helpText).toContain('Phím tắt');
  expect(helpText).toContain('Màn hình giảng viên');
  expect(helpText).toContain('Bước tiếp theo');
  expect(helpText).not.toMatch(/Keyboard Shortcuts|Next slide|Navigate|Pause|Fullscreen|Speaker notes|Slide overview|\bKEY\b|ACTION/);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  // S still opens the speaker view after its description was translated.
  const [popup] = await Promise.all([sample.seeded.context.waitForEvent('page'), page.keyboard.press('s')]);
  await popup.waitForSelector('#lectern-panel', { timeout: 60_000 });
  await popup.close();
  // The task-list ticks say whether the task is done.
  await page.evaluate(() => (window as unknown as { lecternReveal: { slide(h: number): void } }).lecternReveal.slide(2));
  const boxes = page.locator('.reveal .slides section.present input[type="checkbox"]');
  await expect.poll(() => boxes.count()).toBe(2);
  expect(await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(['Đã xong', 'Chưa xong']);
});

it('should name the task-list ticks in the editor preview too', async () => {
  const page = sample.seeded.page;
  expect(taskLine).toBeGreaterThan(0);
  await page.goto(`${inject('baseURL')}?lang=en#/edit/${encodeURIComponent(sample.deckId)}?line=${taskLine}`);
  const boxes = page.frameLocator('lectern-slide-preview iframe').locator('input[type="checkbox"]');
  await expect.poll(() => boxes.count(), { timeout: 60_000 }).toBe(2);
  expect(await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(['Done', 'Not done']);
});

it('should announce the position and only what is visible, then each fragment alone, pressing through the deck', async () => {
  const page = sample.seeded.page;
  const deckId = sample.deckId;
  await openPresent(page, deckId, '&lang=vi');
  const n = await total(page);
  await expect.poll(() => spoken(page)).toMatch(new RegExp(`^Trang chiếu 1 / ${n}\\. Học tập và làm theo Nghị quyết Đại hội XIII của Đảng\\. `));

  const steps: string[] = [];
  // The clicker: PageDown, five presses (slide 2 arrives, its three bullets, slide 3).
  for (let i = 0; i < 5; i++) {
    const before = await spoken(page);
    await page.keyboard.press('PageDown');
    await expect.poll(() => spoken(page)).not.toBe(before);
    steps.push(await spoken(page));
  }
  expect(steps[0]).toBe(`Trang chiếu 2 / ${n}. Mở đầu: vì sao chúng ta học nghị quyết?`);
  // No bullet given away before it appears, no speaker notes.
  expect(steps[0]).not.toMatch(/ý chí chung|Chào lớp/);
  expect(steps[1]).toBe('Nghị quyết là ý chí chung của toàn Đảng, được thảo luận dân chủ và biểu quyết.');
  expect(steps[2]).toBe('Đảng viên là người đầu tiên phải hiểu, tin và làm theo.');
  expect(steps[3]).toBe('Học để làm: mỗi người tự hỏi nghị quyết đòi hỏi gì ở công việc của mình.');
  expect(steps[4]).toMatch(new RegExp(`^Trang chiếu 3 / ${n}\\. Nội dung buổi học\\. Chủ đề và tầm nhìn của Đại hội XIII\\. `));
  expect(steps[4]).toContain('Đã xong: Đã đọc toàn văn. Chưa xong: Chưa thảo luận.');
  // The position is in the UI language, the slide text in the deck's.
  expect(await page.locator('.lectern-announcer span').evaluateAll((els) => els.map((el) => el.getAttribute('lang')))).toEqual(['vi', 'vi']);
  const region = page.locator('.lectern-announcer');
  expect(await region.getAttribute('aria-live')).toBe('polite');

  await openPresent(page, deckId, '&lang=en');
  await page.keyboard.press('PageDown');
  await expect.poll(() => spoken(page)).toBe(`Slide 2 of ${n}. Mở đầu: vì sao chúng ta học nghị quyết?`);
  expect(await page.locator('.lectern-announcer span').evaluateAll((els) => els.map((el) => el.getAttribute('lang')))).toEqual(['en', 'vi']);
});

it('should announce the discussion countdown politely: start, one minute left, end', async () => {
  const page = sample.seeded.page;
  const deckId = sample.deckId;
  await openPresent(page, deckId, '&lang=vi');
  const said: string[] = [];
  await page.exposeFunction('lecternHeard', (text: string) => said.push(text));
  await page.evaluate(() => {
    const region = document.querySelector('.lectern-announcer');
    if (!region) throw new Error('no live region');
    new MutationObserver(() => (window as unknown as { lecternHeard(t: string): void }).lecternHeard(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  const toDiscussion = (nth: number) => slideWith(page, '.discussion', nth);
  // 63 s: the start, then "one minute left" three seconds later.
  await toDiscussion(1);
  await page.keyboard.press('t');
  await expect.poll(() => said, { timeout: 30_000 }).toContain('Bắt đầu thảo luận, còn 1:03');
  await expect.poll(() => said, { timeout: 60_000 }).toContain('Thảo luận: còn một phút');
  expect(said.filter((s) => s === 'Thảo luận: còn một phút')).toHaveLength(1);
  await page.keyboard.press('t'); // pause
  // 3 s: the end.
  await toDiscussion(0);
  await page.keyboard.press('t');
  await expect.poll(() => said, { timeout: 60_000 }).toContain('Hết giờ thảo luận');
  // Not read out every second: a handful of sentences, no running numbers.
  expect(said.filter((s) => /^\d+:\d{2}$/.test(s))).toEqual([]);
});
