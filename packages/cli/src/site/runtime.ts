// The reveal.js runtime a static build ships, taken from the installed reveal.js package.
//
// Why copy reveal.js's own UMD files instead of bundling: reveal.js 6 publishes `dist/reveal.js`
// and `dist/plugin/notes.js` as classic scripts (UMD wrappers that set `window.Reveal` and
// `window.RevealNotes`). A classic `<script src>` without `crossorigin` is exactly what loads from
// `file://` (module scripts are blocked there by CORS, origin null), so copying them gives an
// offline, file://-safe runtime with no bundler run at build time, no generated file to keep in
// sync, and byte-for-byte the code upstream tested. They are found through the package's own
// `exports` map (`require` condition), so an upgrade of reveal.js is picked up automatically.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RUNTIME_DIR, START_SCRIPT_PATH } from '@lectern/deck';

const require = createRequire(import.meta.url);

/** Themes whose font (Source Sans Pro, embedded as base64) covers every Vietnamese letter and
 *  that load nothing from the network. The others either use League Gothic (lacks 94 of the 146
 *  Vietnamese letters) or import Google Fonts at run time (fails offline). */
export const OFFLINE_THEMES = ['white', 'black', 'white-contrast', 'black-contrast'] as const;
export type OfflineTheme = (typeof OFFLINE_THEMES)[number];
export const DEFAULT_THEME: OfflineTheme = 'white';

export function isOfflineTheme(name: string): name is OfflineTheme {
  return (OFFLINE_THEMES as readonly string[]).includes(name);
}

// Defined with the page template in @lectern/deck (the app's Offline HTML export uses it too).
export { RUNTIME_DIR };

export interface RuntimeFile {
  /** Absolute path of the installed file. */
  from: string;
  /** Path inside the output folder (POSIX). */
  to: string;
}

/** Every file of reveal.js the runtime needs, for one theme. */
export function runtimeFiles(theme: OfflineTheme): RuntimeFile[] {
  const revealJs = require.resolve('reveal.js');
  return [
    { from: revealJs, to: `${RUNTIME_DIR}/reveal.js` },
    { from: require.resolve('reveal.js/plugin/notes'), to: `${RUNTIME_DIR}/notes.js` },
    { from: require.resolve('reveal.js/reset.css'), to: `${RUNTIME_DIR}/reset.css` },
    { from: require.resolve('reveal.js/reveal.css'), to: `${RUNTIME_DIR}/reveal.css` },
    { from: require.resolve(`reveal.js/theme/${theme}.css`), to: `${RUNTIME_DIR}/theme.css` },
    // Lectern's speaker view and message gate, built from @lectern/present-runtime (site.ts).
    { from: require.resolve('@lectern/present-runtime/dist/site-runtime.js'), to: START_SCRIPT_PATH },
    // MIT: the licence travels with the copied code.
    { from: join(dirname(revealJs), '..', 'LICENSE'), to: `${RUNTIME_DIR}/reveal.js-LICENSE.txt` },
  ];
}

/** The installed reveal.js version, read from its package.json by path (the exports map hides it). */
export function revealVersion(): string {
  const pkg = require(join(dirname(require.resolve('reveal.js')), '..', 'package.json')) as { version?: string };
  return pkg.version ?? 'unknown';
}
