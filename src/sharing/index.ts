// Sharing decks as files (issue 6, app side): export a deck as a `.lectern` bundle, preview and
// import bundles (keep both / replace), and back up / restore the whole library.
// The library's bridge (src/library/sharing-bridge.ts) picks `exportDeck` (download) and
// `importBundleFile` from here; the Blob-returning export is `exportDeckBundle` in export-deck.ts.
export { exportDeckAndDownload as exportDeck, exportDeck as buildDeckExport, downloadBlob, type DeckExport } from './export-deck.ts';
export {
  droppedBundles, importBundle, importBundleFile, importBundleFiles, previewBundle, SharingError,
  type BundlePreview, type FileImportOutcome, type ConflictChoice, type ImportResult, type PreviewOptions, type SharingErrorCode,
} from './import-bundle.ts';
export { sharingMsg } from './messages.ts';
export { sharingErrorText } from './error-text.ts';
export type { SharingErrorDetails } from './errors.ts';
export {
  backupFileName, exportLibrary, exportLibraryAndDownload, previewLibraryBackup, restoreLibrary,
  type BackupDeckPreview, type BackupPreview, type LibraryExport, type RestoreChoice, type RestoreResult,
} from './backup.ts';
export { restoreBackupFile } from './restore-dialog.ts';

/** The library's "Export HTML": the page builder and reveal.js's files load only when it is used. */
export async function exportDeckHtmlAndDownload(
  store: import('../store/index.ts').Store,
  deckId: string,
  onProgress?: (progress: import('./offline-html.ts').HtmlExportUiProgress) => void,
): Promise<{ message: string }> {
  return (await import('./offline-html.ts')).exportDeckHtmlAndDownload(store, deckId, onProgress);
}

/** "Export as PowerPoint": office-export runs in a worker, loaded only when it is used. */
export async function exportDeckPptxAndDownload(
  store: import('../store/index.ts').Store,
  deckId: string,
  onProgress?: (progress: import('./pptx-export.ts').PptxUiProgress) => void,
): Promise<{ message: string }> {
  return (await import('./pptx-export.ts')).exportDeckPptxAndDownload(store, deckId, onProgress);
}
