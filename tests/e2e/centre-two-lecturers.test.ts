// Two lecturers and a centre administrator, each in a browser profile of their own, against a real
// centre server: the administrator publishes a deck with an image, the second lecturer finds it in
// "Centre library" and copies it with its image into their own library, and the administrator's
// "Whole centre" report shows both lecturers' classes and prints.
//
// The lecturers' sessions reach their databases the way sync leaves them there (written by each
// lecturer, as themselves): the app's own sync of records is another part of issue 16.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pdfPages } from '../support/libreoffice.ts';
import { useBrowser } from './support/browser.ts';
import { ADMIN, AN, BINH, DECK_IMAGE, DECK_TITLE, centreRegion, deckIdOf, makeDeckWithImage, openConnected, useCentre } from './centre-library-support.ts';

const chrome = useBrowser();
const setup = useCentre();
const work = mkdtempSync(join(tmpdir(), 'lectern-centre-two-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a centre with two lecturers and an administrator', () => {
  it('publishes, copies with the image, and reports the whole centre', { timeout: 600_000 }, async () => {
    const { server, centre } = setup;
    await centre.addSession(AN, { sessionId: 'an-1', date: '2026-01-15', cohort: 'new-members', learners: 48, minutes: 90, className: 'Lớp đảng viên mới K12', deckTitle: 'Nghị quyết' });
    await centre.addSession(AN, { sessionId: 'an-2', date: '2026-08-01', cohort: 'new-members', learners: 30, minutes: 90, className: 'Ngoài kỳ', deckTitle: 'Nghị quyết' });
    await centre.addSession(BINH, { sessionId: 'binh-1', date: '2026-03-20', cohort: 'candidates', learners: 62, minutes: 120, className: 'Cảm tình Đảng, đợt 1', deckTitle: 'Lý luận' });
    await centre.addSession(BINH, { sessionId: 'binh-2', date: '2026-06-30', cohort: 'candidates', learners: 35, minutes: 100, className: 'Cảm tình Đảng, đợt 2', deckTitle: 'Lý luận' });

    // The administrator brings a deck with an image into their library and publishes it.
    const adminContext = await chrome.browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
    const adminPage = await openConnected(adminContext, server, ADMIN);
    await makeDeckWithImage(adminPage, work);
    const card = adminPage.locator('article.deck').filter({ has: adminPage.locator('h2', { hasText: DECK_TITLE }) });
    await card.getByRole('button', { name: 'Publish to centre library' }).click({ timeout: 60_000 });
    await adminPage.getByText(`Published “${DECK_TITLE}” to the centre library.`).waitFor({ timeout: 60_000 });
    await centreRegion(adminPage).getByRole('heading', { name: DECK_TITLE }).waitFor();

    // The second lecturer sees it, without any way to publish, and copies it.
    const binhContext = await chrome.browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
    const binhPage = await openConnected(binhContext, server, BINH);
    const region = centreRegion(binhPage);
    await region.getByRole('heading', { name: DECK_TITLE }).waitFor({ timeout: 60_000 });
    expect(await region.locator('article').filter({ hasText: DECK_TITLE }).innerText()).toContain(ADMIN.name);
    expect(await binhPage.getByRole('button', { name: 'Publish to centre library' }).count()).toBe(0);
    expect(await binhPage.locator('article.deck h2', { hasText: DECK_TITLE }).count()).toBe(0);
    await region.getByRole('button', { name: `Copy “${DECK_TITLE}” to my library` }).click();
    // The copy opens in the editor, as a deck of the own library, with its image stored.
    await binhPage.waitForURL(/#\/edit\//, { timeout: 60_000 });
    const deckId = deckIdOf(binhPage.url());
    await binhPage.goto(`${inject('baseURL')}?lang=en#/media/${encodeURIComponent(deckId)}`);
    await binhPage.locator(`li.card[data-path="${DECK_IMAGE}"]`).waitFor({ timeout: 60_000 });
    expect(await binhPage.getByRole('heading', { name: 'Missing media' }).count()).toBe(0);
    await binhPage.goto(`${inject('baseURL')}?lang=en#/library`);
    await binhPage.locator('article.deck h2', { hasText: DECK_TITLE }).waitFor({ timeout: 60_000 });
    await binhContext.close();

    // The administrator's Whole-centre report: both lecturers' classes of the first half of 2026.
    await adminPage.goto(`${inject('baseURL')}?lang=en#/report?from=2026-01-01&to=2026-06-30`);
    await adminPage.getByRole('radio', { name: 'Whole centre' }).check({ timeout: 60_000 });
    await adminPage.getByRole('heading', { level: 1, name: 'Whole-centre teaching report, first half of 2026' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => adminPage.locator('[data-total="classes"]').textContent(), { timeout: 60_000 }).toBe('3');
    expect(await adminPage.locator('[data-total="learners"]').textContent()).toBe('145');
    const lecturerRow = (name: string) => adminPage.locator(`tr[data-lecturer="${name}"]`);
    expect((await lecturerRow(AN.name).innerText()).split('\t').map((s) => s.trim())).toEqual([AN.name, '1', '48', '90']);
    expect((await lecturerRow(BINH.name).innerText()).split('\t').map((s) => s.trim())).toEqual([BINH.name, '2', '97', '220']);
    expect((await lecturerRow(ADMIN.name).innerText()).split('\t').map((s) => s.trim())).toEqual([ADMIN.name, '0', '0', '0']);

    await adminPage.emulateMedia({ media: 'print' });
    const pdf = join(work, 'centre.pdf');
    writeFileSync(pdf, await adminPage.pdf({ format: 'A4', printBackground: true }));
    const text = (await pdfPages(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Whole-centre teaching report, first half of 2026');
    expect(text).toContain(`${AN.name} 1 48 90`);
    expect(text).toContain(`${BINH.name} 2 97 220`);
    expect(text).not.toContain('Whole centre'); // the controls do not print
    await adminContext.close();
  });
});
