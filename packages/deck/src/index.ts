// Public API of @lectern/deck: Markdown deck -> Deck model -> reveal.js HTML, plus the lesson-plan
// summary. Pure functions over strings and plain objects: no DOM, no fs, no module state.
export * from './types.ts';
export * from './sanitize.ts';
export { parseDeck, serializeDeck } from './parse.ts';
export { renderDeck, createRenderCache, renderMarkdown, renderNotes, renderMarkdownInline } from './render.ts';
export type { RenderCache } from './render.ts';
export { deckOutline, planSummary } from './plan.ts';
export type { CitedDocument, OutlineEntry, PlanSummary, PlanDiscussion, PlanExcerpt, PlanQuestion } from './plan.ts';
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
