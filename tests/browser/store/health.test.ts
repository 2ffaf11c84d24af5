import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { setLang } from '../../../src/app/i18n.ts';
import { StoreError, isStoreError, openStore, roughSummary, type DeckRecord, type SaveResult, type Store } from '../../../src/store/index.ts';
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
  it('should speak the UI language', () => {
    setLang('en');
    expect(new StoreError('quota-exceeded').message).toMatch(/no more storage space/);
    setLang('vi');
    expect(new StoreError('quota-exceeded').message).toMatch(/Không đủ dung lượng/);
    const cause = new DOMException('full', 'QuotaExceededError');
    expect(new StoreError('quota-exceeded', { cause }).cause).toBe(cause);
  });
});

describe('summaries', () => {
  it('should still save when the summarizer throws, with a rough summary', async () => {
    const store = await freshStore({
      summarize: () => {
        throw new Error('parser bug');
      },
    });
    const deck = await store.createDeck({ markdown: '---\ntitle: Vẫn lưu được\n---\n# A\n---\n# B\n' });
    expect(deck).toMatchObject({ title: 'Vẫn lưu được', slideCount: 2 });
  });

  it('should never throw on odd Markdown in the rough summary', () => {
    for (const text of ['', '---', '---\n: : :\n---\n', '```\n---\n', '::: x\n---\n', '\uFEFF---\ntags: 5\nduration: "x"\n---\n']) {
      expect(() => roughSummary(text)).not.toThrow();
    }
    expect(roughSummary('```\n---\n```\n---\n# Hai').slideCount).toBe(2);
    expect(roughSummary('---\ntitle: T\nduration: "45"\ntags: một\n---\n# H')).toMatchObject({ title: 'T', duration: 45, tags: ['một'], slideCount: 1 });
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
