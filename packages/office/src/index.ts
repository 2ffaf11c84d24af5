// @lectern/office: PowerPoint (.pptx) and Word (.docx) files -> Lectern decks. Pure: bytes in (a ByteSource from
// @lectern/bundle), deck text + streamed media + a report out; no DOM, no IndexedDB, no Node API,
// so the app's Web Worker and the CLI run the same code.
export { importDocx, importOfficeFile, importPptx } from './import-office-file.ts';
export { detectMarkdownDeck, importMarkdownDeck, type MarkdownDeckImport, type MarkdownDeckKind } from './markdown-decks.ts';
export { OfficeImportError, isOfficeImportError, type OfficeErrorCode } from './errors.ts';
export { officeErrorMessage, reportKindLabel, type OfficeLang } from './messages.ts';
export { LOSS_KINDS, type ImportReport, type ReportEntry, type ReportKind } from './report.ts';
export type { ImportedMedia, ImportOptions, ImportProgress, OfficeImport } from './import-types.ts';
export type { ImportedMediaKind } from './media-types.ts';
