import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';
import { centreCommands } from './tests/support/centre-commands.ts';

// Three projects, one command (`npm test`):
//  unit    - Node: packages/* (deck, bundle, cli) with golden fixtures and hostile inputs.
//  browser - real Chromium (Vitest browser mode): IndexedDB store, sanitizer, components.
//  e2e     - Node driving the built app in Chromium through Playwright.
// Each first brings the generated site runtime up to date (tests/support/site-runtime-setup.ts).
const SITE_RUNTIME_SETUP = 'tests/support/site-runtime-setup.ts';
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          globalSetup: [SITE_RUNTIME_SETUP],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: [SITE_RUNTIME_SETUP],
          testTimeout: 120_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { ...chromiumLaunchOptions } }),
            instances: [{ browser: 'chromium' }],
            // Centre sync tests start a real pouchdb-server from Node (tests/support/centre-commands.ts).
            commands: centreCommands,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // The runtime first: the app build embeds it.
          globalSetup: [SITE_RUNTIME_SETUP, 'tests/support/e2e-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // expect.poll waits for what the instructor would see (a live jump 200 ms after typing,
          // a slide change); 1 s, Vitest's default, was too short on CI's loaded 2-core machine
          // (a far jump mid-typing seen half-way). A passing poll returns as soon as it passes.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
