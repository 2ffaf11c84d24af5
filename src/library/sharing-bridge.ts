// The library's Export and Import buttons, connected to src/sharing (the bundle helper's module)
// when that module exists in this build. import.meta.glob makes the link optional: without the
// module the glob is empty and the buttons stay disabled with a tooltip saying why.
import type { Store } from '../store/index.ts';

export interface SharingModule {
  /** Writes the deck as a .lectern file and offers it for download. */
  exportDeck(store: Store, deckId: string): Promise<void>;
  /**
   * Writes the deck as a .zip with an offline index.html (reveal.js) and offers it for download,
   * reporting progress as it goes (media are streamed); returns the message to show when done.
   */
  exportHtml(store: Store, deckId: string, onProgress?: (progress: ExportProgress) => void): Promise<{ message: string } | undefined>;
  /** Writes the deck as an editable .pptx (in a worker) and offers it for download, with progress; returns the message to show. */
  exportPptx(store: Store, deckId: string, onProgress?: (progress: ExportProgress) => void): Promise<{ message: string } | undefined>;
  /** Validates and imports a .lectern file; returns the new deck's id. */
  importFile(store: Store, file: File): Promise<string | undefined>;
  /** Several files (multi-select or drop), each with its own preview; one refused does not stop the others. */
  importFiles(store: Store, files: readonly File[]): Promise<FileOutcome[]>;
  /** The `.lectern` files of a drop, and the other files left out (read at once: a drop's list empties after the event). */
  droppedFiles(event: DragEvent): { bundles: File[]; others: File[] };
  /** Writes the whole library as a .lectern-backup and offers it for download. */
  backup(store: Store): Promise<void>;
  /** Checks a backup, shows its preview and the choice, then restores; undefined when cancelled. */
  restore(store: Store, file: File): Promise<{ message: string } | undefined>;
}

/** Bytes written of the total, with the text to show (in the UI language, from the sharing module). */
export interface ExportProgress {
  done: number;
  total: number;
  /** What is being done ("Building the offline HTML of …"): the live region and the bar's name. */
  label: string;
  /** Percent and sizes. */
  text: string;
}

export interface FileOutcome {
  file: string;
  deckId?: string;
  /** A refusal, ready for the UI. */
  error?: Error;
}

const modules = import.meta.glob('../sharing/index.ts');
const RE_BUNDLE_NAME = /\.lectern$/i;

export async function sharing(): Promise<SharingModule | undefined> {
  const load = modules['../sharing/index.ts'];
  if (!load) return undefined;
  // The bundle writer/reader (fflate, valibot, packages/bundle) is loaded on the first Export or
  // Import, not when the library opens: the library's first load must stay small (issue 7,
  // budget.json). Until then the buttons only need to know the module exists.
  let real: Promise<LoadedSharing> | undefined;
  const loadReal = (): Promise<LoadedSharing> => (real ??= loadSharing(load));
  return {
    exportDeck: async (store, deckId) => (await loadReal()).exportDeck(store, deckId),
    importFile: async (store, file) => (await loadReal()).importFile(store, file),
    importFiles: async (store, files) => (await loadReal()).importFiles(store, files),
    exportHtml: async (store, deckId, onProgress) => (await loadReal()).exportHtml(store, deckId, onProgress),
    exportPptx: async (store, deckId, onProgress) => (await loadReal()).exportPptx(store, deckId, onProgress),
    // Synchronous (the drop's file list is gone after the event, before the sharing module could
    // load): the same `.lectern` name rule as the sharing module's droppedBundles.
    droppedFiles: (event) => {
      const all = [...(event.dataTransfer?.files ?? [])];
      const bundles = all.filter((file) => RE_BUNDLE_NAME.test(file.name));
      return { bundles, others: all.filter((file) => !bundles.includes(file)) };
    },
    backup: async (store) => (await loadReal()).backup(store),
    restore: async (store, file) => (await loadReal()).restore(store, file),
  };
}

type LoadedSharing = Omit<SharingModule, 'droppedFiles'>;

async function loadSharing(load: () => Promise<unknown>): Promise<LoadedSharing> {
  // The module's shape is checked below rather than trusted: it is another feature's file.
  const mod = (await load()) as Record<string, unknown>;
  // `exportDeck` writes the bundle and starts the download (src/sharing/index.ts).
  const exportDeck = mod.exportDeck;
  // `importBundleFile` validates, imports (keeping both on an id clash) and returns the new id.
  const importFile = mod.importBundleFile;
  const importFiles = mod.importBundleFiles;
  const backup = mod.exportLibraryAndDownload;
  const restore = mod.restoreBackupFile;
  const exportHtml = mod.exportDeckHtmlAndDownload;
  const exportPptx = mod.exportDeckPptxAndDownload;
  if (typeof exportDeck !== 'function' || typeof exportHtml !== 'function' || typeof exportPptx !== 'function' || typeof importFile !== 'function' || typeof importFiles !== 'function' ||
    typeof backup !== 'function' || typeof restore !== 'function') {
    throw new Error('src/sharing/index.ts does not export exportDeck, importBundleFile, importBundleFiles, exportLibraryAndDownload, restoreBackupFile, exportDeckHtmlAndDownload and exportDeckPptxAndDownload');
  }
  return {
    exportDeck: (store, deckId) => Promise.resolve(exportDeck(store, deckId)).then(() => undefined),
    importFile: async (store, file) => {
      const result: unknown = await importFile(store, file);
      if (typeof result === 'string') return result;
      if (result && typeof result === 'object' && 'id' in result) return String((result as { id: unknown }).id);
      return undefined;
    },
    // Picked files go through whatever their name (the reader checks the content, and names a
    // refusal); the name filter applies to drops only (droppedFiles).
    importFiles: async (store, files) => (await importFiles(store, files)) as FileOutcome[],
    exportHtml: async (store, deckId, onProgress) => messageOf(await exportHtml(store, deckId, onProgress)),
    exportPptx: async (store, deckId, onProgress) => messageOf(await exportPptx(store, deckId, onProgress)),
    backup: (store) => Promise.resolve(backup(store)).then(() => undefined),
    restore: async (store, file) => (await restore(store, file)) as { message: string } | undefined,
  };
}

function messageOf(result: unknown): { message: string } | undefined {
  return result && typeof result === 'object' && 'message' in result ? { message: String((result as { message: unknown }).message) } : undefined;
}
