// Start-up care of the store, off the first paint: once the page is idle, decks in the trash for
// more than 30 days are emptied and media no deck uses any more are deleted (store.tidy()), so
// storage does not grow forever. And when another tab upgrades the database (a new version of
// Lectern), this page's connection is closed under it: say so and offer a reload, instead of
// letting the next save fail with an error the instructor cannot place.
import type { Store, StoreNotice } from '../store/index.ts';
import { defineMessages } from './i18n.ts';
import { showToast } from './toast.ts';

const msg = defineMessages({
  vi: {
    upgraded: 'Lectern vừa được cập nhật ở một thẻ khác. Hãy tải lại trang này để tiếp tục (bài đã lưu không mất).',
    reload: 'Tải lại',
  },
  en: {
    upgraded: 'Lectern was updated in another tab. Reload this page to go on (saved work is kept).',
    reload: 'Reload',
  },
});

export interface HousekeepingOptions {
  /** Runs `task` when the page is idle (default: requestIdleCallback, else a 2 s timeout). */
  whenIdle?: (task: () => void) => void;
  /** Days a deleted deck stays in the trash (default 30). */
  trashDays?: number;
  reload?: () => void;
}

function idle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 10_000 });
  else setTimeout(task, 2_000);
}

/** Starts the housekeeping for this page; returns a function that stops listening. The tidy
 *  result resolves `done` (for tests and logs); a failure is logged, never shown: nothing the
 *  instructor did depends on it. */
export function startHousekeeping(store: Store, options: HousekeepingOptions = {}): { stop: () => void; done: Promise<void> } {
  const reload = options.reload ?? (() => location.reload());
  const stop = store.subscribe((notice: StoreNotice) => {
    if (notice.type !== 'version-change') return;
    const m = msg();
    showToast({ message: m.upgraded, kind: 'error', action: { label: m.reload, run: reload } });
  });
  const done = new Promise<void>((resolve) => {
    (options.whenIdle ?? idle)(() => {
      if (store.closed) return resolve();
      store
        .tidy(options.trashDays === undefined ? {} : { trashDays: options.trashDays })
        .then((result) => {
          if (result.purged.length > 0 || result.deletedAssets > 0) {
            console.info(`Lectern: emptied ${result.purged.length} old deck(s) from the trash, freed ${result.deletedAssets} unused media file(s)`);
          }
        })
        .catch((error: unknown) => console.warn('Lectern: start-up housekeeping failed', error))
        .finally(resolve);
    });
  });
  return { stop, done };
}
