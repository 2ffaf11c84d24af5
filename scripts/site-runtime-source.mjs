// The site runtime's bundled text (see build-site-runtime.mjs), and writing it where the CLI and
// the app read it: by `npm run build:runtime` / `npm ci` (prepare), by Vite when it starts a build
// or the dev server (vite.config.ts), and by every Vitest project's global setup, so a checkout
// whose sources changed (a pull, a merge) never runs the app or the tests on a stale copy.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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

/** Writes the bundle unless the file already holds exactly it; returns whether it wrote. Written
 *  beside and renamed into place: a test run reading it meanwhile never sees half a file. */
export async function writeSiteRuntime() {
  const text = await siteRuntimeSource();
  let current;
  try {
    current = readFileSync(SITE_RUNTIME_FILE, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) return false;
  mkdirSync(dirname(SITE_RUNTIME_FILE), { recursive: true });
  const temp = `${SITE_RUNTIME_FILE}.${randomUUID().slice(0, 8)}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, SITE_RUNTIME_FILE);
  return true;
}
