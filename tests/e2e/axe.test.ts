// axe-core (WCAG 2.1 A/AA) over every page an instructor or a learner sees, in Vietnamese and in
// English: the library, the editor, the plan, media and excerpts screens, sessions, the report,
// settings, the presenting page (several slides, every shipped theme, the presenter console, the
// after-class dialog) and the printable handout. No serious or critical violation is allowed;
// rules listed in SHADOW_DOM_FALSE_POSITIVES would be skipped where axe cannot judge a lit page,
// each with the reason (none is needed: axe-core reads open shadow roots).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright';
import { expect, it } from 'vitest';
import { inject } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { VI_SAMPLE, openPresent, rewriteDeck, seededContext, type Seeded } from './present-support.ts';

// Injected with evaluate, not a <script> tag: the app's CSP (script-src 'self') refuses inline
// scripts, and the tool must not need the policy loosened.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Rules axe gets wrong on Lectern's shadow-DOM screens, with why. Empty when none is needed. */
const SHADOW_DOM_FALSE_POSITIVES: Record<string, string> = {};

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const seeded: Partial<Record<'vi' | 'en', Seeded>> = {};
// Both libraries' contexts close with the browser.
useBrowser({
  setUp: async (browser) => {
    seeded.vi = await seededContext(browser, 'vi');
    seeded.en = await seededContext(browser, 'en');
  },
});

/** Runs axe on the page as it is now; returns the serious and critical violations. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const disabled = Object.keys(SHADOW_DOM_FALSE_POSITIVES);
  const found = await page.evaluate(async (skip) => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: Object.fromEntries(skip.map((id) => [id, { enabled: false }])),
      iframes: false,
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, disabled);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function appScreen(page: Page, lang: 'vi' | 'en', hash: string, ready: string): Promise<void> {
  await page.goto(`${inject('baseURL')}?lang=${lang}${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500); // lit screens settle (async data) before axe looks
}

for (const lang of ['vi', 'en'] as const) {
  it(`should find no serious or critical violation on the authoring screens (${lang})`, async () => {
    const s = seeded[lang];
    if (!s) throw new Error('not seeded');
    const page = s.page;
    const deckId = s.ids[VI_SAMPLE] ?? '';
    const screens: [string, string, string][] = [
      ['library', '#/library', 'lectern-screen-library'],
      ['editor', `#/edit/${deckId}`, '.cm-content'],
      ['plan', `#/plan/${deckId}`, 'lectern-screen-plan'],
      ['media', `#/media/${deckId}`, 'lectern-screen-media'],
      ['excerpts', '#/excerpts', 'lectern-screen-excerpts'],
      ['sessions', '#/sessions', 'lectern-sessions'],
      ['report', '#/report', 'lectern-report'],
      ['settings', '#/settings', 'lectern-screen-settings'],
    ];
    const report: Record<string, Violation[]> = {};
    for (const [name, hash, ready] of screens) {
      await appScreen(page, lang, hash, ready);
      const found = await seriousViolations(page);
      if (found.length) report[name] = found;
    }
    expect(report).toEqual({});
  });

  it(`should find no serious or critical violation on the presenting page, the presenter console and the handout (${lang})`, async () => {
    const s = seeded[lang];
    if (!s) throw new Error('not seeded');
    const page = s.page;
    const deckId = s.ids[VI_SAMPLE] ?? '';
    const report: Record<string, Violation[]> = {};
    const check = async (name: string) => {
      const found = await seriousViolations(page);
      if (found.length) report[name] = found;
    };
    // Every shipped theme, one slide of each kind the sample has (all fragments shown), the
    // discussion with its countdown on screen.
    const kinds = ['.excerpt', '.discussion', '.columns', '.question', 'img', 'video', 'ol'];
    for (const theme of ['white', 'black', 'white-contrast', 'black-contrast']) {
      await rewriteDeck(page, deckId, (md) => md.replace(/^theme: .*$/m, `theme: ${theme}`));
      await openPresent(page, deckId, `&lang=${lang}`);
      const slides = await page.evaluate((selectors) => {
        const reveal = (window as unknown as { lecternReveal: { getIndices(s: Element): { h: number; v: number } } }).lecternReveal;
        const top = document.querySelectorAll('.reveal .slides > section');
        const at = [{ h: 0, v: 0 }, { h: 1, v: 0 }, { h: top.length - 1, v: 0 }];
        for (const selector of selectors) {
          const section = document.querySelector(`.reveal .slides ${selector}`)?.closest('section');
          if (!section) throw new Error(`the sample has no ${selector}`);
          at.push(reveal.getIndices(section));
        }
        return at;
      }, kinds);
      for (const { h, v } of slides) {
        await page.evaluate(
          ([i, j]) => {
            const reveal = (window as unknown as { lecternReveal: { slide(h: number, v: number): void; nextFragment(): boolean } }).lecternReveal;
            reveal.slide(i, j);
            while (reveal.nextFragment()) {
              // every fragment shown: all the slide's text is checked
            }
          },
          [h, v ?? 0] as const,
        );
        if (await page.locator('.lectern-countdown').isVisible()) await page.keyboard.press('t');
        await page.waitForTimeout(900); // the slide transition ends (contrast is read from pixels' colours)
        await check(`present ${theme} slide ${h}.${v ?? 0}`);
      }
    }
    await rewriteDeck(page, deckId, (md) => md.replace(/^theme: .*$/m, 'theme: white'));
    await openPresent(page, deckId, `&lang=${lang}&lectern-mode=presenter&lectern-slide=1.0`);
    await page.locator('lectern-presenter-console').waitFor();
    await page.waitForTimeout(1000);
    await check('presenter console');
    // Q ends the class: the dialog that offers to record it.
    await page.keyboard.press('q');
    await page.locator('lectern-after-class dialog[open]').waitFor({ timeout: 60_000 });
    await check('after-class dialog');
    await page.goto(`${inject('baseURL')}handout.html?lectern-deck=${encodeURIComponent(deckId)}&lang=${lang}`);
    await page.waitForFunction(() => document.body.innerText.trim().length > 200, null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    await check('handout');
    expect(report).toEqual({});
  });
}
