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
