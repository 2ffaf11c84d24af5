import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { setLang } from '../../../src/app/i18n.ts';
import { errorText } from '../../../src/app/error-text.ts';
import { StoreError, isStoreError, openStore, type DeckRecord, type SaveResult, type Store } from '../../../src/store/index.ts';
import { freshStore } from './helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
  setLang('vi');
});

describe('storage health', () => {
  it('should report usage and quota', async () => {
    const store = await freshStore();
    const estimate = await store.estimate();
    expect(estimate?.quota).toBeGreaterThan(0);
    expect(estimate?.usage).toBeGreaterThanOrEqual(0);
    expect(typeof (await store.persisted())).toBe('boolean');
  });

  it('should ask for persistent storage once, on the first deck write', async () => {
    const persist = vi.spyOn(navigator.storage, 'persist').mockResolvedValue(true);
    const store = await freshStore({ requestPersistence: true });
    await store.listDecks();
    await store.createExcerpt({ text: 'x' });
    expect(persist).not.toHaveBeenCalled();
    const deck = await store.createDeck({ markdown: '# A' });
    await store.saveDeck(deck.id, '# B', 1);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});

describe('errors', () => {
  it('should carry a code and details, and be said in the language active when shown', () => {
    setLang('vi');
    const cause = new DOMException('full', 'QuotaExceededError');
    const error = new StoreError('quota-exceeded', { cause, detail: 'storing media/phim.mp4' });
    expect(error.code).toBe('quota-exceeded');
    expect(error.detail).toBe('storing media/phim.mp4');
    expect(error.cause).toBe(cause);
    // Thrown while the UI was Vietnamese, shown after a switch to English: English.
    setLang('en');
    expect(errorText(error)).toMatch(/no more storage space/);
    setLang('vi');
    expect(errorText(error)).toMatch(/Không đủ dung lượng/);
    // The store itself holds no UI text: its message is for bug reports.
    expect(error.message).toBe('quota-exceeded: storing media/phim.mp4');
  });
});

describe('summaries', () => {
  it('should still save when the summarizer throws, keeping the summary the deck had', async () => {
    const store = await freshStore({
      summarize: (markdown) => {
        if (markdown.includes('BUG')) throw new Error('parser bug');
        return { title: 'Bài một', tags: ['lý luận'], slideCount: 2 };
      },
    });
    const deck = await store.createDeck({ markdown: '# Bài một\n---\n# Hai\n' });
    const saved = await store.saveDeck(deck.id, '# Bài một BUG\n', deck.rev);
    expect(saved.ok && saved.record).toMatchObject({ markdown: '# Bài một BUG\n', title: 'Bài một', tags: ['lý luận'], slideCount: 2, rev: 2 });
    const fresh = await store.createDeck({ markdown: 'BUG', title: 'Tên tạm' });
    expect(fresh).toMatchObject({ title: 'Tên tạm', tags: [], slideCount: 0 });
  });

  it('should summarise with the deck parser, loaded on the first write', async () => {
    const store = await freshStore();
    const deck = await store.createDeck({ markdown: '---\ntitle: T\nduration: 45\ntags: [một]\n---\n```\n---\n```\n---\n# Hai' });
    expect(deck).toMatchObject({ title: 'T', duration: 45, tags: ['một'], slideCount: 2 });
  });
});

describe('open', () => {
  it('should refuse to open a database written by a newer version, with a typed error', async () => {
    const store = await freshStore();
    const name = store.name;
    store.close();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 99);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const error = await openStore(name, { requestPersistence: false }).catch((e: unknown) => e);
    expect(isStoreError(error, 'version-change')).toBe(true);
  });
});

describe('types', () => {
  it('should type settings by key and narrow save results', () => {
    expectTypeOf<Store['getSetting']>().toBeFunction();
    expectTypeOf<Awaited<ReturnType<Store['getSetting']>>>().not.toBeAny();
    const getLang = (store: Store) => store.getSetting('lang');
    type Lang = Awaited<ReturnType<typeof getLang>>;
    expectTypeOf<Lang>().toEqualTypeOf<'vi' | 'en'>();
    const narrow = (r: SaveResult) => (r.ok ? r.record : r.conflict);
    expectTypeOf(narrow).returns.toEqualTypeOf<DeckRecord>();
    expectTypeOf<Parameters<Store['saveDeck']>>().toEqualTypeOf<[id: string, markdown: string, baseRev: number]>();
  });
});
