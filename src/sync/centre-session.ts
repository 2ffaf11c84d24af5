// Which centre this browser is connected to. One truth: the store setting `centreSync`
// (`{server, user}`, written by Settings → "Centre sync", src/sync/centre-sync.ts; never the
// password). The live CentreConnection the Settings panel's engine holds (it may carry the password
// in this tab's memory when the server's cookie cannot be used) is shared here with the Centre
// library and the Whole-centre report; without one, they resume from the browser's session cookie.
// Reading the setting is a store read only: the library decides without loading any centre code.
import type { Store, StoreNotice } from '../store/index.ts';
import type { CentreConnection } from './connection.ts';

export interface CentreSessionInfo {
  server: string;
  user: string;
}

/** The connected `{server, user}` from the store, or null (sync off). */
export async function centreSessionInfo(store: Store): Promise<CentreSessionInfo | null> {
  const setting = await store.getSetting('centreSync');
  return setting ? { server: setting.server, user: setting.user } : null;
}

let live: CentreConnection | null = null;

/** Called by the page's centre sync when it logs in, resumes or disconnects. */
export function shareCentreConnection(connection: CentreConnection | null): void {
  live = connection;
}

/** The connection for `who`: the live one Settings holds, else resumed from the browser's session
 *  cookie; null when the server no longer knows this browser. Throws CentreError('unreachable')
 *  when offline: callers then work from their local copy. */
export async function currentCentreConnection(who: CentreSessionInfo): Promise<CentreConnection | null> {
  if (live && live.server === who.server && live.user === who.user) return live;
  const { CentreConnection } = await import('./connection.ts');
  return CentreConnection.resume(who.server, who.user);
}

/** A centre view's code and model, once loaded for a screen. */
export interface CentreView<Module, Model> {
  module: Module;
  model: Model;
  /** Stops the screen's updates from the model. */
  stop(): void;
}

interface CentreModel {
  subscribe(listener: () => void): () => void;
  load(): Promise<void>;
}

/** Follows the setting for a screen: while connected, the centre view's code (loaded with
 *  `importer`, lazily) and model (`create`, loading at once); connecting or disconnecting in
 *  Settings starts or ends it without a reload. `onChange` runs when the view comes or goes and on
 *  every change of its model. Failures to load the code are logged, the screen goes on without it.
 *  Returns the view of the moment and the stop function. */
export function followCentreView<Module, Model extends CentreModel>(
  store: Store,
  importer: () => Promise<Module>,
  create: (module: Module, who: CentreSessionInfo) => Model,
  onChange: (view: CentreView<Module, Model> | undefined) => void,
): () => void {
  let view: CentreView<Module, Model> | undefined;
  let shownFor = '';
  let stopped = false;
  let turn = 0;
  const update = async (): Promise<void> => {
    const mine = ++turn;
    const who = await centreSessionInfo(store);
    const key = who ? JSON.stringify([who.server, who.user]) : '';
    if (stopped || mine !== turn || key === shownFor) return;
    shownFor = key;
    view?.stop();
    view = undefined;
    onChange(undefined);
    if (!who) return;
    try {
      const module = await importer();
      if (stopped || mine !== turn) return;
      const model = create(module, who);
      const next: CentreView<Module, Model> = { module, model, stop: model.subscribe(() => onChange(next)) };
      view = next;
      onChange(view);
      void model.load();
    } catch (error) {
      console.error(error);
    }
  };
  const unsubscribe = store.subscribe((notice: StoreNotice) => {
    if (notice.type === 'settings-changed' && notice.key === 'centreSync') void update();
  });
  void update();
  return () => {
    stopped = true;
    unsubscribe();
    view?.stop();
    view = undefined;
  };
}
