// Exporting one deck from the store as a `.lectern` bundle (docs/bundle-format.md): its Markdown,
// every media file linked to it under media/, and the excerpts it quotes. The bundle Blob is
// assembled from the stored asset Blobs themselves (writeBundleToBlob): a video is read once to
// hash it and never copied into memory. The manifest id is the deck's id, so importing a newer
// export of the same deck elsewhere offers "replace".
import { blobChunks, deckFileName, MEDIA_DIR, writeBundleToBlob, type Manifest, type ManifestExcerpt } from '@lectern/bundle';
import { deckFiles, parseDeck } from '@lectern/deck';
import { deckInkLayer, type Store } from '../store/index.ts';
import { SharingError } from './errors.ts';

export const GENERATOR = 'lectern-app 0.1.0';

export interface DeckExport {
  blob: Blob;
  manifest: Manifest;
  /** A file name for the download: the title with characters file systems refuse replaced. */
  fileName: string;
  /** Linked media whose path is not under media/ (not carried: a bundle holds media/ only). */
  skipped: string[];
  /** Files the deck refers to (a poster, a background...) that the library does not hold, so
   *  the bundle cannot carry them. */
  missing: string[];
}

/** The files the deck refers to (the deck package's one list) that are not among `stored`. */
export function unstoredFiles(markdown: string, stored: Iterable<string>): string[] {
  const have = new Set([...stored].map((path) => path.normalize('NFC')));
  return deckFiles(parseDeck(markdown))
    .map((file) => file.path.normalize('NFC'))
    .filter((path) => !have.has(path));
}


/** The deck's `::: excerpt` blocks as manifest excerpts (the importer adds them to its library). */
function deckExcerpts(markdown: string): ManifestExcerpt[] {
  const seen = new Set<string>();
  const out: ManifestExcerpt[] = [];
  for (const excerpt of parseDeck(markdown).slides.flatMap((slide) => slide.excerpts)) {
    const key = `${excerpt.source ?? ''}\u0000${excerpt.number ?? ''}\u0000${excerpt.text}`;
    if (seen.has(key) || excerpt.text.trim() === '') continue;
    seen.add(key);
    const entry: ManifestExcerpt = { text: excerpt.text };
    if (excerpt.source !== undefined) entry.source = excerpt.source;
    if (excerpt.number !== undefined) entry.number = excerpt.number;
    if (excerpt.issuer !== undefined) entry.issuer = excerpt.issuer;
    if (excerpt.ref !== undefined) entry.ref = excerpt.ref;
    if (excerpt.date !== undefined) entry.date = excerpt.date;
    out.push(entry);
  }
  return out;
}

/** Builds the bundle of one deck. @throws SharingError 'deck-not-found' when the deck is gone. */
export async function exportDeck(store: Store, deckId: string): Promise<DeckExport> {
  const deck = await store.getDeck(deckId);
  if (!deck) throw new SharingError('deck-not-found', { deckId });
  const linked = await store.listDeckAssets(deckId);
  const skipped = linked.filter((asset) => !asset.path.startsWith(MEDIA_DIR)).map((asset) => asset.path);
  const assets = await Promise.all(
    linked
      .filter((asset) => asset.path.startsWith(MEDIA_DIR))
      .map(async (asset) => {
        const blob = await store.getAssetBlob(asset.assetId);
        return { path: asset.path, type: asset.type || blob.type || 'application/octet-stream', size: blob.size, blob, chunks: () => blobChunks(blob) };
      }),
  );
  const ink = (await store.listInk(deckInkLayer(deckId))).map(({ slide, strokes }) => ({ slide, strokes }));
  const { blob, manifest } = await writeBundleToBlob({
    id: deck.id,
    title: deck.title.slice(0, 1000),
    createdAt: deck.createdAt,
    updatedAt: deck.updatedAt,
    generator: GENERATOR,
    deck: deck.markdown,
    assets,
    excerpts: deckExcerpts(deck.markdown),
    ink, // "keep this ink on the deck" travels; a class's own ink does not
  });
  const missing = unstoredFiles(deck.markdown, linked.map((asset) => asset.path));
  return { blob, manifest, fileName: deckFileName(deck.title), skipped, missing };
}

/** The deck as a `.lectern` Blob. */
export async function exportDeckBundle(store: Store, deckId: string): Promise<Blob> {
  return (await exportDeck(store, deckId)).blob;
}

/** Offers a Blob as a download (an object URL on a temporary link). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; revoke later, not at once (some browsers read it async).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export + download: what the library's Export button calls. */
export async function exportDeckAndDownload(store: Store, deckId: string): Promise<void> {
  const { blob, fileName } = await exportDeck(store, deckId);
  downloadBlob(blob, fileName);
}
