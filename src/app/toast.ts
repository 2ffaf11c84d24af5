// Short messages for the user (saved, deleted with undo, failed with a reason). Any component
// calls `showToast(...)`; the shell renders them in one polite live region so screen readers
// announce them. An `action` gives the toast a button (e.g. "Undo").
export interface ToastRequest {
  message: string;
  kind?: 'info' | 'error';
  action?: { label: string; run: () => void };
  /** How long it stays, ms; errors stay until dismissed unless given. */
  timeoutMs?: number;
}

export type ToastEvent = CustomEvent<ToastRequest>;

declare global {
  interface WindowEventMap {
    'lectern-toast': ToastEvent;
  }
}

export function showToast(request: ToastRequest): void {
  window.dispatchEvent(new CustomEvent('lectern-toast', { detail: request }));
}
