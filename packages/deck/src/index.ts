// Public API of @lectern/deck: Markdown deck -> Deck model -> reveal.js HTML, plus the lesson-plan
// summary. Pure functions over strings and plain objects: no DOM, no fs, no module state.
export * from './types.ts';
export * from './sanitize.ts';
export { parseDeck, serializeDeck } from './parse.ts';
export { renderDeck, createRenderCache, renderMarkdown, renderNotes, renderMarkdownInline, lexMarkdown } from './render.ts';
export { mediaTokenAttrs } from './inline/media.ts';
export { mediaKind, splitMediaPath, isLocal } from './media.ts';
export type { DivToken } from './blocks/fenced-div.ts';
export type { DivInfo, DivKind } from './blocks/divs.ts';
export type { RenderCache } from './render.ts';
export { deckOutline, planSummary, plannedMinutes, slidePlannedMinutes } from './plan.ts';
export type { PlannedSlide, CitedDocument, OutlineEntry, PlanSummary, PlanDiscussion, PlanExcerpt, PlanQuestion } from './plan.ts';
export { slideNumbering } from './numbering.ts';
export type { SlideNumbering } from './numbering.ts';
export { deckFiles, deckFilePath } from './files.ts';
export type { DeckFile, DeckFileUse } from './files.ts';
export { BLOCKS_CSS } from './blocks-css.ts';
export { BLOCKS_CSS_PATH, renderPage, RUNTIME_DIR, scriptJson, START_SCRIPT_PATH } from './page.ts';
export type { PageInput, PresentConfig } from './page.ts';
export { escapeHtml } from './html.ts';
export { isSlideSeparatorLine } from './lines.ts';
export { detectForeignDeck, convertForeignDeck } from './foreign/index.ts';
export type { ForeignDeckKind, ForeignConversion, ForeignReport, ForeignReportEntry, ForeignTool } from './foreign/index.ts';
export { formatDiagnostic, DIAGNOSTIC_MESSAGES, MEDIA_PATH_PROBLEM } from './diagnostic-messages.ts';
export type { MediaPathProblem } from './diagnostic-messages.ts';
export { diagnostic, DIAGNOSTIC_CODES } from './diagnostics.ts';
export { GLOSSARY, glossaryViolations } from './glossary.ts';
export type { Term, TermName } from './glossary.ts';
export {
  MEDIA_TYPES,
  SNIFF_BYTES,
  checkMediaBytes,
  describeMediaRefusal,
  extensionOf,
  mediaExtensions,
  mediaTypeByMime,
  mediaTypeByName,
  sniffMediaBytes,
  isWebVttBytes,
  WEBVTT,
} from './media-types.ts';
export type { MediaCheck, MediaRefusal, MediaTypeInfo } from './media-types.ts';
export { createSvgSanitizer } from './svg.ts';
export {
  CAPTION_CSS,
  CAPTION_LIMITS,
  captionLanguage,
  captionLimitProblem,
  captionPaths,
  captionPathsFromAttr,
  captionTracks,
  checkCaptionText,
  isCaptionPath,
  isSubRipPath,
  srtToVtt,
} from './captions.ts';
export type { CaptionCheck, CaptionProblem, CaptionTrack } from './captions.ts';
export { captionProblemText } from './caption-problems.ts';
