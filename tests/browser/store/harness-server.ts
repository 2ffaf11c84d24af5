// Node side (not a browser test): serves a one-line page that loads src/store through a Vite dev
// server, so Playwright can drive the real store in an on-disk Chromium profile -- which Vitest
// browser mode (incognito contexts) cannot give: quota overrides, two pages of one profile,
// restarts, large-media benchmarks. Used by tests/e2e/store-*.test.ts and
// tests/bench/suites/store.ts. The page exposes the module as `window.lecternStore` and plain
// idb as `window.idb`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { chromiumLaunchOptions } from '../../support/chromium.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const HARNESS_PATH = '/__lectern-store-harness.html';

// `__name`: tsx (esbuild keepNames) wraps named functions in __name(...) calls, which then
// reach the page inside page.evaluate() callbacks; the page needs a do-nothing one.
function harnessHtml(modules: Record<string, string>): string {
  const extra = Object.entries(modules)
    .map(([name, path]) => `window[${JSON.stringify(name)}] = await import(${JSON.stringify(path)});`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>loading</title>
<script>globalThis.__name = (fn) => fn;</script>
<script type="module">
import * as store from '/src/store/index.ts';
import * as idb from '/node_modules/idb/build/index.js';
window.lecternStore = store;
window.idb = idb; // plain idb, the baseline of tests/bench/suites/store.ts
${extra}
document.title = 'ready';
</script>`;
}

function harnessPage(page: string): Plugin {
  return {
    name: 'lectern-store-harness',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== HARNESS_PATH) return next();
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page);
      });
    },
  };
}

export interface Harness {
  /** http://127.0.0.1:PORT */
  origin: string;
  url: string;
  /** On-disk profile directory of the persistent context. */
  profileDir: string;
  context: BrowserContext;
  /** Opens a page on the harness and waits for window.lecternStore. */
  newPage(): Promise<Page>;
  /** Closes Chromium and starts it again on the same profile (data must survive). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** More modules the page exposes: `window[name]` = the module at `path` (e.g. the centre sync). */
  modules?: Record<string, string>;
  /** CommonJS dependencies those modules need, pre-bundled by Vite before the page loads. */
  optimize?: string[];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'lectern-vite-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'lectern-profile-'));
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: ROOT,
    cacheDir,
    logLevel: 'error',
    plugins: [harnessPage(harnessHtml(options.modules ?? {}))],
    // No dependency pre-bundling: idb and yaml are plain ESM, and a re-optimisation would reload
    // the page in the middle of a test.
    optimizeDeps: { noDiscovery: true, include: options.optimize ?? [] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not report a port');
  const origin = `http://127.0.0.1:${address.port}`;
  // timeout 0: no wall-clock limits (a loaded machine is slow, not broken).
  const launch = () => chromium.launchPersistentContext(profileDir, { ...chromiumLaunchOptions, timeout: 0 });
  let context = await launch();
  const harness: Harness = {
    origin,
    url: origin + HARNESS_PATH,
    profileDir,
    get context() {
      return context;
    },
    async newPage() {
      const page = await context.newPage();
      await page.goto(origin + HARNESS_PATH, { timeout: 0 });
      await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 0 });
      return page;
    },
    async restart() {
      await context.close();
      context = await launch();
    },
    async close() {
      await context.close();
      await server.close();
      await rm(profileDir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
  return harness;
}
