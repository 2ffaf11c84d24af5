import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { deckSummaries } from './vite.deck-summary.ts';
import { lecternPwa } from './vite.pwa.ts';
import { themeFonts } from './vite.theme-fonts.ts';
import { HANDOUT_POLICY, presentPolicy, speakerViewScriptHashes } from './src/present/csp.ts';
import { writeSiteRuntime } from './scripts/site-runtime-source.mjs';

// Content-Security-Policy of the built authoring app (docs/security.md): scripts only from the
// app's own files (which may compile WebAssembly), media and images also from Blob URLs
// (IndexedDB media) and data:, fonts from data: (reveal.js themes embed theirs), no plugins, no
// <base>, no form posts. 'unsafe-inline' styles: reveal.js, CodeMirror and lit set inline
// styles. present.html and handout.html get their own, tighter policies (src/present/csp.ts; present.html allows the
// speaker view's inline script by its hash). The dev server (`npm start`, what instructors are
// told to run) sends the same policies: without them a hostile file opened through its blob: URL
// ran with the app's origin there (issue 13). Vite's dev client is a script from 'self' and its
// HMR socket is same-origin, which 'self' covers.
const CSP = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the page compile WebAssembly, nothing more (no eval(), no
  // new Function(), no inline script): the import's preview hashes every media byte of a bundle
  // with hash-wasm (src/sharing/bundle-hash.ts), 3-5x faster than JavaScript. WebAssembly runs
  // in the same sandbox as the page's scripts, which still come from 'self' only.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: data:",
  "font-src 'self' data:",
  // http(s): the training centre's sync server, an address the lecturer types in (src/sync;
  // docs/centre-sync.md). Scripts stay 'self' only, so no injected code can use it.
  "connect-src 'self' blob: data: https: http:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob: about:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The policy of one page, by its file name: the same in the build and on the dev server. */
export async function pagePolicy(filename: string): Promise<string> {
  return filename.endsWith('present.html') ? presentPolicy(await speakerViewScriptHashes()) : filename.endsWith('handout.html') ? HANDOUT_POLICY : CSP;
}

/** The site runtime (build output, not in git) is rewritten from its sources when a build or the
 *  dev server starts and it is missing or stale: the Offline HTML export embeds it. */
function siteRuntime(): Plugin {
  return {
    name: 'lectern-site-runtime',
    async buildStart() {
      await writeSiteRuntime();
    },
  };
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'lectern-csp',
    async transformIndexHtml(_html, ctx) {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: await pagePolicy(ctx.filename) }, injectTo: 'head-prepend' }];
    },
  };
}

// Three pages: the authoring app (index.html), the presenting page (present.html: reveal.js is
// loaded only there) and the printable lesson-plan handout (handout.html).
export default defineConfig({
  // Relative asset URLs so the built app also works from a sub-path.
  base: './',
  server: { host: '127.0.0.1', port: 5173 },
  // Service worker, web app manifest, chunk report for the size budget (issue 7, vite.pwa.ts).
  // Themes use the shipped Source Sans 3 files instead of their embedded base64 fonts
  // (vite.theme-fonts.ts). `deck.md?summary` imports a deck's summary computed at build time
  // (vite.deck-summary.ts: the samples are seeded without loading the parser).
  plugins: [siteRuntime(), deckSummaries(), themeFonts(), lecternPwa(), contentSecurityPolicy()],
  // The Office import Worker loads mammoth and node-html-markdown lazily: module workers split
  // into chunks like the page does (the default iife format cannot).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        present: resolve(import.meta.dirname, 'present.html'),
        handout: resolve(import.meta.dirname, 'handout.html'),
      },
    },
  },
});
