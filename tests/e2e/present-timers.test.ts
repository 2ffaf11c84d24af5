// Timers and tools while presenting: a discussion countdown with a short `minutes` value runs and
// ends (quiet signal on the projected slide, group count shown), pauses and extends from the
// keyboard and from the speaker view; the one-screen presenter console shows notes, the next
// slide, the class time and pacing; white screen, laser pointer and blackout; and the
// after-class prompt stores a session (or is skipped) and returns to where the instructor was.
import type { Page } from 'playwright';
import { expect, inject, it } from 'vitest';
import { indices, openPresent, rewriteDeck, screenshotPath, slideWith, useSeededSample } from './present-support.ts';

const sample = useSeededSample({
  prepare: async (seeded, deckId) => {
    // Short discussions: 0.05 minutes (3 s) for the first, 1 minute for the second.
    await rewriteDeck(seeded.page, deckId, (md) =>
      md.replace('::: discussion {minutes=15 groups=4}', '::: discussion {minutes=0.05 groups=4}').replace('::: discussion {minutes=5}', '::: discussion {minutes=1}'),
    );
  },
});

const widget = (page: Page) => page.locator('.lectern-countdown');
const state = (page: Page) => widget(page).getAttribute('data-state');
const remaining = async (page: Page) => Number(await widget(page).getAttribute('data-remaining-ms'));

it('should run a discussion countdown to its end, and pause and extend another from the keyboard', async () => {
  const page = sample.seeded.page;
  await openPresent(page, sample.deckId, '&lang=vi');
  expect(await widget(page).isHidden()).toBe(true); // title slide: no discussion

  await slideWith(page, '.discussion', 0);
  await expect.poll(() => widget(page).isVisible()).toBe(true);
  expect(await widget(page).innerText()).toContain('4 nhóm');
  expect(await state(page)).toBe('paused');
  expect(await remaining(page)).toBe(3000);

  await page.keyboard.press('t');
  expect(await state(page)).toBe('running');
  await expect.poll(() => state(page), { timeout: 60_000 }).toBe('ended');
  expect(await widget(page).innerText()).toContain('Hết giờ');
  await page.screenshot({ path: screenshotPath('countdown-ended') });

  // The second prompt: start, pause (time stands still), then one more minute with '+'.
  await slideWith(page, '.discussion', 1);
  await expect.poll(() => state(page)).toBe('paused');
  expect(await remaining(page)).toBe(60_000);
  await page.keyboard.press('t');
  await expect.poll(() => remaining(page)).toBeLessThan(60_000);
  await page.keyboard.press('t');
  expect(await state(page)).toBe('paused');
  const paused = await remaining(page);
  await page.waitForTimeout(400);
  expect(await remaining(page)).toBe(paused);
  await page.keyboard.press('Equal');
  expect(await remaining(page)).toBe(paused + 60_000);
  await page.keyboard.press('NumpadAdd');
  expect(await remaining(page)).toBe(paused + 120_000);

  // Each discussion keeps its own time: the first is still over when we come back.
  await slideWith(page, '.discussion', 0);
  await expect.poll(() => state(page)).toBe('ended');
});

it('should start, pause and extend the countdown from the speaker view', async () => {
  const page = sample.seeded.page;
  await openPresent(page, sample.deckId, '&lang=vi');
  await slideWith(page, '.discussion', 1);
  const [popup] = await Promise.all([sample.seeded.context.waitForEvent('page'), page.keyboard.press('s')]);
  const toggle = popup.locator('#lectern-panel button[data-action="toggle"]');
  await toggle.waitFor({ timeout: 60_000 });
  await toggle.click();
  await expect.poll(() => state(page)).toBe('running');
  await popup.locator('#lectern-panel button[data-action="toggle"]').click();
  await expect.poll(() => state(page)).toBe('paused');
  const before = await remaining(page);
  await popup.locator('#lectern-panel button[data-action="extend"]').click();
  expect(await remaining(page)).toBe(before + 60_000);
  // The T key pressed in the speaker view works too (handled by the main window).
  await popup.keyboard.press('t');
  await expect.poll(() => state(page)).toBe('running');
  await popup.keyboard.press('t');
  await popup.close();
});

it('should offer white screen, laser pointer and blackout from the keyboard', async () => {
  const page = sample.seeded.page;
  await openPresent(page, sample.deckId);
  await page.keyboard.press('w');
  expect(await page.locator('.lectern-white-screen').isVisible()).toBe(true);
  await page.keyboard.press('w');
  expect(await page.locator('.lectern-white-screen').isHidden()).toBe(true);
  await page.keyboard.press('x');
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 310);
  await expect.poll(() => page.locator('.lectern-laser').isVisible()).toBe(true);
  await page.keyboard.press('x');
  expect(await page.locator('.lectern-laser').isHidden()).toBe(true);
  await page.keyboard.press('b');
  expect(await page.evaluate(() => (window as unknown as { lecternReveal: { isPaused(): boolean } }).lecternReveal.isPaused())).toBe(true);
  await page.keyboard.press('b');
});

it('should show notes, next slide, class time and pacing in the one-screen presenter mode', async () => {
  const page = sample.seeded.page;
  await openPresent(page, sample.deckId, '&lang=vi&lectern-mode=presenter&lectern-slide=1.0');
  const consoleEl = page.locator('lectern-presenter-console');
  await consoleEl.waitFor();
  await expect.poll(() => consoleEl.locator('.notes-body').innerText()).toContain('Chào lớp');
  // The next-slide preview is a receiver showing the step after the current one (a fragment).
  const preview = page.frameLocator('lectern-presenter-console iframe.next');
  const previewIndices = () =>
    preview.locator('html').evaluate(() => (window as unknown as { lecternReveal?: { getIndices(): { h: number; v: number; f?: number } } }).lecternReveal?.getIndices() ?? null);
  await expect.poll(previewIndices, { timeout: 60_000 }).toMatchObject({ h: 1, v: 0, f: 0 });
  await page.keyboard.press('ArrowRight');
  await expect.poll(previewIndices, { timeout: 30_000 }).toMatchObject({ h: 1, v: 0, f: 1 });
  await expect.poll(() => consoleEl.locator('.pace').getAttribute('data-pace')).toMatch(/ahead|on-time|behind/);
  // The deck plans 90 minutes: the time left counts down from there.
  await expect.poll(() => consoleEl.locator('.remaining').innerText()).toMatch(/^1:[23]\d:\d\d$/);
  const elapsed = consoleEl.locator('.elapsed');
  await expect.poll(() => elapsed.innerText(), { timeout: 30_000 }).not.toBe('0:00');
  // A stray click anywhere on the console does not reset the class time.
  const before = await elapsed.innerText();
  await consoleEl.locator('.notes').click();
  expect((await elapsed.innerText()) >= before).toBe(true);
  await page.screenshot({ path: screenshotPath('presenter-console') });
});

it('should offer to record the class when it ends, store it, and return to the app', async () => {
  const page = sample.seeded.page;
  // The instructor came from the library: leaving returns there.
  await page.goto(`${inject('baseURL')}?lang=vi#/sessions`);
  await page.waitForFunction(() => localStorage.getItem('lectern.returnRoute') === '#/sessions');
  await openPresent(page, sample.deckId, '&lang=vi');
  await page.keyboard.press('q');
  const dialog = page.locator('lectern-after-class dialog');
  await dialog.waitFor();
  // The deck's audience "Đảng viên mới (…)" preselects the cohort the report counts it under.
  expect(await dialog.locator('select[name="cohort"]').inputValue()).toBe('new-members');
  await dialog.locator('input[name="className"]').fill('Lớp đảng viên mới khóa 3 – Đảng bộ xã Đông Hòa');
  await dialog.locator('input[name="learners"]').fill('42');
  await dialog.locator('button[data-action="save"]').click();
  await page.waitForURL(/index\.html#\/sessions$/);
  const sessions = await page.evaluate(
    () =>
      new Promise<{ className: string; learners: number; deckId?: string; deckTitle: string }[]>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onsuccess = () => {
          const req = open.result.transaction('sessions').objectStore('sessions').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ className: 'Lớp đảng viên mới khóa 3 – Đảng bộ xã Đông Hòa', learners: 42, deckId: sample.deckId, cohort: 'new-members' });

  // Never forced: Skip leaves without storing anything more.
  await openPresent(page, sample.deckId, '&lang=vi');
  await page.keyboard.press('q');
  await page.locator('lectern-after-class button[data-action="skip"]').click();
  await page.waitForURL(/index\.html#\/sessions$/);
  expect(await indices(page).catch(() => null)).toBeNull();
});
