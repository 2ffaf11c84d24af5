// Builds @lectern/present-runtime's site runtime (packages/present-runtime/src/site.ts) into the
// one classic script a built site or an Offline HTML export loads as `_lectern/start.js`:
// packages/present-runtime/dist/site-runtime.js. `npm ci` / `npm install` run it (the root
// package's `prepare` script); Vite and Vitest rewrite the file when it is stale
// (site-runtime-source.mjs), so only a CLI run straight after changing the package needs
// `npm run build:runtime` first.
//
// Why a file generated at install and not committed: it is build output (a committed copy put
// the package's code twice in the tree and had to be remembered at every change). The CLI runs
// its TypeScript through tsx (no build step of its own) and the app reads the file with a Vite
// `?raw` import, so both ship the same bytes with nothing to build at export time. Why esbuild: it bundles TypeScript into an IIFE (a classic script,
// which file:// allows, where module scripts are blocked) in one call; it is already what tsx
// runs on, now pinned as a direct dev dependency.
import { SITE_RUNTIME_FILE, writeSiteRuntime } from './site-runtime-source.mjs';

console.log(`${(await writeSiteRuntime()) ? 'written' : 'already current'}: ${SITE_RUNTIME_FILE}`);
