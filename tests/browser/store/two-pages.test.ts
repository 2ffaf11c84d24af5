// Two pages on the same origin saving the same deck. The second page is a same-origin iframe
// that imports the store module itself (its own JS realm, module instance, IndexedDB connection
// and BroadcastChannel), which is what a second tab is to IndexedDB. tests/e2e/store-two-pages
// does the same with two Playwright pages in one on-disk profile.
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveResult, Store, StoreNotice } from '../../../src/store/index.ts';
import * as storeModule from '../../../src/store/index.ts';
import { freshStore } from './helpers.ts';

type StoreModule = typeof storeModule;
const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** A same-origin iframe with its own copy of src/store (dynamic import in the frame's realm). */
async function openSecondPage(): Promise<StoreModule> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  frames.push(frame);
  // The frame's own Function constructor, so import() runs in (and loads into) the frame's realm.
  // The store module's URL is the one Vite serves this test's import from.
  const url = new URL('../../../src/store/index.ts', import.meta.url).href;
  const FrameFunction = (frame.contentWindow as unknown as { Function: FunctionConstructor }).Function;
  const mod = (await FrameFunction('url', 'return import(url)')(url)) as StoreModule;
  expect(mod.openStore).not.toBe(storeModule.openStore); // really another realm
  return mod;
}

/** Appends `line` with the optimistic-concurrency loop an editor uses: on conflict, re-read
 *  the current text and apply the change again. Returns how many conflicts it met. */
async function appendLine(store: Store, deckId: string, line: string): Promise<number> {
  let conflicts = 0;
  let current = await store.getDeck(deckId);
  for (;;) {
    if (!current) throw new Error('deck vanished');
    const result: SaveResult = await store.saveDeck(deckId, `${current.markdown}${line}\n`, current.rev);
    if (result.ok) return conflicts;
    conflicts += 1;
    current = result.conflict;
  }
}

describe('two pages', () => {
  it('should let exactly one of two saves from the same rev win; the other gets a conflict', async () => {
    const pageA = await freshStore();
    const mod = await openSecondPage();
    const pageB = await mod.openStore(pageA.name, { requestPersistence: false });
    try {
      const deck = await pageA.createDeck({ markdown: '# Chung\n' });
      const [a, b] = await Promise.all([pageA.saveDeck(deck.id, '# Từ A\n', 1), pageB.saveDeck(deck.id, '# Từ B\n', 1)]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const winner = a.ok ? '# Từ A\n' : '# Từ B\n';
      const loser = a.ok ? b : a;
      expect(!loser.ok && loser.conflict.markdown).toBe(winner);
      expect((await pageA.getDeck(deck.id))?.markdown).toBe(winner);
      expect((await pageB.getDeck(deck.id))?.rev).toBe(2);
    } finally {
      pageB.close();
    }
  });

  it('should lose nothing when two pages race 25 saves each', { timeout: 0 }, async () => {
    const pageA = await freshStore();
    const mod = await openSecondPage();
    const pageB = await mod.openStore(pageA.name, { requestPersistence: false });
    try {
      const deck = await pageA.createDeck({ markdown: '# Nhật ký\n' });
      const heardByB: StoreNotice[] = [];
      pageB.subscribe((n) => heardByB.push(n));
      const run = async (store: Store, who: string) => {
        let conflicts = 0;
        for (let i = 0; i < 25; i++) conflicts += await appendLine(store, deck.id, `${who} ${i}`);
        return conflicts;
      };
      const [conflictsA, conflictsB] = await Promise.all([run(pageA, 'A'), run(pageB, 'B')]);
      const final = await pageA.getDeck(deck.id);
      const lines = final!.markdown.trim().split('\n').slice(1);
      expect(lines).toHaveLength(50);
      for (let i = 0; i < 25; i++) {
        expect(lines).toContain(`A ${i}`);
        expect(lines).toContain(`B ${i}`);
      }
      // Each page's own lines stay in order.
      expect(lines.filter((l) => l.startsWith('A '))).toEqual(Array.from({ length: 25 }, (_, i) => `A ${i}`));
      expect(final!.rev).toBe(51);
      expect((await pageB.listRevisions(deck.id)).map((r) => r.rev)).toEqual(Array.from({ length: 50 }, (_, i) => 50 - i));
      console.info(`two pages: ${conflictsA + conflictsB} conflicts resolved by re-reading`);
      // B was told about A's saves through BroadcastChannel.
      await new Promise<void>((resolve) => {
        const check = () => (heardByB.filter((n) => n.type === 'deck-saved' && !n.local).length >= 25 ? resolve() : setTimeout(check, 10));
        check();
      });
      expect(heardByB.some((n) => n.type === 'deck-saved' && n.local)).toBe(true);
    } finally {
      pageB.close();
    }
  });
});
