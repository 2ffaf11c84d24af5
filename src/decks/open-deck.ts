// One deck opened by a screen: its stored record, its media (object URLs ready for previews), the
// draft the screen edits, all kept current through the store's notices. The editor, the
// lesson-plan form and the media panel are views over this one model, instead of each opening,
// subscribing and reloading on its own. No DOM: tested in Node.
import type { DeckRecord, Store, StoreNotice } from '../store/index.ts';
import { DeckMedia } from '../media/deck-media.ts';
import { DeckDraft, type DraftEvent, type DraftOptions } from './deck-draft.ts';

/** The part of the Store an open deck uses. */
export type OpenDeckStore = Pick<
  Store,
  'getDeck' | 'saveDeck' | 'restoreRevision' | 'subscribe' | 'listDeckAssets' | 'blobUrls' | 'addDeckAsset'
>;

export type OpenDeckStatus = 'loading' | 'ready' | 'missing' | 'failed';

export type OpenDeckEvent =
  | DraftEvent
  /** The deck's media list changed (this screen, another screen or another tab). */
  | { type: 'media-changed' };

export interface OpenDeckOptions extends DraftOptions {
  /** Load the deck's media with object URLs (editor preview, media panel). */
  media?: boolean;
}

export class OpenDeck {
  status: OpenDeckStatus = 'loading';
  /** Why opening failed (status 'failed'). */
  error: unknown;
  draft: DeckDraft | undefined;
  media: DeckMedia | undefined;

  private readonly listeners = new Set<(event: OpenDeckEvent) => void>();
  private unsubscribeStore: (() => void) | undefined;
  private unsubscribeDraft: (() => void) | undefined;
  private opening: Promise<void> | undefined;
  private closed = false;

  constructor(
    readonly store: OpenDeckStore,
    readonly deckId: string,
    private readonly options: OpenDeckOptions = {},
  ) {}

  subscribe(listener: (event: OpenDeckEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: OpenDeckEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Reads the deck (and its media) and starts following the store; once. */
  open(): Promise<void> {
    this.opening ??= this.load();
    return this.opening;
  }

  private async load(): Promise<void> {
    // Listen first: a save landing while the record is read is then not missed.
    this.unsubscribeStore = this.store.subscribe(this.handleNotice);
    try {
      const record = await this.store.getDeck(this.deckId);
      if (this.closed) return;
      if (!record || record.deletedAt) {
        this.status = 'missing';
        return;
      }
      if (this.options.media) {
        const media = new DeckMedia(this.store, this.deckId);
        await media.reload();
        if (this.closed) {
          media.dispose();
          return;
        }
        this.media = media;
      }
      const draft = new DeckDraft(this.store, this.deckId, record, this.options);
      this.unsubscribeDraft = draft.subscribe((event) => this.emit(event));
      this.draft = draft;
      this.status = 'ready';
    } catch (error) {
      this.error = error;
      this.status = 'failed';
    } finally {
      this.emit({ type: 'changed' });
    }
  }

  /** The deck as stored (as last saved or read); the draft holds the text being edited. */
  get record(): DeckRecord | undefined {
    return this.draft?.stored;
  }

  private handleNotice = (notice: StoreNotice): void => {
    if (this.closed) return;
    if (notice.type === 'deck-saved' && notice.deckId === this.deckId) {
      void this.draft?.storeSaved(notice.rev, notice.local);
    } else if (notice.type === 'deck-assets-changed' && notice.deckId === this.deckId) {
      void this.reloadMedia();
    } else if ((notice.type === 'deck-deleted' || notice.type === 'deck-restored' || notice.type === 'deck-purged') && notice.deckId === this.deckId) {
      void this.recheck();
    }
  };

  /** Reads the media list again (after this screen added, renamed or removed a file, too). */
  async reloadMedia(): Promise<void> {
    if (!this.media || this.closed) return;
    await this.media.reload();
    if (!this.closed) this.emit({ type: 'media-changed' });
  }

  /** Moved to the trash (or back) elsewhere. */
  private async recheck(): Promise<void> {
    const record = await this.store.getDeck(this.deckId);
    if (this.closed) return;
    const missing = !record || !!record.deletedAt;
    if (missing && this.status === 'ready') this.status = 'missing';
    else if (!missing && this.status === 'missing' && this.draft) this.status = 'ready';
    else return;
    this.emit({ type: 'changed' });
  }

  /** Saves what is unsaved, stops following the store, releases the media URLs. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribeStore?.();
    try {
      await this.draft?.close();
    } finally {
      this.unsubscribeDraft?.();
      this.media?.dispose();
      this.listeners.clear();
    }
  }
}
