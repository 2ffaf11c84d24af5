// One Store per tab for the authoring screens. Several Store instances in one tab would each see
// the others' saves as coming from "another tab" (they share the BroadcastChannel), which would
// turn this tab's own autosave into false conflicts. Uses the shell's getStore() when present.
import { openStore, type Store } from '../store/index.ts';

let pending: Promise<Store> | undefined;

export function getAuthoringStore(): Promise<Store> {
  if (!pending) {
    pending = openStore();
    pending.catch(() => (pending = undefined)); // a failed open may be retried on the next visit
  }
  return pending;
}
