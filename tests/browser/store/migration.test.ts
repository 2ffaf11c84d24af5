// Upgrading a database written by schema version 1 (built here by hand with raw IndexedDB, the
// way version 1 of db.ts created it) must keep every record.
import { describe, expect, it } from 'vitest';
import { DB_VERSION, isStoreError, openStore, type StoreNotice } from '../../../src/store/index.ts';
import type { DeckRecordV1 } from '../../../src/store/db.ts';
import { freshStore, uniqueName } from './helpers.ts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openRaw(name: string, version: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  const req = indexedDB.open(name, version);
  req.onupgradeneeded = () => upgrade?.(req.result);
  return request(req);
}

const V1_DECKS: DeckRecordV1[] = [
  {
    id: 'deck-a',
    title: 'Tên cũ',
    markdown: '---\ntitle: Bài 2. Học tập tư tưởng Hồ Chí Minh\naudience: Cảm tình Đảng\nduration: 45\ntags: [tư tưởng]\n---\n# Mở đầu\n---\n# Nội dung\n',
    meta: { title: 'Bài 2. Học tập tư tưởng Hồ Chí Minh' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    rev: 7,
  },
  {
    id: 'deck-b',
    title: 'Không có front matter',
    markdown: 'Chỉ có đoạn văn, không tiêu đề.',
    meta: {},
    createdAt: '2026-01-02T00:00:00.000Z',
    updatedAt: '2026-01-03T00:00:00.000Z',
    rev: 1,
  },
];

async function buildV1(name: string): Promise<void> {
  const db = await openRaw(name, 1, (db) => {
    db.createObjectStore('decks', { keyPath: 'id' });
    db.createObjectStore('revisions', { keyPath: ['deckId', 'rev'] }).createIndex('by-deck-saved', ['deckId', 'savedAt']);
    db.createObjectStore('assets', { keyPath: 'id' });
    db.createObjectStore('deckAssets', { keyPath: ['deckId', 'path'] }).createIndex('by-asset', 'assetId');
    db.createObjectStore('excerpts', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
    db.createObjectStore('settings');
  });
  const tx = db.transaction(['decks', 'revisions', 'assets', 'deckAssets', 'excerpts', 'settings'], 'readwrite');
  for (const deck of V1_DECKS) tx.objectStore('decks').put(deck);
  tx.objectStore('revisions').put({ deckId: 'deck-a', rev: 6, markdown: '# Bản trước', savedAt: '2026-01-31T00:00:00.000Z' });
  const id = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  tx.objectStore('assets').put({ id, blob: new Blob(['abc'], { type: 'image/png' }), type: 'image/png', size: 3, name: 'ảnh.png', createdAt: '2026-01-01T00:00:00.000Z' });
  tx.objectStore('deckAssets').put({ deckId: 'deck-a', path: 'media/ảnh.png', assetId: id });
  tx.objectStore('excerpts').put({ id: 'ex-1', text: 'Trích dẫn.', source: 'Nghị quyết', tags: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
  tx.objectStore('settings').put('en', 'lang');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('migrations', () => {
  it('should upgrade a version 1 database and keep every record', async () => {
    expect(DB_VERSION).toBe(4);
    const name = uniqueName('v1');
    await buildV1(name);
    const store = await freshStore({ name });

    const list = await store.listDecks();
    expect(list.map((d) => d.id)).toEqual(['deck-a', 'deck-b']);
    expect(list[0]).toMatchObject({ title: 'Bài 2. Học tập tư tưởng Hồ Chí Minh', audience: 'Cảm tình Đảng', duration: 45, tags: ['tư tưởng'], slideCount: 2, rev: 7 });
    expect(list[1]).toMatchObject({ title: 'Không có front matter', rev: 1, slideCount: 1 });
    for (const old of V1_DECKS) {
      const deck = await store.getDeck(old.id);
      expect(deck).toMatchObject({ id: old.id, markdown: old.markdown, createdAt: old.createdAt, updatedAt: old.updatedAt, rev: old.rev });
      expect(deck).not.toHaveProperty('meta');
    }
    expect((await store.getRevision('deck-a', 6))?.markdown).toBe('# Bản trước');
    const assets = await store.listDeckAssets('deck-a');
    expect(assets).toEqual([{ path: 'media/ảnh.png', assetId: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', type: 'image/png', size: 3, name: 'ảnh.png' }]);
    expect(await (await store.getAssetBlob(assets[0]!.assetId)).text()).toBe('abc');
    expect((await store.getExcerpt('ex-1'))?.text).toBe('Trích dẫn.');
    expect(await store.getSetting('lang')).toBe('en');

    // The migrated database works like a new one: saves continue from the old rev, and the
    // version 2 sessions store exists.
    const saved = await store.saveDeck('deck-a', '# Sửa sau nâng cấp', 7);
    expect(saved.ok && saved.record.rev).toBe(8);
    expect((await store.listRevisions('deck-a')).map((r) => r.rev)).toEqual([7, 6]);
    const session = await store.createSession({ deckTitle: 'x', date: '2026-02-02', className: 'L', cohort: 'C', learners: 1, minutes: 1 });
    expect(await store.getSession(session.id)).toEqual(session);
    // ...and the version 3 ink store.
    const stroke = { id: 's', tool: 'pen' as const, color: '#d62828', size: 0.006, step: -1, points: [0.1, 0.2, 0.5] };
    await store.putInk('deck:deck-a', 'deck-a', '0.0', [stroke]);
    expect((await store.listInk('deck:deck-a')).map((r) => r.strokes)).toEqual([[stroke]]);
    // ...and the version 4 assetBlobs store: new media are stored beside the old inline one.
    const added = await store.addDeckAsset('deck-a', 'media/mới.png', new Blob(['new bytes']));
    expect(await (await store.getAssetBlob(added.assetId)).text()).toBe('new bytes');
    expect(await (await store.getAssetBlob(assets[0]!.assetId)).text()).toBe('abc');
  });

  it('should wait while another tab holds an old version open, and say so', async () => {
    const name = uniqueName('blocked');
    await buildV1(name);
    const old = await openRaw(name, 1);
    let settled = false;
    let onBlocked!: () => void;
    const blocked = new Promise<void>((resolve) => (onBlocked = resolve));
    const opening = openStore(name, { requestPersistence: false, onBlocked });
    void opening.then(() => (settled = true));
    await blocked;
    expect(settled).toBe(false); // still waiting for the old tab
    old.close();
    const store = await opening;
    expect((await store.listDecks()).length).toBe(2);
    store.close();
    await request(indexedDB.deleteDatabase(name));
  });

  it('should step aside when another tab upgrades, and report version-change', async () => {
    const store = await freshStore();
    const notices: StoreNotice[] = [];
    store.subscribe((n) => notices.push(n));
    const newer = await openRaw(store.name, DB_VERSION + 1);
    expect(notices).toEqual([{ type: 'version-change', local: true }]);
    expect(store.closed).toBe(true);
    const error = await store.listDecks().catch((e: unknown) => e);
    expect(isStoreError(error, 'version-change')).toBe(true);
    newer.close();
  });
});
