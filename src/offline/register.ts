// Registers the service worker and follows its life as a small subscribable store, so the UI can
// say "ready to work offline" and "a new version is ready" without knowing the Service Worker API.
//
// The rule this module exists for: nothing here ever reloads a page on its own. An update is
// applied (a) when every Lectern window has been closed -- the browser then activates the waiting
// worker by itself, so the next start runs the new version -- or (b) when the instructor asks for
// it in the authoring app, and then only that page reloads. On present.html the store never offers
// the update and never reloads, whatever another window does.
import type { SkipWaitingReply, SkipWaitingRequest } from './protocol.ts';

export type OfflineStatus =
  /** No service worker: unsupported browser, dev server, or registration failed. */
  | 'unavailable'
  /** First visit: downloading the app for offline use. */
  | 'installing'
  /** The app is stored on this device and starts without the network. */
  | 'ready'
  /** A new version is stored and waits (see the header comment). */
  | 'update-ready'
  /** Asked to update, but a presentation is open: it waits until the presentation closes. */
  | 'update-deferred'
  /** Another window applied an update; this page still runs the old version until reloaded. */
  | 'updated-elsewhere';

export interface OfflineState {
  status: OfflineStatus;
  /** True on the visit during which the app first became available offline. */
  firstInstall: boolean;
  /** How many times "update now" was refused because a presentation was open (each gets a notice). */
  deferrals: number;
  /** Why registration failed, for the status line; not shown as an error (the app works online). */
  error?: string;
}

export type PageKind = 'app' | 'present' | 'handout';

export interface OfflineStore {
  getState(): OfflineState;
  subscribe(listener: (state: OfflineState) => void): () => void;
  /** Applies a waiting update now: reloads this page unless the worker defers it. */
  applyUpdate(): Promise<'activating' | 'deferred' | 'none'>;
  /** Asks the browser to look for a new version now (it also does on every navigation). */
  checkForUpdate(): Promise<void>;
}

export interface RegisterOptions {
  page: PageKind;
  /** Worker script URL; default `sw.js` beside the page (the build puts it there). */
  scriptUrl?: string;
  /** False on the dev server, which builds no worker: the store then stays `unavailable`. */
  enabled?: boolean;
  /** Injected for tests; default `location.reload()`. */
  reload?: () => void;
}

/** Starts registration (once per page) and returns the store. Never throws. */
export function registerOffline(options: RegisterOptions): OfflineStore {
  let state: OfflineState = { status: 'unavailable', firstInstall: false, deferrals: 0 };
  const listeners = new Set<(state: OfflineState) => void>();
  let registration: ServiceWorkerRegistration | undefined;
  let reloadRequested = false;
  const reload = options.reload ?? (() => location.reload());

  const set = (next: Partial<OfflineState>): void => {
    state = { ...state, ...next };
    for (const listener of listeners) listener(state);
  };

  const container = options.enabled === false ? undefined : globalThis.navigator?.serviceWorker;
  if (container) {
    // Was this page served by a worker when it loaded? If not, this visit is the first install.
    const firstVisit = !container.controller;
    let controlled = !firstVisit;

    container.addEventListener('controllerchange', () => {
      const wasControlled = controlled;
      controlled = true;
      if (!wasControlled) return; // the first install claimed this page: same files, nothing to do
      if (reloadRequested && options.page === 'app') {
        reload(); // the instructor asked for the update, here
        return;
      }
      // Someone else applied an update. The presentation page keeps running the code it has;
      // the authoring app tells the user (unsaved work is theirs to save first).
      if (options.page === 'app') set({ status: 'updated-elsewhere' });
    });

    const watchInstalling = (worker: ServiceWorker | null): void => {
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && container.controller) {
          // A new version, installed beside the running one: it waits.
          if (options.page !== 'present' && state.status !== 'updated-elsewhere') set({ status: 'update-ready' });
        } else if (worker.state === 'activated' && firstVisit && state.status === 'installing') {
          set({ status: 'ready', firstInstall: true });
        } else if (worker.state === 'redundant' && state.status === 'installing') {
          set({ status: 'unavailable', error: 'service worker install failed' });
        }
      });
    };

    const scriptUrl = options.scriptUrl ?? new URL('sw.js', document.baseURI).href;
    set({ status: firstVisit ? 'installing' : 'ready' });
    container
      .register(scriptUrl, { scope: './', updateViaCache: 'none' })
      .then((reg) => {
        registration = reg;
        watchInstalling(reg.installing);
        reg.addEventListener('updatefound', () => watchInstalling(reg.installing));
        if (reg.waiting && container.controller && options.page !== 'present') set({ status: 'update-ready' });
        else if (reg.active && !reg.installing && state.status === 'installing') set({ status: 'ready' });
      })
      .catch((error: unknown) => {
        set({ status: 'unavailable', error: error instanceof Error ? error.message : String(error) });
      });
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    async applyUpdate() {
      const waiting = registration?.waiting;
      if (!waiting || options.page === 'present') return 'none';
      const reply = await askWorker(waiting);
      if (reply.result === 'deferred') {
        set({ status: 'update-deferred', deferrals: state.deferrals + 1 });
        return 'deferred';
      }
      reloadRequested = true;
      return 'activating';
    },
    async checkForUpdate() {
      await registration?.update().catch(() => undefined); // offline: nothing to check
    },
  };
}

function askWorker(worker: ServiceWorker): Promise<SkipWaitingReply> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<SkipWaitingReply>) => resolve(event.data);
    const request: SkipWaitingRequest = { type: 'SKIP_WAITING' };
    worker.postMessage(request, [channel.port2]);
  });
}
