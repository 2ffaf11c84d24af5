// The report screen's "Whole centre" (Vietnamese UI: "Toàn trung tâm"), against a real centre
// server: offered to a centre administrator only, every lecturer's sessions of the period in
// totals, by cohort and by lecturer, a document failing the schema left out and said so, the CSV
// with a row per lecturer, and the same report offline from the last fetch, with its time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { userDbName } from '@lectern/centre';
import { useBrowser } from './support/browser.ts';
import { ADMIN, AN, BINH, openConnected, useCentre } from './centre-library-support.ts';

const chrome = useBrowser();
const setup = useCentre();
const work = mkdtempSync(join(tmpdir(), 'lectern-centre-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const REPORT = `?lang=vi#/report?from=2026-01-01&to=2026-06-30`;

describe('Whole-centre report', () => {
  it('is not offered to a lecturer', { timeout: 300_000 }, async () => {
    const context = await chrome.browser.newContext({ locale: 'vi-VN' });
    const page = await openConnected(context, setup.server, AN, 'vi');
    await page.goto(`${inject('baseURL')}${REPORT}`);
    await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả giảng dạy 6 tháng đầu năm 2026' }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('radio', { name: 'Toàn trung tâm' }).count()).toBe(0);
    await context.close();
  });

  it('adds up every lecturer’s classes for an administrator, downloads the CSV, works offline', { timeout: 600_000 }, async () => {
    const { server, centre } = setup;
    await centre.addSession(AN, { sessionId: 'an-1', date: '2026-01-15', cohort: 'new-members', learners: 48, minutes: 90, className: 'Lớp K12', deckTitle: 'Nghị quyết', deckId: 'deck-an' });
    await centre.addSession(AN, { sessionId: 'an-2', date: '2025-12-31', cohort: 'new-members', learners: 30, minutes: 90, className: 'Kỳ trước', deckTitle: 'Nghị quyết', deckId: 'deck-an' });
    await centre.addSession(BINH, { sessionId: 'binh-1', date: '2026-03-20', cohort: 'candidates', learners: 62, minutes: 120, className: 'Cảm tình Đảng 1', deckTitle: 'Lý luận' });
    await centre.addSession(BINH, { sessionId: 'binh-2', date: '2026-06-30', cohort: 'candidates', learners: 35, minutes: 100, className: 'Cảm tình Đảng 2', deckTitle: 'Lý luận' });
    // Written by its owner (the server checks the owner only), but not a session the app accepts.
    const bad = await centre.put(BINH, userDbName(BINH.name), { _id: 'session:bad', type: 'session', owner: BINH.name, learners: 'nhiều' });
    expect(bad.status).toBe(201);

    const context = await chrome.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    const page = await openConnected(context, server, ADMIN, 'vi');
    await page.goto(`${inject('baseURL')}${REPORT}`);
    const whole = page.getByRole('radio', { name: 'Toàn trung tâm' });
    await whole.check({ timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả giảng dạy toàn trung tâm 6 tháng đầu năm 2026' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('[data-total="classes"]').textContent(), { timeout: 60_000 }).toBe('3');
    expect(await page.locator('[data-total="learners"]').textContent()).toBe('145');
    await page.getByText('1 tài liệu không hợp lệ đã bị bỏ qua, không tính vào báo cáo.').waitFor();
    await page.getByText(/^Số liệu lấy từ máy chủ trung tâm lúc /).waitFor();
    const cells = async (selector: string) => (await page.locator(selector).innerText()).split('\t').map((s) => s.trim());
    expect(await cells('tr[data-cohort="new-members"]')).toEqual(['Đảng viên mới', '1', '48', '90']);
    expect(await cells('tr[data-cohort="candidates"]')).toEqual(['Đối tượng kết nạp Đảng', '2', '97', '220']);
    expect(await cells(`tr[data-lecturer="${AN.name}"]`)).toEqual([AN.name, '1', '48', '90']);
    expect(await cells(`tr[data-lecturer="${BINH.name}"]`)).toEqual([BINH.name, '2', '97', '220']);
    // The lecturers' rows add up to the total, as their own reports would.
    const rows = await page.locator('tr[data-lecturer]').evaluateAll((trs) => trs.map((tr) => Number(tr.children[2]?.textContent?.replace(/\D/g, ''))));
    expect(rows.reduce((a, b) => a + b, 0)).toBe(145);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-toan-trung-tam-2026-01-01_2026-06-30.csv');
    const file = join(work, 'centre.csv');
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('Tổng cộng,6 tháng đầu năm 2026,3,145,310');
    expect(csv).toContain(`Giảng viên,${AN.name},1,48,90`);
    expect(csv).toContain(`Giảng viên,${BINH.name},2,97,220`);

    // Offline: the server cannot be reached; the report comes from the copy kept at the last fetch.
    await context.route(`${server.url}/**`, (route) => route.abort('connectionrefused'));
    await page.reload();
    await page.getByRole('radio', { name: 'Toàn trung tâm' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('radio', { name: 'Toàn trung tâm' }).isChecked()).toBe(true);
    await page.getByText(/^Không kết nối được máy chủ trung tâm: số liệu theo bản lưu lúc /).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-total="learners"]').textContent()).toBe('145');
    await context.close();
  });
});
