// The one Store getter: one Store per page, opened on first use. Every screen calls
// `await getStore()` instead of opening its own connection: each open costs a round trip, and
// several Store instances in one tab would each take the others' saves for another tab's (they
// share the BroadcastChannel), turning this tab's own autosave into false conflicts.
import { openStore, type Store } from '../store/index.ts';

let pending: Promise<Store> | undefined;

export function getStore(): Promise<Store> {
  if (!pending) {
    pending = openStore();
    // A failed open (private mode without IndexedDB, blocked upgrade) may be retried later.
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}
