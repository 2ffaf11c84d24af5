// "Xuất PowerPoint" / "Export as PowerPoint" in the built app, as an instructor uses it: on the
// sample deck's card (Vietnamese UI) and in the editor (English UI). The downloaded file is named
// after the deck's title with its Vietnamese letters, LibreOffice opens it (converted to PDF,
// read with pdftotext): one page per slide, headings and Vietnamese text intact; the toast says
// it is ready and what PowerPoint could not keep (the sample's .svg diagram and .webm clip).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '@lectern/deck';
import { deckCards, openLibrary, SAMPLE_TITLE as SAMPLE, useBrowser } from './support/browser.ts';
import { convertToPdf, pdfPageCount, pdfPages } from '../support/libreoffice.ts';

const chrome = useBrowser({ tempDir: 'lectern-e2e-pptx-' });
const { dir } = chrome;

const SLIDES = fileURLToPath(new URL('../../slides/', import.meta.url));
const deck = parseDeck(await readFile(join(SLIDES, 'nghi-quyet-dang-vien-moi', 'deck.md'), 'utf8'));
const PAGES = deck.slides.length + (deck.meta.titleSlide ? 1 : 0);

async function sampleCard(page: Page, lang: 'vi' | 'en') {
  await openLibrary(page, lang);
  return deckCards(page);
}

/** LibreOffice's view of the file: page count and every slide title, in order. */
async function checkInLibreOffice(file: string): Promise<void> {
  const pdf = await convertToPdf(file, dir);
  expect(await pdfPageCount(pdf)).toBe(PAGES);
  const pages = await pdfPages(pdf);
  const offset = deck.meta.titleSlide ? 1 : 0;
  if (deck.meta.titleSlide) expect(pages[0]!.replace(/\s+/g, ' ')).toContain(deck.meta.title);
  deck.slides.forEach((slide, i) => expect(pages[i + offset]!.replace(/\s+/g, ' '), `page ${i + offset + 1}`).toContain(slide.title));
}

describe('export as PowerPoint', () => {
  it('exports from the deck card: download named after the title, progress, toast with the losses, opens in LibreOffice', { timeout: 300_000 }, async () => {
    const context = await chrome.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const card = await sampleCard(page, 'vi');
    const button = card.getByRole('button', { name: 'Xuất PowerPoint' });
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe(`${SAMPLE}.pptx`);
    const toast = page.locator('.toasts');
    await expect.poll(() => toast.textContent(), { timeout: 10_000 }).toContain(`Đã tạo “${SAMPLE}.pptx”; 3 mục không giữ được trong PowerPoint`);
    const text = (await toast.textContent()) ?? '';
    expect(text).toContain('media/quy-trinh.svg: PowerPoint không hiển thị được định dạng này');
    expect(text).toContain('media/clip.webm: PowerPoint không hiển thị được định dạng này');
    expect(text).toContain('các phần hiện dần (fragment) được hiện cùng lúc');
    // The progress row goes away once the file is ready.
    await expect.poll(() => card.locator('.export-progress').count()).toBe(0);
    const file = join(dir, 'the-card.pptx');
    await download.saveAs(file);
    expect(errors).toEqual([]);
    await context.close();
    await checkInLibreOffice(file);
  });

  it('exports from the editor (English UI)', { timeout: 300_000 }, async () => {
    const context = await chrome.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const card = await sampleCard(page, 'en');
    await card.locator('a.edit').click();
    const button = page.getByRole('button', { name: 'Export as PowerPoint' });
    await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe(`${SAMPLE}.pptx`);
    await expect.poll(() => page.locator('.toasts').textContent(), { timeout: 10_000 }).toContain(`Created “${SAMPLE}.pptx”; 3 thing(s) could not be kept in PowerPoint`);
    const file = join(dir, 'the-editor.pptx');
    await download.saveAs(file);
    await context.close();
    await checkInLibreOffice(file);
  });
});
