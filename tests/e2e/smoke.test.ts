import { chromium } from 'playwright';
import { expect, inject, it } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium.ts';

it('serves the built app', async () => {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage();
  await page.goto(inject('baseURL'));
  expect(await page.title()).toContain('Lectern'); // the shell adds the screen's name
  await browser.close();
});

it('fits the library in a laptop-wide window with nothing cut off on the right', async () => {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${inject('baseURL')}?lang=vi#/library`);
  // The Vietnamese labels are the longest; the last header button must be fully on screen.
  const restore = page.getByRole('button', { name: 'Khôi phục bản sao lưu' });
  await restore.waitFor();
  const box = await restore.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await browser.close();
});
