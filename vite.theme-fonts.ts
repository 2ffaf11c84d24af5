// reveal.js's `white`, `black`, `white-contrast` and `black-contrast` themes embed Source Sans Pro
// as base64 WOFF in their CSS: about 430 KB in every chunk that carries a theme (the editor's
// preview and the presenter), downloaded and parsed as JavaScript text. Lectern already ships the
// same design with full Vietnamese coverage, Source Sans 3, as woff2 files split by Unicode range
// (src/fonts/fonts.css) that the service worker precaches. This plugin swaps the embedded faces
// for those files under the family name the themes use, so the themes look the same, keep
// working offline, and the browser fetches only the subsets a deck's text uses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The theme as CSS (imported plainly or with `?inline`). Not `?raw`: the Offline HTML export
 *  (src/sharing/offline-html.ts) copies the theme file as it is, fonts embedded, on purpose. */
const THEME_FILE = /reveal\.js\/dist\/theme\/(?:white|black|white-contrast|black-contrast)\.css(?:\?inline)?$/;
/** One embedded face: `@font-face{font-family:Source Sans Pro;src:url(data:font/woff;base64,…)…}` */
const EMBEDDED_FACE = /@font-face\s*\{[^{}]*url\(\s*["']?data:font\/[^)]*\)[^{}]*\}/g;

/** Lectern's Source Sans 3 faces, renamed to the family the reveal.js themes ask for. */
function shippedFaces(): string {
  const css = readFileSync(resolve(import.meta.dirname, 'src/fonts/fonts.css'), 'utf8');
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replaceAll("font-family: 'Source Sans 3';", "font-family: 'Source Sans Pro';");
}

export function themeFonts(): Plugin {
  let faces: string | undefined;
  return {
    name: 'lectern-theme-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!THEME_FILE.test(id.replaceAll('\\', '/'))) return undefined;
      const stripped = code.replace(EMBEDDED_FACE, '');
      if (stripped === code) this.error(`${id}: no embedded font found; reveal.js changed its themes, check vite.theme-fonts.ts`);
      faces ??= shippedFaces();
      return { code: `${faces}\n${stripped}`, map: null };
    },
  };
}
