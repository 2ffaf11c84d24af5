// The page's one centre sync (like src/app/store.ts is its one Store): connect, resume after a
// reload, disconnect, and the running engine for the screens that show it. Loaded with import()
// only when the lecturer opens Settings or sync was turned on before (src/main.ts).
import type { Store } from '../store/index.ts';
import { CentreConnection } from './connection.ts';
import { SyncEngine } from './sync-engine.ts';
import { shareCentreConnection } from './centre-session.ts';

export type CentreSyncState =
  | { kind: 'off' }
  /** Settings name a server, but its session is gone (reload without cookie, expired): the
   *  lecturer types the password again. */
  | { kind: 'needs-password'; server: string; user: string }
  | { kind: 'on'; engine: SyncEngine };

let state: CentreSyncState = { kind: 'off' };
let resuming: Promise<CentreSyncState> | undefined;
const listeners = new Set<(state: CentreSyncState) => void>();

function set(next: CentreSyncState): CentreSyncState {
  state = next;
  shareCentreConnection(next.kind === 'on' ? next.engine.connection : null);
  for (const listener of listeners) listener(state);
  return state;
}

export function centreSyncState(): CentreSyncState {
  return state;
}

export function onCentreSyncState(listener: (state: CentreSyncState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Logs in (the password is not kept: see CentreConnection), turns sync on and runs the first
 *  cycle. Rejects with a CentreError when the server refuses or cannot be reached. */
export async function connectCentre(store: Store, address: string, user: string, password: string): Promise<SyncEngine> {
  const connection = await CentreConnection.login(address, user, password);
  // A new login (session ended, or another account): the old engine stops; SyncEngine.open keeps
  // the replica for the same account and starts afresh for another.
  if (state.kind === 'on') state.engine.close();
  const engine = await SyncEngine.open(store, connection);
  // Shared before the setting is written: the screens that follow the setting then use this
  // connection (it may hold the password when the cookie cannot be used).
  shareCentreConnection(connection);
  const previous = await store.getSetting('centreSync');
  const same = previous?.server === connection.server && previous.user === connection.user;
  await store.setSetting('centreSync', { server: connection.server, user: connection.user, ...(same && previous.lastSyncedAt ? { lastSyncedAt: previous.lastSyncedAt } : {}) });
  set({ kind: 'on', engine });
  engine.start();
  return engine;
}

/** After a reload: picks up the session the browser kept, if the server still knows it. */
export function resumeCentreSync(store: Store): Promise<CentreSyncState> {
  resuming ??= (async () => {
    if (state.kind === 'on') return state;
    const setting = await store.getSetting('centreSync');
    if (!setting) return set({ kind: 'off' });
    const connection = await CentreConnection.resume(setting.server, setting.user).catch(() => null);
    if (!connection) return set({ kind: 'needs-password', server: setting.server, user: setting.user });
    const engine = await SyncEngine.open(store, connection);
    engine.start();
    return set({ kind: 'on', engine });
  })().finally(() => {
    resuming = undefined;
  });
  return resuming;
}

/** Turns sync off: logs out, forgets the server and deletes the replica. The library stays. */
export async function disconnectCentre(store: Store): Promise<void> {
  if (state.kind === 'on') await state.engine.disconnect();
  else await store.setSetting('centreSync', null);
  set({ kind: 'off' });
}
