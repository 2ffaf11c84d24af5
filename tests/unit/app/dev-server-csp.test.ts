// `npm start` (Vite's dev server) must send the build's Content-Security-Policy (issue 13 item 1):
// without it a hostile file opened through its blob: URL ran with the app's origin. A real dev
// server on 127.0.0.1 and real Chromium: the app's own pages load with the policy and without
// violations, and a blob: page holding a script runs nothing.
import { chromium, type Browser } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../support/chromium.ts';
import { pagePolicy } from '../../../vite.config.ts';

let server: ViteDevServer;
let base: string;
let browser: Browser;

beforeAll(async () => {
  server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { host: '127.0.0.1', port: 0, strictPort: false } });
  await server.listen();
  const address = server.httpServer!.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}/`;
  browser = await chromium.launch(chromiumLaunchOptions);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the dev server', () => {
  it.each(['index.html', 'present.html', 'handout.html'])('should send %s with the same policy as the build', async (page) => {
    const html = await (await fetch(`${base}${page}`)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(meta?.replaceAll('&#39;', "'")).toBe(await pagePolicy(page));
  });

  it('should run no script of a blob: page, and the app itself breaks no rule of its policy', { timeout: 300_000 }, async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${base}?lang=vi#/library`);
    await page.locator('lectern-app main[data-screen="library"]').waitFor({ timeout: 240_000 });
    expect(violations).toEqual([]);
    const ran = await page.evaluate(async () => {
      const html = '<!doctype html><script>parent.postMessage("ran", "*")</script>';
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      const frame = document.createElement('iframe');
      let heard = false;
      addEventListener('message', (e) => { if (e.data === 'ran') heard = true; });
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = url;
      document.body.append(frame);
      await loaded;
      await new Promise((resolve) => setTimeout(resolve, 500));
      return heard;
    });
    expect(ran).toBe(false);
    await page.close();
  });
});
