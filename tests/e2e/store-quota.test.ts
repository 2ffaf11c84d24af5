// Quota exhaustion and restarts need an on-disk Chromium profile and a CDP session, which only
// Playwright gives (Vitest browser mode runs incognito): the real store runs in a page served by
// tests/browser/store/harness-server.ts, driven with page.evaluate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import type * as StoreModule from '../../src/store/index.ts';
import { startHarness, type Harness } from '../browser/store/harness-server.ts';

declare global {
  interface Window {
    lecternStore: typeof StoreModule;
  }
}

let harness: Harness;
let page: Page;

// No time limits here: the first Chromium start after install can take long (font cache).
beforeAll(async () => {
  harness = await startHarness();
  page = await harness.newPage();
}, 0);

afterAll(async () => {
  await harness?.close();
}, 0);

describe('storage limits (on-disk profile)', () => {
  // Chromium enforces the quota on Blob writes; for plain values (deck text) it compares with a
  // lazily measured, compressed usage, so a large text save may or may not be refused (seen
  // both ways here). Media is what fills a disk, so the test fills it with media.
  it('should report quota exhaustion as a typed error and keep earlier data intact', { timeout: 0 }, async () => {
    const cdp = await harness.context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: harness.origin, quotaSize: 5 * 1024 * 1024 });
    const outcome = await page.evaluate(async () => {
      const { openStore, isStoreError, sha256Hex } = window.lecternStore;
      const store = await openStore('quota-test', { requestPersistence: false });
      const fill = (size: number, seed: number) => {
        const bytes = new Uint8Array(size);
        for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
        return new Blob([bytes], { type: 'video/mp4' });
      };
      const deck = await store.createDeck({ markdown: '# Bài giảng\n![](media/small.mp4)\n' });
      const small = fill(1024 * 1024, 1);
      const first = await store.addDeckAsset(deck.id, 'media/small.mp4', small);
      const caught = async (p: Promise<unknown>) => {
        try {
          await p;
          return 'no error';
        } catch (error) {
          return isStoreError(error) ? error.code : `untyped ${String(error)}`;
        }
      };
      const bigAsset = await caught(store.addDeckAsset(deck.id, 'media/big.mp4', fill(8 * 1024 * 1024, 2)));
      const bigImport = await caught(
        store.importDeck({ markdown: '# Nhập', assets: [{ path: 'media/x.mp4', blob: fill(8 * 1024 * 1024, 3) }], excerpts: [{ text: 'x' }] }),
      );
      let message = '';
      try {
        await store.addDeckAsset(deck.id, 'media/big.mp4', fill(8 * 1024 * 1024, 4));
      } catch (error) {
        // The store's own message is for bug reports: code and what was being written.
        message = (error as Error).message;
      }
      const after = {
        deck: await store.getDeck(deck.id),
        decks: (await store.listDecks()).length,
        assets: await store.listDeckAssets(deck.id),
        allAssets: (await store.listAssets()).length,
        excerpts: (await store.listExcerpts()).length,
        smallHash: await sha256Hex(await store.getAssetBlob(first.assetId)),
        expectedHash: await sha256Hex(small),
      };
      // Still usable for small writes once the big ones failed.
      const saved = await store.saveDeck(deck.id, '# Bài giảng (sửa)\n', deck.rev);
      store.close();
      return { deck, bigAsset, bigImport, message, after, savedOk: saved.ok };
    });
    expect(outcome.bigAsset).toBe('quota-exceeded');
    expect(outcome.bigImport).toBe('quota-exceeded');
    expect(outcome.message).toMatch(/^quota-exceeded/);
    expect(outcome.after.deck).toEqual(outcome.deck);
    expect(outcome.after.decks).toBe(1);
    expect(outcome.after.assets.map((a) => a.path)).toEqual(['media/small.mp4']);
    expect(outcome.after.allAssets).toBe(1);
    expect(outcome.after.excerpts).toBe(0);
    expect(outcome.after.smallHash).toBe(outcome.after.expectedHash);
    expect(outcome.savedOk).toBe(true);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: harness.origin });
  });

  it('should keep decks and media across a browser restart', { timeout: 0 }, async () => {
    const id = await page.evaluate(async () => {
      const store = await window.lecternStore.openStore('restart-test', { requestPersistence: false });
      const deck = await store.createDeck({ markdown: '# Còn nguyên sau khi tắt máy\n' });
      await store.addDeckAsset(deck.id, 'media/a.png', new Blob(['ảnh'], { type: 'image/png' }));
      store.close();
      return deck.id;
    });
    await harness.restart();
    page = await harness.newPage();
    const after = await page.evaluate(async (deckId) => {
      const store = await window.lecternStore.openStore('restart-test', { requestPersistence: false });
      const deck = await store.getDeck(deckId);
      const [asset] = await store.listDeckAssets(deckId);
      const text = asset ? await (await store.getAssetBlob(asset.assetId)).text() : '';
      store.close();
      return { markdown: deck?.markdown, text };
    }, id);
    expect(after).toEqual({ markdown: '# Còn nguyên sau khi tắt máy\n', text: 'ảnh' });
  });
});
