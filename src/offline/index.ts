// Offline features, started once by each page's entry:
//
//   startOffline('app')      in src/main.ts        (registers the worker, notices, opened files)
//   startOffline('present')  optional on present.html: registers, never shows or reloads anything
//
// See register.ts for the update rule (never reload under an instructor).
import { startLaunchQueue } from './launch-queue.ts';
import { explainLoadFailures } from './load-failure.ts';
import { importOpenedFiles } from './open-files.ts';
import { showOfflineNotices } from './notices.ts';
import { registerOffline, type OfflineStore, type PageKind } from './register.ts';

export { onOpenFiles, type OpenFilesDetail } from './launch-queue.ts';
export type { OfflineState, OfflineStatus, OfflineStore } from './register.ts';

let store: OfflineStore | undefined;

/** The page's offline store, once startOffline() ran. */
export function getOfflineStore(): OfflineStore | undefined {
  return store;
}

export function startOffline(page: PageKind = 'app'): OfflineStore {
  if (store) return store;
  // The dev server (`npm start`) builds no worker: registering would only fail.
  store = registerOffline({ page, enabled: import.meta.env.PROD });
  if (page === 'app') {
    showOfflineNotices(store);
    explainLoadFailures();
    importOpenedFiles();
    startLaunchQueue();
  }
  return store;
}
