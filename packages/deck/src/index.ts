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
export { deckOutline, planSummary } from './plan.ts';
export type { CitedDocument, OutlineEntry, PlanSummary, PlanDiscussion, PlanExcerpt, PlanQuestion } from './plan.ts';
export { isSlideSeparatorLine } from './lines.ts';
export { detectForeignDeck, convertForeignDeck } from './foreign/index.ts';
export type { ForeignDeckKind, ForeignConversion, ForeignReport, ForeignReportEntry, ForeignTool } from './foreign/index.ts';
