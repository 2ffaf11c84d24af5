// The IndexedDB schema of Lectern and its migrations: the only file that creates or changes
// object stores and indexes. Upgrades run in order (`if (oldVersion < n)`), so a browser that
// skipped versions replays every step. Never edit a past step: add a new one and bump DB_VERSION.
//
// Version history
//   1  decks {id, title, markdown, meta, createdAt, updatedAt, rev}, assets, deckAssets,
//      revisions, excerpts, settings.
//   2  deck summaries move to their own store `deckSummaries` (listing no longer reads the
//      Markdown), deck records are flattened (summary fields at the top, `meta` dropped), and the
//      `sessions` store is added.
//   3  `ink` store: strokes drawn on slides while presenting, one record per layer and slide
//      (layer `class:<id>` for one class, `deck:<deckId>` for ink kept on the deck), indexed by deck.
//   4  `assetBlobs` store: the bytes of media stored by putAsset/addDeckAsset, under a key of their
//      own (`<ISO time> <uuid>`), written while the bytes are hashed; the asset record (key:
//      SHA-256) names it in `blobKey`. Records written before keep their Blob inline (`blob`), and
//      so do imports (their hash is known before the write); readers take either.
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type {
  AssetRecord,
  DeckAssetRecord,
  DeckDigest,
  DeckRecord,
  DeckSummary,
  ExcerptRecord,
  RevisionRecord,
  InkHistory,
  InkRecord,
  SessionRecord,
} from './types.ts';

export const DB_VERSION = 4;
export const DEFAULT_DB_NAME = 'lectern';

// !!! PERSISTENT NAMES !!! These strings are on users' disks. Renaming a store or an index is a
// migration (create the new one, copy, delete the old one in a new version step), never an edit.
export const STORES = {
  decks: 'decks',
  deckSummaries: 'deckSummaries',
  revisions: 'revisions',
  assets: 'assets',
  assetBlobs: 'assetBlobs',
  deckAssets: 'deckAssets',
  excerpts: 'excerpts',
  sessions: 'sessions',
  settings: 'settings',
  ink: 'ink',
} as const;

export const INDEXES = {
  byUpdated: 'by-updated',
  byAsset: 'by-asset',
  byDate: 'by-date',
  byDeck: 'by-deck',
  /** revisions: [deckId, savedAt], so pruning reads keys only, never old texts. */
  byDeckSaved: 'by-deck-saved',
} as const;

export interface LecternDB extends DBSchema {
  decks: { key: string; value: DeckRecord };
  deckSummaries: { key: string; value: DeckSummary; indexes: { 'by-updated': string } };
  /** Key [deckId, rev]: a deck's history is one key range, oldest first. */
  revisions: { key: [string, number]; value: RevisionRecord; indexes: { 'by-deck-saved': [string, string] } };
  /** Key: SHA-256 hex of the bytes. */
  assets: { key: string; value: AssetRecord };
  /** Out-of-line key `<ISO time> <uuid>` (sorts by write time, for the GC of bytes no asset names). */
  assetBlobs: { key: string; value: Blob };
  /** Key [deckId, path]. */
  deckAssets: { key: [string, string]; value: DeckAssetRecord; indexes: { 'by-asset': string } };
  excerpts: { key: string; value: ExcerptRecord; indexes: { 'by-updated': string } };
  sessions: { key: string; value: SessionRecord; indexes: { 'by-date': string; 'by-deck': string } };
  /** Out-of-line key: the setting's name (keyof Settings). */
  settings: { key: string; value: unknown };
  /** Key [layer, slide]: a layer's ink is one key range. */
  ink: { key: [string, string]; value: InkRecord & { history?: InkHistory }; indexes: { 'by-deck': string } };
}

export type LecternDatabase = IDBPDatabase<LecternDB>;
export type StoreName = StoreNames<LecternDB>;

/** Shape of a deck record in schema version 1 (kept here for the migration and its test). */
export interface DeckRecordV1 {
  id: string;
  title: string;
  markdown: string;
  meta: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  rev: number;
}

export interface OpenOptions {
  /** Derives summary fields from Markdown; must be synchronous (runs inside the upgrade). */
  summarize: (markdown: string) => DeckDigest;
  /** Another tab holds an older version open: this open waits until it closes. */
  onBlocked?: () => void;
  /** Another tab wants a newer version: the caller should close this connection. */
  onVersionChange?: () => void;
  /** The browser closed the connection (storage cleared, disk error). */
  onTerminated?: () => void;
}

/** Builds a v2 deck record and its summary from any older deck record. */
export function deckFromV1(old: DeckRecordV1, digest: DeckDigest): DeckRecord {
  const record: DeckRecord = {
    id: old.id,
    title: digest.title ?? old.title ?? '',
    tags: digest.tags,
    slideCount: digest.slideCount,
    length: old.markdown.length,
    createdAt: old.createdAt,
    updatedAt: old.updatedAt,
    rev: old.rev,
    markdown: old.markdown,
  };
  // Absent rather than undefined, as the store writes them.
  if (digest.audience !== undefined) record.audience = digest.audience;
  if (digest.duration !== undefined) record.duration = digest.duration;
  return record;
}

/** The summary part of a deck record (what `deckSummaries` holds). */
export function summaryOf(record: DeckRecord): DeckSummary {
  const { markdown: _markdown, ...summary } = record;
  return summary;
}

export function openLecternDB(name: string, options: OpenOptions): Promise<LecternDatabase> {
  return openDB<LecternDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        // Written as version 1 created them; the version-1 deck shape is DeckRecordV1.
        db.createObjectStore(STORES.decks, { keyPath: 'id' });
        const revisions = db.createObjectStore(STORES.revisions, { keyPath: ['deckId', 'rev'] });
        revisions.createIndex(INDEXES.byDeckSaved, ['deckId', 'savedAt']);
        db.createObjectStore(STORES.assets, { keyPath: 'id' });
        const deckAssets = db.createObjectStore(STORES.deckAssets, { keyPath: ['deckId', 'path'] });
        deckAssets.createIndex(INDEXES.byAsset, 'assetId');
        const excerpts = db.createObjectStore(STORES.excerpts, { keyPath: 'id' });
        excerpts.createIndex(INDEXES.byUpdated, 'updatedAt');
        db.createObjectStore(STORES.settings);
      }
      if (oldVersion < 2) {
        const summaries = db.createObjectStore(STORES.deckSummaries, { keyPath: 'id' });
        summaries.createIndex(INDEXES.byUpdated, 'updatedAt');
        const sessions = db.createObjectStore(STORES.sessions, { keyPath: 'id' });
        sessions.createIndex(INDEXES.byDate, 'date');
        sessions.createIndex(INDEXES.byDeck, 'deckId');
        if (oldVersion >= 1) migrateDecksToV2(tx, options.summarize);
      }
      if (oldVersion < 3) {
        const ink = db.createObjectStore(STORES.ink, { keyPath: ['layer', 'slide'] });
        ink.createIndex(INDEXES.byDeck, 'deckId');
      }
      if (oldVersion < 4) {
        db.createObjectStore(STORES.assetBlobs);
      }
    },
    blocked: () => options.onBlocked?.(),
    blocking: () => options.onVersionChange?.(),
    terminated: () => options.onTerminated?.(),
  });
}

type UpgradeTx = IDBPTransaction<LecternDB, StoreName[], 'versionchange'>;

/** v1 -> v2: flatten every deck and write its summary. Uses raw requests chained by callbacks:
 *  an upgrade transaction must not wait on anything but its own requests. */
function migrateDecksToV2(tx: UpgradeTx, summarize: OpenOptions['summarize']): void {
  const decks = tx.objectStore(STORES.decks);
  const summaries = tx.objectStore(STORES.deckSummaries);
  // Raw store: it holds v1-shaped values, which the typed wrapper does not describe.
  const request = unwrap(decks).openCursor();
  request.onsuccess = () => {
    const cursor = request.result;
    if (!cursor) return;
    const old = cursor.value as DeckRecordV1;
    let digest: DeckDigest;
    try {
      digest = summarize(old.markdown);
    } catch {
      // A deck the summarizer chokes on keeps its old title: losing a deck is worse than a
      // missing slide count.
      digest = { title: old.title, tags: [], slideCount: 0 };
    }
    const record = deckFromV1(old, digest);
    cursor.update(record);
    void summaries.put(summaryOf(record)).catch(() => undefined); // failure aborts the upgrade
    cursor.continue();
  };
}
