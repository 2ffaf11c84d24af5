// The centre sync engine in real Chromium against a real pouchdb-server (started from Node by the
// browser commands of tests/support/centre-commands.ts). Two stores in one page are the same
// lecturer's two machines: each has its own IndexedDB library and its own PouchDB replica.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { commands, page } from 'vitest/browser';
import { setLang } from '../../../src/app/i18n.ts';
import { connectCentre, disconnectCentre } from '../../../src/sync/centre-sync.ts';
import '../../../src/settings/centre-sync-panel.ts';
import { userDbName } from '@lectern/centre';
import type { Store } from '../../../src/store/index.ts';
import { CentreConnection } from '../../../src/sync/connection.ts';
import { SyncEngine } from '../../../src/sync/sync-engine.ts';
import { DECK_MD, freshStore, mediaBytes } from '../store/helpers.ts';
import { seedSamples, type ShippedSample } from '../../../src/app/seed-samples.ts';
import { sampleDeckId, type SampleSignatures } from '../../../src/app/sample-identity.ts';

type Account = { name: string; password: string };
const lecturer: Account = { name: 'trần.thị.bình', password: 'mật khẩu Bình' };

/** The Vietnamese sample of slides/ (text and media), shipped as the app ships it. */
const SAMPLE = 'nghi-quyet-dang-vien-moi';
const sampleText = import.meta.glob<string>('/slides/nghi-quyet-dang-vien-moi/deck.md', { query: '?raw', import: 'default', eager: true });
const sampleMedia = import.meta.glob<string>('/slides/nghi-quyet-dang-vien-moi/media/*', { query: '?url', import: 'default', eager: true });
const shipped: ShippedSample = {
  name: SAMPLE,
  load: async () => ({
    markdown: Object.values(sampleText)[0]!,
    assets: await Promise.all(
      Object.entries(sampleMedia).map(async ([path, url]) => ({ path: path.slice(`/slides/${SAMPLE}/`.length), blob: await (await fetch(url)).blob(), name: path.split('/').pop()! })),
    ),
  }),
};
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

/** One machine of `who`: its own library and replica; `samples`, the shipped signatures of the
 *  samples it seeded (seedSamples). */
async function machine(who: Account = lecturer, seed = false): Promise<{ store: Store; engine: SyncEngine }> {
  const store = await freshStore();
  // A first start seeds the samples (src/app/seed-samples.ts) before anything else happens.
  const samples: SampleSignatures = seed ? (await seedSamples(store, [shipped])).signatures : {};
  const connection = await CentreConnection.login(centre.url, who.name, who.password);
  const engine = await SyncEngine.open(store, connection, { retryMs: 200, maxRetryMs: 1_000, debounceMs: 50, pollMs: 60_000, sampleSignatures: samples });
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
    const conflict = (await two.engine.recordConflict(key))!;
    expect(conflict.others).toHaveLength(1);
    expect([conflict.current.markdown, conflict.others[0]!.markdown].sort()).toEqual(['# Bài chung\n\nSửa ở máy 1.\n', '# Bài chung\n\nSửa ở máy 2.\n']);
    // The library shows the winner; the other text is kept until the lecturer chooses.
    expect((await two.store.getDeck(deck.id))?.markdown).toBe(conflict.current.markdown);

    await two.engine.resolve(key, { [conflict.others[0]!.rev]: 'copy' });
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
    const conflict = (await two.engine.recordConflict(key))!;
    const other = conflict.others[0]!;
    await two.engine.resolve(key, { [other.rev]: 'take' });
    expect((await two.store.getDeck(deck.id))?.markdown).toBe(other.markdown);
    await one.engine.syncNow();
    expect((await one.store.getDeck(deck.id))?.markdown).toBe(other.markdown);
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
    const conflict = (await two.engine.recordConflict(key))!;
    expect(conflict.kind).toBe('session');
    const other = conflict.others[0]!;
    expect([conflict.current.markdown, other.markdown].join('\n')).toContain('className: Lớp sửa ở máy 1');
    expect([conflict.current.markdown, other.markdown].join('\n')).toContain('className: Lớp sửa ở máy 2');
    const kept = conflict.current.markdown.includes('máy 1') ? 'Lớp sửa ở máy 1' : 'Lớp sửa ở máy 2';
    // A session cannot be kept as a copy: that choice is refused and nothing is written.
    await expect(two.engine.resolve(key, { [other.rev]: 'copy' })).rejects.toMatchObject({ reason: 'invalid' });
    expect(two.engine.items().find((i) => i.key === key)?.state).toBe('conflict');
    await two.engine.resolve(key, { [other.rev]: 'discard' });
    expect(two.engine.items().find((i) => i.key === key)?.state).toBe('synced');
    await one.engine.syncNow();
    expect((await one.store.getSession(session.id))?.className).toBe(kept);
    expect((await two.store.getSession(session.id))?.className).toBe(kept);
  });
});

describe('sample decks and several machines', () => {
  const sampleId = sampleDeckId(SAMPLE);
  const sampleKey = `deck:${sampleId}`;
  let accounts = 0;
  /** A lecturer of their own per test: the samples' ids are the same for everyone. */
  async function newLecturer(): Promise<Account> {
    const who = { name: `mẫu.${++accounts}.${crypto.randomUUID().slice(0, 8)}`, password: 'mật khẩu mẫu' };
    await commands.centreAddLecturer(centre.id, who);
    return who;
  }
  const texts = async (store: Store) => Promise.all((await store.listDecks()).map(async (s) => (await store.getDeck(s.id))!.markdown));
  const stateOf = (m: { engine: SyncEngine }, key: string) => m.engine.items().find((i) => i.key === key)?.state;
  async function serverConflicts(who: Account, key: string): Promise<unknown> {
    const reply = await commands.centreAdmin(centre.id, 'GET', `/${userDbName(who.name)}/${encodeURIComponent(key)}?conflicts=true`);
    return (reply as { body: { _conflicts?: unknown } }).body._conflicts;
  }

  /** Each machine lists the sample once, with `text`, synced; the server keeps no other version. */
  async function expectOneSample(who: Account, machines: { store: Store; engine: SyncEngine }[], text: string): Promise<void> {
    for (const m of machines) {
      expect(await texts(m.store)).toEqual([text]);
      expect(stateOf(m, sampleKey)).toBe('synced');
    }
    expect(await serverConflicts(who, sampleKey)).toBeUndefined();
  }

  /** Edits the sample on machine `m` (not synced), returning the new text. */
  async function editSample(m: { store: Store }, edit: (markdown: string) => string): Promise<string> {
    const seeded = (await m.store.getDeck(sampleId))!;
    const text = edit(seeded.markdown);
    await m.store.saveDeck(sampleId, text, seeded.rev);
    return text;
  }

  it('gives a sample the same id on every computer: a second computer lists it once after its first sync', async () => {
    const who = await newLecturer();
    const one = await machine(who, true);
    const two = await machine(who, true);
    expect((await one.store.listDecks()).map((d) => d.id)).toEqual([sampleId]);
    await one.engine.syncNow();
    await two.engine.syncNow();
    await one.engine.syncNow();
    for (const m of [one, two]) expect((await m.store.listDecks()).map((d) => d.id)).toEqual([sampleId]);
    await expectOneSample(who, [one, two], (await one.store.getDeck(sampleId))!.markdown);
  });

  it('an untouched sample meeting the same sample edited elsewhere becomes the edited text, no conflict', async () => {
    const who = await newLecturer();
    const one = await machine(who, true);
    const edited = await editSample(one, (md) => md.replace('\n', '\n\nGhi chú của giảng viên: sửa ở máy 1.\n'));
    await one.engine.syncNow();

    const two = await machine(who, true);
    await two.engine.syncNow();
    await one.engine.syncNow();
    await expectOneSample(who, [one, two], edited);
  });

  it('the edited text wins even when the untouched copy has the longer history (trashed and restored)', async () => {
    const who = await newLecturer();
    const one = await machine(who, true);
    const edited = await editSample(one, (md) => md + '\nSửa ở máy 1 khi chưa có mạng.\n'); // not synced yet

    const two = await machine(who, true);
    await two.engine.syncNow();
    await two.store.deleteDeck(sampleId);
    await two.engine.syncNow();
    await two.store.restoreDeck(sampleId); // the library's undo: the sample as shipped again
    await two.engine.syncNow();

    // Revision 3 (two's untouched sample) beats revision 2 (one's edit) in CouchDB's choice.
    await one.engine.syncNow();
    await two.engine.syncNow();
    await one.engine.syncNow();
    await expectOneSample(who, [one, two], edited);
  });

  it('a sample edited on both computers is an ordinary conflict, both texts kept until the choice', async () => {
    const who = await newLecturer();
    const one = await machine(who, true);
    const two = await machine(who, true);
    const textOne = await editSample(one, (md) => md + '\nMáy 1.\n');
    const textTwo = await editSample(two, (md) => md + '\nMáy 2.\n');
    await one.engine.syncNow();
    await two.engine.syncNow();
    expect(stateOf(two, sampleKey)).toBe('conflict');
    const conflict = (await two.engine.recordConflict(sampleKey))!;
    expect([conflict.current.markdown, ...conflict.others.map((o) => o.markdown)].sort()).toEqual([textOne, textTwo].sort());
  });

  it('shows every other version of a deck edited on three machines, and resolves them all in one choice', async () => {
    const who = await newLecturer();
    const machines = [await machine(who), await machine(who), await machine(who)];
    const [one, two, three] = machines as [Awaited<ReturnType<typeof machine>>, Awaited<ReturnType<typeof machine>>, Awaited<ReturnType<typeof machine>>];
    const deck = await one.store.createDeck({ markdown: '# Bài ba máy\n\nGốc.\n' });
    for (const m of machines) await m.engine.syncNow();
    const versions = machines.map((_, i) => `# Bài ba máy\n\nSửa ở máy ${i + 1}.\n`);
    for (const [i, m] of machines.entries()) await m.store.saveDeck(deck.id, versions[i]!, (await m.store.getDeck(deck.id))!.rev);
    for (const m of machines) await m.engine.syncNow();

    const key = `deck:${deck.id}`;
    expect(stateOf(three, key)).toBe('conflict');
    const conflict = (await three.engine.recordConflict(key))!;
    expect(conflict.others).toHaveLength(2);
    expect([conflict.current.markdown, ...conflict.others.map((o) => o.markdown)].sort()).toEqual(versions);
    // A choice that leaves a version out is refused, and nothing is written.
    const [taken, copied] = conflict.others as [(typeof conflict.others)[0], (typeof conflict.others)[0]];
    await expect(three.engine.resolve(key, { [taken.rev]: 'take' })).rejects.toMatchObject({ reason: 'stale' });
    await expect(three.engine.resolve(key, { [taken.rev]: 'take', [copied.rev]: 'take' })).rejects.toMatchObject({ reason: 'invalid' });
    expect((await three.engine.recordConflict(key))?.others).toHaveLength(2);

    await three.engine.resolve(key, { [taken.rev]: 'take', [copied.rev]: 'copy' });
    for (const m of [one, two, three]) await m.engine.syncNow();
    for (const m of machines) {
      expect((await m.store.getDeck(deck.id))?.markdown).toBe(taken.markdown);
      expect((await texts(m.store)).sort()).toEqual([taken.markdown, copied.markdown].sort());
      expect(stateOf(m, key)).toBe('synced');
    }
    expect(await serverConflicts(who, key)).toBeUndefined();
  });
});

describe('the conflict view (Settings → Centre sync → Compare)', () => {
  it('shows the library’s version and every other one, and applies one choice per version at once', async () => {
    setLang('en');
    const who = { name: `ba.máy.${crypto.randomUUID().slice(0, 8)}`, password: 'mật khẩu ba máy' };
    await commands.centreAddLecturer(centre.id, who);
    const one = await machine(who);
    const two = await machine(who);
    const deck = await one.store.createDeck({ markdown: '# Bài trong hộp thoại\n\nGốc.\n' });
    await one.engine.syncNow();
    // The third machine is this page's own sync, the one the panel shows.
    const store = await freshStore();
    const engine = await connectCentre(store, centre.url, who.name, who.password);
    onTestFinished(() => engine.close());
    await engine.syncNow();
    await two.engine.syncNow();
    const machines = [one.store, two.store, store];
    for (const [i, s] of machines.entries()) await s.saveDeck(deck.id, `# Bài trong hộp thoại\n\nMáy ${i + 1} sửa.\n`, (await s.getDeck(deck.id))!.rev);
    for (const e of [one.engine, two.engine, engine]) await e.syncNow();

    const panel = document.createElement('lectern-centre-sync');
    panel.store = store;
    document.body.append(panel);
    onTestFinished(() => panel.remove());
    await page.getByRole('button', { name: 'Compare: Bài trong hộp thoại' }).click();
    const dialog = page.getByRole('dialog');
    await expect.element(dialog.getByRole('heading', { name: '3 versions of “Bài trong hộp thoại”' })).toBeVisible();
    const sections = ['In the library (this machine)', 'Other version 1', 'Other version 2'].map((name) => dialog.getByRole('region', { name }));
    const shown = await Promise.all(sections.map(async (section) => section.element().querySelector('pre')!.textContent!));
    expect([...shown].sort()).toEqual([1, 2, 3].map((i) => `# Bài trong hộp thoại\n\nMáy ${i} sửa.\n`));
    // Each other version is compared with the library's, line by line.
    await expect.element(sections[1]!.getByText('1 line(s) only here')).toBeVisible();
    await expect.element(sections[1]!.getByText('1 line(s) only in the library’s version')).toBeVisible();

    // Decks default to "copy"; one version only can replace the library's.
    const radio = (choice: string, n: number) => dialog.getByRole('radio', { name: `${choice} (Other version ${n})` });
    await expect.element(radio('Keep it as a copy (a new deck)', 1)).toBeChecked();
    await radio('Keep it instead of the library’s', 1).click();
    await radio('Keep it instead of the library’s', 2).click();
    await expect.element(radio('Keep it as a copy (a new deck)', 1)).toBeChecked();
    await dialog.getByRole('button', { name: 'Apply these choices' }).click();

    await expect.poll(async () => (await store.getDeck(deck.id))?.markdown, { timeout: 60_000 }).toBe(shown[2]);
    const texts = async () => (await Promise.all((await store.listDecks()).map(async (d) => (await store.getDeck(d.id))!.markdown))).sort();
    // The library's own version was replaced (the lecturer's choice), version 1 became a copy.
    expect(await texts()).toEqual([shown[1], shown[2]].sort());
    await expect.poll(() => engine.items().find((i) => i.key === `deck:${deck.id}`)?.state, { timeout: 60_000 }).toBe('synced');
    expect(page.getByRole('button', { name: 'Compare: Bài trong hộp thoại' }).elements()).toHaveLength(0);
    await disconnectCentre(store);
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
