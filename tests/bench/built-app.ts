// The built app served by `vite preview` and a Chromium page on it whose first run of index.html
// has seeded the sample decks: what the presenting suites measure against.
import { rm } from 'node:fs/promises';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { buildApp, previewApp } from '../support/app-build.ts';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import type { BenchContext } from './types.ts';

export interface BuiltApp {
  baseURL: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBuiltApp(ctx: BenchContext, label: string): Promise<BuiltApp> {
  const outDir = `tests/output/bench-${label}-${process.pid}`;
  ctx.log(`${label}: building the app…`);
  await buildApp(outDir);
  const { server, baseURL } = await previewApp(outDir);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const close = async () => {
    await browser.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}?lang=vi#/library`);
    await page.waitForFunction(() => document.documentElement.dataset.lecternSamples, null, { timeout: 120_000 });
    return { baseURL, context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
