import { describe, expect, it } from 'vitest';
import { isStoreError, type StoreNotice } from '../../../src/store/index.ts';
import { DECK_MD, freshStore, secondConnection } from './helpers.ts';

describe('decks', () => {
  it('should round-trip a deck with Vietnamese text byte for byte', async () => {
    const store = await freshStore();
    const markdown = `${DECK_MD}\nNote: Ghi chú — “trích dẫn” ạ ẫ ỡ ự Đ đ\r\n\uFEFF😀\n`;
    const created = await store.createDeck({ markdown });
    expect(created).toMatchObject({ rev: 1, title: 'Những vấn đề cơ bản về Đảng', audience: 'Đảng viên mới', duration: 90, slideCount: 3 });
    expect(created.tags).toEqual(['lý luận', 'Đảng viên mới']);
    const read = await store.getDeck(created.id);
    expect(read).toEqual(created);
    expect(read?.markdown).toBe(markdown);
    expect(await store.getDeck('no-such-deck')).toBeUndefined();
  });

  it('should take the title argument only when the Markdown has no title', async () => {
    const store = await freshStore();
    expect((await store.createDeck({ markdown: 'Chỉ có chữ.', title: 'Tên tạm' })).title).toBe('Tên tạm');
    expect((await store.createDeck({ markdown: '# Tiêu đề\n', title: 'Tên tạm' })).title).toBe('Tiêu đề');
  });

  it('should list summaries newest first without the Markdown', async () => {
    const store = await freshStore();
    let t = Date.parse('2026-11-01T08:00:00Z');
    const clock = await freshStore({ now: () => new Date((t += 1000)) });
    const a = await clock.createDeck({ markdown: '# A' });
    const b = await clock.createDeck({ markdown: '# B' });
    await clock.saveDeck(a.id, '# A2', a.rev);
    const list = await clock.listDecks();
    expect(list.map((d) => d.title)).toEqual(['A2', 'B']);
    for (const summary of list) expect(summary).not.toHaveProperty('markdown');
    expect(list[0]).toMatchObject({ id: a.id, rev: 2, slideCount: 1, length: 4 });
    expect(b.rev).toBe(1);
    expect(await store.listDecks()).toEqual([]);
  });

  it('should refuse a save based on a stale rev and leave the deck untouched', async () => {
    const store = await freshStore();
    const deck = await store.createDeck({ markdown: '# Bản gốc' });
    const first = await store.saveDeck(deck.id, '# Tab A', 1);
    expect(first.ok).toBe(true);
    const stale = await store.saveDeck(deck.id, '# Tab B', 1);
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.conflict).toMatchObject({ rev: 2, markdown: '# Tab A' });
    expect((await store.getDeck(deck.id))?.markdown).toBe('# Tab A');
    expect((await store.listRevisions(deck.id)).map((r) => r.rev)).toEqual([1]);
  });

  it('should treat saving identical text as a no-op', async () => {
    const store = await freshStore();
    const deck = await store.createDeck({ markdown: '# X' });
    const result = await store.saveDeck(deck.id, '# X', 1);
    expect(result).toEqual({ ok: true, record: deck });
    expect(await store.listRevisions(deck.id)).toEqual([]);
  });

  it('should reject a save to a deck that does not exist with a typed error', async () => {
    const store = await freshStore();
    const error = await store.saveDeck('missing', '# X', 1).catch((e: unknown) => e);
    expect(isStoreError(error, 'not-found')).toBe(true);
  });

  it('should duplicate a deck with its media links but not its history', async () => {
    const store = await freshStore();
    const deck = await store.createDeck({ markdown: '# Gốc\n![](media/a.png)' });
    await store.saveDeck(deck.id, '# Gốc\n![](media/a.png)\nThêm', 1);
    await store.addDeckAsset(deck.id, 'media/a.png', new Blob(['png-bytes'], { type: 'image/png' }));
    const copy = await store.duplicateDeck(deck.id);
    expect(copy.id).not.toBe(deck.id);
    expect(copy.rev).toBe(1);
    expect(copy.markdown).toBe('# Gốc\n![](media/a.png)\nThêm');
    expect(await store.listRevisions(copy.id)).toEqual([]);
    expect((await store.listDeckAssets(copy.id)).map((a) => a.path)).toEqual(['media/a.png']);
    expect((await store.listAssets())[0]?.uses).toBe(2);
  });

  it('should move a deck to the trash, restore it, and purge it for good', async () => {
    const store = await freshStore();
    const keep = await store.createDeck({ markdown: '# Giữ' });
    const deck = await store.createDeck({ markdown: '# Xóa' });
    await store.saveDeck(deck.id, '# Xóa 2', 1);
    await store.addDeckAsset(deck.id, 'media/v.mp4', new Blob(['video']));
    await store.deleteDeck(deck.id);
    expect((await store.listDecks()).map((d) => d.id)).toEqual([keep.id]);
    expect((await store.listDecks({ trash: true })).map((d) => d.id)).toEqual([deck.id]);
    expect((await store.getDeck(deck.id))?.deletedAt).toBeTypeOf('string');

    await store.restoreDeck(deck.id);
    expect((await store.listDecks()).map((d) => d.id).sort()).toEqual([keep.id, deck.id].sort());
    expect((await store.getDeck(deck.id))?.deletedAt).toBeUndefined();

    await store.deleteDeck(deck.id);
    expect(await store.purgeDeleted()).toEqual([deck.id]);
    expect(await store.getDeck(deck.id)).toBeUndefined();
    expect(await store.listRevisions(deck.id)).toEqual([]);
    expect(await store.listDeckAssets(deck.id)).toEqual([]);
    expect(await store.listDecks({ trash: true })).toEqual([]);
    expect(await store.getDeck(keep.id)).toBeDefined();
  });

  it('should purge only decks trashed before the given time', async () => {
    let now = new Date('2026-11-01T00:00:00Z');
    const store = await freshStore({ now: () => now });
    const old = await store.createDeck({ markdown: '# Cũ' });
    await store.deleteDeck(old.id);
    now = new Date('2026-11-20T00:00:00Z');
    const recent = await store.createDeck({ markdown: '# Mới' });
    await store.deleteDeck(recent.id);
    expect(await store.purgeDeleted({ before: new Date('2026-11-10T00:00:00Z') })).toEqual([old.id]);
    expect((await store.listDecks({ trash: true })).map((d) => d.id)).toEqual([recent.id]);
  });

  it('should announce changes to its own listeners and to other connections', async () => {
    const store = await freshStore();
    const other = await secondConnection(store);
    const mine: StoreNotice[] = [];
    const theirs: StoreNotice[] = [];
    store.subscribe((n) => mine.push(n));
    const heard = new Promise<void>((resolve) =>
      other.subscribe((n) => {
        theirs.push(n);
        if (n.type === 'deck-saved') resolve();
      }),
    );
    const deck = await store.createDeck({ markdown: '# A' });
    await store.saveDeck(deck.id, '# B', 1);
    await heard;
    expect(mine.map((n) => [n.type, n.local])).toEqual([
      ['deck-created', true],
      ['deck-saved', true],
    ]);
    expect(theirs).toEqual([
      { type: 'deck-created', deckId: deck.id, local: false },
      { type: 'deck-saved', deckId: deck.id, rev: 2, local: false },
    ]);
  });

  it('should reject non-string Markdown as invalid input', async () => {
    const store = await freshStore();
    // Hostile caller: a number where text belongs (cast: the type forbids it).
    const error = await store.createDeck({ markdown: 42 as unknown as string }).catch((e: unknown) => e);
    expect(isStoreError(error, 'invalid-input')).toBe(true);
    expect(await store.listDecks()).toEqual([]);
  });
});
