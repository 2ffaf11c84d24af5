// Lectern's service worker (built by vite-plugin-pwa in injectManifest mode, see vite.pwa.ts).
//
// It precaches every file of the build -- the three pages, the shell, every lazily loaded chunk
// (screens, CodeMirror, reveal.js and its plugins and themes, the bundle reader), fonts, icons --
// and serves them cache-first, so once Lectern has been opened online it starts, edits and
// presents with the network cut. Decks and media live in IndexedDB, not here.
//
// Updates never reload anything by themselves. A new version installs in the background and waits;
// it takes over when every Lectern window is closed (the next start) or when a page asks for it
// with {type: 'SKIP_WAITING'} -- and that request is refused while a presentation window is open,
// because activating deletes the old version's files, which a running presentation may still need
// (a plugin or theme it has not loaded yet).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { isPresentationUrl, type SkipWaitingReply, type SkipWaitingRequest } from './protocol.ts';

// Minimal shapes of the worker globals we use. The project's tsconfig uses the DOM library; adding
// the WebWorker library to the same program would clash with it, so the worker's own types are
// spelled out here and `self` is cast once.
interface WorkerClient {
  readonly url: string;
}
interface WorkerMessageEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerScope {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting(): Promise<void>;
  clients: { matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WorkerClient[]> };
  addEventListener(type: 'message', listener: (event: WorkerMessageEvent) => void): void;
}
// Cast: in a service worker `self` is a ServiceWorkerGlobalScope (see the comment above).
const worker = self as unknown as WorkerScope;

// `__WB_MANIFEST` is replaced at build time by the list of files with their revisions.
// Spelled `self.__WB_MANIFEST` (not `worker.…`): the build looks for that exact text.
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST, {
  // present.html?lectern-deck=…&lang=en and index.html?lectern-launch=files are the cached pages:
  // no precached file is ever requested with a meaningful query string.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
});
cleanupOutdatedCaches();
// Take control of pages that are already open. On the first install there is nothing to replace;
// on an update this only happens after a permitted SKIP_WAITING or once every window closed.
clientsClaim();

worker.addEventListener('message', (event) => {
  const data = event.data as Partial<SkipWaitingRequest> | null;
  if (data?.type !== 'SKIP_WAITING') return;
  event.waitUntil(
    (async () => {
      const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const presenting = windows.some((client) => isPresentationUrl(client.url));
      const reply: SkipWaitingReply = { result: presenting ? 'deferred' : 'activating' };
      event.ports[0]?.postMessage(reply);
      if (!presenting) await worker.skipWaiting();
    })(),
  );
});
