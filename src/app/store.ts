// One Store per page, opened on first use: screens call `await getStore()` instead of opening
// their own connection (each open costs a round trip and would multiply BroadcastChannel
// listeners). The store itself lives in src/store (storage helper); this is only the singleton.
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
