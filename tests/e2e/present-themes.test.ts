// Themes for Vietnamese, offline: every theme Lectern offers (reveal.js's white, black and their
// contrast variants) renders all 146 Vietnamese letters from the font shipped inside the theme
// (checked by measuring each letter in the theme font over two different fallbacks: a letter
// the font lacks takes the fallback's width), makes no network request, and keeps Lectern's
// excerpt, question and discussion blocks at WCAG AA contrast. The measurement is shown to
// catch a font without Vietnamese: League Gothic (reveal.js's `league` headings) fails it. A
// deck naming an unsuitable theme gets a shipped one instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright';
import { expect, inject, it } from 'vitest';
import { openPresent, rewriteDeck, screenshotPath, useSeededSample } from './present-support.ts';

const sample = useSeededSample();

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LOWER = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];
const LETTERS = [...LOWER, ...LOWER.map((l) => l.toUpperCase())];

/** Letters of `letters` that `family` does not draw itself (measured against two fallbacks). */
function missingGlyphs(page: Page, family: string, letters: string[]): Promise<string[]> {
  return page.evaluate(
    async ([fam, list]) => {
      await document.fonts.load(`48px ${fam}`, list.join(''));
      const box = document.createElement('div');
      box.style.cssText = 'position:absolute;left:-9999px;top:0;font-size:48px;white-space:nowrap';
      document.body.append(box);
      const width = (letter: string, fallback: string) => {
        const span = document.createElement('span');
        span.style.fontFamily = `${fam}, ${fallback}`;
        span.textContent = letter.repeat(4);
        box.append(span);
        const w = span.getBoundingClientRect().width;
        span.remove();
        return w;
      };
      const missing = list.filter((l) => Math.abs(width(l, 'monospace') - width(l, 'serif')) > 0.01);
      box.remove();
      return missing;
    },
    [family, letters] as const,
  );
}

/** WCAG contrast ratio of two computed `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r = 0, g = 0, bl = 0] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

interface Contrast {
  what: string;
  ratio: number;
}

function blockContrasts(page: Page): Promise<Contrast[]> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (c: string) => {
      const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const out: { what: string; ratio: number }[] = [];
    for (const kind of ['excerpt', 'question', 'discussion']) {
      const block = document.querySelector<HTMLElement>(`.reveal .slides .${kind}`);
      if (!block) throw new Error(`no .${kind} in the deck`);
      const bg = getComputedStyle(block).backgroundColor;
      if (rgb(bg)[3] !== undefined && rgb(bg)[3]! < 1) throw new Error(`.${kind} background is not opaque: ${bg}`);
      out.push({ what: `${kind} text`, ratio: ratio(getComputedStyle(block).color, bg) });
      const p = block.querySelector('p');
      if (p) out.push({ what: `${kind} paragraph`, ratio: ratio(getComputedStyle(p).color, bg) });
      const before = getComputedStyle(block, '::before');
      if (before.content !== 'none') out.push({ what: `${kind} label`, ratio: ratio(before.color, bg) });
      const cite = block.querySelector('cite');
      if (cite) out.push({ what: `${kind} citation`, ratio: ratio(getComputedStyle(cite).color, bg) });
    }
    return out;
  });
}

it('should have 146 Vietnamese letters to test', () => {
  expect(new Set(LETTERS).size).toBe(146);
  expect(LETTERS.every((l) => [...l].length === 1)).toBe(true);
});

for (const [asked, used] of [
  ['white', 'white'],
  ['black', 'black'],
  ['white-contrast', 'white-contrast'],
  ['black-contrast', 'black-contrast'],
  ['league', 'black'],
  ['beige', 'white'],
  ['moon', 'black'],
] as const) {
  it(`should render every Vietnamese letter offline with AA blocks for theme "${asked}"`, async () => {
    const page = sample.seeded.page;
    await rewriteDeck(page, sample.deckId, (md) => md.replace(/^theme: .*$/m, `theme: ${asked}`));
    const external: string[] = [];
    const base = inject('baseURL');
    const onRequest = (req: { url(): string }) => {
      const url = req.url();
      if (!url.startsWith(base) && !url.startsWith('blob:') && !url.startsWith('data:')) external.push(url);
    };
    page.on('request', onRequest);
    await openPresent(page, sample.deckId, '&lectern-slide=3.0');
    page.off('request', onRequest);
    expect(external).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.lecternTheme)).toBe(used);

    const fonts = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.reveal')!);
      return [style.getPropertyValue('--r-main-font').trim(), style.getPropertyValue('--r-heading-font').trim()];
    });
    for (const family of new Set(fonts)) {
      expect(family).toMatch(/Source Sans Pro/);
      expect(await page.evaluate((f) => document.fonts.check(`48px ${f}`), family)).toBe(true);
      expect(await missingGlyphs(page, family, LETTERS)).toEqual([]);
    }
    // The theme's own background and text: the page really is dark for a dark theme, and
    // headings and body text read on it.
    const page_ = await page.evaluate(() => {
      const viewport = document.querySelector('.reveal-viewport') ?? document.body;
      const reveal = document.querySelector('.reveal')!;
      return {
        background: getComputedStyle(viewport).backgroundColor,
        expected: getComputedStyle(reveal).getPropertyValue('--r-background-color').trim(),
        heading: getComputedStyle(document.querySelector('.reveal .slides h2')!).color,
        text: getComputedStyle(reveal).color,
      };
    });
    const hex = (c: string) => '#' + (c.match(/\d+/g) ?? []).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
    expect(hex(page_.background)).toBe(page_.expected.length === 4 ? page_.expected.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') : page_.expected);
    expect(contrast(page_.heading, page_.background), `headings in ${used}`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(page_.text, page_.background), `text in ${used}`).toBeGreaterThanOrEqual(4.5);
    for (const { what, ratio } of await blockContrasts(page)) {
      expect(ratio, `${what} in ${used}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.screenshot({ path: screenshotPath(`theme-${asked}`) });
  });
}

it('should catch a font without Vietnamese (League Gothic) with the same measurement', async () => {
  const page = sample.seeded.page;
  await openPresent(page, sample.deckId);
  const league = readFileSync(createRequire(import.meta.url).resolve('reveal.js/theme/league.css'), 'utf8');
  const face = /@font-face\{font-family:League Gothic;[^}]*\}/.exec(league)?.[0];
  expect(face).toBeTruthy();
  await page.addStyleTag({ content: face ?? '' });
  const missing = await missingGlyphs(page, '"League Gothic"', LETTERS);
  expect(missing.length).toBeGreaterThan(80);
});
