// Importing `.lectern` files into the library: previewBundle() checks the whole file (every rule
// of packages/bundle, every asset's SHA-256) and says what would happen, before anything is
// stored; importBundle() then stores it in one store transaction (importDeck or replaceDeck: all
// or nothing). Each media byte is hashed once: the store keys assets by the SHA-256 the reader
// verified and checks paths with the bundle package's rule. Stored media become slices of the
// picked File (no copy in JavaScript memory).
//
// "Already exists" means a deck with the bundle's id (its manifest id: the id of the deck it was
// exported from, kept on import). Then the user chooses:
//   keep-both  a new deck with a new id beside the existing one;
//   replace    one store operation (Store.replaceDeck): the existing deck gets the bundle's text
//              as a save, so its previous text stays in its revision history, and its media
//              paths point at the bundle's media; nothing else (no temporary deck) is written.
import { assertAssetPath, blobSource, BundleError, isBundleFileName, readBundle, type Bundle, type BundleAsset, type ReadLimits } from '@lectern/bundle';
import { parseDeck, slideNumbering, SNIFF_BYTES } from '@lectern/deck';
import { MediaRefusedError, assertMediaBlob } from '../media/media-check.ts';
import { bundleHash } from './bundle-hash.ts';
import { deckInkLayer, type DeckRecord, type DeckSummary, type ExcerptInput, type ImportAssetInput, type ImportDeckInput, type Store } from '../store/index.ts';
import { SharingError } from './errors.ts';
import { sharingMsg } from './messages.ts';

export { SharingError, type SharingErrorCode } from './errors.ts';

export interface BundlePreview {
  fileName: string;
  file: Blob;
  bundle: Bundle;
  title: string;
  slideCount: number;
  mediaCount: number;
  /** Bytes of media. */
  mediaSize: number;
  excerptCount: number;
  /** The library's deck this bundle is a version of (same id), when there is one. */
  existing?: DeckSummary;
  /** What importing does: 'create' a new deck, or 'conflict' (choose keep-both or replace). */
  action: 'create' | 'conflict';
}

export interface PreviewOptions {
  limits?: Partial<ReadLimits>;
  /** Bytes of media checked so far, of all. */
  onProgress?: (done: number, total: number) => void;
}

export type ConflictChoice = 'keep-both' | 'replace';

export interface ImportResult {
  deck: DeckRecord;
  action: 'created' | 'kept-both' | 'replaced';
  /** A sentence for a toast, in the UI language (built now, for a toast shown now). */
  message: string;
}

const fileNameOf = (file: Blob) => (typeof (file as File).name === 'string' ? (file as File).name : 'bundle.lectern');

function refusal(error: unknown, fileName: string): SharingError {
  if (error instanceof SharingError) return error;
  if (error instanceof BundleError) return new SharingError(error.code, { file: fileName }, { cause: error });
  if (error instanceof MediaRefusedError) return new SharingError('media-type', { file: fileName, entry: error.path }, { cause: error });
  return new SharingError('store', { file: fileName }, { cause: error });
}

/**
 * Checks a bundle completely and describes it. Stores nothing.
 * @throws SharingError with the BundleError's code and the file name (sharingErrorText says it).
 */
export async function previewBundle(store: Store, file: Blob, options: PreviewOptions = {}): Promise<BundlePreview> {
  const fileName = fileNameOf(file);
  let bundle: Bundle;
  try {
    bundle = await readBundle(blobSource(file), {
      hash: await bundleHash(),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.onProgress ? { onProgress: (p: { done: number; total: number }) => options.onProgress!(p.done, p.total) } : {}),
    });
    // What each media file is comes from its bytes, never from the manifest's type or the name
    // alone: an HTML page declared `image/png` is refused here, before anything is stored.
    for (const asset of bundle.assets) await assertMediaBlob(asset.path, await assetHead(file, asset));
  } catch (error) {
    throw refusal(error, fileName);
  }
  const existing = await store.getDeck(bundle.manifest.id);
  const live = existing && existing.deletedAt === undefined ? existing : undefined;
  const { markdown: _markdown, ...summary } = live ?? ({} as Partial<DeckRecord>);
  return {
    fileName,
    file,
    bundle,
    title: bundle.manifest.title,
    slideCount: slideNumbering(parseDeck(bundle.deck)).count,
    mediaCount: bundle.assets.length,
    mediaSize: bundle.mediaSize,
    excerptCount: bundle.manifest.excerpts.length,
    ...(live ? { existing: summary as DeckSummary } : {}),
    action: live ? 'conflict' : 'create',
  };
}

/** A stored asset is a slice of the file; a deflated one (other zip tools) is inflated into a Blob. */
async function assetBlob(file: Blob, asset: BundleAsset): Promise<Blob> {
  if (asset.range) return file.slice(asset.range.offset, asset.range.offset + asset.range.length, asset.type);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of asset.chunks()) parts.push(chunk.slice());
  return new Blob(parts, { type: asset.type });
}

type ImportInput = ImportDeckInput & { title: string; assets: (ImportAssetInput & { sha256: string })[] };

/** The first bytes of an asset, enough to tell what it is (stored: a slice; deflated: inflated
 *  only as far as needed). */
async function assetHead(file: Blob, asset: BundleAsset): Promise<Blob> {
  if (asset.range) return file.slice(asset.range.offset, asset.range.offset + Math.min(asset.range.length, SNIFF_BYTES));
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for await (const chunk of asset.chunks()) {
    parts.push(chunk.slice());
    size += chunk.length;
    if (size >= SNIFF_BYTES) break;
  }
  return new Blob(parts);
}


function excerptInputs(bundle: Bundle): ExcerptInput[] {
  return bundle.manifest.excerpts.map(({ id: _id, tags, ...rest }) => ({ ...rest, ...(tags ? { tags } : {}) }));
}

/**
 * Stores a bundle (a File, or a preview of one). Nothing is stored if anything fails.
 * @throws SharingError
 */
export async function importBundle(
  store: Store,
  input: Blob | BundlePreview,
  options: { onConflict?: ConflictChoice } & PreviewOptions = {},
): Promise<ImportResult> {
  const preview = input instanceof Blob ? await previewBundle(store, input, options) : input;
  const { bundle, file, fileName } = preview;
  const msg = sharingMsg();
  try {
    const assets = await Promise.all(
      bundle.assets.map(async (asset) => ({
        path: asset.path,
        blob: await assetBlob(file, asset),
        name: asset.path.split('/').pop() ?? '',
        sha256: asset.sha256,
      })),
    );
    // `sha256` was verified against the bytes by readBundle; the paths passed its rules, which the
    // store applies again (checkPath) instead of a rule of its own.
    const base: ImportInput = { markdown: bundle.deck, title: bundle.manifest.title, assets, excerpts: excerptInputs(bundle), checkPath: assertAssetPath };
    // The id may have been taken since the preview (another tab): check again just before.
    const current = await store.getDeck(bundle.manifest.id);
    // The deck's kept ink (bundle version 2; validated when the manifest was read) replaces the
    // imported deck's ink layer.
    const withInk = async (result: ImportResult): Promise<ImportResult> => {
      await store.replaceInkLayer(deckInkLayer(result.deck.id), result.deck.id, bundle.manifest.ink);
      return result;
    };
    if (!current) {
      const deck = await store.importDeck({ ...base, id: bundle.manifest.id });
      return await withInk({ deck, action: 'created', message: msg.imported(deck.title) });
    }
    if (options.onConflict !== 'replace' || current.deletedAt !== undefined) {
      const deck = await store.importDeck(base);
      return await withInk({ deck, action: current.deletedAt === undefined ? 'kept-both' : 'created', message: msg.imported(deck.title) });
    }
    return await withInk(await replaceDeck(store, current, base));
  } catch (error) {
    throw refusal(error, fileName);
  }
}

/** Replace: one store operation (the text as a save on the rev just read, the media relinked,
 *  the excerpts added), so a failure anywhere leaves the library as it was. If the deck was
 *  edited meanwhile in another tab, nothing is written. */
async function replaceDeck(store: Store, current: DeckRecord, base: ImportInput): Promise<ImportResult> {
  const { title, ...input } = base;
  const saved = await store.replaceDeck({ ...input, id: current.id, baseRev: current.rev });
  if (!saved.ok) throw new SharingError('changed-meanwhile', { title });
  return { deck: saved.record, action: 'replaced', message: sharingMsg().replaced(saved.record.title) };
}

/**
 * The library's Import button: checks the file while a dialog shows progress, shows the preview
 * and asks (import / keep both / replace / cancel), then imports. Returns the deck's id, or
 * undefined when the user cancels. Without a DOM (tests, workers) it imports with "keep both".
 * @throws SharingError (the caller shows it with sharingErrorText)
 */
export async function importBundleFile(store: Store, file: File): Promise<string | undefined> {
  if (typeof document === 'undefined') return (await importBundle(store, file, { onConflict: 'keep-both' })).deck.id;
  await import('./import-dialog.ts');
  const dialog = document.createElement('lectern-import-dialog');
  document.body.append(dialog);
  try {
    const asked = await dialog.askAfter(file.name, () =>
      previewBundle(store, file, { onProgress: (done, total) => (dialog.progress = total > 0 ? done / total : 1) }),
    );
    if (!asked) return undefined;
    const result = await importBundle(store, asked.checked, { onConflict: asked.decision === 'replace' ? 'replace' : 'keep-both' });
    return result.deck.id;
  } finally {
    dialog.remove();
  }
}

export interface FileImportOutcome {
  file: string;
  /** The imported deck's id; undefined when cancelled or refused. */
  deckId?: string;
  error?: SharingError;
}

/**
 * Several bundles (a multi-select or a drop), one after another, each with its own preview and
 * choice; one refused file does not stop the others.
 */
export async function importBundleFiles(store: Store, files: readonly File[]): Promise<FileImportOutcome[]> {
  const outcomes: FileImportOutcome[] = [];
  for (const file of files) {
    try {
      const deckId = await importBundleFile(store, file);
      outcomes.push(deckId === undefined ? { file: file.name } : { file: file.name, deckId });
    } catch (error) {
      outcomes.push({ file: file.name, error: error instanceof SharingError ? error : refusal(error, file.name) });
    }
  }
  return outcomes;
}

/** The `.lectern` files of a drop on the library (other files and folders are left out). */
export function droppedBundles(event: { readonly dataTransfer: { readonly files: Iterable<File> } | null }): File[] {
  return [...(event.dataTransfer?.files ?? [])].filter((file) => isBundleFileName(file.name));
}
