// Ink on the projected slide (issue 18 part 1), as an instructor draws it: the tool bar's "Pen"
// with the mouse and with a pen (CDP pen events with pressure), the highlighter, eraser, undo and
// redo, "Clear slide"; the ink is checked by pixels on a screenshot of the slide, after a reload,
// at a second window size (slide-relative coordinates) and in a speaker-view preview; ink drawn at
// a fragment step hides when the instructor steps back; undo/redo works after a reload; a new
// class starts clean (a skipped class leaves no ink), and "Keep this ink on the deck" shows in the
// next class and prints over the slide (print view, PDF pixels); a recorded class's ink goes with
// its session record (sessions screen, delete and undo); a long live stroke shows whole; a
// crashed and a closed tab lose nothing, undo included.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, inject, it } from 'vitest';
import { openPresent, rewriteDeck, useSeededSample } from './present-support.ts';

const DECK = `---
title: Mực vẽ
lang: vi
theme: white
---
# Nghị quyết

Đảng viên mới học tập nghị quyết

::: fragment
Ý thứ hai
:::

---

# Trang hai
`;

const sample = useSeededSample({ lang: 'en', prepare: (seeded, deckId) => rewriteDeck(seeded.page, deckId, () => DECK) });

/** The ink layer's box on screen. */
async function inkBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('[data-lectern-ink]').boundingBox();
  if (!box) throw new Error('no ink layer');
  return box;
}

/** RGB of the screenshot at slide-relative points (the slide's own coordinates, 0-1). */
async function pixels(page: Page, points: [number, number][]): Promise<[number, number, number][]> {
  const box = await inkBox(page);
  const png = (await page.screenshot()).toString('base64');
  const at = points.map(([x, y]) => [Math.round(box.x + x * box.width), Math.round(box.y + y * box.height)]);
  return page.evaluate(
    async ({ png, at }) => {
      // Decoded here, not fetched: the presenting page's CSP allows no data: fetch.
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return at.map(([x, y]) => {
        const d = ctx.getImageData(x!, y!, 1, 1).data;
        return [d[0]!, d[1]!, d[2]!] as [number, number, number];
      });
    },
    { png, at },
  );
}

const isRed = ([r, g, b]: [number, number, number]) => r > 150 && g < 90 && b < 90;
const isWhite = ([r, g, b]: [number, number, number]) => r > 235 && g > 235 && b > 235;

/** Draws a straight stroke with the mouse between slide-relative points. */
async function drawMouse(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = await inkBox(page);
  const p = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...p(from));
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    const t = i / 20;
    await page.mouse.move(...p([from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]));
  }
  await page.mouse.up();
}

/** Draws with a pen (pointerType "pen", pressure rising) through Chromium's input pipeline. */
async function drawPen(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = await inkBox(page);
  const cdp = await page.context().newCDPSession(page);
  const at = (t: number) => ({ x: box.x + (from[0] + (to[0] - from[0]) * t) * box.width, y: box.y + (from[1] + (to[1] - from[1]) * t) * box.height });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at(0), button: 'left', buttons: 1, clickCount: 1, pointerType: 'pen', force: 0.2 });
  for (let i = 1; i <= 20; i++) {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at(i / 20), button: 'left', buttons: 1, pointerType: 'pen', force: 0.2 + (0.8 * i) / 20 });
  }
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at(1), button: 'left', buttons: 0, clickCount: 1, pointerType: 'pen', force: 0 });
  await cdp.detach();
}

async function flushed(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { lecternInkFlushed: () => Promise<void> }).lecternInkFlushed());
}

async function strokes(page: Page): Promise<number> {
  return page.locator('[data-lectern-ink] g path').count();
}

/** The layers that hold ink in IndexedDB, with their stroke counts (`class:…` names shortened to `class`). */
async function storedInk(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onsuccess = () => {
          const req = open.result.transaction('ink').objectStore('ink').getAll();
          req.onsuccess = () => {
            const out: Record<string, number> = {};
            for (const r of req.result as { layer: string; strokes: unknown[] }[]) {
              const name = r.layer.replace(/^(history:)?class:.*/, '$1class');
              out[name] = (out[name] ?? 0) + r.strokes.length;
            }
            open.result.close();
            resolve(out);
          };
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

async function present(page: Page): Promise<void> {
  await openPresent(page, sample.deckId, '&lang=en#/0/0'); // first slide: its fragment not yet shown
  await page.locator('[data-lectern-ink]').waitFor({ state: 'attached', timeout: 60_000 });
}

describe('ink', () => {
  it('should draw with the mouse and a pen, keep the ink over the same words after a reload and at another window size', { timeout: 300_000 }, async () => {
    const page = sample.seeded.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await present(page);
    // Before drawing: the middle of the slide's blank lower part is white.
    expect(isWhite((await pixels(page, [[0.5, 0.85]]))[0]!)).toBe(true);
    await page.getByRole('button', { name: 'Pen', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Pen', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await drawMouse(page, [0.3, 0.85], [0.7, 0.85]);
    await drawPen(page, [0.3, 0.92], [0.7, 0.92]);
    expect(await strokes(page)).toBe(2);
    await flushed(page);
    // The pen stroke was drawn with rising pressure: on screen it is thicker at its end than at
    // its start, while the mouse stroke is even.
    const thickness = async (x: number, y: number) =>
      (await pixels(page, Array.from({ length: 41 }, (_, i) => [x, y - 0.04 + i * 0.002] as [number, number]))).filter(isRed).length;
    const [penStart, penEnd, mouseStart, mouseEnd] = [await thickness(0.33, 0.92), await thickness(0.67, 0.92), await thickness(0.33, 0.85), await thickness(0.67, 0.85)];
    expect(penEnd).toBeGreaterThan(penStart + 1);
    expect(Math.abs(mouseEnd - mouseStart)).toBeLessThanOrEqual(1);
    const before = await pixels(page, [[0.5, 0.85], [0.65, 0.92], [0.5, 0.7]]);
    expect(isRed(before[0]!)).toBe(true);
    expect(isRed(before[1]!)).toBe(true);
    expect(isRed(before[2]!)).toBe(false);

    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 120_000 });
    await page.locator('[data-lectern-ink] g path').first().waitFor({ state: 'attached' });
    expect(await strokes(page)).toBe(2);
    expect((await pixels(page, [[0.5, 0.85]])).map(isRed)).toEqual([true]);

    await page.setViewportSize({ width: 900, height: 800 });
    await page.waitForTimeout(500); // reveal.js lays the slide out again on resize
    expect((await pixels(page, [[0.5, 0.85], [0.65, 0.92], [0.5, 0.7]])).map(isRed)).toEqual([true, true, false]);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('should show the same ink in the speaker view\'s slide preview, following new strokes and undo', { timeout: 300_000 }, async () => {
    const page = sample.seeded.page;
    await present(page);
    const preview = await sample.seeded.context.newPage();
    await openPresent(preview, sample.deckId, '&receiver&lang=en');
    await preview.locator('[data-lectern-ink] g path').first().waitFor({ state: 'attached' });
    expect(await strokes(preview)).toBe(2);
    expect((await pixels(preview, [[0.5, 0.85], [0.5, 0.7]])).map(isRed)).toEqual([true, false]);
    await page.keyboard.press('d');
    await drawMouse(page, [0.3, 0.7], [0.7, 0.7]);
    await flushed(page);
    await expect.poll(() => strokes(preview)).toBe(3);
    expect((await pixels(preview, [[0.5, 0.7]])).map(isRed)).toEqual([true]);
    await page.keyboard.press('z');
    await flushed(page);
    await expect.poll(() => strokes(preview)).toBe(2);
    await page.keyboard.press('d');
    await preview.close();
  });

  it('should undo, redo, erase stroke by stroke and clear the slide, with keys', { timeout: 300_000 }, async () => {
    const page = sample.seeded.page;
    await present(page);
    expect(await strokes(page)).toBe(2);
    await page.keyboard.press('d'); // pen
    await drawMouse(page, [0.3, 0.78], [0.7, 0.78]);
    expect(await strokes(page)).toBe(3);
    await page.keyboard.press('z');
    expect(await strokes(page)).toBe(2);
    await page.keyboard.press('y');
    expect(await strokes(page)).toBe(3);
    await page.keyboard.press('e'); // eraser
    expect(await page.getByRole('button', { name: 'Eraser', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await drawMouse(page, [0.5, 0.83], [0.5, 0.87]); // crosses the first stroke only
    expect(await strokes(page)).toBe(2);
    expect((await pixels(page, [[0.5, 0.85], [0.65, 0.92], [0.5, 0.78]])).map(isRed)).toEqual([false, true, true]);
    await page.getByRole('button', { name: 'Clear slide', exact: true }).click();
    expect(await strokes(page)).toBe(0);
    await page.keyboard.press('z'); // the clear is undone too
    expect(await strokes(page)).toBe(2);
    await page.keyboard.press('e'); // leaves drawing mode
    expect(await page.evaluate(() => document.documentElement.classList.contains('lectern-drawing'))).toBe(false);
    await flushed(page);
  });

  it('should undo and redo after a reload (the history is stored with the class\'s ink)', { timeout: 300_000 }, async () => {
    const page = sample.seeded.page;
    await present(page);
    expect(await strokes(page)).toBe(2);
    await page.keyboard.press('d');
    await drawMouse(page, [0.3, 0.7], [0.7, 0.7]);
    await page.keyboard.press('d');
    await flushed(page);
    const reload = async () => {
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 120_000 });
      await page.locator('[data-lectern-ink] g path').first().waitFor({ state: 'attached' });
      await page.getByRole('button', { name: 'Undo', exact: true }).waitFor({ state: 'attached' });
    };
    await reload();
    expect(await strokes(page)).toBe(3);
    await page.keyboard.press('z'); // the stroke drawn before the reload
    expect(await strokes(page)).toBe(2);
    expect((await pixels(page, [[0.5, 0.7]])).map(isRed)).toEqual([false]);
    await flushed(page);
    await reload();
    expect(await strokes(page)).toBe(2);
    expect(await page.getByRole('button', { name: 'Redo', exact: true }).isDisabled()).toBe(false);
    await page.keyboard.press('y');
    expect(await strokes(page)).toBe(3);
    expect((await pixels(page, [[0.5, 0.7]])).map(isRed)).toEqual([true]);
    await page.keyboard.press('z');
    expect(await strokes(page)).toBe(2);
    await flushed(page);
  });

  it('should hide ink drawn at a later fragment step when the instructor steps back', { timeout: 300_000 }, async () => {
    const page = sample.seeded.page;
    await present(page);
    await page.keyboard.press('ArrowRight'); // shows the fragment
    await page.keyboard.press('m'); // highlighter
    await drawMouse(page, [0.3, 0.6], [0.7, 0.6]);
    expect(await strokes(page)).toBe(3);
    expect(await page.locator('[data-lectern-ink] g path.highlighter').count()).toBe(1);
    await page.keyboard.press('m');
    await page.keyboard.press('ArrowLeft'); // fragment hidden: its ink too
    await expect.poll(() => strokes(page)).toBe(2);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => strokes(page)).toBe(3);
    await flushed(page);
  });

  it('should start the next class with clean slides, except the ink kept on the deck', { timeout: 300_000 }, async () => {
    const page = sample.seeded.page;
    await present(page);
    await page.getByRole('button', { name: 'Keep this ink on the deck', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'kept on the deck' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // slide two
    await page.keyboard.press('d');
    await drawMouse(page, [0.3, 0.85], [0.7, 0.85]);
    expect(await strokes(page)).toBe(1);
    await flushed(page);
    // End the class (Q), skip the record.
    await page.keyboard.press('d');
    await page.keyboard.press('q');
    // The dialog says what skipping does to the class's ink.
    await page.locator('lectern-after-class .ink-note').filter({ hasText: 'Skipping discards it' }).waitFor();
    await page.locator('lectern-after-class button[data-action="skip"]').click();
    await page.waitForURL((url) => !url.pathname.endsWith('present.html'), { timeout: 60_000 });
    // A class not recorded leaves no ink (nor history) behind; the kept ink stays.
    expect(Object.keys(await storedInk(page)).sort()).toEqual([`deck:${sample.deckId}`]);

    await present(page);
    expect(await strokes(page)).toBe(2); // the kept strokes at step -1 (the highlighter was at step 0)
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => strokes(page)).toBe(3);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => strokes(page)).toBe(0); // slide two's ink belonged to the last class
  });

  it('should print the ink kept on the deck over each slide from the handout\'s "Print the slides with the kept ink"', { timeout: 300_000 }, async () => {
    const page = sample.seeded.page;
    await page.goto(`${inject('baseURL')}handout.html?lectern-deck=${encodeURIComponent(sample.deckId)}&lang=en`);
    await page.getByRole('link', { name: 'Print the slides with the kept ink' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 120_000 });
    const layers = page.locator('.pdf-page svg[data-lectern-ink]');
    // Slide two's ink belonged to a class: only the first slide has kept ink, every fragment's
    // (the highlighter too) shown in print.
    expect(await layers.evaluateAll((list) => list.map((svg) => `${svg.getAttribute('data-slide')}: ${svg.querySelectorAll('path').length}`))).toEqual(['0.0: 3']);
    const layer = layers.first();
    // Where the ink is on the first printed page, as fractions of the page.
    const at = await layer.evaluate((svg, points) => {
      const box = svg.getBoundingClientRect();
      const pageBox = svg.parentElement!.getBoundingClientRect();
      return points.map(([x, y]) => [(box.left + x * box.width - pageBox.left) / pageBox.width, (box.top + y * box.height - pageBox.top) / pageBox.height] as [number, number]);
    }, [[0.5, 0.78], [0.5, 0.92], [0.5, 0.7], [0.5, 0.6]] as [number, number][]);
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    const dir = mkdtempSync(join(tmpdir(), 'lectern-ink-print-'));
    writeFileSync(join(dir, 'slides.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '96', '-f', '1', '-l', '1', '-singlefile', join(dir, 'slides.pdf'), join(dir, 'page1')]);
    const png = readFileSync(join(dir, 'page1.png')).toString('base64');
    rmSync(dir, { recursive: true, force: true });
    const colours = await page.evaluate(
      async ({ png, at }) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return at.map(([x, y]) => [...ctx.getImageData(Math.round(x * bitmap.width), Math.round(y * bitmap.height), 1, 1).data.slice(0, 3)] as [number, number, number]);
      },
      { png, at },
    );
    // Red on the two kept pen strokes (0.85 was erased, 0.78 drawn then), nothing where no ink was
    // kept, the yellow highlighter under the fragment's line.
    expect(colours.map(isRed)).toEqual([true, true, false, false]);
    expect(isWhite(colours[2]!)).toBe(true);
    const [r, g, b] = colours[3]!;
    expect(r > 200 && g > 180 && b < 150).toBe(true);
  });

  it('should keep the class\'s ink with the recorded session, show it on the sessions screen, delete it with the session and bring it back with undo', { timeout: 300_000 }, async () => {
    const page = sample.seeded.page;
    await present(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // slide two
    await page.keyboard.press('d');
    await drawMouse(page, [0.3, 0.85], [0.7, 0.85]);
    await drawMouse(page, [0.3, 0.75], [0.7, 0.75]);
    await page.keyboard.press('d');
    await page.keyboard.press('q');
    const dialog = page.locator('lectern-after-class dialog');
    await dialog.waitFor();
    await dialog.locator('input[name="className"]').fill('Lớp có nét vẽ – khóa 7');
    await dialog.locator('input[name="learners"]').fill('30');
    await dialog.locator('button[data-action="save"]').click();
    await page.waitForURL((url) => !url.pathname.endsWith('present.html'), { timeout: 60_000 });
    expect(await storedInk(page)).toEqual({ class: 2, [`deck:${sample.deckId}`]: 3 }); // no history left

    await page.goto(`${inject('baseURL')}?lang=en#/sessions`);
    const row = page.locator('lectern-sessions tbody tr').filter({ hasText: 'Lớp có nét vẽ – khóa 7' });
    await row.getByText('Has ink', { exact: true }).waitFor();
    await row.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await storedInk(page)).toEqual({ [`deck:${sample.deckId}`]: 3 });
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await row.getByText('Has ink', { exact: true }).waitFor();
    expect(await storedInk(page)).toEqual({ class: 2, [`deck:${sample.deckId}`]: 3 });

    // The next class starts with no class ink.
    await present(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => strokes(page)).toBe(0);
  });

  it('should show a long stroke whole while it is drawn (drawn in pieces), then as one stored stroke', { timeout: 300_000 }, async () => {
    const page = sample.seeded.page;
    await present(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // slide two: no ink in this new class
    await expect.poll(() => strokes(page)).toBe(0);
    await page.keyboard.press('d');
    const box = await inkBox(page);
    await page.mouse.move(box.x + 0.1 * box.width, box.y + 0.5 * box.height);
    await page.mouse.down();
    for (let i = 1; i <= 80; i++) await page.mouse.move(box.x + (0.1 + (0.8 * i) / 80) * box.width, box.y + 0.5 * box.height);
    // Still drawing: several pieces, and no gap anywhere along the line.
    expect(await page.locator('[data-lectern-ink] g.live path').count()).toBeGreaterThan(2);
    const along = Array.from({ length: 15 }, (_, i) => [0.12 + (0.76 * i) / 14, 0.5] as [number, number]);
    expect((await pixels(page, along)).every(isRed)).toBe(true);
    await page.mouse.up();
    await page.keyboard.press('d');
    expect(await page.locator('[data-lectern-ink] g.live path').count()).toBe(0);
    expect(await strokes(page)).toBe(1);
    expect((await pixels(page, along)).every(isRed)).toBe(true);
    await flushed(page);
  });

  it('should keep the ink of a tab that crashed or was closed: the class goes on, undo included, in the next tab', { timeout: 300_000 }, async () => {
    const context = sample.seeded.context;
    const open = async () => {
      const tab = await context.newPage();
      await tab.setViewportSize({ width: 1280, height: 720 });
      await openPresent(tab, sample.deckId, '&lang=en#/1/0'); // slide two: the long stroke of the test above
      await tab.locator('[data-lectern-ink] g path').first().waitFor({ state: 'attached', timeout: 60_000 });
      return tab;
    };
    const crashed = await open();
    expect(await strokes(crashed)).toBe(1);
    await crashed.keyboard.press('d');
    await drawMouse(crashed, [0.3, 0.3], [0.7, 0.3]);
    await flushed(crashed);
    const cdp = await context.newCDPSession(crashed);
    const crash = crashed.waitForEvent('crash', { timeout: 60_000 });
    void cdp.send('Page.crash').catch(() => undefined); // never answered: the page is gone
    await crash;
    await crashed.close();

    const closed = await open();
    expect(await strokes(closed)).toBe(2);
    expect((await pixels(closed, [[0.5, 0.3]])).map(isRed)).toEqual([true]);
    await closed.keyboard.press('d');
    await drawMouse(closed, [0.3, 0.2], [0.7, 0.2]);
    await flushed(closed);
    await closed.close({ runBeforeUnload: false });

    const next = await open();
    expect(await strokes(next)).toBe(3);
    await next.keyboard.press('z'); // undo reaches the stroke drawn in the closed tab
    expect(await strokes(next)).toBe(2);
    expect((await pixels(next, [[0.5, 0.2], [0.5, 0.3]])).map(isRed)).toEqual([false, true]);
    await flushed(next);
    await next.close();
  });
});
