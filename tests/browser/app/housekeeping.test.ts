// Start-up housekeeping on real IndexedDB: old trash is emptied and unused media deleted when the
// page is idle, recent trash (undo) and used media are kept; an upgrade from another tab (the
// store's connection closed under it) is announced with a Reload button.
import { afterEach, describe, expect, it } from 'vitest';
import { startHousekeeping } from '../../../src/app/housekeeping.ts';
import type { ToastEvent, ToastRequest } from '../../../src/app/toast.ts';
import { freshStore } from '../store/helpers.ts';

const toasts: ToastRequest[] = [];
const onToast = (event: ToastEvent) => toasts.push(event.detail);
window.addEventListener('lectern-toast', onToast);
afterEach(() => {
  toasts.length = 0;
});

describe('start-up housekeeping', () => {
  it('empties trash older than 30 days and deletes media no deck uses, keeping the rest', async () => {
    let now = new Date('2026-01-01T08:00:00Z');
    const store = await freshStore({ now: () => now });
    const old = await store.createDeck({ markdown: '# Bài cũ\n\n![](media/a.png)\n' });
    const recent = await store.createDeck({ markdown: '# Bài mới xoá\n' });
    const kept = await store.createDeck({ markdown: '# Bài đang dùng\n\n![](media/b.png)\n' });
    await store.addDeckAsset(old.id, 'media/a.png', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }));
    await store.addDeckAsset(kept.id, 'media/b.png', new Blob([new Uint8Array([4, 5, 6])], { type: 'image/png' }));
    await store.deleteDeck(old.id);
    now = new Date('2026-02-15T08:00:00Z'); // 45 days later
    await store.deleteDeck(recent.id);

    let runIdle: (() => void) | undefined;
    const { done, stop } = startHousekeeping(store, { whenIdle: (task) => (runIdle = task) });
    // Nothing happens before the page is idle.
    expect((await store.listDecks({ trash: true })).map((d) => d.id).sort()).toEqual([old.id, recent.id].sort());
    runIdle!();
    await done;
    stop();

    expect((await store.listDecks({ trash: true })).map((d) => d.id)).toEqual([recent.id]);
    expect(await store.getDeck(old.id)).toBeUndefined();
    expect((await store.listDecks()).map((d) => d.id)).toEqual([kept.id]);
    expect((await store.listDeckAssets(kept.id)).map((a) => a.path)).toEqual(['media/b.png']);
    // The old deck's image is gone from storage; the used one stays.
    expect((await store.listAssets()).map((a) => a.uses)).toEqual([1]);
    expect(toasts).toEqual([]);
  });

  it('offers a reload when another tab upgrades the database', async () => {
    const store = await freshStore();
    let reloaded = 0;
    const { stop } = startHousekeeping(store, { whenIdle: () => undefined, reload: () => reloaded++ });
    store.handleVersionChange();
    stop();
    expect(toasts).toHaveLength(1);
    expect(toasts[0]!.kind).toBe('error');
    expect(toasts[0]!.message).toMatch(/tải lại|reload/i);
    toasts[0]!.action!.run();
    expect(reloaded).toBe(1);
  });
});
