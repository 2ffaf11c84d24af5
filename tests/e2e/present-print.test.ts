// Printing: the lesson-plan handout (handout.html) printed to an A4 PDF whose text -- extracted
// with poppler's pdftotext -- holds the title, audience, duration, every objective, every
// discussion prompt, every excerpt's source and every question, with Vietnamese intact; videos
// appear as still frames; a screenshot of the printed handout goes to docs/images/handout-vi.png. And the slides through reveal.js's print view (?print-pdf).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { parseDeck } from '@lectern/deck';
import { VI_SAMPLE, openPresent, screenshotPath, useSeededSample, type Seeded } from './present-support.ts';

let seeded: Seeded;
let deckId: string;
// Kept as plain variables (set once seeded) so the tests below read as before.
const { dir: work } = useSeededSample({ tempDir: 'lectern-print-e2e-', prepare: (started, id) => void ((seeded = started), (deckId = id)) });
const source = readFileSync(join('slides', VI_SAMPLE, 'deck.md'), 'utf8');
const deck = parseDeck(source);

function pdfText(pdf: Buffer, name: string): string {
  if (spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0) {
    throw new Error('pdftotext is missing: install poppler-utils (sudo apt-get install -y poppler-utils); .ci/run does this on CI.');
  }
  const file = join(work, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** pdftotext breaks lines where the page did: compare with all whitespace folded. */
const fold = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
/** Markdown to the plain words a reader sees (enough for the sample's prompts). */
const plain = (md: string) => fold(md.replace(/\*\*|__|\*|`/g, ''));

it('should print the lesson-plan handout to an A4 PDF with objectives, prompts, excerpt sources and questions', async () => {
  const page = seeded.page;
  await page.goto(`${inject('baseURL')}handout.html?lectern-deck=${deckId}&lang=vi`);
  await page.waitForFunction(() => document.documentElement.dataset.lecternState, null, { timeout: 120_000 });
  expect(await page.evaluate(() => document.documentElement.dataset.lecternState)).toBe('ready');
  await page.screenshot({ path: screenshotPath('handout'), fullPage: true });

  // The video prints as a still (poster frame), never as a <video> black box.
  expect(await page.locator('lectern-handout video').count()).toBe(0);
  const still = page.locator('lectern-handout figure.media-video img');
  expect(await still.count()).toBe(1);
  expect(await still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await page.emulateMedia({ media: 'print' });
  // The printed handout as the docs show it (print stylesheet, Vietnamese).
  await page.screenshot({ path: screenshotPath('handout-print-vi'), fullPage: true });
  copyFileSync(screenshotPath('handout-print-vi'), join('docs', 'images', 'handout-vi.png'));
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = fold(pdfText(pdf, 'handout.pdf'));
  expect(text).toContain(fold(deck.meta.title ?? ''));
  expect(text).toContain('Đảng viên mới (kết nạp dưới 12 tháng)');
  expect(text).toContain('90 phút');
  const objectives = [...deck.meta.objectives.knowledge, ...deck.meta.objectives.skills, ...deck.meta.objectives.attitude];
  expect(objectives.length).toBe(6);
  for (const objective of objectives) expect(text).toContain(fold(objective));
  const prompts = deck.slides.flatMap((s) => s.discussions);
  expect(prompts.length).toBe(2);
  for (const prompt of prompts) expect(text).toContain(plain(prompt.text));
  const excerpts = deck.slides.flatMap((s) => s.excerpts);
  expect(excerpts.length).toBe(3);
  for (const excerpt of excerpts) expect(text).toContain(fold(excerpt.source ?? 'missing source'));
  expect(text).toContain('01-CT/TW');
  // Dates in the formal form of an official document: the deck's date and the excerpts' dates.
  expect(deck.meta.date).toBe('2026-03-10');
  expect(text).toContain('ngày 10 tháng 3 năm 2026');
  expect(text).toContain('ngày 9 tháng 3 năm 2021');
  expect(text).not.toMatch(/\d+ tháng \d+, \d{4}/);
  // Slides are "trang chiếu" (the glossary), never "Slide".
  expect(text).not.toMatch(/\bSlide\b/);
  for (const question of deck.slides.flatMap((s) => s.questions)) expect(text).toContain(plain(question.text).slice(0, 60));
  for (const reference of deck.meta.references) expect(text).toContain(fold(reference).slice(0, 50));
  // Speaker notes only when chosen.
  expect(text).not.toContain('Chào lớp, giới thiệu bản thân');
  await page.emulateMedia({ media: 'screen' });
  await page.locator('lectern-handout input[type="checkbox"]').check();
  expect(page.url()).toContain('lectern-notes=1');
  const withNotes = fold(pdfText(await page.pdf({ format: 'A4' }), 'handout-notes.pdf'));
  expect(withNotes).toContain('Chào lớp, giới thiệu bản thân');
});

it('should write the handout dates as "10 March 2026" in English', async () => {
  const page = seeded.page;
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${inject('baseURL')}handout.html?lectern-deck=${deckId}&lang=en`);
  await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 120_000 });
  await page.getByText('10 March 2026', { exact: true }).first().waitFor();
  await page.getByText(/9 March 2021/).first().waitFor();
  expect(await page.getByText(/ngày \d+ tháng/).count()).toBe(0);
});

it('should print the slides through reveal.js print view with videos as still frames', async () => {
  const page = seeded.page;
  await openPresent(page, deckId, '&print-pdf');
  expect(await page.locator('.reveal .slides video').count()).toBe(0);
  const still = page.locator('.reveal .slides img.lectern-video-still');
  expect(await still.count()).toBe(1);
  expect(await still.getAttribute('src')).toMatch(/^(blob:|data:image)/);
  expect(await page.locator('.lectern-hud, .lectern-countdown').count()).toBe(0);
  const pdf = await page.pdf({ width: '1280px', height: '720px', printBackground: true, preferCSSPageSize: true });
  const text = fold(pdfText(pdf, 'slides.pdf'));
  for (const slide of deck.slides) if (slide.title) expect(text.toLowerCase()).toContain(fold(slide.title).toLowerCase());
});
