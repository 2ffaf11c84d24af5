// Runs only the store's Playwright tests (tests/e2e/store-*.test.ts) without the e2e project's
// globalSetup, which builds the whole app: these tests serve src/store through their own Vite
// dev server (harness-server.ts) and need no build.
//   npx vitest run --config tests/browser/store/store-e2e.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('../../..', import.meta.url).pathname,
  test: {
    name: 'store-e2e',
    environment: 'node',
    include: ['tests/e2e/store-*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
