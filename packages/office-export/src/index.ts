// @lectern/office-export: a Lectern deck as an editable PowerPoint file (.pptx). Pure: a Deck and
// a media lookup in, zip bytes out to a sink (Node file, Blob parts); no DOM, no fs.
export { deckToPptx, writePptx, PPTX_TYPE, type PptxOptions, type PptxProgress, type PptxResult } from './write-pptx.ts';
export type { MediaSource, PptxMedia, RefusedMedia } from './media-files.ts';
export { lossLine, lossText, type MediaProblem, type PptxLoss, type PptxLossCode } from './losses.ts';
export { FONTS_USED } from './package-parts.ts';
