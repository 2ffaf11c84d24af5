// The centre sync engine in real Chromium against a real pouchdb-server (started from Node by the
// browser commands of tests/support/centre-commands.ts). Two stores in one page are the same
// lecturer's two machines: each has its own IndexedDB library and its own PouchDB replica.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { commands } from 'vitest/browser';
import { userDbName } from '@lectern/centre';
import type { Store } from '../../../src/store/index.ts';
import { CentreConnection } from '../../../src/sync/connection.ts';
import { SyncEngine } from '../../../src/sync/sync-engine.ts';
import { DECK_MD, freshStore, mediaBytes } from '../store/helpers.ts';

const lecturer = { name: 'trần.thị.bình', password: 'mật khẩu Bình' };
let centre: { id: string; url: string };
const dbPath = `/${userDbName(lecturer.name)}`;
const engines: SyncEngine[] = [];

beforeAll(async () => {
  centre = await commands.centreStart();
  await commands.centreAddLecturer(centre.id, lecturer);
});

afterAll(async () => {
  for (const engine of engines.splice(0)) engine.stop();
  await commands.centreShutdown(centre.id);
});

async function machine(): Promise<{ store: Store; engine: SyncEngine }> {
  const store = await freshStore();
  const connection = await CentreConnection.login(centre.url, lecturer.name, lecturer.password);
  const engine = await SyncEngine.open(store, connection, { retryMs: 200, maxRetryMs: 1_000, debounceMs: 50, pollMs: 60_000 });
  engines.push(engine);
  return { store, engine };
}

/** Two machines of the lecturer that both have a deck of `markdown` (made on the first, synced). */
async function sharedDeck(markdown: string) {
  const one = await machine();
  const two = await machine();
  const deck = await one.store.createDeck({ markdown });
  await one.engine.syncNow();
  await two.engine.syncNow();
  return { one, two, deck };
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'no failure',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );
}

async function serverDoc(id: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const reply = await commands.centreAdmin(centre.id, 'GET', `${dbPath}/${encodeURIComponent(id)}`);
  return reply as { status: number; body: Record<string, unknown> };
}

describe('centre sync of a lecturer’s own records', () => {
  it('sends a deck with its media, and the other machine receives both, bytes intact', async () => {
    const one = await machine();
    const deck = await one.store.createDeck({ markdown: DECK_MD + '\n![Ảnh](media/ảnh-lớp.png)\n' });
    const bytes = mediaBytes('png', 300_000, 7);
    const asset = await one.store.addDeckAsset(deck.id, 'media/ảnh-lớp.png', new Blob([bytes]), 'ảnh lớp.png');
    await one.engine.syncNow();
    expect(one.engine.getStatus().phase).toBe('idle');
    expect(one.engine.getStatus().lastSyncedAt).toBeTruthy();

    const onServer = await serverDoc(`deck:${deck.id}`);
    expect(onServer.status).toBe(200);
    expect(onServer.body.markdown).toBe(deck.markdown);
    expect(onServer.body.owner).toBe(lecturer.name);
    const media = await serverDoc(`media:${asset.assetId}`);
    expect((media.body._attachments as Record<string, { length: number }>)["file"]?.length).toBe(300_000);
    expect(one.engine.items().find((i) => i.key === `deck:${deck.id}`)?.state).toBe('synced');

    const two = await machine();
    await two.engine.syncNow();
    const received = await two.store.getDeck(deck.id);
    expect(received?.markdown).toBe(deck.markdown);
    expect(received?.title).toBe('Những vấn đề cơ bản về Đảng');
    const links = await two.store.listDeckAssets(deck.id);
    expect(links.map((l) => [l.path, l.assetId])).toEqual([['media/ảnh-lớp.png', asset.assetId]]);
    const blob = await two.store.getAssetBlob(asset.assetId);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);

    // Nothing changed: a second sync of machine two writes nothing back.
    await commands.centreRequests(centre.id);
    await two.engine.syncNow();
    // (PouchDB may note its replication checkpoint, a `_local` document that is not data.)
    const writes = (await commands.centreRequests(centre.id)).filter((r) => (r.method === 'PUT' && !r.path.includes('/_local/')) || (r.method === 'POST' && r.path.includes('_bulk_docs')));
    expect(writes).toEqual([]);
  });

  it('sends an edit as the deck document only, the media not again', async () => {
    const one = await machine();
    const deck = await one.store.createDeck({ markdown: '# Bài dạy có video\n\n![v](media/v.mp4)\n' });
    await one.store.addDeckAsset(deck.id, 'media/v.mp4', new Blob([mediaBytes('mp4', 2_000_000, 3)]), 'v.mp4');
    await one.engine.syncNow();
    await commands.centreRequests(centre.id);
    await one.store.saveDeck(deck.id, '# Bài dạy có video (sửa)\n\n![v](media/v.mp4)\n', deck.rev);
    await one.engine.syncNow();
    const requests = await commands.centreRequests(centre.id);
    const sentBytes = requests.reduce((sum, r) => sum + r.bytesIn, 0);
    expect(requests.some((r) => r.path.includes('/file'))).toBe(true); // HEAD: already there
    expect(requests.filter((r) => r.method === 'PUT' && r.path.includes('/file'))).toEqual([]);
    expect(sentBytes).toBeLessThan(20_000);
    expect((await serverDoc(`deck:${deck.id}`)).body.title).toBe('Bài dạy có video (sửa)');
  });

  it('replicates a deletion as a deletion, and the undo re-creates the deck', async () => {
    const { one, two, deck } = await sharedDeck('# Bài sẽ xóa\n');
    expect(await two.store.getDeck(deck.id)).toBeTruthy();

    await one.store.deleteDeck(deck.id);
    await one.engine.syncNow();
    expect((await serverDoc(`deck:${deck.id}`)).status).toBe(404);
    await two.engine.syncNow();
    expect((await two.store.getDeck(deck.id))?.deletedAt).toBeTruthy();

    await two.store.restoreDeck(deck.id); // the library's undo
    await two.engine.syncNow();
    await one.engine.syncNow();
    const back = await one.store.getDeck(deck.id);
    expect(back?.deletedAt).toBeUndefined();
    expect(back?.markdown).toBe('# Bài sẽ xóa\n');
  });

  it('syncs sessions and the cohort list both ways', async () => {
    const one = await machine();
    const two = await machine();
    const session = await one.store.createSession({ deckTitle: 'Bài 1', date: '2026-03-12', className: 'Lớp Đảng viên mới K12', cohort: 'new-members', learners: 87, minutes: 90, place: 'Hội trường' });
    await one.store.setSetting('cohorts', [{ id: 'new-members', label: 'Đảng viên mới' }, { id: 'khác' }]);
    await one.engine.syncNow();
    await two.engine.syncNow();
    expect(await two.store.getSession(session.id)).toEqual(session);
    expect(await two.store.getSetting('cohorts')).toEqual([{ id: 'new-members', label: 'Đảng viên mới' }, { id: 'khác' }]);

    await two.store.deleteSession(session.id);
    await two.engine.syncNow();
    await one.engine.syncNow();
    expect(await one.store.getSession(session.id)).toBeUndefined();
  });

  it('turns the same deck edited offline on both machines into a conflict, and keeps both on request', async () => {
    const { one, two, deck } = await sharedDeck('# Bài chung\n\nBản gốc.\n');
    const onTwo = (await two.store.getDeck(deck.id))!;

    await one.store.saveDeck(deck.id, '# Bài chung\n\nSửa ở máy 1.\n', deck.rev);
    await two.store.saveDeck(deck.id, '# Bài chung\n\nSửa ở máy 2.\n', onTwo.rev);
    await one.engine.syncNow();
    await two.engine.syncNow();

    const key = `deck:${deck.id}`;
    expect(two.engine.items().find((i) => i.key === key)?.state).toBe('conflict');
    const conflict = (await two.engine.deckConflict(key))!;
    expect([conflict.current.markdown, conflict.other.markdown].sort()).toEqual(['# Bài chung\n\nSửa ở máy 1.\n', '# Bài chung\n\nSửa ở máy 2.\n']);
    // The library shows the winner; the other text is kept until the lecturer chooses.
    expect((await two.store.getDeck(deck.id))?.markdown).toBe(conflict.current.markdown);

    await two.engine.resolve(key, 'both');
    expect(two.engine.items().find((i) => i.key === key)?.state).toBe('synced');
    const texts = await Promise.all((await two.store.listDecks()).map(async (s) => (await two.store.getDeck(s.id))!.markdown));
    expect(texts.filter((t) => t.startsWith('# Bài chung')).sort()).toEqual(['# Bài chung\n\nSửa ở máy 1.\n', '# Bài chung\n\nSửa ở máy 2.\n']);

    await one.engine.syncNow();
    expect(one.engine.items().find((i) => i.key === key)?.state).toBe('synced');
    const onOne = await Promise.all((await one.store.listDecks()).map(async (s) => (await one.store.getDeck(s.id))!.markdown));
    expect(onOne.filter((t) => t.startsWith('# Bài chung')).sort()).toEqual(['# Bài chung\n\nSửa ở máy 1.\n', '# Bài chung\n\nSửa ở máy 2.\n']);
  });

  it('takes the other version when the lecturer keeps that one', async () => {
    const { one, two, deck } = await sharedDeck('# Bài B\n\nGốc.\n');
    await one.store.saveDeck(deck.id, '# Bài B\n\nMáy 1.\n', deck.rev);
    await two.store.saveDeck(deck.id, '# Bài B\n\nMáy 2.\n', (await two.store.getDeck(deck.id))!.rev);
    await one.engine.syncNow();
    await two.engine.syncNow();
    const key = `deck:${deck.id}`;
    const conflict = (await two.engine.deckConflict(key))!;
    await two.engine.resolve(key, 'other');
    expect((await two.store.getDeck(deck.id))?.markdown).toBe(conflict.other.markdown);
    await one.engine.syncNow();
    expect((await one.store.getDeck(deck.id))?.markdown).toBe(conflict.other.markdown);
  });

  it('shows a session edited on both machines as a conflict, and keeps the chosen one everywhere', async () => {
    const one = await machine();
    const two = await machine();
    const input = { deckTitle: 'Bài 2', date: '2026-04-02', className: 'Lớp gốc', cohort: 'candidates', learners: 30, minutes: 60 };
    const session = await one.store.createSession(input);
    await one.engine.syncNow();
    await two.engine.syncNow();
    await one.store.updateSession(session.id, { ...input, className: 'Lớp sửa ở máy 1' });
    await two.store.updateSession(session.id, { ...input, className: 'Lớp sửa ở máy 2', learners: 31 });
    await one.engine.syncNow();
    await two.engine.syncNow();
    const key = `session:${session.id}`;
    expect(two.engine.items().find((i) => i.key === key)?.state).toBe('conflict');
    const conflict = (await two.engine.deckConflict(key))!;
    expect(conflict.kind).toBe('session');
    expect([conflict.current.markdown, conflict.other.markdown].join('\n')).toContain('className: Lớp sửa ở máy 1');
    expect([conflict.current.markdown, conflict.other.markdown].join('\n')).toContain('className: Lớp sửa ở máy 2');
    const kept = conflict.current.markdown.includes('máy 1') ? 'Lớp sửa ở máy 1' : 'Lớp sửa ở máy 2';
    await two.engine.resolve(key, 'current');
    expect(two.engine.items().find((i) => i.key === key)?.state).toBe('synced');
    await one.engine.syncNow();
    expect((await one.store.getSession(session.id))?.className).toBe(kept);
    expect((await two.store.getSession(session.id))?.className).toBe(kept);
  });
});

describe('centre sync faults', () => {
  it('refuses a wrong password', async () => {
    expect(await failureOf(CentreConnection.login(centre.url, lecturer.name, 'sai mật khẩu'))).toBe('refused');
  });

  it('reports a 500 and malformed JSON, leaves the library as it was, and recovers by itself', async () => {
    const one = await machine();
    const deck = await one.store.createDeck({ markdown: '# Lỗi máy chủ\n' });
    await commands.centreFault(centre.id, 'server-error');
    onTestFinished(() => commands.centreFault(centre.id, 'none'));
    expect(await failureOf(one.engine.syncNow())).toBe('server-error');
    await commands.centreFault(centre.id, 'malformed-json');
    expect(await failureOf(one.engine.syncNow())).toBe('bad-reply');
    expect((await one.store.getDeck(deck.id))?.markdown).toBe('# Lỗi máy chủ\n');
    expect(one.engine.getStatus().phase).toBe('failed');

    // Live sync retries with backoff and succeeds once the server answers properly.
    one.engine.start();
    await new Promise((r) => setTimeout(r, 300));
    await commands.centreFault(centre.id, 'none');
    await expect.poll(() => one.engine.getStatus().phase, { timeout: 30_000 }).toBe('idle');
    one.engine.stop();
    expect((await serverDoc(`deck:${deck.id}`)).status).toBe(200);
  });

  it('does not apply a document that fails the schema', async () => {
    const one = await machine();
    await one.engine.syncNow();
    const before = await one.store.listDecks();
    // The centre's rules check who writes, not the schema: the lecturer's own bad write passes.
    const bad = await commands.centreAs(centre.id, lecturer, 'PUT', `${dbPath}/${encodeURIComponent('deck:hỏng')}`, { type: 'deck', owner: lecturer.name, deckId: 'hỏng', title: 'x', markdown: 42 });
    expect(bad.status).toBe(201);
    expect(await failureOf(one.engine.syncNow())).toBe('bad-reply');
    expect(one.engine.getStatus().refused).toBe(1);
    expect(await one.store.getDeck('hỏng')).toBeUndefined();
    expect(await one.store.listDecks()).toEqual(before);
    const doc = await serverDoc('deck:hỏng');
    await commands.centreAs(centre.id, lecturer, 'DELETE', `${dbPath}/${encodeURIComponent('deck:hỏng')}?rev=${String(doc.body._rev)}`);
    await one.engine.syncNow();
    expect(one.engine.getStatus().phase).toBe('idle');
    expect(one.engine.getStatus().refused).toBe(0);
  });

  it('survives a server stopped in the middle of a 100 MB video upload', async () => {
    const one = await machine();
    const deck = await one.store.createDeck({ markdown: '# Video lớn\n\n![v](media/lớn.mp4)\n' });
    const size = 100 * 1024 * 1024;
    const asset = await one.store.addDeckAsset(deck.id, 'media/lớn.mp4', new Blob([mediaBytes('mp4', size, 11)]), 'lớn.mp4');
    const start = await commands.centreBytesIn(centre.id);
    const syncing = failureOf(one.engine.syncNow());
    // Stop the server once part of the video went through (not all of it).
    await expect.poll(async () => (await commands.centreBytesIn(centre.id)) - start > 10_000_000, { timeout: 120_000, interval: 10 }).toBe(true);
    await commands.centreStop(centre.id);
    expect(await syncing).toBe('unreachable');
    expect((await one.store.getDeck(deck.id))?.markdown).toContain('Video lớn');
    expect((await one.store.getAssetBlob(asset.assetId)).size).toBe(size);

    await commands.centreRestart(centre.id);
    await commands.centreAddLecturer(centre.id, lecturer);
    await one.engine.syncNow();
    const media = await serverDoc(`media:${asset.assetId}`);
    expect((media.body._attachments as Record<string, { length: number }>)["file"]?.length).toBe(size);
    // pouchdb-server in memory takes over a minute to store 100 MB (measured 72 s on an idle
    // machine); CouchDB writes it to disk as it arrives.
  }, 900_000);
});
