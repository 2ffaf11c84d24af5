// The Centre library's state for the library screen: the connection (Settings' live one, or
// resumed from the session cookie), the published decks (server or local copy), whether this user may publish, and the
// actions (refresh, copy, publish). A plain subscribable object; the section element renders it.
// This module and everything it imports load only while connected to a centre (lazy import).
import type { DeckDoc } from '@lectern/centre';
import type { DeckRecord, Store } from '../store/index.ts';
import type { CentreConnection } from '../sync/connection.ts';
import type { CentreSessionInfo } from '../sync/centre-session.ts';
import { CentreViewState } from '../sync/centre-view-state.ts';
import { copyCentreDeck, loadCentreLibrary, publishDeck, type CentreLibrary } from '../sync/centre-library.ts';

export class CentreLibraryModel extends CentreViewState {
  status: 'loading' | 'ready' | 'failed' = 'loading';
  library: CentreLibrary | undefined;
  /** Why loading failed (a CentreError, usually). */
  error: unknown;
  /** A centre administrator may publish decks of the own library. */
  canPublish = false;
  /** The deck being copied or published now (one at a time). */
  busy: string | undefined;

  private connection: CentreConnection | null = null;

  constructor(
    private readonly store: Store,
    who: CentreSessionInfo,
  ) {
    super(who);
  }

  /** Connects and reads the library; offline, the kept copy. */
  async load(): Promise<void> {
    const who = this.who;
    this.status = this.library ? 'ready' : 'loading';
    this.emit();
    try {
      this.connection = await this.connect();
      // The kept copy is for a server out of reach; an ended session asks to connect again.
      if (this.sessionEnded) throw this.noConnection();
      if (this.connection) this.canPublish = await this.connection.isCentreAdmin().catch(() => false);
      this.library = await loadCentreLibrary(this.connection, who);
      this.status = 'ready';
      this.error = undefined;
    } catch (error) {
      this.error = error;
      this.status = 'failed';
    }
    this.emit();
  }

  private async task<T>(id: string, run: () => Promise<T>): Promise<T> {
    if (this.busy) throw new Error('busy');
    this.busy = id;
    this.emit();
    try {
      return await run();
    } finally {
      this.busy = undefined;
      this.emit();
    }
  }

  /** A new deck in the own library with the published deck's text and verified media. */
  copy(deck: DeckDoc): Promise<DeckRecord> {
    return this.task(deck._id, () => copyCentreDeck(this.connection, this.store, deck));
  }

  /** Publishes a deck of the own library, then reads the centre library again to show it. */
  async publish(deckId: string): Promise<DeckDoc> {
    const connection = this.connection;
    if (!connection) throw this.noConnection();
    const doc = await this.task(deckId, () => publishDeck(connection, this.store, deckId));
    await this.load();
    return doc;
  }
}
