// One SessionsModel per page, on the page's one Store (src/app/store.ts): the sessions and
// report screens share it, so switching between them shows the same data without a re-read.
import { getStore } from '../app/store.ts';
import { SessionsModel } from './sessions-model.ts';

let pending: Promise<SessionsModel> | undefined;

export function getSessionsModel(): Promise<SessionsModel> {
  if (!pending) {
    pending = getStore().then((store) => new SessionsModel(store));
    pending.catch(() => {
      pending = undefined; // a failed open may be retried on the next visit
    });
  }
  return pending;
}
