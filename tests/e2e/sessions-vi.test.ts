// The same path in Vietnamese, the users' language: diacritics must survive the form, the store,
// the CSV (golden file, Vietnamese headers) and the printed PDF; editing and delete-with-undo go
// through the UI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const work = mkdtempSync(join(tmpdir(), 'lectern-sessions-vi-e2e-'));

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
  context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const rows = () => page.locator('lectern-sessions tbody tr');

it('records, edits, deletes with undo and reports in Vietnamese', async () => {
  await page.goto(`${inject('baseURL')}?lang=vi#/sessions`);
  await page.getByRole('heading', { name: 'Các buổi đã dạy' }).waitFor();

  const add = async (date: string, className: string, cohort: string, learners: string) => {
    await page.getByRole('button', { name: 'Thêm buổi học' }).click();
    await page.getByLabel('Ngày', { exact: true }).fill(date);
    await page.getByLabel('Lớp', { exact: true }).fill(className);
    await page.getByLabel('Đối tượng', { exact: true }).selectOption({ label: cohort });
    await page.getByLabel('Số học viên', { exact: true }).fill(learners);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Lưu', exact: true }).count()).toBe(0);
  };
  await add('2026-07-01', 'Lớp cảm tình Đảng "đặc biệt", đợt 3', 'Đối tượng kết nạp Đảng', '70');
  await add('2026-12-31', 'Lớp bí thư chi bộ', 'Bí thư chi bộ, cấp ủy viên', '25');
  // Outside the half-year: must not count.
  await add('2027-01-01', 'Lớp năm sau', 'Khác', '999');
  await expect.poll(() => rows().count()).toBe(3);

  // Edit: 70 -> 71 learners.
  await rows().filter({ hasText: 'đặc biệt' }).getByRole('button', { name: /^Sửa/ }).click();
  await page.getByLabel('Số học viên', { exact: true }).fill('71');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect.poll(() => rows().filter({ hasText: 'đặc biệt' }).locator('td').nth(4).textContent()).toBe('71');

  // Delete, then undo from the notice.
  await rows().filter({ hasText: 'Lớp bí thư chi bộ' }).getByRole('button', { name: /^Xóa/ }).click();
  await expect.poll(() => rows().count()).toBe(2);
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect.poll(() => rows().count()).toBe(3);

  // The list itself as CSV (newest first, as shown).
  const [listDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất danh sách (CSV)' }).click(),
  ]);
  expect(listDownload.suggestedFilename()).toMatch(/^buoi-hoc-\d{4}-\d{2}-\d{2}\.csv$/);
  const listPath = join(work, 'buoi-hoc.csv');
  await listDownload.saveAs(listPath);
  expect(readFileSync(listPath)).toEqual(readFileSync('tests/fixtures/sessions/e2e-sessions-vi.csv'));

  await page.goto(`${inject('baseURL')}?lang=vi#/report`);
  await page.getByLabel('Chọn kỳ', { exact: true }).selectOption({ label: '6 tháng cuối năm' });
  await page.getByLabel('Năm', { exact: true }).fill('2026');
  await page.getByLabel('Năm', { exact: true }).dispatchEvent('change');
  await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả giảng dạy 6 tháng cuối năm 2026' }).waitFor();
  expect(await page.locator('[data-total="classes"]').textContent()).toBe('2');
  expect(await page.locator('[data-total="learners"]').textContent()).toBe('96');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('bao-cao-2026-07-01_2026-12-31.csv');
  const csvPath = join(work, 'bao-cao.csv');
  await download.saveAs(csvPath);
  expect(readFileSync(csvPath)).toEqual(readFileSync('tests/fixtures/sessions/e2e-report-vi.csv'));

  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(work, 'bao-cao.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Báo cáo kết quả giảng dạy 6 tháng cuối năm 2026');
  // The date it was prepared, in the formal form ("Lập ngày 7 tháng 12 năm 2026"), today's date
  // where the page is (Asia/Ho_Chi_Minh): from 17:00 UTC that is already tomorrow for this process.
  const [day, month, year] = await page.evaluate(() => {
    const today = new Date();
    return [today.getDate(), today.getMonth() + 1, today.getFullYear()];
  });
  expect(text).toContain(`Lập ngày ${day} tháng ${month} năm ${year}`);
  expect(text).toContain(
    '2 lớp với 96 học viên, trong đó 1 lớp đối tượng kết nạp Đảng với 71 quần chúng ưu tú và 1 lớp bí thư chi bộ và cấp ủy viên với 25 bí thư chi bộ và cấp ủy viên.',
  );
  expect(text).not.toContain('Tải CSV');
});
