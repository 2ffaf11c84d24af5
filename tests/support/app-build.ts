// The app as it ships, for the e2e tests and the benchmarks: a production build into a folder of
// its own, and `vite preview` serving it on a free loopback port.
import { build, preview, type PreviewServer } from 'vite';

/** Builds the app into `outDir` as it ships. Vitest sets NODE_ENV=test, and Vite builds a
 *  development bundle whenever NODE_ENV says so (Lit dev mode, import.meta.env.PROD false: no
 *  service worker registered), so NODE_ENV is production for the build. */
export async function buildApp(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Serves a build with `vite preview` on 127.0.0.1; `baseURL` ends with a slash. */
export async function previewApp(outDir: string): Promise<{ server: PreviewServer; baseURL: string }> {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  return { server, baseURL: `http://127.0.0.1:${address.port}/` };
}
