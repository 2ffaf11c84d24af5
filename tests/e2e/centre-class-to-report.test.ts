// The real path end to end: a lecturer records a class in the app, it syncs to their database on
// the centre's server, and the administrator's "Whole centre" report (in another browser profile)
// counts it. Nothing is written to the server by the test itself.
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { ADMIN, AN, openConnected, useCentre } from './centre-library-support.ts';
import { recordSession } from './sessions-support.ts';

const chrome = useBrowser();
const setup = useCentre();

describe('a class recorded in the app reaches the Whole-centre report', () => {
  it('syncs the lecturer’s class and the administrator’s report counts it', { timeout: 600_000 }, async () => {
    const { server } = setup;
    const anContext = await chrome.browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
    const an = await openConnected(anContext, server, AN);
    await an.evaluate(() => (location.hash = '#/sessions'));
    await an.getByRole('heading', { name: 'Classes taught' }).waitFor({ timeout: 60_000 });
    await recordSession(an, { date: '2026-04-09', className: 'Lớp bồi dưỡng lý luận chính trị', cohort: 'New party members', learners: '57', minutes: '95' });
    await an.evaluate(() => (location.hash = '#/settings'));
    const group = an.locator('lectern-centre-sync');
    await group.getByRole('button', { name: 'Sync now' }).click({ timeout: 60_000 });
    await expect.poll(() => group.getByRole('status').innerText(), { timeout: 120_000 }).toMatch(/^Synced /);
    await expect.poll(() => group.getByText(/ · 0 waiting · 0 conflict$/).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await anContext.close();

    const adminContext = await chrome.browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
    const admin = await openConnected(adminContext, server, ADMIN);
    await admin.goto(`${inject('baseURL')}?lang=en#/report?from=2026-01-01&to=2026-06-30`);
    await admin.getByRole('radio', { name: 'Whole centre' }).check({ timeout: 60_000 });
    await expect.poll(() => admin.locator('[data-total="classes"]').textContent(), { timeout: 60_000 }).toBe('1');
    expect(await admin.locator('[data-total="learners"]').textContent()).toBe('57');
    const row = (await admin.locator(`tr[data-lecturer="${AN.name}"]`).innerText()).split('\t').map((s) => s.trim());
    expect(row).toEqual([AN.name, '1', '57', '95']);
    await adminContext.close();
  });
});
