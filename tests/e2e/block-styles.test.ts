// One stylesheet for Lectern's blocks: the same deck presented by the app, by a `lectern build`
// folder and by the app's Offline HTML export (both opened from file://) lays out every block
// kind -- discussion, question, excerpt, columns with widths -- in the same boxes. Before, the
// built site and the export had their own copy of the CSS: `::: column {width=40%}` came out 50/50.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright';
import { expect, inject, it } from 'vitest';
import { main } from '@lectern/cli';
import { EN_SAMPLE, openPresent, rewriteDeck, useSeededSample } from './present-support.ts';

const DECK = `---
title: Khối của Lectern
theme: white
lang: vi
---

# Thảo luận và câu hỏi

::: discussion {minutes=10 groups=4}
Vì sao **mỗi đảng viên** phải học tập nghị quyết?
:::

::: question {points=2}
Nêu chủ đề của Đại hội XIII.
:::

---

# Trích dẫn

::: excerpt {source="Văn kiện Đại hội XIII" number="01-NQ/TW"}
Khơi dậy khát vọng phát triển đất nước phồn vinh, hạnh phúc.
:::

---

# Hai cột

:::: columns
::: column {width=40%}
Cột hẹp: bốn phần mười.
:::
::: column {width=60%}
Cột rộng: sáu phần mười của trang.
:::
::::
`;

/** What is measured on each slide (reveal.js h index => selectors). */
const BLOCKS: [number, string[]][] = [
  [0, ['.discussion', '.question']],
  [1, ['.excerpt']],
  [2, ['.columns', '.columns > .column:nth-child(1)', '.columns > .column:nth-child(2)']],
];

type Box = { selector: string; left: number; top: number; width: number; height: number };

const suite = useSeededSample({ lang: 'en', tempDir: 'lectern-e2e-block-styles-' });

/** Boxes of the blocks on slide `h`, relative to the slide and in slide widths (so the scale
 *  reveal.js gives the slides does not matter), once two readings agree (transitions done). */
async function boxesOn(page: Page, h: number, selectors: string[]): Promise<Box[]> {
  const read = () =>
    page.evaluate(
      ([index, list]) => {
        const reveal = (window as unknown as { lecternReveal?: RevealLike; Reveal?: RevealLike }).lecternReveal ?? (window as unknown as { Reveal: RevealLike }).Reveal;
        reveal.slide(index, 0);
        const slide = reveal.getCurrentSlide();
        const base = slide.getBoundingClientRect();
        return list.map((selector) => {
          const r = slide.querySelector(selector)?.getBoundingClientRect();
          if (!r) return { selector, left: NaN, top: NaN, width: NaN, height: NaN };
          return { selector, left: (r.left - base.left) / base.width, top: (r.top - base.top) / base.width, width: r.width / base.width, height: r.height / base.width };
        });
        interface RevealLike {
          slide(h: number, v: number): void;
          getCurrentSlide(): HTMLElement;
        }
      },
      [h, selectors] as const,
    );
  let last = JSON.stringify(await read());
  for (;;) {
    await page.waitForTimeout(300);
    const next = JSON.stringify(await read());
    if (next === last) return JSON.parse(next) as Box[];
    last = next;
  }
}

async function allBoxes(page: Page): Promise<Box[]> {
  const out: Box[] = [];
  for (const [h, selectors] of BLOCKS) out.push(...(await boxesOn(page, h, selectors)));
  return out;
}

async function openFromFile(context: BrowserContext, indexHtml: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pathToFileURL(indexHtml).href);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout: 120_000 });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

function expectSameBoxes(actual: Box[], expected: Box[], path: string): void {
  expect(actual.map((b) => b.selector), path).toEqual(expected.map((b) => b.selector));
  for (const [i, box] of actual.entries()) {
    const want = expected[i]!;
    // Horizontal layout exactly (a hundredth of the slide's width), heights within a few
    // hundredths: the app serves its own copy of the theme's font, the static pages the
    // theme's embedded one.
    expect(Math.abs(box.left - want.left), `${path} ${box.selector} left`).toBeLessThan(0.01);
    expect(Math.abs(box.width - want.width), `${path} ${box.selector} width`).toBeLessThan(0.01);
    expect(Math.abs(box.height - want.height), `${path} ${box.selector} height`).toBeLessThan(0.03);
  }
}

it('lays out every block kind in the same boxes in the app, a lectern build and the Offline HTML export', { timeout: 600_000 }, async () => {
  const { seeded, browser, dir: work } = suite;
  const page = seeded.page;
  const deckId = seeded.ids[EN_SAMPLE] ?? '';
  await rewriteDeck(page, deckId, () => DECK);

  // 1. The app's presenter.
  await openPresent(page, deckId, '&lang=vi');
  await page.evaluate(() => document.fonts.ready);
  const app = await allBoxes(page);
  const [narrow, wide] = app.slice(-2);
  // The widths the author wrote: 40 % and 60 % of the row (less the gap between them).
  expect(narrow!.width / (narrow!.width + wide!.width)).toBeCloseTo(0.4, 1);

  // 2. `lectern build`, opened from file://.
  const deckFile = join(work, 'deck', 'deck.md');
  mkdirSync(dirname(deckFile), { recursive: true });
  writeFileSync(deckFile, DECK);
  const io = { stdout: () => undefined, stderr: () => undefined };
  expect(await main(['build', deckFile, '-o', join(work, 'site')], { ...io, cwd: work })).toBe(0);
  const viewer = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  expectSameBoxes(await allBoxes(await openFromFile(viewer, join(work, 'site', 'index.html'))), app, 'lectern build');

  // 3. The app's Offline HTML export, unzipped and opened from file://.
  await page.goto(`${inject('baseURL')}?lang=en#/library`);
  const button = page.locator(`article.deck[data-deck-id="${deckId}"]`).getByRole('button', { name: 'Offline HTML' });
  await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  const zip = join(work, 'export.zip');
  await download.saveAs(zip);
  const out = join(work, 'export');
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), bytes);
  }
  expectSameBoxes(await allBoxes(await openFromFile(viewer, join(out, 'index.html'))), app, 'Offline HTML');
  await viewer.close();
});
