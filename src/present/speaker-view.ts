// reveal.js's speaker view (notes plugin, key S) with Lectern's additions. The plugin opens a
// same-origin popup and writes its page into it; we catch that window (by wrapping window.open
// before the plugin calls it) and, being same-origin, add to it:
//  - one clock of the lesson: the plugin's own timer ("Time", counting from when the popup
//    opened, reset by any click on it) and its pacing are hidden; Lectern's panel shows the class
//    time since the lesson started, the time left, pacing against the deck's plan, the wall
//    clock, and the discussion countdown with start/pause/+1/reset buttons;
//  - our keys (T, +, W, X) handled in the main window: the popup forwards other keys to its
//    preview iframe, where Lectern's controls do not exist;
//  - the plugin's own English labels in the UI language (speaker-i18n.ts).
import { translateSpeakerView } from './speaker-i18n.ts';

const NOTES_WINDOW_NAME = 'reveal.js - Notes';

export interface SpeakerPanelModel {
  /** Text lines to show: elapsed, pacing, countdown … (already in the UI language). */
  render(doc: Document, root: HTMLElement): void;
  handleKey(event: KeyboardEvent): boolean;
}

export class SpeakerViewBridge {
  private popup: Window | undefined;
  private timer: number | undefined;
  private readonly originalOpen: typeof window.open;
  /** Marks the panel this page put in the popup; a panel left by an earlier load is stale. */
  private readonly owner = Math.random().toString(36).slice(2);

  constructor(private readonly model: SpeakerPanelModel) {
    // A reload of the presenting page leaves the speaker window open; reveal.js reconnects to it
    // when its heartbeat arrives. Lectern does the same, or the instructor would be left with
    // English labels and a dead panel (its timers belonged to the page that was reloaded).
    window.addEventListener('message', this.handleHeartbeat);
    this.originalOpen = window.open;
    const bridge = this;
    // Wrapped, not replaced: every other window.open call behaves as before.
    window.open = function (this: Window, ...args: Parameters<typeof window.open>) {
      const opened = bridge.originalOpen.apply(this, args);
      if (opened && args[1] === NOTES_WINDOW_NAME) {
        bridge.popup = opened;
        // The plugin writes the page synchronously after open(); enhance on the next task.
        window.setTimeout(() => bridge.enhance(opened), 0);
      }
      return opened;
    } as typeof window.open;
  }

  private handleHeartbeat = (event: MessageEvent): void => {
    if (typeof event.data !== 'string' || !event.data.includes('"heartbeat"')) return;
    const source = event.source as Window | null;
    if (!source || source === this.window) return;
    try {
      if (source.location.origin !== window.location.origin || source.name !== NOTES_WINDOW_NAME) return;
      const data = JSON.parse(event.data) as { namespace?: string; type?: string };
      if (data.namespace !== 'reveal-notes' || data.type !== 'heartbeat') return;
    } catch {
      return; // another origin, or not our message
    }
    this.popup = source;
    this.enhance(source);
  };

  get window(): Window | undefined {
    return this.popup && !this.popup.closed ? this.popup : undefined;
  }

  private enhance(popup: Window): void {
    const doc = popup.document;
    if (!doc.querySelector('#speaker-controls')) {
      // Not written yet: try again shortly (the plugin may be slower on a cold start).
      if (!popup.closed) window.setTimeout(() => this.enhance(popup), 50);
      return;
    }
    const existing = doc.getElementById('lectern-panel');
    if (existing?.dataset.owner === this.owner) return;
    // Left by the page before a reload: its timers and listeners died with that page.
    existing?.remove();
    doc.getElementById('lectern-panel-style')?.remove();
    translateSpeakerView(popup);
    popup.addEventListener(
      'keydown',
      (event) => {
        if (this.model.handleKey(event)) {
          event.stopImmediatePropagation();
          event.preventDefault();
        }
      },
      true,
    );
    const style = doc.createElement('style');
    style.id = 'lectern-panel-style';
    style.textContent = PANEL_CSS;
    doc.head.append(style);
    const panel = doc.createElement('div');
    panel.id = 'lectern-panel';
    panel.dataset.owner = this.owner;
    const controls = doc.querySelector('#speaker-controls');
    controls?.insertBefore(panel, controls.querySelector('.speaker-controls-notes'));
    const update = () => {
      if (popup.closed) {
        window.clearInterval(this.timer);
        this.timer = undefined;
        return;
      }
      this.model.render(doc, panel);
    };
    update();
    window.clearInterval(this.timer);
    this.timer = window.setInterval(update, 500);
  }

  /** Redraw now (after a key or a button changed something). */
  refresh(): void {
    const popup = this.window;
    const panel = popup?.document.getElementById('lectern-panel');
    if (popup && panel) this.model.render(popup.document, panel);
  }

  destroy(): void {
    window.removeEventListener('message', this.handleHeartbeat);
    window.clearInterval(this.timer);
    window.open = this.originalOpen;
  }
}

const PANEL_CSS = `
#speaker-controls .speaker-controls-time { display: none !important; }
#lectern-panel { padding: 10px 16px; border-bottom: 1px solid #ddd; color: #222;
  font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif; }
#lectern-panel h4 { margin: 0 0 6px; font-size: 12px; text-transform: uppercase; color: #555; }
#lectern-panel .row { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; margin: 4px 0; font-size: 16px; }
#lectern-panel .big { font-size: 28px; font-variant-numeric: tabular-nums; }
#lectern-panel .ahead { color: #1b6e3a; } #lectern-panel .behind { color: #b00020; }
#lectern-panel .ended { color: #8a5a00; }
#lectern-panel button { font: inherit; font-size: 15px; padding: 4px 12px; margin-right: 4px;
  background: #f4f4f4; color: #222; border: 1px solid #888; border-radius: 4px; cursor: pointer; }
#lectern-panel button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 1px; }
`;
