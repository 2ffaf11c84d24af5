// When a lazily loaded part of the app (a screen, the editor, reveal.js) cannot be fetched, say
// why in words an instructor can act on. Vite announces every failed dynamic import with a
// `vite:preloadError` window event; if the app is not stored on this device yet (no service
// worker in control) or the browser reports no network, the cause is "not yet ready offline" --
// the shell's own "could not load, try again" stays, this adds the reason and the remedy.
import { showToast } from '../app/toast.ts';
import { offlineMessages as msg } from './messages.ts';

let shown = false;

export function explainLoadFailures(): void {
  window.addEventListener('vite:preloadError', () => {
    const storedOffline = Boolean(navigator.serviceWorker?.controller);
    if (storedOffline && navigator.onLine) return; // an ordinary failure: the shell's retry covers it
    document.documentElement.dataset.lecternNeedsOnlineVisit = 'true';
    if (shown) return; // once per page: retries would stack identical messages
    shown = true;
    showToast({ message: msg().needsOnlineVisit, kind: 'error' });
  });
}
