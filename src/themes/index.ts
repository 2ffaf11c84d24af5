// Slide themes Lectern offers. Only reveal.js themes that render every Vietnamese letter from a
// font shipped inside the app qualify: `white`, `black`, `white-contrast`, `black-contrast` use
// Source Sans Pro (full Vietnamese coverage), which the build serves from the app's own Source
// Sans 3 woff2 files instead of the themes' embedded base64 copies (vite.theme-fonts.ts), so they
// work offline. The others
// either use League Gothic headings (no Vietnamese tone marks) or import Google Fonts at run
// time (fail offline), so a deck that names one gets the nearest qualifying theme instead,
// light for light and dark for dark. Lectern's own block styles (BLOCKS_CSS from @lectern/deck, applyBlockStyles) sit on
// top, with colours chosen to pass WCAG AA in all four.
import { BLOCKS_CSS } from '@lectern/deck';

export const THEMES = ['white', 'black', 'white-contrast', 'black-contrast'] as const;
export type ThemeName = (typeof THEMES)[number];

const DARK_SUBSTITUTES = new Set(['night', 'league', 'moon', 'blood', 'dracula']);

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** `moon` => { theme: 'black', substituted: true }; undefined => the fallback, not substituted. */
export function pickTheme(requested: string | undefined, fallback: ThemeName = 'white'): { theme: ThemeName; substituted: boolean } {
  if (!requested) return { theme: fallback, substituted: false };
  const name = requested.trim().toLowerCase();
  if (isThemeName(name)) return { theme: name, substituted: false };
  return { theme: DARK_SUBSTITUTES.has(name) ? 'black' : 'white', substituted: true };
}

export function isDark(theme: ThemeName): boolean {
  return theme === 'black' || theme === 'black-contrast';
}

// `?inline` gives the CSS text, so the page decides the order: reveal.css, then the theme.
const loaders: Record<ThemeName, () => Promise<string>> = {
  white: () => import('reveal.js/theme/white.css?inline').then((m) => m.default),
  black: () => import('reveal.js/theme/black.css?inline').then((m) => m.default),
  'white-contrast': () => import('reveal.js/theme/white-contrast.css?inline').then((m) => m.default),
  'black-contrast': () => import('reveal.js/theme/black-contrast.css?inline').then((m) => m.default),
};

/** Lectern's block stylesheet (the deck package's one BLOCKS_CSS) in `doc`, once. */
export function applyBlockStyles(doc: Document): void {
  if (doc.getElementById('lectern-blocks')) return;
  const style = doc.createElement('style');
  style.id = 'lectern-blocks';
  style.textContent = BLOCKS_CSS;
  doc.head.append(style);
}

/** Puts the theme's stylesheet after reveal.css and marks <html> light or dark. */
export async function applyTheme(doc: Document, theme: ThemeName): Promise<void> {
  const css = await loaders[theme]();
  let style = doc.getElementById('lectern-theme') as HTMLStyleElement | null;
  if (!style) {
    style = doc.createElement('style');
    style.id = 'lectern-theme';
    // Last in <head>: after reveal.css, whose `.reveal-viewport { background-color: #fff }` has
    // the same specificity as the theme's background rule. Lectern's own rules (BLOCKS_CSS)
    // are written more specific than the theme's, so they still win.
    doc.head.append(style);
  }
  style.textContent = css;
  doc.documentElement.dataset.lecternTheme = theme;
  doc.documentElement.dataset.lecternScheme = isDark(theme) ? 'dark' : 'light';
  // The theme's font must be ready before reveal.js measures the slides.
  await doc.fonts.load('1em "Source Sans Pro"', 'Tiếng Việt Đặng Ưng Ộ').catch(() => undefined);
}
