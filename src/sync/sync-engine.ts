// The sync of a lecturer's own records (docs/centre-sync.md): the store is the truth, a PouchDB
// replica is the outbox and inbox, PouchDB replicates it with the lecturer's database on the
// centre server, media travel beside it (media-transfer.ts). Loaded only when sync is turned on.
//
// One cycle at a time: export (store -> replica) · media up · replicate both ways · import
// (replica -> store, validated, whole records only). Bookkeeping per record in `_local/lectern-sync`.
import type { DeckDoc } from '@lectern/centre';
import type { ImportAssetInput, Store, StoreNotice } from '../store/index.ts';
import { CentreError, type CentreConnection } from './connection.ts';
import {
  ABSENT,
  COHORTS_KEY,
  checkIncoming,
  cohortsBody,
  cohortsSignature,
  deckBody,
  deckKey,
  deckSignature,
  kindOfKey,
  sessionBody,
  sessionKey,
  sessionRecord,
  sessionSignature,
  type RecordKey,
} from './mapping.ts';
import { fetchMedia, sendMedia } from './media-transfer.ts';
import { planResolution, type VersionChoice } from './conflict-choices.ts';
import { settleVersions } from './settle-versions.ts';
import { readSampleSignatures, type SampleSignatures } from '../app/sample-identity.ts';
import { loadPouch, pouchStatus, type PouchDatabase, type PouchDoc } from './pouch.ts';

/** What the sync knows of one record. */
interface RecordState {
  /** Signature of the store's content when store and replica last agreed (mapping.ts). */
  sig: string;
  /** The replica's winning revision at that moment. */
  rev?: string;
  /** False until a complete cycle has sent it to the server. */
  pushed: boolean;
  /** Losing revisions waiting for the lecturer's choice. */
  conflicts?: string[];
  /** Shown in the list of items. */
  title: string;
  /** The last import of this record failed (refused document, media missing): tried again. */
  failed?: boolean;
}

interface SyncState {
  _id: string;
  _rev?: string;
  server: string;
  user: string;
  /** The replica's change sequence the import has read up to. */
  seq: number | string;
  records: Record<RecordKey, RecordState>;
}

const STATE_ID = '_local/lectern-sync';

export type ItemState = 'synced' | 'waiting' | 'conflict';
export interface SyncItem {
  key: RecordKey;
  kind: 'deck' | 'session' | 'cohorts';
  title: string;
  state: ItemState;
}

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'failed';
export interface SyncStatus {
  phase: SyncPhase;
  lastSyncedAt?: string;
  /** The last failure (phase 'failed'): what to tell the lecturer. */
  error?: CentreError['code'];
  /** Records the server sent that failed the schema (not applied). */
  refused: number;
  /** When the next retry runs (ms since epoch). */
  retryAt?: number;
}

/** One version of a conflicting record, as text: a deck's Markdown, or a session (the cohort
 *  list) as one `field: value` per line. */
export interface VersionText {
  title: string;
  markdown: string;
  updatedAt: string;
}

/** Every version of a conflicting record: `current` is in the library, each of `others` (with
 *  its revision, the key of the lecturer's choice) waits for a choice. */
export interface RecordConflict {
  key: RecordKey;
  kind: 'deck' | 'session' | 'cohorts';
  current: VersionText;
  others: (VersionText & { rev: string })[];
}

export type { VersionChoice } from './conflict-choices.ts';

export interface SyncEngineOptions {
  /** Milliseconds between cycles while the app is open. */
  pollMs?: number;
  /** First retry delay after a failure; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Pause after a store change before its cycle, so typing does not sync every key. */
  debounceMs?: number;
  /** The seeded samples' signatures as shipped (default: this browser's, sample-identity.ts). */
  sampleSignatures?: SampleSignatures;
}

/** The error and those it wraps: PouchDB's replication nests the failing request's error in
 *  `result.errors`, `error`, `cause`. */
function nested(error: unknown, depth = 0): unknown[] {
  if (depth > 4 || typeof error !== 'object' || error === null) return [error];
  const e = error as { cause?: unknown; error?: unknown; errors?: unknown; result?: { errors?: unknown } };
  const inner = [e.cause, e.error, ...(Array.isArray(e.errors) ? e.errors : []), ...(Array.isArray(e.result?.errors) ? e.result.errors : [])];
  return [error, ...inner.filter((x) => x !== undefined && x !== error).flatMap((x) => nested(x, depth + 1))];
}

function toCentreError(error: unknown): CentreError {
  const all = nested(error);
  for (const e of all) if (e instanceof CentreError) return e;
  // PouchDB re-creates a JSON parse failure as a plain `{name: 'Error', message}`: only its words
  // tell it from a network failure.
  const isJsonFailure = (e: unknown) =>
    e instanceof SyntaxError || (typeof e === 'object' && e !== null && (/JSON/.test(String((e as { message?: unknown }).message)) || (e as { name?: unknown }).name === 'SyntaxError'));
  if (all.some(isJsonFailure)) {
    return new CentreError('bad-reply', { reason: 'malformed JSON' });
  }
  const status = all.map(pouchStatus).find((s) => s !== undefined && s !== 0);
  if (status === 401 || status === 403) return new CentreError('refused', { status });
  if (status !== undefined && status >= 500) return new CentreError('server-error', { status });
  if (status === undefined) return new CentreError('unreachable', { reason: String(error) });
  return new CentreError('bad-reply', { status, reason: String(error) });
}

function randomRevHash(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

export class SyncEngine {
  private status: SyncStatus = { phase: 'idle', refused: 0 };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private running: Promise<void> | undefined;
  private again = false;
  private scanAll = true;
  private readonly dirtyDecks = new Set<string>();
  private dirtySessions = false;
  private dirtyCohorts = false;
  private applying = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private readonly unsubscribe: () => void;
  private readonly options: Required<Omit<SyncEngineOptions, 'sampleSignatures'>>;
  private readonly samples: SampleSignatures;
  /** Media the server has (HEAD said so, or they were just sent), for this cycle only: a server
   *  may lose data between cycles (restored from a backup), so each cycle asks again. */
  private sent = new Set<string>();

  private constructor(
    private readonly store: Store,
    readonly connection: CentreConnection,
    private readonly replica: PouchDatabase,
    private readonly remote: PouchDatabase,
    private state: SyncState,
    options: SyncEngineOptions,
    private readonly replicaName: string,
  ) {
    this.options = { pollMs: 30_000, retryMs: 2_000, maxRetryMs: 300_000, debounceMs: 1_500, ...options };
    this.samples = options.sampleSignatures ?? readSampleSignatures();
    // Changes are noted from the start (a cycle run by hand exports them too); only live sync
    // (start) turns them into cycles.
    this.unsubscribe = store.subscribe((notice) => this.noticeChange(notice));
  }

  /** The replica's name for a store (one replica per store database). */
  static replicaName(store: Store): string {
    return `${store.name}-centre-replica`;
  }

  static async open(store: Store, connection: CentreConnection, options: SyncEngineOptions = {}): Promise<SyncEngine> {
    const PouchDB = await loadPouch();
    let replica = new PouchDB(SyncEngine.replicaName(store), { auto_compaction: true });
    let state = await readState(replica);
    if (state && (state.server !== connection.server || state.user !== connection.user)) {
      // Another account's outbox: it must not go to this one.
      await replica.destroy();
      replica = new PouchDB(SyncEngine.replicaName(store), { auto_compaction: true });
      state = undefined;
    }
    state ??= { _id: STATE_ID, server: connection.server, user: connection.user, seq: 0, records: {} };
    const remote = new PouchDB(connection.ownDbUrl, { fetch: connection.fetch, skip_setup: true });
    const lastSyncedAt = (await store.getSetting('centreSync'))?.lastSyncedAt;
    const engine = new SyncEngine(store, connection, replica, remote, state, options, SyncEngine.replicaName(store));
    if (lastSyncedAt) engine.status = { ...engine.status, lastSyncedAt };
    return engine;
  }

  // ------------------------------------------------------------------ status

  getStatus(): SyncStatus {
    return this.status;
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private setStatus(next: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...next };
    for (const listener of this.listeners) listener(this.status);
  }

  /** Every record the sync knows, with its state (conflicts first, then waiting). */
  items(): SyncItem[] {
    const order: Record<ItemState, number> = { conflict: 0, waiting: 1, synced: 2 };
    const items: SyncItem[] = [];
    for (const [key, record] of Object.entries(this.state.records)) {
      const parsed = kindOfKey(key);
      const kind = parsed.kind;
      if (kind === 'other' || (record.sig === ABSENT && record.pushed && !record.conflicts?.length)) continue;
      const dirty = parsed.kind === 'deck' && this.dirtyDecks.has(parsed.deckId);
      const state: ItemState = record.conflicts?.length ? 'conflict' : !record.pushed || record.failed || dirty ? 'waiting' : 'synced';
      items.push({ key, kind, title: record.title, state });
    }
    return items.sort((a, b) => order[a.state] - order[b.state] || a.title.localeCompare(b.title));
  }

  // ------------------------------------------------------------------ running

  /** Live sync while the app is open: after store changes, every pollMs, on `online`; paused
   *  while the browser is offline; failures retried with backoff. */
  start(): void {
    if (this.started) return;
    this.started = true;
    globalThis.addEventListener?.('online', this.wake);
    globalThis.addEventListener?.('offline', this.sleep);
    this.schedule(0);
  }

  stop(): void {
    this.started = false;
    globalThis.removeEventListener?.('online', this.wake);
    globalThis.removeEventListener?.('offline', this.sleep);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly wake = (): void => this.schedule(0);
  private readonly sleep = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.setStatus({ phase: 'offline', retryAt: undefined });
  };

  private schedule(ms: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.syncNow().catch(() => undefined);
    }, ms);
  }

  private noticeChange(notice: StoreNotice): void {
    if (notice.type === 'deck-created' || notice.type === 'deck-deleted' || notice.type === 'deck-restored' || notice.type === 'deck-purged' || notice.type === 'deck-saved' || notice.type === 'deck-assets-changed') {
      this.dirtyDecks.add(notice.deckId);
    } else if (notice.type === 'sessions-changed') {
      this.dirtySessions = true;
    } else if (notice.type === 'settings-changed' && notice.key === 'cohorts') {
      this.dirtyCohorts = true;
    } else {
      return;
    }
    if (!this.applying) this.schedule(this.options.debounceMs);
  }

  /** One cycle now (or right after the running one). Rejects with the CentreError that stopped it;
   *  live sync then retries with backoff. */
  async syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (globalThis.navigator?.onLine === false) {
      this.setStatus({ phase: 'offline' });
      throw new CentreError('unreachable', { reason: 'offline' });
    }
    this.running = (async () => {
      this.setStatus({ phase: 'syncing', retryAt: undefined });
      try {
        await this.cycle();
        this.failures = 0;
        const lastSyncedAt = new Date().toISOString();
        await this.store.setSetting('centreSync', { server: this.connection.server, user: this.connection.user, lastSyncedAt });
        this.setStatus({ phase: 'idle', lastSyncedAt, error: undefined });
        this.schedule(this.options.pollMs);
      } catch (error) {
        const failure = toCentreError(error);
        this.failures++;
        const delay = Math.min(this.options.retryMs * 2 ** (this.failures - 1), this.options.maxRetryMs);
        this.setStatus({ phase: 'failed', error: failure.code, retryAt: this.started ? Date.now() + delay : undefined });
        this.schedule(delay);
        throw failure;
      } finally {
        this.running = undefined;
      }
    })();
    const run = this.running;
    await run;
    if (this.again) {
      this.again = false;
      await this.syncNow();
    }
  }

  /** One cycle at a time across the tabs of this browser (they share the replica and its
   *  bookkeeping); each starts from the bookkeeping the last one saved. */
  private async cycle(): Promise<void> {
    const locks = globalThis.navigator?.locks;
    if (!locks) return this.cycleLocked();
    await locks.request(`lectern-centre-sync:${this.replicaName}`, async () => {
      this.state = (await readState(this.replica)) ?? this.state;
      await this.cycleLocked();
    });
  }

  private async cycleLocked(): Promise<void> {
    this.sent = new Set();
    await this.exportChanges();
    await this.sendWaitingMedia();
    const sending = Object.values(this.state.records).filter((r) => !r.pushed && !r.failed);
    const notMedia = (doc: PouchDoc) => !doc._id.startsWith('media:');
    await this.replicate(this.replica.replicate.to(this.remote, { batch_size: 50 }));
    for (const record of sending) record.pushed = true;
    await this.replicate(this.replica.replicate.from(this.remote, { filter: notMedia, batch_size: 50 }));
    await this.importChanges();
    // The import's own store writes were noted as changes: settle them now (they match and
    // export nothing); a change the lecturer made meanwhile is exported and waits for the next cycle.
    await this.exportChanges();
    if (Object.values(this.state.records).some((r) => !r.pushed && !r.failed)) this.again = true;
  }

  private async replicate(replication: PromiseLike<{ ok: boolean; doc_write_failures?: number; errors?: unknown[] }>): Promise<void> {
    let result;
    try {
      result = await replication;
    } catch (error) {
      throw toCentreError(error);
    }
    if (!result.ok || (result.doc_write_failures ?? 0) > 0) {
      throw result.errors?.length ? toCentreError(result.errors[0]) : new CentreError('refused', { reason: 'documents refused by the server' });
    }
  }

  // ------------------------------------------------------------------ export

  private async exportChanges(): Promise<void> {
    const owner = this.connection.user;
    let deckIds: Iterable<string> = this.dirtyDecks;
    let sessions = this.dirtySessions;
    let cohorts = this.dirtyCohorts;
    if (this.scanAll) {
      const ids = new Set<string>();
      for (const s of await this.store.listDecks()) ids.add(s.id);
      for (const s of await this.store.listDecks({ trash: true })) ids.add(s.id);
      for (const key of Object.keys(this.state.records)) {
        const kind = kindOfKey(key);
        if (kind.kind === 'deck') ids.add(kind.deckId);
      }
      deckIds = ids;
      sessions = true;
      cohorts = true;
    }
    for (const deckId of [...deckIds]) {
      this.dirtyDecks.delete(deckId);
      const record = await this.store.getDeck(deckId);
      if (record && !record.deletedAt) {
        const body = deckBody(record, await this.store.listDeckAssets(deckId), owner);
        await this.exportOne(deckKey(deckId), await deckSignature(body), body, record.title);
      } else {
        await this.exportOne(deckKey(deckId), ABSENT, undefined, record?.title ?? this.state.records[deckKey(deckId)]?.title ?? deckId);
      }
    }
    if (sessions) {
      this.dirtySessions = false;
      const seen = new Set<string>();
      for (const session of await this.store.listSessions()) {
        const body = sessionBody(session, owner);
        seen.add(sessionKey(session.id));
        await this.exportOne(sessionKey(session.id), await sessionSignature(body), body, `${session.className} · ${session.date}`);
      }
      for (const [key, record] of Object.entries(this.state.records)) {
        if (kindOfKey(key).kind === 'session' && !seen.has(key)) await this.exportOne(key, ABSENT, undefined, record.title);
      }
    }
    if (cohorts) {
      this.dirtyCohorts = false;
      const list = await this.store.getSetting('cohorts');
      // The built-in list ([]) is not a record of the lecturer's until they change it.
      if (list.length > 0 || this.state.records[COHORTS_KEY]) {
        await this.exportOne(COHORTS_KEY, await cohortsSignature(list), cohortsBody(list, owner), 'cohorts');
      }
    }
    this.scanAll = false;
    await this.saveState();
  }

  private async exportOne(key: RecordKey, sig: string, body: object | undefined, title: string): Promise<void> {
    const base = this.state.records[key];
    if (base ? base.sig === sig : sig === ABSENT) {
      if (base) base.title = title;
      return;
    }
    const current = await this.replicaDoc(key);
    const content: PouchDoc = body ? { ...body, _id: key } : { _id: key, _deleted: true };
    let rev: string;
    if (base?.rev && current && current._rev !== base.rev) {
      // An incoming revision arrived that the store has not taken yet, and the store changed too:
      // this change becomes a sibling of the last agreed revision, a conflict the lecturer sees.
      const generation = Number(base.rev.split('-')[0]);
      const hash = randomRevHash();
      rev = `${generation + 1}-${hash}`;
      await this.replica.bulkDocs([{ ...content, _rev: rev, _revisions: { start: generation + 1, ids: [hash, base.rev.slice(base.rev.indexOf('-') + 1)] } }], { new_edits: false });
      const winner = await this.replicaDoc(key);
      this.state.records[key] = { ...base, sig, pushed: false, title };
      if (winner?._rev === rev) this.state.records[key]!.rev = rev;
      return;
    }
    if (!body) {
      if (!current || current._deleted) {
        this.state.records[key] = { sig, rev: current?._rev, pushed: base?.pushed ?? true, title };
        return;
      }
      rev = (await this.replica.remove(key, current._rev!)).rev;
    } else {
      rev = (await this.replica.put(current?._rev && !current._deleted ? { ...content, _rev: current._rev } : content)).rev;
    }
    this.state.records[key] = { sig, rev, pushed: false, title, ...(base?.conflicts ? { conflicts: base.conflicts } : {}) };
  }

  /** The replica's winning revision of `key` (a deletion too), or undefined. */
  private async replicaDoc(key: RecordKey): Promise<PouchDoc | undefined> {
    try {
      return await this.replica.get(key, { conflicts: true });
    } catch (error) {
      if (pouchStatus(error) !== 404) throw error;
    }
    const rows = (await this.replica.allDocs({ keys: [key] })).rows;
    const row = rows[0];
    if (row?.value?.deleted) return { _id: key, _rev: row.value.rev, _deleted: true };
    return undefined;
  }

  // ------------------------------------------------------------------ media

  /** Sends the media of decks not yet on the server, before their deck documents go. */
  private async sendWaitingMedia(): Promise<void> {
    for (const [key, record] of Object.entries(this.state.records)) {
      if (record.pushed || record.sig === ABSENT || kindOfKey(key).kind !== 'deck') continue;
      const doc = await this.replicaDoc(key);
      if (!doc || doc._deleted) continue;
      for (const ref of (doc as unknown as DeckDoc).media ?? []) {
        if (this.sent.has(ref.sha256)) continue;
        const asset = await this.store.getAsset(ref.sha256);
        if (!asset) continue; // the store no longer has it: the deck's next save will not name it
        const blob = await this.store.getAssetBlob(ref.sha256);
        await sendMedia(this.connection, this.connection.ownDbUrl, { sha256: ref.sha256, blob, type: asset.type, size: asset.size, name: asset.name }, this.connection.user);
        this.sent.add(ref.sha256);
      }
    }
  }

  private async mediaOf(doc: DeckDoc): Promise<ImportAssetInput[]> {
    const assets: ImportAssetInput[] = [];
    for (const ref of doc.media) {
      const blob = (await this.store.getAsset(ref.sha256))
        ? await this.store.getAssetBlob(ref.sha256)
        : await fetchMedia(this.connection, this.connection.ownDbUrl, ref.sha256);
      assets.push({ path: ref.path, blob, sha256: ref.sha256, ...(ref.name ? { name: ref.name } : {}) });
    }
    return assets;
  }

  // ------------------------------------------------------------------ import

  private async importChanges(): Promise<void> {
    const changes = await this.replica.changes({ since: this.state.seq, include_docs: true, conflicts: true });
    const keys = new Set<string>(changes.results.map((c) => c.id));
    for (const [key, record] of Object.entries(this.state.records)) if (record.failed) keys.add(key);
    let refused = 0;
    let firstError: CentreError | undefined;
    this.applying = true;
    try {
      for (const key of keys) {
        if (kindOfKey(key).kind === 'other') continue;
        const doc = await this.replicaDoc(key);
        if (!doc) continue;
        try {
          await this.importOne(key, doc);
        } catch (error) {
          const failure = toCentreError(error);
          if (failure.code === 'bad-reply' && failure.details.reason?.startsWith('refused:')) refused++;
          firstError ??= failure;
          const record = this.state.records[key];
          if (record) record.failed = true;
          else this.state.records[key] = { sig: ABSENT, pushed: false, failed: true, title: key };
        }
      }
    } finally {
      this.applying = false;
    }
    this.state.seq = changes.last_seq;
    await this.saveState();
    this.setStatus({ refused });
    if (firstError) throw firstError;
  }

  private async importOne(key: RecordKey, winner: PouchDoc): Promise<void> {
    const { doc, conflicts, wrote } = await this.settle(key, winner);
    const base = this.state.records[key];
    if (base && base.rev === doc._rev && !base.failed) {
      if (conflicts.length) base.conflicts = conflicts;
      else delete base.conflicts;
      if (wrote) base.pushed = false;
      return;
    }
    const incoming = checkIncoming(doc, key, this.connection.user);
    if (incoming.kind === 'refused') throw new CentreError('bad-reply', { reason: `refused: ${incoming.reason}` });
    let sig = ABSENT;
    let title = base?.title ?? key;
    if (incoming.kind === 'deleted') {
      const kind = incoming.key;
      if (kind.kind === 'deck') {
        const record = await this.store.getDeck(kind.deckId);
        if (record && !record.deletedAt) await this.store.deleteDeck(kind.deckId);
      } else if (kind.kind === 'session') {
        if (await this.store.getSession(kind.sessionId)) await this.store.deleteSession(kind.sessionId);
      }
    } else if (incoming.kind === 'deck') {
      const deck = incoming.doc;
      sig = await deckSignature(deck);
      title = deck.title;
      const record = await this.store.getDeck(deck.deckId);
      const currentSig = record && !record.deletedAt ? await deckSignature(deckBody(record, await this.store.listDeckAssets(record.id), this.connection.user)) : ABSENT;
      if (currentSig !== sig) {
        const assets = await this.mediaOf(deck);
        if (!record) {
          await this.store.importDeck({ id: deck.deckId, markdown: deck.markdown, title: deck.title, assets });
        } else {
          if (record.deletedAt) await this.store.restoreDeck(record.id);
          const saved = await this.store.replaceDeck({ id: record.id, baseRev: record.rev, markdown: deck.markdown, assets });
          if (!saved.ok) throw new CentreError('bad-reply', { reason: 'the deck changed during the sync; tried again' });
        }
      }
    } else if (incoming.kind === 'session') {
      const record = sessionRecord(incoming.doc);
      await this.store.putSyncedSession(record);
      sig = await sessionSignature(sessionBody(record, this.connection.user));
      title = `${record.className} · ${record.date}`;
    } else {
      await this.store.setSetting('cohorts', incoming.doc.cohorts);
      sig = await cohortsSignature(incoming.doc.cohorts);
      title = 'cohorts';
    }
    // Written by settle: the replica holds a revision the server does not have yet.
    this.state.records[key] = { sig, rev: doc._rev, pushed: !wrote, title, ...(conflicts.length ? { conflicts } : {}) };
  }

  /** Applies settle-versions.ts to the replica: versions that need no choice (the same content
   *  twice, an untouched sample beside an edited one) are removed, an edited sample version
   *  replaces an untouched winner. Returns the winner after that and the conflicts left. */
  private async settle(key: RecordKey, winner: PouchDoc): Promise<{ doc: PouchDoc; conflicts: string[]; wrote: boolean }> {
    const revs = winner._conflicts ?? [];
    if (revs.length === 0) return { doc: winner, conflicts: [], wrote: false };
    const versions = new Map<string, PouchDoc>();
    for (const rev of revs) versions.set(rev, await this.replica.get(key, { rev }));
    const kind = kindOfKey(key);
    const plan = settleVersions(
      { rev: winner._rev!, sig: await this.signatureOf(key, winner) },
      await Promise.all(revs.map(async (rev) => ({ rev, sig: await this.signatureOf(key, versions.get(rev)!) }))),
      kind.kind === 'deck' ? this.samples[kind.deckId] : undefined,
    );
    if (plan.promote) {
      const { _rev: _from, _conflicts: _none, ...content } = versions.get(plan.promote)!;
      await this.writeOver(winner, { ...content, _id: key });
    }
    for (const rev of [...(plan.promote ? [plan.promote] : []), ...plan.drop]) await this.replica.remove(key, rev);
    const wrote = plan.promote !== undefined || plan.drop.length > 0;
    return { doc: wrote ? ((await this.replicaDoc(key)) ?? winner) : winner, conflicts: plan.conflicts, wrote };
  }

  /** Writes `content` as the next revision of the winner `doc` (a deletion too). */
  private async writeOver(doc: PouchDoc, content: PouchDoc): Promise<void> {
    if (doc._deleted) await this.replica.put(content);
    else await this.replica.put({ ...content, _rev: doc._rev });
  }

  private async signatureOf(key: RecordKey, doc: PouchDoc): Promise<string> {
    if (doc._deleted) return ABSENT;
    const kind = kindOfKey(key).kind;
    if (kind === 'deck') return deckSignature(doc as unknown as DeckDoc);
    return JSON.stringify({ ...doc, _id: undefined, _rev: undefined, _conflicts: undefined });
  }

  // ------------------------------------------------------------------ conflicts

  /** Every version of a conflicting record, or undefined when there is no conflict. */
  async recordConflict(key: RecordKey): Promise<RecordConflict | undefined> {
    const doc = await this.replicaDoc(key);
    const revs = doc?._conflicts ?? [];
    const kind = kindOfKey(key).kind;
    if (!doc || revs.length === 0 || kind === 'other') return undefined;
    const text = (d: PouchDoc) => {
      if (kind === 'deck') return typeof d.markdown === 'string' ? d.markdown : '';
      return Object.entries(d)
        .filter(([field]) => !field.startsWith('_') && field !== 'owner' && field !== 'type')
        .map(([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join('\n');
    };
    const side = (d: PouchDoc): VersionText => ({
      title: typeof d.title === 'string' ? d.title : typeof d.className === 'string' ? `${d.className} · ${String(d.date)}` : this.state.records[key]?.title ?? key,
      markdown: text(d),
      updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : '',
    });
    const others = await Promise.all(revs.map(async (rev) => ({ rev, ...side(await this.replica.get(key, { rev })) })));
    return { key, kind, current: side(doc), others };
  }

  /** The lecturer's choice for every other version of `key` (recordConflict's `others`), in one
   *  action: at most one replaces the library's version, decks can be kept as copies (new
   *  decks), the rest are discarded. The other versions are removed only now, and only when the
   *  choice covers exactly those there are (ConflictChoiceError 'stale' otherwise: nothing is
   *  written). */
  async resolve(key: RecordKey, choices: Readonly<Record<string, VersionChoice>>): Promise<void> {
    const doc = await this.replicaDoc(key);
    if (!doc) return;
    const plan = planResolution(doc._conflicts ?? [], choices, kindOfKey(key).kind === 'deck');
    const versions = new Map<string, PouchDoc>();
    for (const rev of plan.remove) versions.set(rev, await this.replica.get(key, { rev }));
    // Copies first: each becomes a deck of its own before its version is removed.
    for (const rev of plan.copies) {
      const other = versions.get(rev)!;
      if (other._deleted) continue; // a deletion has nothing to copy
      const incoming = checkIncoming(other, key, this.connection.user);
      if (incoming.kind !== 'deck') throw new CentreError('bad-reply', { reason: 'the other version is not a valid deck' });
      const assets = await this.mediaOf(incoming.doc);
      await this.store.importDeck({ markdown: incoming.doc.markdown, title: incoming.doc.title, assets });
    }
    if (plan.take) {
      const { _rev: _ignored, _conflicts: _none, ...content } = versions.get(plan.take)!;
      await this.writeOver(doc, { ...content, _id: key });
    }
    for (const rev of plan.remove) await this.replica.remove(key, rev);
    const record = this.state.records[key];
    if (record) {
      delete record.conflicts;
      record.pushed = false;
    }
    await this.saveState();
    await this.syncNow();
  }

  // ------------------------------------------------------------------ state

  private async saveState(): Promise<void> {
    const result = await this.replica.put(this.state as unknown as PouchDoc);
    this.state._rev = result.rev;
  }

  /** Stops this engine (a new login replaces it); the replica and its bookkeeping stay. */
  close(): void {
    this.stop();
    this.unsubscribe();
  }

  /** Stops, logs out and deletes the replica; the library stays as it is. */
  async disconnect(): Promise<void> {
    this.stop();
    this.unsubscribe();
    await this.running?.catch(() => undefined);
    await this.connection.logout();
    await this.replica.destroy();
    await this.store.setSetting('centreSync', null);
  }
}

async function readState(replica: PouchDatabase): Promise<SyncState | undefined> {
  try {
    // The replica's own bookkeeping, written only by saveState above.
    return (await replica.get(STATE_ID)) as unknown as SyncState;
  } catch (error) {
    if (pouchStatus(error) === 404) return undefined;
    throw error;
  }
}
