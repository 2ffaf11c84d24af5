// One slide numbering on every screen, driven in Chromium as an instructor would: the Vietnamese
// sample (a title slide from its front matter, 14 slides of its own, two of them under slide 10
// in a vertical stack) is "15 slides" on its library card, "10.2 / 15" in the presenter, rows
// 1…13 with 10.2/10.3 in the handout's table, whose discussion list names the same numbers as the
// table rows, and the plan screen's timing table; the printed handout says "Tổng cộng" once.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { expect, inject, it } from 'vitest';
import { parseDeck, planSummary, slideNumbering } from '@lectern/deck';
import { VI_SAMPLE, openPresent, useSeededSample } from './present-support.ts';

const suite = useSeededSample({ tempDir: 'lectern-e2e-slide-numbers-' });
const deck = parseDeck(readFileSync(join('slides', VI_SAMPLE, 'deck.md'), 'utf8'));
const numbering = slideNumbering(deck);
const deckId = () => suite.seeded.ids[VI_SAMPLE] ?? '';

it('numbers the sample the same way as reveal.js shows it (the expectation the screens are held to)', () => {
  expect(numbering.count).toBe(15);
  expect(numbering.linear).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '10.2', '10.3', '11', '12', '13']);
});

it('shows the same slide count on the library card as the presenter', async () => {
  const page = suite.seeded.page;
  await page.goto(`${inject('baseURL')}?lang=vi#/library`);
  const card = page.locator(`article.deck[data-deck-id="${deckId()}"]`);
  await card.waitFor({ timeout: 120_000 });
  const count = card.locator('div', { has: page.locator('dt', { hasText: 'Số trang' }) }).locator('dd');
  expect((await count.textContent())?.trim()).toBe('15');

  await openPresent(page, deckId(), '&lang=vi#/9/1');
  await expect.poll(() => slideNumberText(page), { timeout: 60_000 }).toBe('10.2/15');
  await goTo(page, 9, 2);
  await expect.poll(() => slideNumberText(page), { timeout: 60_000 }).toBe('10.3/15');
  await goTo(page, 0, 0);
  await expect.poll(() => slideNumberText(page), { timeout: 60_000 }).toBe('1/15');
});

it('numbers the handout’s table and its discussion list like the presenter, and prints the total once', async () => {
  const page = suite.seeded.page;
  await page.goto(`${inject('baseURL')}handout.html?lectern-deck=${deckId()}&lang=vi`);
  await page.waitForFunction(() => document.documentElement.dataset.lecternState, null, { timeout: 120_000 });
  const rows = await page.locator('lectern-handout section.outline tbody tr:not(.total) td:first-child').allTextContents();
  expect(rows.map((r) => r.trim())).toEqual(numbering.linear);
  // Each discussion names the row of the slide it is on.
  const plan = planSummary(deck);
  const prompts = await page.locator('lectern-handout section.discussions li.prompt p.meta').allTextContents();
  expect(prompts.map((p) => /Trang chiếu ([\d.]+)/.exec(p)?.[1])).toEqual(plan.discussions.map((d) => numbering.labels[d.slide]));
  expect(prompts.map((p) => /Trang chiếu ([\d.]+)/.exec(p)?.[1])).toEqual(['9', '11']);
  // Planned minutes by the one rule: 85 of the lesson's 90, nothing shared out to the title slide.
  const total = await page.locator('lectern-handout section.outline tr.total td').allTextContents();
  expect(total.map((t) => t.trim()).filter(Boolean)).toEqual(['Tổng cộng', '85 phút']);
  expect((await page.locator('lectern-handout section.outline tr.title-slide td').nth(2).textContent())?.trim()).toBe('');

  await page.emulateMedia({ media: 'print' });
  const file = join(suite.dir, 'handout.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  if (spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0) throw new Error('pdftotext is missing: install poppler-utils (.ci/run does this on CI).');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  expect(text.match(/Tổng cộng/g) ?? []).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
});

it('labels the plan screen’s timing table with the same numbers', async () => {
  const page = suite.seeded.page;
  await page.goto(`${inject('baseURL')}?lang=vi#/plan/${encodeURIComponent(deckId())}`);
  const table = page.locator('lectern-screen-plan table tbody');
  await table.locator('tr').first().waitFor({ timeout: 120_000 });
  const labels = (await table.locator('tr td:first-child').allTextContents()).map((l) => l.trim());
  const planned = deck.slides.filter((s) => s.attrs.minutes !== undefined || s.discussions.length > 0).map((s) => numbering.labels[s.index]);
  expect(labels).toEqual(planned);
  expect(labels).toContain('10.2');
  expect(labels).toContain('9');
});

function goTo(page: Page, h: number, v: number): Promise<void> {
  return page.evaluate(([x, y]) => (window as unknown as { lecternReveal: { slide(h: number, v: number): void } }).lecternReveal.slide(x, y), [h, v] as const);
}

async function slideNumberText(page: Page): Promise<string> {
  return (await page.locator('.reveal .slide-number').textContent())?.replace(/\s+/g, '') ?? '';
}
