// Vitest globalSetup for the e2e project: build the app once with Vite, serve the build with
// `vite preview` on a free loopback port, and hand its URL to the tests (`inject('baseURL')`).
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** Absolute path of the build being served (the offline tests serve copies of it; the size
     *  budget reads its chunk report). */
    outDir: string;
  }
}

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  // One folder per run: several runs (people, editors) may build at once.
  const outDir = `tests/output/e2e-dist-${process.pid}`;
  // Vitest sets NODE_ENV=test, and Vite builds a development bundle whenever NODE_ENV says so
  // (Lit dev mode, import.meta.env.PROD false: no service worker registered). Test what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`);
  project.provide('outDir', resolve(outDir));
  return async () => {
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
