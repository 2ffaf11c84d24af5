// The library's Export and Import buttons, connected to src/sharing (the bundle helper's module)
// when that module exists in this build. import.meta.glob makes the link optional: without the
// module the glob is empty and the buttons stay disabled with a tooltip saying why.
import type { Store } from '../store/index.ts';

export interface SharingModule {
  /** Writes the deck as a .lectern file and offers it for download. */
  exportDeck(store: Store, deckId: string): Promise<void>;
  /** Validates and imports a .lectern file; returns the new deck's id. */
  importFile(store: Store, file: File): Promise<string | undefined>;
}

const modules = import.meta.glob('../sharing/index.ts');

export async function sharing(): Promise<SharingModule | undefined> {
  const load = modules['../sharing/index.ts'];
  if (!load) return undefined;
  // The bundle writer/reader (fflate, valibot, packages/bundle) is loaded on the first Export or
  // Import, not when the library opens: the library's first load must stay small (issue 7,
  // budget.json). Until then the buttons only need to know the module exists.
  let real: Promise<SharingModule> | undefined;
  const loadReal = (): Promise<SharingModule> => (real ??= loadSharing(load));
  return {
    exportDeck: async (store, deckId) => (await loadReal()).exportDeck(store, deckId),
    importFile: async (store, file) => (await loadReal()).importFile(store, file),
  };
}

async function loadSharing(load: () => Promise<unknown>): Promise<SharingModule> {
  // The module's shape is checked below rather than trusted: it is another feature's file.
  const mod = (await load()) as Record<string, unknown>;
  // `exportDeck` writes the bundle and starts the download (src/sharing/index.ts).
  const exportDeck = mod.exportDeck;
  // `importBundleFile` validates, imports (keeping both on an id clash) and returns the new id.
  const importFile = mod.importBundleFile;
  if (typeof exportDeck !== 'function' || typeof importFile !== 'function') {
    throw new Error('src/sharing/index.ts does not export exportDeck and importBundleFile');
  }
  return {
    exportDeck: (store, deckId) => Promise.resolve(exportDeck(store, deckId)).then(() => undefined),
    importFile: async (store, file) => {
      const result: unknown = await importFile(store, file);
      if (typeof result === 'string') return result;
      if (result && typeof result === 'object' && 'id' in result) return String((result as { id: unknown }).id);
      return undefined;
    },
  };
}
