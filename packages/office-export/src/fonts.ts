// Fonts named in the file. PowerPoint substitutes a font it does not have, and a substitute
// without Vietnamese glyphs shows boxes or detached diacritics, so only fonts that Microsoft
// Office installs on Windows and macOS, with full Vietnamese coverage (Latin Extended Additional,
// U+1EA0-U+1EF9), are named: Arial for all text, Courier New for code. The theme declares them as
// the major and minor Latin fonts, so PowerPoint's font menus show them as the theme's fonts.

export const TEXT_FONT = 'Arial';
export const CODE_FONT = 'Courier New';

/** Point sizes (before a slide's shrink-to-fit factor). */
export const SIZE = {
  title: 36,
  titleSlide: 44,
  subtitle: 24,
  body: 22,
  heading: 26,
  code: 16,
  table: 16,
  caption: 14,
} as const;
