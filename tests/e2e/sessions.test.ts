// Classes taught and the half-year report, driven the way an instructor would: record three
// sessions through the form (English UI, no decks needed), open the report for the first half of
// 2026, read the totals, download the CSV (compared byte for byte with a golden file) and print the
// report to PDF (its text, extracted with poppler's pdftotext, must hold the title and totals).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { recordSession } from './sessions-support.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const work = mkdtempSync(join(tmpdir(), 'lectern-sessions-e2e-'));

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
  context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

function pdfText(pdf: Buffer): string {
  const found = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error('pdftotext is missing: install poppler-utils (sudo apt-get install -y poppler-utils); .ci/run does this on CI.');
  }
  const file = join(work, 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}


it('records sessions, reports the half-year, downloads the CSV and prints the report', async () => {
  await page.goto(`${inject('baseURL')}?lang=en#/sessions`);
  await page.getByRole('heading', { name: 'Classes taught' }).waitFor();

  // Bad input first: a negative number of learners is refused with a message and nothing is stored.
  await page.getByRole('button', { name: 'Add session' }).click();
  await page.getByLabel('Date', { exact: true }).fill('2026-02-01');
  await page.getByLabel('Learners', { exact: true }).fill('-5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Learners cannot be negative.').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('No sessions yet.', { exact: false }).waitFor();

  await recordSession(page, { date: '2026-01-15', className: 'Lớp đảng viên mới K12', cohort: 'New party members', learners: '48', minutes: '90' });
  await recordSession(page, { date: '2026-03-20', className: 'Lớp cảm tình Đảng, đợt 1', cohort: 'Admission candidates', learners: '62', minutes: '120' });
  // The last day of the first half-year.
  await recordSession(page, { date: '2026-06-30', className: 'Lớp cảm tình Đảng, đợt 2', cohort: 'Admission candidates', learners: '35', minutes: '100' });
  await expect.poll(() => page.locator('tbody tr').count()).toBe(3);

  await page.getByRole('link', { name: 'Report' }).first().click();
  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-06-30');
  const heading = page.getByRole('heading', { level: 1, name: 'Teaching report, first half of 2026' });
  await heading.waitFor();

  expect(await page.locator('[data-total="classes"]').textContent()).toBe('3');
  expect(await page.locator('[data-total="learners"]').textContent()).toBe('145');
  expect(await page.locator('[data-total="minutes"]').textContent()).toBe('310');
  await page
    .getByText(
      '3 classes for 145 learners, of which 1 class of new party members for 48 probationary members and 2 classes of admission candidates for 97 people.',
    )
    .first()
    .waitFor();
  // The chart is an image with a name, and every bar has its text.
  const chart = page.getByRole('img', { name: 'Learners by cohort' });
  expect(await chart.count()).toBe(1);
  expect(await chart.locator('text.value').allTextContents()).toEqual([
    '48 learners, 1 class',
    '97 learners, 2 classes',
    '0 learners, 0 classes',
    '0 learners, 0 classes',
    '0 learners, 0 classes',
  ]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('report-2026-01-01_2026-06-30.csv');
  const csvPath = join(work, 'report.csv');
  await download.saveAs(csvPath);
  expect(readFileSync(csvPath)).toEqual(readFileSync('tests/fixtures/sessions/e2e-report-en.csv'));

  expect(await page.getByRole('button', { name: 'Print' }).isEnabled()).toBe(true);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  expect(text).toContain('Teaching report, first half of 2026');
  expect(text).toContain('3 classes for 145 learners');
  expect(text).toContain('Overall Classes Learners Minutes 3 145 310');
  expect(text).toContain('Admission candidates 2 97 220');
  expect(text).not.toContain('Download CSV'); // controls do not print
  expect(text).not.toContain('Skip to content');
  await page.emulateMedia({ media: 'screen' });
});

it('dates a class recorded at 00:30 on 1 July in Hà Nội (UTC+7) in the second half-year', async () => {
  const ctx = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const p = await ctx.newPage();
    // 17:30 UTC on 30 June is 00:30 on 1 July in Hà Nội: through UTC the day would be wrong.
    await p.clock.setFixedTime(new Date('2026-06-30T17:30:00Z'));
    await p.goto(`${inject('baseURL')}?lang=en#/sessions`);
    await p.getByRole('button', { name: 'Add session' }).click();
    expect(await p.getByLabel('Date', { exact: true }).inputValue()).toBe('2026-07-01');
    await p.getByLabel('Learners', { exact: true }).fill('20');
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.locator('lectern-sessions tbody tr').filter({ hasText: '1 Jul 2026' }).waitFor();
    // The report opens on the half-year of today: the second half, holding that class.
    await p.goto(`${inject('baseURL')}?lang=en#/report`);
    await p.getByRole('heading', { level: 1, name: 'Teaching report, second half of 2026' }).waitFor();
    expect(await p.getByLabel('From', { exact: true }).inputValue()).toBe('2026-07-01');
    expect(await p.getByLabel('To', { exact: true }).inputValue()).toBe('2026-12-31');
    expect(await p.locator('[data-total="classes"]').textContent()).toBe('1');
  } finally {
    await ctx.close();
  }
});
