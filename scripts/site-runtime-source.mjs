// The site runtime's bundled text (see build-site-runtime.mjs), for the build script and the test
// that checks the generated file is current.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../packages/present-runtime/', import.meta.url);
export const SITE_RUNTIME_FILE = fileURLToPath(new URL('dist/site-runtime.js', root));

export async function siteRuntimeSource() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('src/site.ts', root))],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    // Non-ASCII text (the Vietnamese labels) as \u escapes: the script reads right whatever
    // charset a server or file:// assumes for it.
    charset: 'ascii',
    legalComments: 'none',
    write: false,
    banner: { js: '// Written by Lectern (@lectern/present-runtime, site.ts): the speaker view and the message gate of a presented deck.' },
  });
  return result.outputFiles[0].text;
}
