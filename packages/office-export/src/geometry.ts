// Sizes in the file: EMU (914,400 to the inch, 12,700 to the point). The slide is 16:9 at
// 13.333 x 7.5 in, PowerPoint's default since 2013 and the shape of reveal.js's default 960x700
// scaled to a widescreen projector.

export const EMU_PER_INCH = 914_400;
export const EMU_PER_PT = 12_700;

export const SLIDE_W = 12_192_000;
export const SLIDE_H = 6_858_000;

/** Margin around the content, and where the title placeholder sits. */
export const MARGIN = Math.round(0.5 * EMU_PER_INCH);
export const TITLE_Y = Math.round(0.3 * EMU_PER_INCH);
export const TITLE_H = Math.round(1.1 * EMU_PER_INCH);
export const BODY_Y = TITLE_Y + TITLE_H + Math.round(0.15 * EMU_PER_INCH);
export const CONTENT_W = SLIDE_W - 2 * MARGIN;

/** Gap between stacked boxes and between columns. */
export const GAP = Math.round(0.15 * EMU_PER_INCH);

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const emu = (n: number) => Math.max(0, Math.round(n));
