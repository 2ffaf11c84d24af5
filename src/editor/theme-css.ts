// CSS for the live preview, the same the presenter uses: reveal.js's base CSS, the deck's theme
// chosen by src/themes (only themes with offline Vietnamese fonts; others are substituted the
// way the presenter substitutes them), then Lectern's block styles on top (applyBlockStyles).
import revealCssUrl from 'reveal.js/reveal.css?url';

export { revealCssUrl };
export { applyBlockStyles, pickTheme, applyTheme, type ThemeName } from '../themes/index.ts';
