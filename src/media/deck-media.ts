// A deck's media as the editor and the media panel use it: the stored files by path, each with an
// object URL ready, so the preview can resolve `media/x.mp4` synchronously on every keystroke.
// URLs are created through the store's BlobUrls and all revoked by dispose().
import type { BlobUrls, DeckAssetInfo, Store } from '../store/index.ts';
import type { MediaResolver } from '../editor/live-render.ts';
import { assertMediaBlob } from './media-check.ts';
import { captionFileToStore } from './caption-file.ts';
import { safeMediaName } from './media-name.ts';

/** The part of the Store the media list uses. */
export type DeckMediaStore = Pick<Store, 'listDeckAssets' | 'blobUrls' | 'addDeckAsset'>;

export class DeckMedia implements MediaResolver {
  private readonly urls: BlobUrls;
  private byPath = new Map<string, { info: DeckAssetInfo; url: string }>();

  constructor(
    private readonly store: DeckMediaStore,
    readonly deckId: string,
  ) {
    this.urls = store.blobUrls();
  }

  /** Reads the deck's media list and makes a URL for each file. */
  async reload(): Promise<void> {
    const infos = await this.store.listDeckAssets(this.deckId);
    const next = new Map<string, { info: DeckAssetInfo; url: string }>();
    await Promise.all(
      infos.map(async (info) => {
        try {
          next.set(info.path.normalize('NFC'), { info, url: await this.urls.acquire(info.assetId) });
        } catch {
          // Unreadable bytes: the path shows as missing, which is what the author needs to see.
        }
      }),
    );
    const used = new Set(infos.map((i) => i.assetId));
    for (const old of this.byPath.values()) if (!used.has(old.info.assetId)) this.urls.release(old.info.assetId);
    this.byPath = next;
  }

  get list(): DeckAssetInfo[] {
    return [...this.byPath.values()].map((v) => v.info).sort((a, b) => a.path.localeCompare(b.path));
  }

  resolve(path: string): string | undefined {
    return this.byPath.get(path.normalize('NFC'))?.url;
  }

  exists(path: string): boolean {
    return this.byPath.has(path.normalize('NFC'));
  }

  /** Stores a file under `media/<safe name>` (unique in this deck); returns the file name.
   *  @throws MediaRefusedError when the file's bytes are not the media its name says.
   *  @throws CaptionFileError for a caption file that is not valid WebVTT (or SubRip). */
  async add(added: File): Promise<string> {
    const caption = await captionFileToStore(added); // .srt becomes .vtt; bad captions throw
    const file = caption ?? added;
    const taken = [...this.byPath.keys()].map((p) => p.replace(/^media\//, ''));
    const name = safeMediaName(file.name, file.type, taken);
    // A caption file was checked as WebVTT above; everything else must be the media its name says.
    if (!caption) await assertMediaBlob(`media/${name}`, file);
    await this.store.addDeckAsset(this.deckId, `media/${name}`, file, file.name);
    await this.reload();
    return name;
  }

  dispose(): void {
    this.urls.releaseAll();
    this.byPath.clear();
  }
}
