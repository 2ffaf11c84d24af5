// `lectern build` end to end: build the Vietnamese sample deck, then present the folder in
// Chromium with no network at all -- once straight from file://, once from a local web server --
// and do what an instructor does: wait for reveal.js, read the title, move on with the keyboard,
// press S and look at the speaker view with both slide previews and the notes.
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../packages/deck/src/index.ts';
import { corpusDeck } from '../fixtures/xss/vectors.ts';
import { main } from '../../packages/cli/src/main.ts';
import { RUNTIME_MESSAGES } from '@lectern/present-runtime';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { checkForeignMessages, checkNoUrlConfig, checkSiteSpeakerView } from './site-speaker-support.ts';

const DECK = 'slides/nghi-quyet-dang-vien-moi/deck.md';
const TITLE = 'Học tập và làm theo Nghị quyết Đại hội XIII của Đảng';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.json': 'application/json',
};

/** The smallest static server that serves `root` (what an instructor's `python -m http.server` does). */
function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep)) return void res.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      resolve({ server, origin: `http://127.0.0.1:${address.port}` });
    });
  });
}

let outDir: string;
let browser: Browser;
let http: { server: Server; origin: string };
let expectedSlides: number;

beforeAll(async () => {
  outDir = join(await mkdtemp(join(tmpdir(), 'lectern-e2e-build-')), 'site');
  let stderr = '';
  const code = await main(['build', DECK, '-o', outDir], { stdout: () => {}, stderr: (t) => void (stderr += t), cwd: process.cwd() });
  expect(code, stderr).toBe(0);
  const deck = parseDeck(await readFile(DECK, 'utf8'));
  expectedSlides = deck.slides.length + (deck.meta.titleSlide ? 1 : 0);
  browser = await chromium.launch(chromiumLaunchOptions);
  http = await serve(outDir);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => http?.server.close(resolve));
  if (outDir) await rm(dirname(outDir), { recursive: true, force: true });
});

/** A context that cannot reach any network: offline for file://, every request to another
 *  origin aborted (and recorded) for HTTP. */
async function isolatedContext(allowedOrigin?: string): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext();
  // A loaded CI machine may take long; the test timeout (not Playwright's 30 s) is the limit.
  context.setDefaultTimeout(240_000);
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowedOrigin && url.startsWith(`${allowedOrigin}/`)) return route.continue();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  if (!allowedOrigin) await context.setOffline(true);
  return { context, blocked };
}

async function presents(page: Page, context: BrowserContext) {
  await page.waitForSelector('.reveal.ready');
  expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(expectedSlides);
  // The title, exactly (NFC, every diacritic), in the embedded Source Sans Pro.
  const heading = await page.locator('.reveal .slides section.present h1').textContent();
  expect(heading?.normalize('NFC')).toBe(TITLE);
  expect(heading).toBe(TITLE);
  expect(await page.evaluate(() => document.fonts.ready.then(() => document.fonts.check('40px "Source Sans Pro"', 'Học tập Đảng viên ỆỮỠ')))).toBe(true);

  // Keyboard navigation; the hash follows (hash: true), so a reload keeps the slide.
  await page.locator('body').press('ArrowRight');
  await page.waitForFunction(() => window.Reveal.getIndices().h === 1);
  await page.waitForFunction(() => location.hash === '#/1'); // reveal.js writes the hash after a short delay
  await page.locator('body').press('ArrowLeft');
  await page.waitForFunction(() => window.Reveal.getIndices().h === 0);
  await page.locator('body').press('ArrowRight');
  await page.waitForFunction(() => window.Reveal.getIndices().h === 1);
  const notes = (await page.locator('.reveal .slides section.present aside.notes').textContent())?.trim() ?? '';
  expect(notes.length).toBeGreaterThan(0);

  // S opens the speaker view: a popup whose two iframes load this page with ?receiver.
  const [popup] = await Promise.all([context.waitForEvent('page'), page.locator('body').press('s')]);
  await popup.waitForSelector('#current-slide iframe');
  await popup.waitForSelector('#upcoming-slide iframe');
  // Through Playwright's frames, not contentDocument: from file:// every file is its own origin.
  // No wall-clock limit of our own (vitest's poll defaults to 1 s): the test timeout bounds it.
  await expect.poll(() => popup.frames().filter((f) => f.url().includes('receiver')).length, { timeout: 240_000 }).toBe(2);
  for (const frame of popup.frames().filter((f) => f.url().includes('receiver'))) {
    await frame.waitForSelector('.reveal.ready');
    expect(await frame.evaluate(() => window.Reveal.getTotalSlides())).toBe(expectedSlides);
  }
  // The current-slide preview shows the slide being presented, and the notes panel its notes.
  await popup.waitForFunction(
    (text) => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes(text.slice(0, 20)),
    notes,
  );
  await popup.close();
}

describe('lectern build output presents offline', () => {
  it('from file://', async () => {
    const { context, blocked } = await isolatedContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(outDir, 'index.html')).href);
    await presents(page, context);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  }, 300_000);

  it('from a web server, with every other origin blocked', async () => {
    const { context, blocked } = await isolatedContext(http.origin);
    const page = await context.newPage();
    const errors: string[] = [];
    const failed: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The browser's own favicon probe is not part of the site.
    page.on('response', (r) => void (r.status() >= 400 && !r.url().endsWith('/favicon.ico') && failed.push(`${r.status()} ${r.url()}`)));
    await page.goto(`${http.origin}/index.html`);
    await presents(page, context);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  }, 300_000);
});

describe("the built site's speaker view is Lectern's", () => {
  it('from file://: Vietnamese labels, one clock, next slide at once, the countdown; no config from the address', async () => {
    const { context } = await isolatedContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const url = pathToFileURL(join(outDir, 'index.html')).href;
    await page.goto(url);
    await checkSiteSpeakerView(page, context);
    await checkNoUrlConfig(page, url);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('in English when built with --lang en, the slides still marked Vietnamese', async () => {
    const englishDir = join(dirname(outDir), 'site-en');
    let stderr = '';
    const code = await main(['build', DECK, '-o', englishDir, '--lang', 'en'], { stdout: () => {}, stderr: (t) => void (stderr += t), cwd: process.cwd(), lang: 'vi' });
    expect(code, stderr).toBe(0);
    const { context } = await isolatedContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(englishDir, 'index.html')).href);
    await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 240_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.locator('body').press('s')]);
    await popup.waitForSelector('#lectern-panel .elapsed', { timeout: 240_000 });
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await popup.title()).toBe(RUNTIME_MESSAGES.en.speakerTitle);
    expect(await popup.locator('#lectern-panel h4').textContent()).toBe(RUNTIME_MESSAGES.en.lecternPanel);
    await context.close();
  }, 300_000);

  it('a page on another origin that opens the served site cannot drive it', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(240_000);
    await context.route('http://attacker.test/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>attacker</title>' }),
    );
    await checkForeignMessages(context, 'http://attacker.test', `${http.origin}/index.html`);
    await context.close();
  }, 300_000);
});

describe('a hostile deck built and presented with the speaker view open', () => {
  it('runs no payload in the page, the speaker view or its previews, on any slide', async () => {
    const root = await mkdtemp(join(tmpdir(), 'lectern-e2e-xss-'));
    try {
      await writeFile(join(root, 'deck.md'), corpusDeck());
      const site = join(root, 'site');
      const code = await main(['build', join(root, 'deck.md'), '-o', site], { stdout: () => {}, stderr: () => {}, cwd: root });
      expect(code).toBe(1); // two vectors name images that do not exist
      const { context } = await isolatedContext();
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(site, 'index.html')).href);
      await page.waitForSelector('.reveal.ready');
      const [popup] = await Promise.all([context.waitForEvent('page'), page.locator('body').press('s')]);
      await popup.waitForSelector('#current-slide iframe');
      const total = await page.evaluate(() => window.Reveal.getTotalSlides());
      for (let i = 1; i < total; i++) {
        await page.locator('body').press('ArrowRight');
        await page.waitForFunction((n) => window.Reveal.getIndices().h === n, i);
      }
      // Click everything in the presenting page and in the speaker view's notes. Links may only
      // follow script URLs (which must not exist any more): anything else would leave the page.
      const clickAll = (selector: string) => {
        document.addEventListener('click', (event) => {
          const link = (event.target as Element).closest('a[href], area[href]');
          if (link && !/^\s*javascript:/i.test((link.getAttribute('href') ?? '').replace(/[\t\n\r]/g, ''))) event.preventDefault();
        }, true);
        document.querySelectorAll<HTMLElement>(selector).forEach((el) => el.click?.());
      };
      await page.evaluate(clickAll, '.slides *');
      await popup.evaluate(clickAll, '.speaker-controls-notes *');
      await page.waitForTimeout(500); // let image errors and frame loads come in
      const canaries = [page, popup, ...popup.frames()].map((target) => target.evaluate(() => (window as { __xss?: unknown }).__xss));
      expect(await Promise.all(canaries)).toEqual(Array(canaries.length).fill(undefined));
      await context.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 300_000);
});

declare global {
  interface Window {
    // reveal.js's UMD build sets this global; the e2e test reads its API.
    Reveal: { getTotalSlides(): number; getIndices(): { h: number; v?: number } };
  }
}
