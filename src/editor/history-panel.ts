// <lectern-revision-history>: the editor's "History" dialog. It lists the deck's earlier texts
// (the store keeps one per save, pruned by src/store/revision-policy.ts), newest first, with the
// time they were saved (Intl, in the UI language), their slide count and size; shows the selected
// one read-only beside a short comparison with the current text; and asks the editor to restore it
// (a `restore-revision` event). Restoring is the editor's job because it owns the save state: it
// is a save through the store's rev check, so the text it replaces becomes a revision in turn.
//
// Keyboard: the list is a listbox with one tab stop (arrow keys, Home, End move the selection),
// Tab reaches the preview and the buttons, Esc closes (native <dialog>).
import { LitElement, css, html, nothing } from 'lit';
import { parseDeck } from '@lectern/deck';
import { formatBytes, formatDate, formatNumber, locale } from '../app/i18n.ts';
import { LangController } from '../app/lang-controller.ts';
import { uiStyles } from '../app/ui-styles.ts';
import type { RevisionInfo, Store } from '../store/index.ts';
import { editorMsg as msg } from './messages.ts';
import { lineChanges } from './line-changes.ts';
export { lineChanges, type LineChanges } from './line-changes.ts';

export interface HistorySource {
  store: Store;
  deckId: string;
  /** The text in the editor now (already saved when the dialog opens). */
  currentText: string;
}

export interface RestoreRevisionDetail {
  rev: number;
  savedAt: string;
}

interface TextStats {
  slides: number;
  bytes: number;
}

function statsOf(text: string): TextStats {
  return { slides: parseDeck(text).slides.length, bytes: new TextEncoder().encode(text).length };
}

/** Revisions never change once written: their stats are kept for the page's lifetime. */
const statsCache = new Map<string, TextStats>();
const SHOWN_CHANGES = 8;

function relativeTime(savedAt: string, now: number): string {
  const seconds = (Date.parse(savedAt) - now) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(Math.round(seconds), 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

const when = (savedAt: string) => formatDate(savedAt, { dateStyle: 'medium', timeStyle: 'medium' });

export class RevisionHistory extends LitElement {
  static override properties = {
    revisions: { state: true },
    status: { state: true },
    selected: { state: true },
    selectedText: { state: true },
    busy: { state: true },
  };

  declare revisions: RevisionInfo[];
  declare status: 'idle' | 'loading' | 'ready' | 'failed';
  /** rev of the selected revision. */
  declare selected: number | undefined;
  declare selectedText: string | undefined;
  /** A restore is under way (the editor sets it back). */
  declare busy: boolean;

  private source: HistorySource | undefined;
  private currentStats: TextStats | undefined;
  private token = 0;
  private now = Date.now();

  constructor() {
    super();
    new LangController(this);
    this.revisions = [];
    this.status = 'idle';
    this.selected = undefined;
    this.selectedText = undefined;
    this.busy = false;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog and lists the deck's revisions. */
  async show(source: HistorySource): Promise<void> {
    const token = ++this.token;
    this.source = source;
    this.currentStats = statsOf(source.currentText);
    this.now = Date.now();
    this.status = 'loading';
    this.revisions = [];
    this.selected = undefined;
    this.selectedText = undefined;
    this.busy = false;
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
    this.dialog?.querySelector<HTMLElement>('.close')?.focus();
    try {
      const revisions = await source.store.listRevisions(source.deckId);
      if (token !== this.token) return;
      this.revisions = revisions;
      this.status = 'ready';
      const first = revisions[0];
      if (first) await this.select(first.rev, true);
      void this.fillStats(token);
    } catch (error) {
      console.error(error);
      if (token === this.token) this.status = 'failed';
    }
  }

  close(): void {
    this.token++;
    this.dialog?.close();
  }

  /** Reads each revision's text once, off the opening path, for its slide count and size. */
  private async fillStats(token: number): Promise<void> {
    const source = this.source;
    if (!source) return;
    for (const info of this.revisions) {
      const key = `${source.deckId}\u0000${info.rev}`;
      if (statsCache.has(key)) continue;
      const record = await source.store.getRevision(source.deckId, info.rev).catch(() => undefined);
      if (token !== this.token) return;
      if (!record) continue;
      statsCache.set(key, statsOf(record.markdown));
      this.requestUpdate();
      // One parse per task: a long history of a large deck never blocks the page.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (token !== this.token) return;
    }
  }

  private stats(rev: number): TextStats | undefined {
    return this.source ? statsCache.get(`${this.source.deckId}\u0000${rev}`) : undefined;
  }

  private async select(rev: number, initial = false): Promise<void> {
    const source = this.source;
    if (!source) return;
    this.selected = rev;
    this.selectedText = undefined;
    const token = this.token;
    const record = await source.store.getRevision(source.deckId, rev).catch(() => undefined);
    if (token !== this.token || this.selected !== rev) return;
    this.selectedText = record?.markdown;
    if (record) statsCache.set(`${source.deckId}\u0000${rev}`, statsOf(record.markdown));
    if (initial) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role=option][aria-selected=true]')?.focus();
    }
  }

  private handleListKey = (event: KeyboardEvent): void => {
    const index = this.revisions.findIndex((r) => r.rev === this.selected);
    const last = this.revisions.length - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(index + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(index - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      default:
        return;
    }
    event.preventDefault();
    const target = this.revisions[next];
    if (!target) return;
    void this.select(target.rev);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[role=option][data-rev="${target.rev}"]`)?.focus(),
    );
  };

  private restore(): void {
    const info = this.revisions.find((r) => r.rev === this.selected);
    if (!info || this.busy) return;
    this.busy = true;
    this.dispatchEvent(
      new CustomEvent<RestoreRevisionDetail>('restore-revision', {
        detail: { rev: info.rev, savedAt: info.savedAt },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** "5 slides · 1.2 KB", or a placeholder while the text is being read. */
  private sizeLabel(info: RevisionInfo): string {
    const m = msg();
    const stats = this.stats(info.rev);
    return stats ? m.historyStats(formatNumber(stats.slides), stats.slides, formatBytes(stats.bytes)) : m.historyCounting;
  }

  private renderSelected() {
    const m = msg();
    const info = this.revisions.find((r) => r.rev === this.selected);
    if (!info) return nothing;
    const text = this.selectedText;
    const stats = this.stats(info.rev);
    const changes = text !== undefined && this.source ? lineChanges(text, this.source.currentText) : undefined;
    return html`<section class="selected" aria-labelledby="selected-h">
      <h3 id="selected-h">${m.historyVersionOf(when(info.savedAt))}</h3>
      ${stats && this.currentStats
        ? html`<p class="muted">${m.historySlidesNow(formatNumber(stats.slides), stats.slides, formatNumber(this.currentStats.slides))}</p>`
        : nothing}
      ${changes
        ? changes.back.length === 0 && changes.gone.length === 0
          ? html`<p class="changes">${m.historySame}</p>`
          : html`<div class="changes" aria-label=${m.historyChanges}>
              <p>
                <span class="back">${m.historyBack(formatNumber(changes.back.length), changes.back.length)}</span>
                · <span class="gone">${m.historyGone(formatNumber(changes.gone.length), changes.gone.length)}</span>
              </p>
              <ul class="diff">
                ${changes.back.slice(0, SHOWN_CHANGES).map((l) => html`<li class="back"><span aria-hidden="true">+ </span>${l}</li>`)}
                ${changes.gone.slice(0, SHOWN_CHANGES).map((l) => html`<li class="gone"><span aria-hidden="true">− </span>${l}</li>`)}
              </ul>
            </div>`
        : nothing}
      ${text === undefined
        ? html`<p role="status">${m.loading}</p>`
        : html`<pre class="text" tabindex="0" aria-label=${m.historyText}>${text}</pre>`}
    </section>`;
  }

  override render() {
    const m = msg();
    const current = this.currentStats;
    return html`<dialog aria-labelledby="history-h" @close=${() => this.token++}>
      <div class="head">
        <h2 id="history-h">${m.historyTitle}</h2>
        <button class="close" @click=${() => this.close()}>${m.close}</button>
      </div>
      <p class="muted intro">
        ${m.historyIntro}
        ${current ? html`<br />${m.historyCurrent(m.historyStats(formatNumber(current.slides), current.slides, formatBytes(current.bytes)))}` : nothing}
      </p>
      ${this.status === 'loading' ? html`<p role="status">${m.loading}</p>` : nothing}
      ${this.status === 'failed' ? html`<p class="error" role="alert">${m.historyFailed}</p>` : nothing}
      ${this.status === 'ready' && this.revisions.length === 0 ? html`<p>${m.historyEmpty}</p>` : nothing}
      ${this.revisions.length > 0
        ? html`<div class="body">
            <ul class="list" role="listbox" aria-label=${m.historyList} @keydown=${this.handleListKey}>
              ${this.revisions.map((info) => {
                const selected = info.rev === this.selected;
                return html`<li
                  role="option"
                  data-rev=${info.rev}
                  aria-selected=${selected ? 'true' : 'false'}
                  tabindex=${selected ? 0 : -1}
                  @click=${() => void this.select(info.rev)}
                >
                  <span class="when">${when(info.savedAt)}</span>
                  <span class="ago muted">${relativeTime(info.savedAt, this.now)}</span>
                  <span class="size muted">${this.sizeLabel(info)}</span>
                </li>`;
              })}
            </ul>
            ${this.renderSelected()}
          </div>`
        : nothing}
      <div class="actions">
        <button class="primary" ?disabled=${this.selected === undefined || this.selectedText === undefined || this.busy} @click=${() => this.restore()}>
          ${m.historyRestore}
        </button>
        <span class="muted">${m.historyRestoreHint}</span>
      </div>
    </dialog>`;
  }

  static override styles = [
    uiStyles,
    css`
      dialog {
        width: min(62rem, 94vw); max-height: 90vh; border: 1px solid var(--lectern-border);
        border-radius: var(--lectern-radius); padding: var(--lectern-space-3) var(--lectern-space-4);
      }
      .head { display: flex; align-items: center; justify-content: space-between; gap: var(--lectern-space-3); }
      .head h2 { margin: 0; font-size: 1.25rem; }
      .intro { margin: var(--lectern-space-2) 0; font-size: 0.92rem; }
      .body { display: grid; grid-template-columns: minmax(14rem, 19rem) minmax(0, 1fr); gap: var(--lectern-space-3); min-height: 0; }
      .list {
        list-style: none; margin: 0; padding: 0; max-height: 60vh; overflow: auto;
        border: 1px solid var(--lectern-border); border-radius: var(--lectern-radius);
      }
      .list li {
        display: flex; flex-direction: column; padding: var(--lectern-space-2) var(--lectern-space-3);
        border-bottom: 1px solid var(--lectern-border); cursor: pointer; border-left: 4px solid transparent;
      }
      .list li:last-child { border-bottom: 0; }
      .list li[aria-selected='true'] { background: var(--lectern-accent-soft); border-left-color: var(--lectern-accent); }
      .list li:focus-visible { outline: 3px solid var(--lectern-focus); outline-offset: -3px; }
      .when { font-weight: 600; font-variant-numeric: tabular-nums; }
      .ago, .size { font-size: 0.85rem; }
      .selected { min-width: 0; display: flex; flex-direction: column; max-height: 60vh; }
      .selected h3 { margin: 0 0 var(--lectern-space-1); font-size: 1rem; }
      .selected p { margin: 0 0 var(--lectern-space-1); }
      .changes { font-size: 0.9rem; }
      .diff { list-style: none; margin: 0 0 var(--lectern-space-2); padding: 0; font-family: var(--lectern-font-mono); font-size: 0.85rem; }
      .diff li { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0 var(--lectern-space-1); }
      .back { color: var(--lectern-ok); }
      .gone { color: var(--lectern-danger); }
      .diff li.back { background: color-mix(in srgb, var(--lectern-ok) 10%, transparent); }
      .diff li.gone { background: color-mix(in srgb, var(--lectern-danger) 10%, transparent); }
      .text {
        flex: 1 1 auto; min-height: 8rem; overflow: auto; margin: 0; padding: var(--lectern-space-2);
        background: var(--lectern-surface-2); border: 1px solid var(--lectern-border); border-radius: var(--lectern-radius);
        font-family: var(--lectern-font-mono); font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere;
      }
      .actions { display: flex; flex-wrap: wrap; align-items: center; gap: var(--lectern-space-3); margin-top: var(--lectern-space-3); }
      .actions .muted { font-size: 0.88rem; }
      @media (max-width: 48rem) {
        .body { grid-template-columns: 1fr; }
      }
    `,
  ];
}

if (!customElements.get('lectern-revision-history')) customElements.define('lectern-revision-history', RevisionHistory);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-revision-history': RevisionHistory;
  }
  interface HTMLElementEventMap {
    'restore-revision': CustomEvent<RestoreRevisionDetail>;
  }
}
