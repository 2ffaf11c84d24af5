// Store.replaceDeck: an import over an existing deck is ONE transaction over decks, summaries,
// revisions, media links, media and excerpts. A failure injected after each step (the store's
// `probe`) must leave the library exactly as it was, and another connection (another tab, as far
// as IndexedDB is concerned) must never see, nor hear of, a half-replaced deck.
import { describe, expect, it } from 'vitest';
import { isStoreError, type Store, type StoreNotice, type WriteStep } from '../../../src/store/index.ts';
import { freshStore, secondConnection, uniqueName } from './helpers.ts';

const OLD = '---\ntitle: Bài cũ\n---\n# Một\n\n![](media/ảnh.png)\n';
const NEW = '---\ntitle: Bài mới — Đại hội XIII\n---\n# Một\n\n![](media/ảnh.png)\n\n---\n\n# Hai\n\n![](media/phim.mp4)\n';

async function libraryState(store: Store, deckId: string) {
  return {
    deck: await store.getDeck(deckId),
    decks: await store.listDecks(),
    trash: await store.listDecks({ trash: true }),
    revisions: await store.listRevisions(deckId),
    links: await store.listDeckAssets(deckId),
    assets: await store.listAssets(),
    excerpts: await store.listExcerpts(),
  };
}

async function setUp(probe?: (step: WriteStep) => void) {
  const name = uniqueName('replace');
  const store = await freshStore({ name, ...(probe ? { probe } : {}) });
  const deck = await store.createDeck({ markdown: OLD });
  await store.addDeckAsset(deck.id, 'media/ảnh.png', new Blob(['ảnh cũ'], { type: 'image/png' }));
  const other = await secondConnection(store);
  return { store, other, deck: (await store.getDeck(deck.id))! };
}

const replacement = (id: string, baseRev: number) => ({
  id,
  baseRev,
  markdown: NEW,
  assets: [
    { path: 'media/ảnh.png', blob: new Blob(['ảnh mới'], { type: 'image/png' }) },
    { path: 'media/phim.mp4', blob: new Blob(['phim'], { type: 'video/mp4' }) },
  ],
  excerpts: [{ text: 'Phát huy sức mạnh đại đoàn kết.', source: 'Nghị quyết Đại hội XIII' }],
});

describe('replaceDeck', () => {
  it('should replace text, media and excerpts together, keeping the old text as a revision', { timeout: 120_000 }, async () => {
    const { store, other, deck } = await setUp();
    const heard: StoreNotice[] = [];
    other.subscribe((notice) => heard.push(notice));
    const result = await store.replaceDeck(replacement(deck.id, deck.rev));
    expect(result.ok).toBe(true);
    const after = await libraryState(other, deck.id);
    expect(after.deck).toMatchObject({ markdown: NEW, title: 'Bài mới — Đại hội XIII', rev: deck.rev + 1, slideCount: 2 });
    expect(after.decks.map((d) => d.id)).toEqual([deck.id]);
    expect((await other.getRevision(deck.id, deck.rev))?.markdown).toBe(OLD);
    expect(after.links.map((l) => [l.path, l.size])).toEqual([
      ['media/phim.mp4', 4],
      ['media/ảnh.png', new Blob(['ảnh mới']).size],
    ]);
    expect(after.excerpts.map((e) => e.source)).toEqual(['Nghị quyết Đại hội XIII']);
    await expect.poll(() => heard.map((n) => n.type).sort()).toEqual(['assets-changed', 'deck-assets-changed', 'deck-saved', 'excerpts-changed']);
  });

  it('should write nothing when the deck was saved since the rev the import read', { timeout: 120_000 }, async () => {
    const { store, other, deck } = await setUp();
    const edited = await other.saveDeck(deck.id, `${OLD}\nSửa ở thẻ khác.\n`, deck.rev);
    expect(edited.ok).toBe(true);
    const before = await libraryState(store, deck.id);
    const result = await store.replaceDeck(replacement(deck.id, deck.rev));
    expect(result.ok).toBe(false);
    expect(await libraryState(store, deck.id)).toEqual(before);
  });

  for (const failAt of ['revision', 'deck', 'asset', 'link', 'excerpt'] as const) {
    for (const occurrence of failAt === 'asset' || failAt === 'link' ? [1, 2] : [1]) {
      it(`should leave the library unchanged, in this tab and another, when step "${failAt}" #${occurrence} fails`, { timeout: 120_000 }, async () => {
        let armed = false;
        let seen = 0;
        let otherRead: Promise<unknown> | undefined;
        let other: Store | undefined;
        const { store, other: second, deck } = await setUp((step) => {
          if (!armed || step !== failAt || ++seen !== occurrence) return;
          // Another tab reads while the transaction is open, after this step's write: IndexedDB
          // must answer with the committed state only.
          otherRead = libraryState(other!, deck.id);
          throw new Error(`injected failure at ${failAt} #${occurrence}`);
        });
        other = second;
        const heard: StoreNotice[] = [];
        other.subscribe((notice) => heard.push(notice));
        const before = await libraryState(store, deck.id);
        armed = true;
        const error = await store.replaceDeck(replacement(deck.id, deck.rev)).then(
          () => undefined,
          (e: unknown) => e,
        );
        armed = false;
        expect(seen, 'the step was reached').toBeGreaterThanOrEqual(occurrence);
        expect(isStoreError(error), String(error)).toBe(true);
        expect(await libraryState(store, deck.id)).toEqual(before);
        expect(await libraryState(other, deck.id)).toEqual(before);
        expect(await otherRead).toEqual(before);
        // Give a stray broadcast time to arrive before asserting there was none.
        await other.listDecks();
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(heard).toEqual([]);
      });
    }
  }
});
