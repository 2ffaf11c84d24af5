// Public API of @lectern/deck: Markdown deck -> Deck model -> reveal.js HTML, plus the lesson-plan
// summary. Pure functions over strings and plain objects: no DOM, no fs, no module state.
export * from './types.ts';
export * from './sanitize.ts';
export { parseDeck, serializeDeck } from './parse.ts';
export { renderDeck, createRenderCache, renderMarkdown, renderNotes, renderMarkdownInline } from './render.ts';
export type { RenderCache } from './render.ts';
export { deckOutline, planSummary } from './plan.ts';
export type { CitedDocument, OutlineEntry, PlanSummary, PlanDiscussion, PlanExcerpt, PlanQuestion } from './plan.ts';
export { isSlideSeparatorLine } from './lines.ts';
export { formatDiagnostic, DIAGNOSTIC_MESSAGES, MEDIA_PATH_PROBLEM } from './diagnostic-messages.ts';
export type { MediaPathProblem } from './diagnostic-messages.ts';
export { diagnostic, DIAGNOSTIC_CODES } from './diagnostics.ts';
export { GLOSSARY, glossaryViolations } from './glossary.ts';
export type { Term, TermName } from './glossary.ts';
