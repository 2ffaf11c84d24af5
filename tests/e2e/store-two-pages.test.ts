// Two tabs of one Chromium profile editing the same deck at once: the real store in two
// Playwright pages (tests/browser/store/harness-server.ts). Each page appends its own lines
// with the editor's loop (save on the rev it has; on conflict take the newer text and retry).
// Nothing may be lost and neither page may overwrite the other silently.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type * as StoreModule from '../../src/store/index.ts';
import { startHarness, type Harness } from '../browser/store/harness-server.ts';

declare global {
  interface Window {
    lecternStore: typeof StoreModule;
    heard?: string[];
    tabStore?: StoreModule.Store;
  }
}

let harness: Harness;

// No time limits here: the first Chromium start after install can take long (font cache).
beforeAll(async () => {
  harness = await startHarness();
}, 0);

afterAll(async () => {
  await harness?.close();
}, 0);

it('should lose no save when two pages race on the same deck', { timeout: 0 }, async () => {
  const [pageA, pageB] = [await harness.newPage(), await harness.newPage()];
  const deckId = await pageA.evaluate(async () => {
    const store = await window.lecternStore.openStore('two-pages', { requestPersistence: false });
    const deck = await store.createDeck({ markdown: '# Sổ tay lớp học\n' });
    store.close();
    return deck.id;
  });
  // Page B's store listens for other tabs' announcements (and does page B's saves, so those
  // count as its own: local).
  await pageB.evaluate(async () => {
    const store = await window.lecternStore.openStore('two-pages', { requestPersistence: false });
    window.tabStore = store;
    window.heard = [];
    store.subscribe((n) => {
      if (!n.local && n.type === 'deck-saved') window.heard!.push(`${n.deckId}@${n.rev}`);
    });
  });
  const race = () =>
    async ({ id, who }: { id: string; who: string }) => {
      const store = window.tabStore ?? (await window.lecternStore.openStore('two-pages', { requestPersistence: false }));
      let conflicts = 0;
      for (let i = 0; i < 30; i++) {
        let current = await store.getDeck(id);
        for (;;) {
          const result = await store.saveDeck(id, `${current!.markdown}${who} ${i}\n`, current!.rev);
          if (result.ok) break;
          conflicts += 1;
          current = result.conflict;
        }
      }
      if (store !== window.tabStore) store.close();
      return conflicts;
    };
  const [conflictsA, conflictsB] = await Promise.all([
    pageA.evaluate(race(), { id: deckId, who: 'A' }),
    pageB.evaluate(race(), { id: deckId, who: 'B' }),
  ]);
  const final = await pageA.evaluate(async (id) => {
    const store = await window.lecternStore.openStore('two-pages', { requestPersistence: false });
    const deck = await store.getDeck(id);
    const revisions = await store.listRevisions(id);
    store.close();
    return { markdown: deck!.markdown, rev: deck!.rev, revisions: revisions.length };
  }, deckId);
  const lines = final.markdown.trim().split('\n').slice(1);
  expect(lines).toHaveLength(60);
  expect(lines.filter((l) => l.startsWith('A '))).toEqual(Array.from({ length: 30 }, (_, i) => `A ${i}`));
  expect(lines.filter((l) => l.startsWith('B '))).toEqual(Array.from({ length: 30 }, (_, i) => `B ${i}`));
  expect(final.rev).toBe(61);
  expect(final.revisions).toBe(50); // bounded history: the last 50 previous texts
  console.info(`two pages: ${conflictsA + conflictsB} conflicts, each resolved by re-reading`);
  // Page B heard (BroadcastChannel) every save page A made, and only those.
  await pageB.waitForFunction(() => (window.heard?.length ?? 0) >= 30, undefined, { timeout: 0 });
  expect(await pageB.evaluate(() => window.heard!.length)).toBe(30);
});
