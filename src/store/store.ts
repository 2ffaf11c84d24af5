// The Store: every read and write of Lectern's IndexedDB database goes through this class.
// Schema and migrations live in db.ts; record shapes in types.ts; the public surface is
// re-exported (and summarised) by index.ts.
//
// Rules kept here:
// - Writes that belong together are one transaction (`run`), awaited to `tx.done`: a failed
//   request or a quota error aborts the whole transaction and nothing is half-written.
// - Nothing but IndexedDB requests is awaited inside a transaction (it would auto-commit):
//   hashing and summarising happen before the transaction starts. Media bytes are written in
//   their own transaction while they are hashed (`staged`), and the asset record that names them
//   is written once the hash is known: bytes no record names are invisible, and gcAssets deletes
//   them after its grace period.
// - A deck save names the rev it started from; a stale rev is refused inside the same readwrite
//   transaction that would write, so two tabs cannot both win.
// - Every committed change is announced on BroadcastChannel('lectern') to other tabs, and to
//   listeners of this Store, after the commit.
import { deleteDB, type IDBPTransaction } from 'idb';
import { foldText } from '../text/fold.ts';
import { BlobUrls } from './blob-urls.ts';
import {
  DB_VERSION,
  DEFAULT_DB_NAME,
  INDEXES,
  STORES,
  openLecternDB,
  summaryOf,
  type LecternDB,
  type LecternDatabase,
  type StoreName,
} from './db.ts';
import { StoreError, toStoreError } from './errors.ts';
import { isSha256Hex, sha256Hex } from './hash.ts';
import { storableMedia } from './media-bytes.ts';
import { DEFAULT_REVISION_POLICY, revisionsToPrune, type RevisionPolicy } from './revision-policy.ts';
import { loadSummarizer } from './load-summarizer.ts';
import { inkHistoryLayer, isClassInkLayer } from './ink-layers.ts';
import type { Summarize } from './summarize.ts';
import {
  DEFAULT_SETTINGS,
  type AssetRecord,
  type DeckAssetInfo,
  type DeckAssetRecord,
  type DeckDigest,
  type DeckRecord,
  type DeckSummary,
  type ExcerptInput,
  type ExcerptRecord,
  type ImportAssetInput,
  type ImportDeckInput,
  type ReplaceDeckInput,
  type RevisionInfo,
  type RevisionRecord,
  type SaveResult,
  type InkHistory,
  type InkRecord,
  type InkStroke,
  type SessionInput,
  type SessionRecord,
  type Settings,
  type StoreEvent,
  type StoreNotice,
} from './types.ts';

export interface OpenStoreOptions {
  /** Summary fields from Markdown (default: parseDeck-based summary). Must be synchronous. */
  summarize?: Summarize;
  revisionPolicy?: RevisionPolicy;
  /** Clock, injectable so tests can place saves on past days. */
  now?: () => Date;
  /** Ask for persistent storage on the first deck write (default true). */
  requestPersistence?: boolean;
  /** BroadcastChannel name (default 'lectern'); events also carry the database name. */
  channelName?: string;
  /** Called while another tab's older connection blocks opening/upgrading. */
  onBlocked?: () => void;
  /** Failure injection for tests (see WriteStep); throwing aborts the transaction. */
  probe?: (step: WriteStep) => void;
}

/** Named points inside multi-step write transactions (replaceDeck, importDeck, saves), after
 *  the step's request was made. Tests throw from `probe` to prove a failure at any step leaves
 *  nothing written; the app passes none. */
export type WriteStep = 'deck' | 'revision' | 'asset' | 'link' | 'excerpt';

interface PreparedImport {
  assets: { path: string; asset: AssetRecord }[];
  digest: DeckDigest | undefined;
  at: string;
  excerpts: ExcerptRecord[];
}

/** An asset without its bytes. */
export type AssetInfo = Omit<AssetRecord, 'blob' | 'blobKey'>;

/** Media path inside a deck: relative, `/`-separated, no `..`, no backslash, no NUL. */
const RE_BAD_PATH = /(^\/)|\\|\0|(^|\/)\.\.?(\/|$)|^[a-zA-Z]:|\/\//;
const RE_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** [deckId] sorts before every [deckId, x] and [deckId, []] after every [deckId, string|number]. */
const deckRange = (deckId: string) => IDBKeyRange.bound([deckId], [deckId, []]);
const noop = () => undefined;

interface ChannelMessage {
  db: string;
  source: string;
  event: StoreEvent;
}

type RwTx = IDBPTransaction<LecternDB, StoreName[], 'readwrite'>;
type AnyTx = IDBPTransaction<LecternDB, StoreName[], IDBTransactionMode>;

/** Opens (creating or upgrading) the database. `name` is injectable so tests isolate. */
export async function openStore(name: string = DEFAULT_DB_NAME, options: OpenStoreOptions = {}): Promise<Store> {
  if (typeof indexedDB === 'undefined') throw new StoreError('unavailable');
  const summarizer = options.summarize ? () => Promise.resolve(options.summarize!) : loadSummarizer;
  // The upgrade from version 1 summarises every deck inside the upgrade transaction, which cannot
  // wait for an import(): load the parser first, but only when such an upgrade is ahead.
  const upgradeSummarize = (await mayMigrateFromV1(name)) ? await summarizer() : undefined;
  let store: Store | undefined;
  let db: LecternDatabase;
  try {
    db = await openLecternDB(name, {
      summarize: (markdown) => {
        if (!upgradeSummarize) throw new Error('no summarizer loaded'); // the migration keeps the old title
        return upgradeSummarize(markdown);
      },
      onBlocked: options.onBlocked,
      onVersionChange: () => store?.handleVersionChange(),
      onTerminated: () => store?.handleVersionChange(),
    });
  } catch (error) {
    const errorName = error instanceof DOMException || error instanceof Error ? error.name : '';
    // At open time these mean "no usable IndexedDB here" (Firefox private windows used to
    // answer InvalidStateError), not a closed connection as they would later.
    if (errorName === 'InvalidStateError' || errorName === 'SecurityError') {
      throw new StoreError('unavailable', { cause: error, detail: `opening database ${name}` });
    }
    // VersionError: the database was written by a newer Lectern (another tab updated first).
    throw toStoreError(error, `opening database ${name}`);
  }
  store = new Store(db, name, summarizer, options);
  return store;
}

/** True unless the browser says the database is absent or already current. */
async function mayMigrateFromV1(name: string): Promise<boolean> {
  try {
    const list = await indexedDB.databases();
    const found = list.find((d) => d.name === name);
    return found !== undefined && (found.version ?? 0) >= 1 && (found.version ?? 0) < DB_VERSION;
  } catch {
    return true; // no databases() here: load the parser rather than lose summaries
  }
}

/** Deletes a whole database (tests; "erase everything" in settings). */
export async function deleteStore(name: string): Promise<void> {
  await deleteDB(name);
}

/** A summary, or undefined when the summarizer throws: a parser bug must not stop a save, and
 *  the record then keeps the summary fields it had (a new deck: none but its title). */
type Digester = (markdown: string) => DeckDigest | undefined;

function safe(summarize: Summarize): Digester {
  return (markdown) => {
    try {
      return summarize(markdown);
    } catch (error) {
      console.error('Lectern: the deck summary failed; the deck is saved with its previous summary', error);
      return undefined;
    }
  };
}

export class Store {
  readonly name: string;
  private db: LecternDatabase | undefined;
  private readonly summarizer: () => Promise<Summarize>;
  private readonly probe: ((step: WriteStep) => void) | undefined;
  private readonly policy: RevisionPolicy;
  private readonly now: () => Date;
  private readonly listeners = new Set<(notice: StoreNotice) => void>();
  private readonly channel: BroadcastChannel | undefined;
  private readonly instanceId = crypto.randomUUID();
  private persistenceAsked: boolean;

  /** @internal use openStore() */
  constructor(db: LecternDatabase, name: string, summarizer: () => Promise<Summarize>, options: OpenStoreOptions) {
    this.db = db;
    this.name = name;
    this.summarizer = summarizer;
    this.probe = options.probe;
    this.policy = options.revisionPolicy ?? DEFAULT_REVISION_POLICY;
    this.now = options.now ?? (() => new Date());
    this.persistenceAsked = options.requestPersistence === false;
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(options.channelName ?? 'lectern');
      this.channel.onmessage = (message: MessageEvent<ChannelMessage>) => {
        const data = message.data;
        if (data?.db !== this.name || data.source === this.instanceId) return;
        this.dispatch({ ...data.event, local: false });
      };
    }
  }

  // ---------------------------------------------------------------- lifecycle and events

  /** Listens to changes from this Store (local: true) and other tabs (local: false).
   *  Returns the unsubscribe function. */
  subscribe(listener: (notice: StoreNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the connection and the channel; later calls throw StoreError 'version-change'. */
  close(): void {
    this.db?.close();
    this.db = undefined;
    this.channel?.close();
  }

  get closed(): boolean {
    return this.db === undefined;
  }

  /** @internal another tab upgrades the schema: step aside so it can, and tell the UI. */
  handleVersionChange(): void {
    this.db?.close();
    this.db = undefined;
    this.dispatch({ type: 'version-change', local: true });
  }

  private dispatch(notice: StoreNotice): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(notice);
      } catch (error) {
        console.error('Lectern store listener failed', error);
      }
    }
  }

  private announce(event: StoreEvent): void {
    const message: ChannelMessage = { db: this.name, source: this.instanceId, event };
    try {
      this.channel?.postMessage(message);
    } catch {
      // channel closed: other tabs learn on their next read
    }
    this.dispatch({ ...event, local: true });
  }

  private connection(): LecternDatabase {
    if (!this.db) throw new StoreError('version-change', { detail: 'store is closed' });
    return this.db;
  }

  /** Runs `fn` in one transaction and resolves after it commits. On any failure the
   *  transaction is aborted and the error comes back as a StoreError (the browser's reason,
   *  e.g. QuotaExceededError, preferred over the AbortError it causes). */
  private async run<T, M extends IDBTransactionMode>(
    names: StoreName[],
    mode: M,
    fn: (tx: IDBPTransaction<LecternDB, StoreName[], M>) => Promise<T>,
    options: { durability?: IDBTransactionDurability; detail?: string } = {},
  ): Promise<T> {
    let tx: IDBPTransaction<LecternDB, StoreName[], M>;
    try {
      tx = this.connection().transaction(names, mode, { durability: options.durability ?? 'default' });
    } catch (error) {
      throw toStoreError(error, options.detail);
    }
    const done = tx.done;
    done.catch(noop); // observed below; avoids an unhandled rejection when fn throws first
    try {
      const result = await fn(tx);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      await done.catch(noop);
      if (error instanceof StoreError) throw error;
      throw toStoreError((tx as AnyTx).error ?? error, options.detail);
    }
  }

  // ---------------------------------------------------------------- storage health

  /** `{ usage, quota }` in bytes for this origin, or undefined where the browser cannot tell. */
  async estimate(): Promise<{ usage: number; quota: number } | undefined> {
    if (!navigator.storage?.estimate) return undefined;
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    return { usage, quota };
  }

  /** Whether the browser promised not to evict this origin's data under storage pressure. */
  async persisted(): Promise<boolean> {
    return (await navigator.storage?.persisted?.()) ?? false;
  }

  /** Asks for persistent storage (Chromium decides silently; Firefox may ask the user). */
  async requestPersistence(): Promise<boolean> {
    this.persistenceAsked = true;
    try {
      return (await navigator.storage?.persist?.()) ?? false;
    } catch {
      return false;
    }
  }

  /** Called on the first deck write: the moment the instructor has something to lose. */
  private ensurePersistence(): void {
    if (this.persistenceAsked) return;
    this.persistenceAsked = true;
    void this.requestPersistence();
  }

  // ---------------------------------------------------------------- decks

  /** Loads the deck parser on first use (never for listing); call before a transaction starts. */
  private async digester(): Promise<Digester> {
    try {
      return safe(await this.summarizer());
    } catch (error) {
      // The parser's chunk could not load (offline before it was cached): save anyway.
      console.error('Lectern: the deck parser could not be loaded', error);
      return () => undefined;
    }
  }

  private buildDeck(
    base: { id: string; createdAt: string; rev: number; title: string; deletedAt?: string } & Partial<DeckDigest>,
    markdown: string,
    updatedAt: string,
    digest: DeckDigest | undefined,
  ): DeckRecord {
    // No digest (the summarizer failed): keep what the record had.
    const fields: DeckDigest = digest ?? { title: base.title, tags: base.tags ?? [], slideCount: base.slideCount ?? 0, audience: base.audience, duration: base.duration };
    const record: DeckRecord = {
      id: base.id,
      title: fields.title ?? base.title,
      tags: fields.tags,
      slideCount: fields.slideCount,
      length: markdown.length,
      createdAt: base.createdAt,
      updatedAt,
      rev: base.rev,
      markdown,
    };
    // Absent, not undefined: records stay compact and `'audience' in r` means something.
    if (fields.audience !== undefined) record.audience = fields.audience;
    if (fields.duration !== undefined) record.duration = fields.duration;
    if (base.deletedAt !== undefined) record.deletedAt = base.deletedAt;
    return record;
  }

  private putDeck(tx: RwTx, record: DeckRecord): void {
    void tx.objectStore(STORES.decks).put(record).catch(noop); // errors abort tx; run() reports
    void tx.objectStore(STORES.deckSummaries).put(summaryOf(record)).catch(noop);
  }

  /** New deck at rev 1. `title` is used when the Markdown has none (no front matter title and
   *  no heading). */
  async createDeck(input: { markdown: string; title?: string }): Promise<DeckRecord> {
    assertString(input.markdown, 'markdown');
    const digest = (await this.digester())(input.markdown);
    const at = this.now().toISOString();
    const record = this.buildDeck({ id: crypto.randomUUID(), createdAt: at, rev: 1, title: input.title ?? '' }, input.markdown, at, digest);
    this.ensurePersistence();
    await this.run([STORES.decks, STORES.deckSummaries], 'readwrite', async (tx) => this.putDeck(tx, record), {
      durability: 'strict',
    });
    this.announce({ type: 'deck-created', deckId: record.id });
    return record;
  }

  /** The full deck (trashed decks included, with `deletedAt`), or undefined. */
  async getDeck(id: string): Promise<DeckRecord | undefined> {
    return this.run([STORES.decks], 'readonly', (tx) => tx.objectStore(STORES.decks).get(id));
  }

  /** Summaries only (never the Markdown), most recently updated first. Trashed decks are left
   *  out unless `trash: true`, which lists only trashed decks. */
  async listDecks(options: { trash?: boolean } = {}): Promise<DeckSummary[]> {
    const all = await this.run([STORES.deckSummaries], 'readonly', (tx) =>
      tx.objectStore(STORES.deckSummaries).index(INDEXES.byUpdated).getAll(),
    );
    return all.reverse().filter((s) => (options.trash ? s.deletedAt !== undefined : s.deletedAt === undefined));
  }

  /** Saves new text if the deck is still at `baseRev`; otherwise refuses and returns the current
   *  record (`conflict`), writing nothing. The previous text becomes a revision. Saving the same
   *  text again is a no-op that returns the record unchanged. */
  async saveDeck(id: string, markdown: string, baseRev: number): Promise<SaveResult> {
    assertString(markdown, 'markdown');
    // Summarise before the transaction: it is the only CPU-heavy step and must not hold it open.
    const digest = (await this.digester())(markdown);
    this.ensurePersistence();
    const result = await this.run(
      [STORES.decks, STORES.deckSummaries, STORES.revisions],
      'readwrite',
      (tx) => this.saveInTx(tx, id, markdown, baseRev, digest),
      { durability: 'strict', detail: `saving deck ${id}` },
    );
    if (result.ok && result.record.rev !== baseRev) this.announce({ type: 'deck-saved', deckId: id, rev: result.record.rev });
    return result;
  }

  private async saveInTx(tx: RwTx, id: string, markdown: string, baseRev: number, digest: DeckDigest | undefined): Promise<SaveResult> {
    const current = await tx.objectStore(STORES.decks).get(id);
    if (!current) throw new StoreError('not-found', { detail: `deck ${id}` });
    if (current.rev !== baseRev) return { ok: false, conflict: current };
    if (current.markdown === markdown) return { ok: true, record: current };
    const savedAt = this.now().toISOString();
    const previous: RevisionRecord = { deckId: id, rev: current.rev, markdown: current.markdown, savedAt: current.updatedAt };
    void tx.objectStore(STORES.revisions).put(previous).catch(noop);
    this.probe?.('revision');
    const record = this.buildDeck({ ...current, rev: current.rev + 1 }, markdown, savedAt, digest);
    this.putDeck(tx, record);
    this.probe?.('deck');
    await this.pruneRevisions(tx, id);
    return { ok: true, record };
  }

  /** Applies the revision policy using index keys only (no old text is read). */
  private async pruneRevisions(tx: RwTx, deckId: string): Promise<void> {
    const revisions = tx.objectStore(STORES.revisions);
    const count = await revisions.count(deckRange(deckId));
    if (count <= this.policy.keepLast) return;
    const entries: { rev: number; savedAt: string }[] = [];
    let cursor = await revisions.index(INDEXES.byDeckSaved).openKeyCursor(deckRange(deckId));
    while (cursor) {
      const [, savedAt] = cursor.key;
      const [, rev] = cursor.primaryKey;
      entries.push({ rev, savedAt });
      cursor = await cursor.continue();
    }
    for (const rev of revisionsToPrune(entries, this.now(), this.policy)) {
      void revisions.delete([deckId, rev]).catch(noop);
    }
  }

  /**
   * A copy with a new id at rev 1, linked to the same assets (no bytes copied), no history.
   * `retitle` gives the copy's text from the source's (the library names the copy in the UI
   * language); it runs inside the transaction, so it must be synchronous.
   */
  async duplicateDeck(id: string, options: { title?: string; retitle?: (markdown: string) => string } = {}): Promise<DeckRecord> {
    const at = this.now().toISOString();
    const newId = crypto.randomUUID();
    const digest = await this.digester(); // loaded before the transaction, which cannot wait for it
    const record = await this.run(
      [STORES.decks, STORES.deckSummaries, STORES.deckAssets],
      'readwrite',
      async (tx) => {
        const source = await tx.objectStore(STORES.decks).get(id);
        if (!source) throw new StoreError('not-found', { detail: `deck ${id}` });
        const markdown = options.retitle ? options.retitle(source.markdown) : source.markdown;
        const own = digest(markdown);
        const { deletedAt: _trashed, ...kept } = source; // the copy is not in the trash
        const copy = this.buildDeck({ ...kept, id: newId, createdAt: at, rev: 1, title: options.title ?? source.title }, markdown, at, own);
        if (options.title && own && !own.title) copy.title = options.title;
        this.putDeck(tx, copy);
        const links = await tx.objectStore(STORES.deckAssets).getAll(deckRange(id));
        for (const link of links) void tx.objectStore(STORES.deckAssets).put({ ...link, deckId: newId }).catch(noop);
        return copy;
      },
      { durability: 'strict' },
    );
    this.announce({ type: 'deck-created', deckId: record.id });
    return record;
  }

  /** Moves a deck to the trash (kept, with its media, until purgeDeleted). */
  async deleteDeck(id: string): Promise<void> {
    await this.setDeleted(id, this.now().toISOString());
    this.announce({ type: 'deck-deleted', deckId: id });
  }

  /** Takes a deck out of the trash. */
  async restoreDeck(id: string): Promise<void> {
    await this.setDeleted(id, undefined);
    this.announce({ type: 'deck-restored', deckId: id });
  }

  private async setDeleted(id: string, deletedAt: string | undefined): Promise<void> {
    await this.run([STORES.decks, STORES.deckSummaries], 'readwrite', async (tx) => {
      const record = await tx.objectStore(STORES.decks).get(id);
      if (!record) throw new StoreError('not-found', { detail: `deck ${id}` });
      if (deletedAt === undefined) delete record.deletedAt;
      else record.deletedAt = deletedAt;
      this.putDeck(tx, record);
    });
  }

  /** Deletes trashed decks for good (with their history and media links; then run gcAssets).
   *  `before`: only decks trashed before this time; `ids`: only these. Returns the ids purged. */
  async purgeDeleted(options: { before?: Date; ids?: readonly string[] } = {}): Promise<string[]> {
    const before = options.before?.toISOString();
    const purged = await this.run(
      [STORES.decks, STORES.deckSummaries, STORES.revisions, STORES.deckAssets],
      'readwrite',
      async (tx) => {
        const trashed = (await tx.objectStore(STORES.deckSummaries).getAll()).filter(
          (s) =>
            s.deletedAt !== undefined &&
            (before === undefined || s.deletedAt < before) &&
            (options.ids === undefined || options.ids.includes(s.id)),
        );
        for (const { id } of trashed) {
          void tx.objectStore(STORES.decks).delete(id).catch(noop);
          void tx.objectStore(STORES.deckSummaries).delete(id).catch(noop);
          void tx.objectStore(STORES.revisions).delete(deckRange(id)).catch(noop);
          void tx.objectStore(STORES.deckAssets).delete(deckRange(id)).catch(noop);
        }
        return trashed.map((s) => s.id);
      },
    );
    for (const deckId of purged) this.announce({ type: 'deck-purged', deckId });
    return purged;
  }

  // ---------------------------------------------------------------- revisions

  /** Previous texts of a deck, newest first (without the text; see getRevision). */
  async listRevisions(deckId: string): Promise<RevisionInfo[]> {
    return this.run([STORES.revisions], 'readonly', async (tx) => {
      const out: RevisionInfo[] = [];
      let cursor = await tx.objectStore(STORES.revisions).index(INDEXES.byDeckSaved).openKeyCursor(deckRange(deckId));
      while (cursor) {
        out.push({ deckId, rev: cursor.primaryKey[1], savedAt: cursor.key[1] });
        cursor = await cursor.continue();
      }
      return out.sort((a, b) => b.rev - a.rev);
    });
  }

  async getRevision(deckId: string, rev: number): Promise<RevisionRecord | undefined> {
    return this.run([STORES.revisions], 'readonly', (tx) => tx.objectStore(STORES.revisions).get([deckId, rev]));
  }

  /** Makes an old text current again. It is a save: it needs the rev the editor has, and the
   *  text it replaces becomes a revision in turn. */
  async restoreRevision(deckId: string, rev: number, baseRev: number): Promise<SaveResult> {
    this.ensurePersistence();
    const digest = await this.digester();
    const result = await this.run(
      [STORES.decks, STORES.deckSummaries, STORES.revisions],
      'readwrite',
      async (tx) => {
        const old = await tx.objectStore(STORES.revisions).get([deckId, rev]);
        if (!old) throw new StoreError('not-found', { detail: `revision ${rev} of deck ${deckId}` });
        // Summarising here is synchronous CPU work inside the transaction; acceptable for a
        // rare, explicit action.
        return this.saveInTx(tx, deckId, old.markdown, baseRev, digest(old.markdown));
      },
      { durability: 'strict' },
    );
    if (result.ok) this.announce({ type: 'deck-saved', deckId, rev: result.record.rev });
    return result;
  }

  // ---------------------------------------------------------------- assets

  /** The record to store for some bytes: typed by what the bytes are (media-bytes.ts), an SVG
   *  rewritten without scripts. `sha256`, when given, must match the bytes as they were given. */
  private async hashed(given: Blob, name = '', sha256?: string, path = name): Promise<AssetRecord> {
    if (!(given instanceof Blob)) throw new StoreError('invalid-input', { detail: 'asset is not a Blob' });
    const hash = (bytes: Blob) =>
      sha256Hex(bytes).catch((error: unknown) => {
        throw toStoreError(error, `hashing ${name || 'asset'}`);
      });
    const { blob, type, rewritten } = await storableMedia(given).catch((error: unknown) => {
      throw toStoreError(error, `reading ${name || 'asset'}`);
    });
    const id = await hash(blob);
    if (sha256 !== undefined && sha256.toLowerCase() !== (rewritten ? await hash(given) : id)) {
      throw new StoreError('invalid-input', { detail: `${path}: SHA-256 does not match its bytes` });
    }
    return { id, blob, type, size: blob.size, name, createdAt: this.now().toISOString() };
  }

  /**
   * The record to store for some bytes, with the bytes already written: the Blob goes into
   * `assetBlobs` under a fresh key while it is hashed (one read of the bytes each, at the same
   * time, instead of a hash and then a write), and the record names that key. Until a record is
   * written with it (putAssetInTx) the staged Blob is invisible; if none ever is (the page closed,
   * the hash failed), gcAssets deletes it after its grace period. Figures: docs/performance-io.md.
   */
  private async staged(given: Blob, name = ''): Promise<AssetRecord> {
    if (!(given instanceof Blob)) throw new StoreError('invalid-input', { detail: 'asset is not a Blob' });
    const { blob, type } = await storableMedia(given).catch((error: unknown) => {
      throw toStoreError(error, `reading ${name || 'asset'}`);
    });
    const createdAt = this.now().toISOString();
    const blobKey = `${createdAt} ${crypto.randomUUID()}`;
    const [written, hashed] = await Promise.allSettled([
      this.run([STORES.assetBlobs], 'readwrite', async (tx) => void tx.objectStore(STORES.assetBlobs).put(blob, blobKey).catch(noop), {
        detail: `storing ${name || 'asset'}`,
      }),
      sha256Hex(blob).catch((error: unknown) => {
        throw toStoreError(error, `hashing ${name || 'asset'}`);
      }),
    ]);
    if (hashed.status === 'rejected') {
      if (written.status === 'fulfilled') await this.dropStaged(blobKey);
      throw hashed.reason;
    }
    if (written.status === 'rejected') throw written.reason;
    return { id: hashed.value, blobKey, type, size: blob.size, name, createdAt };
  }

  /** Deletes staged bytes no record will name (best effort: gcAssets catches what is left). */
  private async dropStaged(blobKey: string): Promise<void> {
    await this.run([STORES.assetBlobs], 'readwrite', (tx) => tx.objectStore(STORES.assetBlobs).delete(blobKey)).catch(noop);
  }

  /** Stores bytes once (keyed by SHA-256); the same bytes again return the existing asset. */
  async putAsset(blob: Blob, name?: string): Promise<AssetInfo> {
    const asset = await this.staged(blob, name);
    const stored = await this.run([STORES.assets, STORES.assetBlobs], 'readwrite', async (tx) => this.putAssetInTx(tx, asset), {
      detail: `storing ${name ?? asset.id}`,
    }).catch(async (error: unknown) => {
      await this.dropStaged(asset.blobKey!);
      throw error;
    });
    this.announce({ type: 'assets-changed' });
    return stored;
  }

  /** Writes an asset record, or (same bytes again) refreshes the stored one. The transaction
   *  must include `assetBlobs` when `asset.blobKey` is set: a duplicate's staged bytes go. */
  private async putAssetInTx(tx: RwTx, asset: AssetRecord): Promise<AssetInfo> {
    const store = tx.objectStore(STORES.assets);
    const old = await store.get(asset.id); // reads the record, not the bytes
    if (old === undefined) {
      void store.put(asset).catch(noop);
      return infoOf(asset);
    }
    // Same bytes again: keep the stored Blob and first name; refresh the GC grace period.
    void store.put({ ...old, putAt: asset.createdAt }).catch(noop);
    if (asset.blobKey !== undefined && asset.blobKey !== old.blobKey) void tx.objectStore(STORES.assetBlobs).delete(asset.blobKey).catch(noop);
    return infoOf(old);
  }

  /** Stores a file and links it to a deck's path in one transaction (the media panel's drop). */
  async addDeckAsset(deckId: string, path: string, blob: Blob, name?: string): Promise<DeckAssetInfo> {
    assertPath(path);
    const asset = await this.staged(blob, name ?? path.split('/').pop());
    const info = await this.run([STORES.decks, STORES.assets, STORES.assetBlobs, STORES.deckAssets], 'readwrite', async (tx) => {
      if ((await tx.objectStore(STORES.decks).getKey(deckId)) === undefined) throw new StoreError('not-found', { detail: `deck ${deckId}` });
      const stored = await this.putAssetInTx(tx, asset);
      void tx.objectStore(STORES.deckAssets).put({ deckId, path, assetId: stored.id }).catch(noop);
      return { path, assetId: stored.id, type: stored.type, size: stored.size, name: stored.name };
    }).catch(async (error: unknown) => {
      await this.dropStaged(asset.blobKey!);
      throw error;
    });
    this.announce({ type: 'deck-assets-changed', deckId });
    return info;
  }

  /** Points a deck's path at a stored asset (replacing what the path pointed at). */
  async linkAsset(deckId: string, path: string, assetId: string): Promise<void> {
    assertPath(path);
    await this.run([STORES.decks, STORES.assets, STORES.deckAssets], 'readwrite', async (tx) => {
      if ((await tx.objectStore(STORES.decks).getKey(deckId)) === undefined) throw new StoreError('not-found', { detail: `deck ${deckId}` });
      if ((await tx.objectStore(STORES.assets).getKey(assetId)) === undefined) throw new StoreError('not-found', { detail: `asset ${assetId}` });
      void tx.objectStore(STORES.deckAssets).put({ deckId, path, assetId }).catch(noop);
    });
    this.announce({ type: 'deck-assets-changed', deckId });
  }

  /** Removes a path from a deck (the bytes stay until gcAssets finds them unused). */
  async unlinkAsset(deckId: string, path: string): Promise<void> {
    await this.run([STORES.deckAssets], 'readwrite', (tx) => tx.objectStore(STORES.deckAssets).delete([deckId, path]));
    this.announce({ type: 'deck-assets-changed', deckId });
  }

  /** Renames a deck's media path. Refuses (StoreError 'conflict') if `to` is already used. */
  async renameAssetPath(deckId: string, from: string, to: string): Promise<void> {
    assertPath(to);
    await this.run([STORES.deckAssets], 'readwrite', async (tx) => {
      const links = tx.objectStore(STORES.deckAssets);
      const link = await links.get([deckId, from]);
      if (!link) throw new StoreError('not-found', { detail: `${from} in deck ${deckId}` });
      if (from === to) return;
      if ((await links.getKey([deckId, to])) !== undefined) throw new StoreError('conflict', { detail: `${to} exists` });
      void links.delete([deckId, from]).catch(noop);
      void links.put({ ...link, path: to }).catch(noop);
    });
    this.announce({ type: 'deck-assets-changed', deckId });
  }

  /** The deck's media, by path. */
  async listDeckAssets(deckId: string): Promise<DeckAssetInfo[]> {
    return this.run([STORES.deckAssets, STORES.assets], 'readonly', async (tx) => {
      const links = await tx.objectStore(STORES.deckAssets).getAll(deckRange(deckId));
      const assets = tx.objectStore(STORES.assets);
      const out: DeckAssetInfo[] = [];
      for (const link of links) {
        const asset = await assets.get(link.assetId);
        // A dangling link cannot happen through this API; skip rather than fail the listing.
        if (asset) out.push({ path: link.path, assetId: asset.id, type: asset.type, size: asset.size, name: asset.name });
      }
      return out;
    });
  }

  /** Every stored asset with how many deck paths use it (trashed decks count). */
  async listAssets(): Promise<(AssetInfo & { uses: number })[]> {
    return this.run([STORES.deckAssets, STORES.assets], 'readonly', async (tx) => {
      const out: (AssetInfo & { uses: number })[] = [];
      const index = tx.objectStore(STORES.deckAssets).index(INDEXES.byAsset);
      let cursor = await tx.objectStore(STORES.assets).openCursor();
      while (cursor) {
        out.push({ ...infoOf(cursor.value), uses: await index.count(cursor.key) });
        cursor = await cursor.continue();
      }
      return out;
    });
  }

  async getAsset(assetId: string): Promise<AssetInfo | undefined> {
    const asset = await this.run([STORES.assets], 'readonly', (tx) => tx.objectStore(STORES.assets).get(assetId));
    return asset && infoOf(asset);
  }

  /** The stored bytes. @throws StoreError 'not-found' */
  async getAssetBlob(assetId: string): Promise<Blob> {
    const blob = await this.run([STORES.assets, STORES.assetBlobs], 'readonly', async (tx) => {
      const asset = await tx.objectStore(STORES.assets).get(assetId);
      if (asset?.blob !== undefined || asset?.blobKey === undefined) return asset?.blob;
      return tx.objectStore(STORES.assetBlobs).get(asset.blobKey);
    });
    if (!blob) throw new StoreError('not-found', { detail: `asset ${assetId}` });
    return blob;
  }

  /** Deletes assets that no deck path uses (decks in the trash still count), and staged bytes
   *  no asset names (a put that never finished). Both younger than `graceMs` (default 10
   *  minutes) are kept: a putAsset followed by linkAsset, or a put still hashing, must not lose
   *  its bytes to a GC that runs in between. */
  async gcAssets(options: { graceMs?: number } = {}): Promise<{ deleted: string[]; bytes: number }> {
    const cutoff = new Date(this.now().getTime() - (options.graceMs ?? 600_000)).toISOString();
    const result = await this.run([STORES.assets, STORES.assetBlobs, STORES.deckAssets], 'readwrite', async (tx) => {
      const index = tx.objectStore(STORES.deckAssets).index(INDEXES.byAsset);
      const blobs = tx.objectStore(STORES.assetBlobs);
      const deleted: string[] = [];
      const named = new Set<string>();
      let bytes = 0;
      let cursor = await tx.objectStore(STORES.assets).openCursor();
      while (cursor) {
        const asset = cursor.value;
        if ((asset.putAt ?? asset.createdAt) <= cutoff && (await index.count(asset.id)) === 0) {
          deleted.push(asset.id);
          bytes += asset.size;
          void cursor.delete().catch(noop);
          if (asset.blobKey !== undefined) void blobs.delete(asset.blobKey).catch(noop);
        } else if (asset.blobKey !== undefined) {
          named.add(asset.blobKey);
        }
        cursor = await cursor.continue();
      }
      // Keys start with their write time: only those older than the cutoff are looked at.
      let staged = await blobs.openCursor(IDBKeyRange.upperBound(cutoff));
      while (staged) {
        if (!named.has(staged.key)) {
          bytes += staged.value.size;
          void staged.delete().catch(noop);
        }
        staged = await staged.continue();
      }
      return { deleted, bytes };
    });
    if (result.deleted.length > 0) this.announce({ type: 'assets-changed' });
    return result;
  }

  /** Housekeeping for app start-up or idle time: empties decks trashed more than `trashDays`
   *  (default 30) days ago, then deletes media no deck uses any more. */
  async tidy(options: { trashDays?: number } = {}): Promise<{ purged: string[]; deletedAssets: number; bytes: number }> {
    const before = new Date(this.now().getTime() - (options.trashDays ?? 30) * 86_400_000);
    const purged = await this.purgeDeleted({ before });
    const { deleted, bytes } = await this.gcAssets();
    return { purged, deletedAssets: deleted.length, bytes };
  }

  /** A BlobUrls bound to this store: acquire(assetId) -> object URL, releaseAll() when done. */
  blobUrls(): BlobUrls {
    return new BlobUrls(this);
  }

  // ---------------------------------------------------------------- import

  /** Everything an import needs before its transaction: paths checked (by the caller's rule, e.g.
   *  the bundle package's, else the store's), each asset keyed by its SHA-256 (the caller's
   *  verified hash, else hashed here), the summary and the excerpt records. */
  private async prepareImport(input: ImportDeckInput): Promise<PreparedImport> {
    assertString(input.markdown, 'markdown');
    const checkPath = input.checkPath ?? assertPath;
    const paths = new Set<string>();
    for (const { path } of input.assets ?? []) {
      try {
        checkPath(path);
      } catch (error) {
        if (error instanceof StoreError) throw error;
        throw new StoreError('invalid-input', { cause: error, detail: `bad media path ${JSON.stringify(path)}` });
      }
      if (paths.has(path)) throw new StoreError('invalid-input', { detail: `duplicate path ${path}` });
      paths.add(path);
    }
    const assets: { path: string; asset: AssetRecord }[] = [];
    for (const item of input.assets ?? []) assets.push({ path: item.path, asset: await this.importedAsset(item) });
    const digest = input.digest ?? (await this.digester())(input.markdown);
    const at = this.now().toISOString();
    return { assets, digest, at, excerpts: (input.excerpts ?? []).map((e) => this.buildExcerpt(e, at)) };
  }

  private async importedAsset(item: ImportAssetInput): Promise<AssetRecord> {
    const name = item.name ?? item.path.split('/').pop() ?? '';
    if (item.sha256 === undefined) return this.hashed(item.blob, name, undefined, item.path);
    // Hashed once, by the caller that streamed the bytes (the bundle reader checks every asset
    // against its manifest while reading): the store keys the asset by it without a second pass.
    // The type still comes from the bytes (their first few KB, media-bytes.ts); an SVG is stored
    // cleaned, under the hash of what is stored.
    if (!(item.blob instanceof Blob)) throw new StoreError('invalid-input', { detail: 'asset is not a Blob' });
    const id = typeof item.sha256 === 'string' ? item.sha256.toLowerCase() : '';
    if (!isSha256Hex(id)) throw new StoreError('invalid-input', { detail: `${item.path}: not a SHA-256 hex digest` });
    if (item.shippedType !== undefined) {
      const blob = item.blob.type === item.shippedType ? item.blob : item.blob.slice(0, item.blob.size, item.shippedType);
      return { id, blob, type: item.shippedType, size: blob.size, name, createdAt: this.now().toISOString() };
    }
    const { blob, type, rewritten } = await storableMedia(item.blob).catch((error: unknown) => {
      throw toStoreError(error, `reading ${name || 'asset'}`);
    });
    const stored = rewritten
      ? await sha256Hex(blob).catch((error: unknown) => {
          throw toStoreError(error, `hashing ${name || 'asset'}`);
        })
      : id;
    return { id: stored, blob, type, size: blob.size, name, createdAt: this.now().toISOString() };
  }

  /** Media and excerpts of an import, inside its transaction. */
  private async writeImportInTx(tx: RwTx, deckId: string, prepared: PreparedImport): Promise<void> {
    for (const { path, asset } of prepared.assets) {
      const stored = await this.putAssetInTx(tx, asset);
      this.probe?.('asset');
      void tx.objectStore(STORES.deckAssets).put({ deckId, path, assetId: stored.id }).catch(noop);
      this.probe?.('link');
    }
    if (prepared.excerpts.length > 0) {
      const existing = new Set((await tx.objectStore(STORES.excerpts).getAll()).map(excerptKey));
      for (const excerpt of prepared.excerpts) {
        if (existing.has(excerptKey(excerpt))) continue;
        existing.add(excerptKey(excerpt));
        void tx.objectStore(STORES.excerpts).put(excerpt).catch(noop);
        this.probe?.('excerpt');
      }
    }
  }

  private announceImport(prepared: PreparedImport): void {
    if (prepared.assets.length > 0) this.announce({ type: 'assets-changed' });
    if (prepared.excerpts.length > 0) this.announce({ type: 'excerpts-changed' });
  }

  /** Stores a deck with its media and excerpts in one transaction: all or nothing. Asset paths
   *  are checked and de-duplicated before anything is written. Excerpts already in the library
   *  (same text, source and ref) are not added twice. */
  async importDeck(input: ImportDeckInput): Promise<DeckRecord> {
    if (input.id !== undefined && (typeof input.id !== 'string' || input.id === '' || input.id.length > 200)) {
      throw new StoreError('invalid-input', { detail: 'deck id' });
    }
    const prepared = await this.prepareImport(input);
    const deck = this.buildDeck({ id: input.id ?? crypto.randomUUID(), createdAt: prepared.at, rev: 1, title: input.title ?? '' }, input.markdown, prepared.at, prepared.digest);
    this.ensurePersistence();
    await this.run(
      [STORES.decks, STORES.deckSummaries, STORES.assets, STORES.deckAssets, STORES.excerpts],
      'readwrite',
      async (tx) => {
        // A kept id must not replace a deck (another tab may have imported it meanwhile).
        if (input.id !== undefined && (await tx.objectStore(STORES.decks).getKey(deck.id)) !== undefined) {
          throw new StoreError('conflict', { detail: `deck ${deck.id} exists` });
        }
        this.putDeck(tx, deck);
        this.probe?.('deck');
        await this.writeImportInTx(tx, deck.id, prepared);
      },
      { durability: 'strict', detail: 'importing a deck' },
    );
    this.announce({ type: 'deck-created', deckId: deck.id });
    this.announceImport(prepared);
    return deck;
  }

  /** Replaces an existing deck by an imported one, as ONE transaction over decks, summaries,
   *  revisions, media and excerpts: the new text is a save on `baseRev` (the old text becomes a
   *  revision), the import's media paths point at its bytes (paths the import does not carry
   *  keep their media: older revisions may use them), its excerpts join the library. A deck
   *  edited since `baseRev` is not touched ({ok: false, conflict}); any failure leaves the
   *  library as it was, and other tabs hear of nothing until the commit. */
  async replaceDeck(input: ReplaceDeckInput): Promise<SaveResult> {
    const prepared = await this.prepareImport(input);
    this.ensurePersistence();
    const result = await this.run(
      [STORES.decks, STORES.deckSummaries, STORES.revisions, STORES.assets, STORES.deckAssets, STORES.excerpts],
      'readwrite',
      async (tx): Promise<SaveResult> => {
        const current = await tx.objectStore(STORES.decks).get(input.id);
        if (current?.deletedAt !== undefined) throw new StoreError('not-found', { detail: `deck ${input.id} is in the trash` });
        const saved = await this.saveInTx(tx, input.id, input.markdown, input.baseRev, prepared.digest);
        if (!saved.ok) return saved;
        await this.writeImportInTx(tx, input.id, prepared);
        return saved;
      },
      { durability: 'strict', detail: `replacing deck ${input.id}` },
    );
    if (!result.ok) return result;
    if (result.record.rev !== input.baseRev) this.announce({ type: 'deck-saved', deckId: input.id, rev: result.record.rev });
    if (prepared.assets.length > 0) this.announce({ type: 'deck-assets-changed', deckId: input.id });
    this.announceImport(prepared);
    return result;
  }

  // ---------------------------------------------------------------- excerpts

  private buildExcerpt(input: ExcerptInput, at: string, id: string = crypto.randomUUID()): ExcerptRecord {
    assertString(input.text, 'text');
    const record: ExcerptRecord = { id, text: input.text, tags: cleanTags(input.tags), createdAt: at, updatedAt: at };
    for (const key of ['source', 'number', 'issuer', 'ref', 'date'] as const) {
      const value = input[key];
      if (value !== undefined && value !== null) {
        if (typeof value !== 'string') throw new StoreError('invalid-input', { detail: `excerpt ${key}` });
        if (value.trim() !== '') record[key] = value.trim();
      }
    }
    return record;
  }

  async createExcerpt(input: ExcerptInput): Promise<ExcerptRecord> {
    const record = this.buildExcerpt(input, this.now().toISOString());
    await this.run([STORES.excerpts], 'readwrite', (tx) => tx.objectStore(STORES.excerpts).put(record));
    this.announce({ type: 'excerpts-changed' });
    return record;
  }

  async getExcerpt(id: string): Promise<ExcerptRecord | undefined> {
    return this.run([STORES.excerpts], 'readonly', (tx) => tx.objectStore(STORES.excerpts).get(id));
  }

  /** Replaces the excerpt's fields with `input` (fields left out are cleared). */
  async updateExcerpt(id: string, input: ExcerptInput): Promise<ExcerptRecord> {
    const at = this.now().toISOString();
    const record = await this.run([STORES.excerpts], 'readwrite', async (tx) => {
      const old = await tx.objectStore(STORES.excerpts).get(id);
      if (!old) throw new StoreError('not-found', { detail: `excerpt ${id}` });
      const next = { ...this.buildExcerpt(input, at, id), createdAt: old.createdAt };
      void tx.objectStore(STORES.excerpts).put(next).catch(noop);
      return next;
    });
    this.announce({ type: 'excerpts-changed' });
    return record;
  }

  async deleteExcerpt(id: string): Promise<void> {
    await this.run([STORES.excerpts], 'readwrite', (tx) => tx.objectStore(STORES.excerpts).delete(id));
    this.announce({ type: 'excerpts-changed' });
  }

  /** Every excerpt, most recently updated first. */
  async listExcerpts(): Promise<ExcerptRecord[]> {
    const all = await this.run([STORES.excerpts], 'readonly', (tx) => tx.objectStore(STORES.excerpts).index(INDEXES.byUpdated).getAll());
    return all.reverse();
  }

  /** Excerpts where every word of `query` occurs in text, source, number, issuer, ref, date or
   *  tags, ignoring case and Vietnamese diacritics ("nghi quyet" finds "Nghị quyết"; "dang"
   *  finds "Đảng"); with `tags`, only excerpts carrying all of them. Newest first. */
  async searchExcerpts(query: string, options: { tags?: readonly string[] } = {}): Promise<ExcerptRecord[]> {
    const words = foldText(query).split(/\s+/).filter(Boolean);
    const wanted = (options.tags ?? []).map(foldText);
    return (await this.listExcerpts()).filter((e) => {
      const tags = e.tags.map(foldText);
      if (!wanted.every((t) => tags.includes(t))) return false;
      const haystack = foldText([e.text, e.source, e.number, e.issuer, e.ref, e.date, ...e.tags].filter(Boolean).join('\n'));
      return words.every((w) => haystack.includes(w));
    });
  }

  // ---------------------------------------------------------------- sessions

  private buildSession(input: SessionInput, id: string, createdAt: string, updatedAt: string): SessionRecord {
    if (typeof input.date !== 'string' || !RE_DAY.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) {
      throw new StoreError('invalid-input', { detail: `session date ${String(input.date)} (want YYYY-MM-DD)` });
    }
    for (const key of ['learners', 'minutes'] as const) {
      const value = input[key];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (key === 'learners' && !Number.isInteger(value))) {
        throw new StoreError('invalid-input', { detail: `session ${key} ${String(value)}` });
      }
    }
    assertString(input.className, 'className');
    assertString(input.cohort, 'cohort');
    assertString(input.deckTitle, 'deckTitle');
    const record: SessionRecord = {
      id,
      deckTitle: input.deckTitle,
      date: input.date,
      className: input.className,
      cohort: input.cohort,
      learners: input.learners,
      minutes: input.minutes,
      createdAt,
      updatedAt,
    };
    if (input.deckId !== undefined) record.deckId = input.deckId;
    if (input.place !== undefined) record.place = input.place;
    if (input.notes !== undefined) record.notes = input.notes;
    if (input.inkLayer !== undefined) {
      if (!isClassInkLayer(input.inkLayer)) throw new StoreError('invalid-input', { detail: `session inkLayer ${String(input.inkLayer)}` });
      record.inkLayer = input.inkLayer;
    }
    return record;
  }

  async createSession(input: SessionInput): Promise<SessionRecord> {
    const at = this.now().toISOString();
    const record = this.buildSession(input, crypto.randomUUID(), at, at);
    await this.run([STORES.sessions], 'readwrite', (tx) => tx.objectStore(STORES.sessions).put(record));
    this.announce({ type: 'sessions-changed' });
    return record;
  }

  /** Writes a session as it arrived from the lecturer's other machine (centre sync): id and
   *  times kept, fields checked like any session. */
  async putSyncedSession(input: SessionRecord): Promise<SessionRecord> {
    const record = this.buildSession(input, input.id, input.createdAt, input.updatedAt);
    assertString(record.id, 'id');
    await this.run([STORES.sessions], 'readwrite', (tx) => tx.objectStore(STORES.sessions).put(record));
    this.announce({ type: 'sessions-changed' });
    return record;
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    return this.run([STORES.sessions], 'readonly', (tx) => tx.objectStore(STORES.sessions).get(id));
  }

  /** Replaces a session's fields (id and createdAt kept). */
  async updateSession(id: string, input: SessionInput): Promise<SessionRecord> {
    const at = this.now().toISOString();
    const record = await this.run([STORES.sessions], 'readwrite', async (tx) => {
      const old = await tx.objectStore(STORES.sessions).get(id);
      if (!old) throw new StoreError('not-found', { detail: `session ${id}` });
      // The class's ink stays linked: no form edits the link.
      const next = this.buildSession({ ...input, inkLayer: old.inkLayer }, id, old.createdAt, at);
      void tx.objectStore(STORES.sessions).put(next).catch(noop);
      return next;
    });
    this.announce({ type: 'sessions-changed' });
    return record;
  }

  /** Deletes a session and, in the same transaction, the class ink it references; returns that
   *  ink, so that an undo can put it back (replaceInkLayer). */
  async deleteSession(id: string): Promise<InkRecord[]> {
    const ink = await this.run([STORES.sessions, STORES.ink], 'readwrite', async (tx) => {
      const record = await tx.objectStore(STORES.sessions).get(id);
      void tx.objectStore(STORES.sessions).delete(id).catch(noop);
      if (!record?.inkLayer) return [];
      const range = IDBKeyRange.bound([record.inkLayer, ''], [record.inkLayer, '\uffff']);
      const strokes = await tx.objectStore(STORES.ink).getAll(range);
      void tx.objectStore(STORES.ink).delete(range).catch(noop);
      void tx.objectStore(STORES.ink).delete([inkHistoryLayer(record.inkLayer), '']).catch(noop);
      return strokes;
    });
    this.announce({ type: 'sessions-changed' });
    return ink;
  }

  /** Sessions by date (oldest first), optionally within `from`..`to` inclusive (`YYYY-MM-DD`)
   *  and only those taught from one deck (`deckId`). */
  async listSessions(range: { from?: string; to?: string; deckId?: string } = {}): Promise<SessionRecord[]> {
    const { from, to, deckId } = range;
    if (deckId !== undefined) {
      const ofDeck = await this.run([STORES.sessions], 'readonly', (tx) => tx.objectStore(STORES.sessions).index(INDEXES.byDeck).getAll(deckId));
      return ofDeck
        .filter((s) => (from === undefined || s.date >= from) && (to === undefined || s.date <= to))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    const keyRange =
      from !== undefined && to !== undefined
        ? IDBKeyRange.bound(from, to)
        : from !== undefined
          ? IDBKeyRange.lowerBound(from)
          : to !== undefined
            ? IDBKeyRange.upperBound(to)
            : undefined;
    return this.run([STORES.sessions], 'readonly', (tx) => tx.objectStore(STORES.sessions).index(INDEXES.byDate).getAll(keyRange));
  }

  // ---------------------------------------------------------------- ink

  /** Every slide's ink in one layer (`class:<id>` or `deck:<deckId>`). */
  async listInk(layer: string): Promise<InkRecord[]> {
    return this.run([STORES.ink], 'readonly', (tx) =>
      tx.objectStore(STORES.ink).getAll(IDBKeyRange.bound([layer, ''], [layer, '\uffff'])),
    );
  }

  /** Replaces one slide's ink in one layer; no strokes deletes the record. Written with strict
   *  durability: a stroke must survive a crash right after it is drawn. */
  async putInk(layer: string, deckId: string, slide: string, strokes: InkStroke[]): Promise<void> {
    await this.run(
      [STORES.ink],
      'readwrite',
      async (tx) => {
        const ink = tx.objectStore(STORES.ink);
        if (strokes.length === 0) await ink.delete([layer, slide]);
        else await ink.put({ layer, deckId, slide, strokes, updatedAt: this.now().toISOString() });
      },
      { durability: 'strict' },
    );
  }

  /** A class's undo/redo history (undefined when none was kept). */
  async getInkHistory(classLayer: string): Promise<InkHistory | undefined> {
    const record = await this.run([STORES.ink], 'readonly', (tx) => tx.objectStore(STORES.ink).get([inkHistoryLayer(classLayer), '']));
    return record?.history;
  }

  /** Keeps a class's undo/redo history beside its ink; undefined deletes it (the class ended). */
  async putInkHistory(classLayer: string, deckId: string, history: InkHistory | undefined): Promise<void> {
    const key: [string, string] = [inkHistoryLayer(classLayer), ''];
    await this.run([STORES.ink], 'readwrite', async (tx) => {
      const ink = tx.objectStore(STORES.ink);
      if (!history) await ink.delete(key);
      else await ink.put({ layer: key[0], deckId, slide: key[1], strokes: [], history, updatedAt: this.now().toISOString() });
    });
  }

  /** Replaces a whole layer (a deck's kept ink from an imported bundle) in one transaction. */
  async replaceInkLayer(layer: string, deckId: string, slides: readonly { slide: string; strokes: InkStroke[] }[]): Promise<void> {
    const at = this.now().toISOString();
    await this.run([STORES.ink], 'readwrite', async (tx) => {
      const ink = tx.objectStore(STORES.ink);
      await ink.delete(IDBKeyRange.bound([layer, ''], [layer, '\uffff']));
      for (const { slide, strokes } of slides) {
        if (strokes.length > 0) void ink.put({ layer, deckId, slide, strokes, updatedAt: at }).catch(noop);
      }
    });
  }

  // ---------------------------------------------------------------- settings

  /** All settings, defaults filled in. */
  async getSettings(): Promise<Settings> {
    return this.run([STORES.settings], 'readonly', async (tx) => {
      const store = tx.objectStore(STORES.settings);
      const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
      let cursor = await store.openCursor();
      while (cursor) {
        if (typeof cursor.key === 'string' && cursor.key in DEFAULT_SETTINGS) out[cursor.key] = cursor.value;
        cursor = await cursor.continue();
      }
      return out as unknown as Settings; // keys limited to DEFAULT_SETTINGS' keys above
    });
  }

  async getSetting<K extends keyof Settings>(key: K): Promise<Settings[K]> {
    const value = await this.run([STORES.settings], 'readonly', (tx) => tx.objectStore(STORES.settings).get(key));
    // Values are written only through setSetting, typed by K.
    return value === undefined ? DEFAULT_SETTINGS[key] : (value as Settings[K]);
  }

  async setSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
    if (!(key in DEFAULT_SETTINGS)) throw new StoreError('invalid-input', { detail: `unknown setting ${String(key)}` });
    await this.run([STORES.settings], 'readwrite', (tx) => tx.objectStore(STORES.settings).put(value, key));
    this.announce({ type: 'settings-changed', key });
  }
}

function infoOf(asset: AssetRecord): AssetInfo {
  const { blob: _blob, blobKey: _blobKey, ...info } = asset;
  return info;
}

function excerptKey(e: Pick<ExcerptRecord, 'text' | 'source' | 'ref'>): string {
  return [e.text, e.source ?? '', e.ref ?? ''].map((s) => foldText(s).replace(/\s+/g, ' ').trim()).join('\u0000');
}

function cleanTags(tags: unknown): string[] {
  if (tags === undefined) return [];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) throw new StoreError('invalid-input', { detail: 'tags' });
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

function assertString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') throw new StoreError('invalid-input', { detail: `${what} is not a string` });
}

/** @throws StoreError 'invalid-input' for absolute paths, `..`, backslashes, NUL, drive letters. */
export function assertPath(path: string): void {
  if (typeof path !== 'string' || path === '' || path.length > 1024 || RE_BAD_PATH.test(path)) {
    throw new StoreError('invalid-input', { detail: `bad media path ${JSON.stringify(path)}` });
  }
}



