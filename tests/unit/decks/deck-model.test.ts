// The deck model (src/decks) in Node, without a DOM: the real Store over fake-indexeddb (a
// complete in-memory IndexedDB) and two Store connections on one database standing for two tabs,
// whose notices travel over Node's BroadcastChannel as they do between browser tabs.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteStore, openStore, type Store } from '../../../src/store/index.ts';
import { DeckDraft, type DraftEvent } from '../../../src/decks/deck-draft.ts';
import { OpenDeck, type OpenDeckEvent } from '../../../src/decks/open-deck.ts';

const opened: Store[] = [];
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const store of opened.splice(0)) store.close();
});

/** Two connections to one fresh database: `a` and `b` are two tabs. */
async function twoTabs(): Promise<{ a: Store; b: Store; name: string }> {
  const name = `lectern-unit-${crypto.randomUUID()}`;
  const channelName = `lectern-unit-${crypto.randomUUID()}`;
  const a = await openStore(name, { requestPersistence: false, channelName });
  const b = await openStore(name, { requestPersistence: false, channelName });
  opened.push(b, a);
  closers.push(async () => {
    a.close();
    b.close();
    await deleteStore(name);
  });
  return { a, b, name };
}

/** Waits until `ok()` holds, checking after every macrotask (no wall-clock limit). */
async function until(ok: () => boolean, what: string, tries = 2000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (ok()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`never happened: ${what}`);
}

async function openDeck(store: Store, deckId: string, options = {}): Promise<{ deck: OpenDeck; events: OpenDeckEvent[] }> {
  const deck = new OpenDeck(store, deckId, { autosaveMs: 10, ...options });
  const events: OpenDeckEvent[] = [];
  deck.subscribe((event) => events.push(event));
  closers.unshift(() => deck.close());
  await deck.open();
  return { deck, events };
}

const TEXT = '---\ntitle: Bài 1\n---\n\n## Mở đầu\n\nNội dung gốc.\n';

/** Tab `a` has unsaved text ('Bản của tôi') when tab `b` saves 'Bản của thẻ kia'. */
async function conflicted() {
  const { a, b } = await twoTabs();
  const created = await a.createDeck({ markdown: TEXT });
  const { deck, events } = await openDeck(a, created.id, { autosaveMs: 60_000 });
  const draft = deck.draft!;
  draft.edit('Bản của tôi');
  await b.saveDeck(created.id, 'Bản của thẻ kia', created.rev);
  await until(() => draft.state === 'conflict', 'conflict');
  return { a, deckId: created.id, draft, events };
}

async function historyTexts(store: Store, deckId: string): Promise<(string | undefined)[]> {
  const revisions = await Promise.all((await store.listRevisions(deckId)).map((r) => store.getRevision(deckId, r.rev)));
  return revisions.map((r) => r?.markdown);
}

describe('DeckDraft: autosave', () => {
  it('saves an edit by itself after a pause, and the stored text is the edited one', async () => {
    const { a } = await twoTabs();
    const record = await a.createDeck({ markdown: TEXT });
    const draft = new DeckDraft(a, record.id, record, { autosaveMs: 10 });
    closers.unshift(() => draft.close());
    const states: string[] = [];
    draft.subscribe(() => states.push(draft.state));
    draft.edit(`${TEXT}\nThêm một dòng có dấu: Đảng, nghị quyết.\n`);
    expect(draft.state).toBe('dirty');
    expect(draft.isSaved).toBe(false);
    await until(() => draft.state === 'saved', 'autosave');
    expect(states).toEqual(['dirty', 'saving', 'saved']);
    const stored = await a.getDeck(record.id);
    expect(stored?.markdown).toContain('Đảng, nghị quyết');
    expect(stored?.rev).toBe(record.rev + 1);
    expect(draft.isSaved).toBe(true);
  });

  it('saves on close what was typed just before, without waiting for the autosave', async () => {
    const { a } = await twoTabs();
    const record = await a.createDeck({ markdown: TEXT });
    const draft = new DeckDraft(a, record.id, record, { autosaveMs: 60_000 });
    draft.edit('## Chỉ một trang\n');
    await draft.close();
    expect((await a.getDeck(record.id))?.markdown).toBe('## Chỉ một trang\n');
  });

  it('keeps typing that arrives during a save: dirty again, then saved with the newest text', async () => {
    const { a } = await twoTabs();
    const record = await a.createDeck({ markdown: TEXT });
    const draft = new DeckDraft(a, record.id, record, { autosaveMs: 10 });
    closers.unshift(() => draft.close());
    draft.edit('một');
    const flushing = draft.flush();
    draft.edit('một hai');
    await flushing;
    expect(draft.state).toBe('dirty');
    await until(() => draft.state === 'saved', 'second save');
    expect((await a.getDeck(record.id))?.markdown).toBe('một hai');
  });

  it('reports a failed save as an error and keeps the text', async () => {
    const { a } = await twoTabs();
    const record = await a.createDeck({ markdown: TEXT });
    const draft = new DeckDraft(a, record.id, record, { autosaveMs: 60_000 });
    const events: DraftEvent[] = [];
    draft.subscribe((event) => events.push(event));
    a.close(); // the database went away under the screen (another tab upgraded it, say)
    draft.edit('văn bản chưa lưu');
    await draft.flush();
    expect(draft.state).toBe('error');
    expect(events.some((e) => e.type === 'save-failed')).toBe(true);
    expect(draft.text).toBe('văn bản chưa lưu');
  });
});

describe('OpenDeck: two tabs', () => {
  it('follows the other tab when nothing is unsaved here', async () => {
    const { a, b } = await twoTabs();
    const created = await a.createDeck({ markdown: TEXT });
    const { deck, events } = await openDeck(a, created.id);
    expect(deck.status).toBe('ready');
    const saved = await b.saveDeck(created.id, `${TEXT}\nTừ thẻ kia.\n`, created.rev);
    expect(saved.ok).toBe(true);
    await until(() => deck.draft?.text.includes('Từ thẻ kia') ?? false, 'followed the other tab');
    expect(events).toContainEqual({ type: 'replaced', reason: 'followed-remote' });
    expect(deck.draft?.state).toBe('saved');
    expect(deck.record?.markdown).toContain('Từ thẻ kia');
  });

  it('shows a conflict when the other tab saves over unsaved text, and keep mine keeps both texts', async () => {
    const { a, deckId, draft, events } = await conflicted();
    expect(draft.conflict?.markdown).toBe('Bản của thẻ kia');
    // The autosave must not write over theirs while the choice is open.
    await draft.flush();
    expect((await a.getDeck(deckId))?.markdown).toBe('Bản của thẻ kia');

    await draft.keepMine();
    expect(draft.state).toBe('saved');
    expect(draft.conflict).toBeUndefined();
    expect(events).toContainEqual({ type: 'kept-mine' });
    expect((await a.getDeck(deckId))?.markdown).toBe('Bản của tôi');
    expect(await historyTexts(a, deckId)).toContain('Bản của thẻ kia');
  });

  it('take theirs shows their text and keeps mine in the history', async () => {
    const { a, deckId, draft, events } = await conflicted();
    await draft.takeTheirs();
    expect(draft.text).toBe('Bản của thẻ kia');
    expect(draft.state).toBe('saved');
    expect(events).toContainEqual({ type: 'replaced', reason: 'took-theirs' });
    expect((await a.getDeck(deckId))?.markdown).toBe('Bản của thẻ kia');
    expect(await historyTexts(a, deckId)).toContain('Bản của tôi');
  });

  it('a save refused for a stale rev is a conflict, and nothing is written', async () => {
    const { a, b } = await twoTabs();
    const created = await a.createDeck({ markdown: TEXT });
    const draft = new DeckDraft(a, created.id, created, { autosaveMs: 60_000 });
    closers.unshift(() => draft.close());
    // No notices reach a bare draft: the store's rev check alone must catch it.
    await b.saveDeck(created.id, 'Bản của thẻ kia', created.rev);
    draft.edit('Bản của tôi');
    await draft.flush();
    expect(draft.state).toBe('conflict');
    expect((await a.getDeck(created.id))?.markdown).toBe('Bản của thẻ kia');
  });

  it('a save by another screen of the same tab is followed too (a local notice)', async () => {
    const { a } = await twoTabs();
    const created = await a.createDeck({ markdown: TEXT });
    const { deck: editor } = await openDeck(a, created.id);
    const { deck: plan } = await openDeck(a, created.id);
    const events: OpenDeckEvent[] = [];
    editor.subscribe((event) => events.push(event));
    plan.draft!.edit(TEXT.replace('Bài 1', 'Bài 2'));
    await plan.draft!.flush();
    await until(() => editor.draft?.text.includes('Bài 2') ?? false, 'editor follows the plan form');
    // Not announced as another tab's change: it is this tab's own.
    expect(events).toContainEqual({ type: 'replaced', reason: 'followed-local' });
    expect(editor.draft?.state).toBe('saved');
    expect(plan.draft?.state).toBe('saved');
  });
});

describe('OpenDeck: opening, media, restore', () => {
  it('says missing for an unknown or trashed deck', async () => {
    const { a } = await twoTabs();
    const { deck } = await openDeck(a, 'no-such-deck');
    expect(deck.status).toBe('missing');
    const created = await a.createDeck({ markdown: TEXT });
    const { deck: open } = await openDeck(a, created.id);
    expect(open.status).toBe('ready');
    await a.deleteDeck(created.id);
    await until(() => open.status === 'missing', 'trashed elsewhere');
  });

  it('lists the media with URLs and follows a file added elsewhere', async () => {
    const { a, b } = await twoTabs();
    const created = await a.createDeck({ markdown: '![](media/ảnh.png)\n' });
    const { deck, events } = await openDeck(a, created.id, { media: true });
    expect(deck.media?.exists('media/ảnh.png')).toBe(false);
    await b.addDeckAsset(created.id, 'media/ảnh.png', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'ảnh.png');
    await until(() => events.some((e) => e.type === 'media-changed'), 'media notice');
    expect(deck.media?.exists('media/ảnh.png')).toBe(true);
    expect(deck.media?.resolve('media/ảnh.png')).toMatch(/^blob:/);
  });

  it('restores a revision as a new save, and refuses during a conflict', async () => {
    const { a, b } = await twoTabs();
    const created = await a.createDeck({ markdown: 'bản một' });
    const { deck, events } = await openDeck(a, created.id, { autosaveMs: 60_000 });
    const draft = deck.draft!;
    draft.edit('bản hai');
    await draft.flush();
    const [older] = (await a.listRevisions(created.id)).filter((r) => r.rev === created.rev);
    expect(older).toBeDefined();
    expect(await draft.restore(older!.rev)).toBe('restored');
    expect(draft.text).toBe('bản một');
    expect(events).toContainEqual({ type: 'replaced', reason: 'restored' });
    expect((await a.getDeck(created.id))?.markdown).toBe('bản một');

    draft.edit('bản ba');
    const latest = await b.getDeck(created.id);
    await b.saveDeck(created.id, 'bản của thẻ kia', latest!.rev);
    await until(() => draft.state === 'conflict', 'conflict');
    expect(await draft.restore(older!.rev)).toBe('conflict');
    expect((await a.getDeck(created.id))?.markdown).toBe('bản của thẻ kia');
  });
});
