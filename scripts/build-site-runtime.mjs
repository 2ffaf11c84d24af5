// Builds @lectern/present-runtime's site runtime (packages/present-runtime/src/site.ts) into the
// one classic script a built site or an Offline HTML export loads as `_lectern/start.js`:
// packages/present-runtime/dist/site-runtime.js. `npm ci` / `npm install` run it (the root
// package's `prepare` script); run `npm run build:runtime` after changing the package:
// tests/unit/site-runtime.test.ts fails while the file is stale or missing.
//
// Why a file generated at install and not committed: it is build output (a committed copy put
// the package's code twice in the tree and had to be remembered at every change). The CLI runs
// its TypeScript through tsx (no build step of its own) and the app reads the file with a Vite
// `?raw` import, so both ship the same bytes with nothing to build at export time. Why esbuild: it bundles TypeScript into an IIFE (a classic script,
// which file:// allows, where module scripts are blocked) in one call; it is already what tsx
// runs on, now pinned as a direct dev dependency.
import { writeFileSync } from 'node:fs';
import { siteRuntimeSource, SITE_RUNTIME_FILE } from './site-runtime-source.mjs';

writeFileSync(SITE_RUNTIME_FILE, await siteRuntimeSource());
console.log(`written ${SITE_RUNTIME_FILE}`);
