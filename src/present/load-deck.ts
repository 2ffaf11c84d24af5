// Reads a stored deck and its media for presenting or printing: the Markdown from the store,
// and one Blob URL per media file (acquired up front, because renderDeck resolves paths
// synchronously). `release()` revokes every URL when the page is left.
import { captionLimitProblem, CAPTION_LIMITS, isCaptionPath } from '@lectern/deck';
import { getStore } from '../app/store.ts';
import type { DeckRecord } from '../store/index.ts';

export interface LoadedDeck {
  record: DeckRecord;
  urls: Map<string, string>;
  release: () => void;
}

export class DeckNotFoundError extends Error {
  constructor(readonly deckId: string) {
    super(`deck ${deckId} not found`);
  }
}

async function captionUsable(blob: Blob): Promise<boolean> {
  return blob.size <= CAPTION_LIMITS.bytes && captionLimitProblem(await blob.text()) === undefined;
}

export async function loadStoredDeck(deckId: string): Promise<LoadedDeck> {
  const store = await getStore();
  const record = await store.getDeck(deckId);
  if (!record) throw new DeckNotFoundError(deckId);
  const assets = await store.listDeckAssets(deckId);
  const blobUrls = store.blobUrls();
  const urls = new Map<string, string>();
  await Promise.all(
    assets.map(async (asset) => {
      try {
        // A caption file over the limits (from a bundle: the media screen refuses them) gets no
        // URL, so its video shows no captions rather than keeping the player busy.
        if (isCaptionPath(asset.path) && !(await captionUsable(await store.getAssetBlob(asset.assetId)))) return;
        urls.set(asset.path, await blobUrls.acquire(asset.assetId));
      } catch {
        // A missing blob shows as missing media on its slide; the rest of the lesson still runs.
      }
    }),
  );
  return { record, urls, release: () => blobUrls.releaseAll() };
}
