// Turns offline-store changes into the shell's toasts (src/app/toast.ts), on the authoring app
// only: the presentation page shows nothing and never reloads.
import { showToast } from '../app/toast.ts';
import { offlineMessages as msg } from './messages.ts';
import type { OfflineState, OfflineStore } from './register.ts';

export function showOfflineNotices(store: OfflineStore, reload: () => void = () => location.reload()): () => void {
  let previous: OfflineState | undefined;
  return store.subscribe((state) => {
    const changed = state.status !== previous?.status || state.deferrals !== previous?.deferrals;
    previous = state;
    // The status is on <html> too, for support ("is this machine ready?") and for the e2e tests.
    document.documentElement.dataset.lecternOffline = state.status;
    if (!changed) return;
    const m = msg();
    switch (state.status) {
      case 'ready':
        if (state.firstInstall) showToast({ message: m.readyOffline, timeoutMs: 8_000 });
        break;
      case 'update-ready':
      case 'update-deferred':
        // A deferred update is offered again: once the presentation is closed, the same button applies it.
        showToast({
          message: state.status === 'update-ready' ? m.updateReady : m.updateDeferred,
          timeoutMs: 0,
          action: { label: m.updateNow, run: () => void store.applyUpdate() },
        });
        break;
      case 'updated-elsewhere':
        showToast({ message: m.updatedElsewhere, timeoutMs: 0, action: { label: m.reload, run: reload } });
        break;
      default:
        break;
    }
  });
}
