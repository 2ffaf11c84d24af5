// Vitest globalSetup for the e2e project: build the app once with Vite, serve the build with
// `vite preview` on a free loopback port, and hand its URL to the tests (`inject('baseURL')`).
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildApp, previewApp } from './app-build.ts';

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
  await buildApp(outDir);
  const served = await previewApp(outDir);
  server = served.server;
  project.provide('baseURL', served.baseURL);
  project.provide('outDir', resolve(outDir));
  return async () => {
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
