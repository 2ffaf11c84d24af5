// URLs of reveal.js CSS for the live preview. Each theme is its own lazily imported asset URL,
// so the editor chunk does not carry 14 themes (white/black embed a 575 KB font each).
import revealCssUrl from 'reveal.js/reveal.css?url';

export { revealCssUrl };

// Vite turns each `?url` import into an emitted asset and a tiny module exporting its URL.
const THEMES: Record<string, () => Promise<{ default: string }>> = {
  white: () => import('reveal.js/theme/white.css?url'),
  black: () => import('reveal.js/theme/black.css?url'),
  'white-contrast': () => import('reveal.js/theme/white-contrast.css?url'),
  'black-contrast': () => import('reveal.js/theme/black-contrast.css?url'),
  simple: () => import('reveal.js/theme/simple.css?url'),
  serif: () => import('reveal.js/theme/serif.css?url'),
  league: () => import('reveal.js/theme/league.css?url'),
  beige: () => import('reveal.js/theme/beige.css?url'),
  sky: () => import('reveal.js/theme/sky.css?url'),
  night: () => import('reveal.js/theme/night.css?url'),
  moon: () => import('reveal.js/theme/moon.css?url'),
  solarized: () => import('reveal.js/theme/solarized.css?url'),
  blood: () => import('reveal.js/theme/blood.css?url'),
  dracula: () => import('reveal.js/theme/dracula.css?url'),
};

export const THEME_NAMES = Object.keys(THEMES);

/** URL of a reveal.js theme's CSS; unknown names fall back to `fallback` (then `white`). */
export async function themeCssUrl(name: string | undefined, fallback = 'white'): Promise<string> {
  const load = (name && THEMES[name]) || THEMES[fallback] || THEMES.white;
  // THEMES.white always exists; the non-null assertion documents that, not a guess.
  return (await load!()).default;
}
