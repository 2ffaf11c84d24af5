// The library's Export and Import buttons, connected to src/sharing (loaded on first use).
import { errorText } from '../app/error-text.ts';
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
  /** A refusal (SharingError); say it with sharingErrorText when shown. */
  error?: Error;
}

const RE_BUNDLE_NAME = /\.lectern$/i;

type SharingIndex = typeof import('../sharing/index.ts');

/** The sharing module once loaded: its errors are translated by it when shown. */
let loaded: SharingIndex | undefined;

// The bundle writer/reader (fflate, valibot, packages/bundle) is loaded on the first Export or
// Import, not when the library opens: the library's first load must stay small (budget.json).
// A typed import(): TypeScript checks the module's exports, so no shape check at run time.
let loading: Promise<SharingIndex> | undefined;
function load(): Promise<SharingIndex> {
  loading ??= import('../sharing/index.ts').then((mod) => (loaded = mod));
  loading.catch(() => (loading = undefined)); // offline before the chunk was cached: retry later
  return loading;
}

export async function sharing(): Promise<SharingModule> {
  return {
    exportDeck: async (store, deckId) => (await load()).exportDeck(store, deckId),
    importFile: async (store, file) => (await load()).importBundleFile(store, file),
    importFiles: async (store, files) => (await load()).importBundleFiles(store, files),
    exportHtml: async (store, deckId, onProgress) => (await load()).exportDeckHtmlAndDownload(store, deckId, onProgress),
    exportPptx: async (store, deckId, onProgress) => (await load()).exportDeckPptxAndDownload(store, deckId, onProgress),
    // Synchronous (the drop's file list is gone after the event, before the sharing module could
    // load): the same `.lectern` name rule as the sharing module's droppedBundles.
    droppedFiles: (event) => {
      const all = [...(event.dataTransfer?.files ?? [])];
      const bundles = all.filter((file) => RE_BUNDLE_NAME.test(file.name));
      return { bundles, others: all.filter((file) => !bundles.includes(file)) };
    },
    backup: async (store) => (await load()).exportLibraryAndDownload(store),
    restore: async (store, file) => (await load()).restoreBackupFile(store, file),
  };
}

/** An error of the library's sharing actions as a sentence in the current language. Sharing
 *  errors only come from the loaded sharing module, which translates them. */
export function sharingErrorText(error: unknown): string {
  return loaded ? loaded.sharingErrorText(error) : errorText(error);
}

function messageOf(result: unknown): { message: string } | undefined {
  return result && typeof result === 'object' && 'message' in result ? { message: String((result as { message: unknown }).message) } : undefined;
}
