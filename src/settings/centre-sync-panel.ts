// Settings → "Centre sync": connect to the training centre's server, see the status (a live
// region), sync now, disconnect, and the state of every record (synced, waiting, conflict), with
// the comparison of a conflicting record's versions (every other version, one choice each,
// applied in one action). A view over src/sync/centre-sync.ts.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatNumber } from '../app/i18n.ts';
import { LangController } from '../app/lang-controller.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import { lineChanges } from '../editor/line-changes.ts';
import type { Store } from '../store/index.ts';
import { CentreError } from '../sync/connection.ts';
import { centreSyncState, connectCentre, disconnectCentre, onCentreSyncState, resumeCentreSync, type CentreSyncState } from '../sync/centre-sync.ts';
import { syncMsg as msg } from '../sync/messages.ts';
import { centreProblemText, type CentreAction } from '../sync/centre-text.ts';
import { ConflictChoiceError } from '../sync/conflict-choices.ts';
import type { RecordConflict, SyncItem, SyncStatus, VersionChoice, VersionText } from '../sync/sync-engine.ts';

const SHOWN_LINES = 8;

/** What failed, worded by the one catalogue (centre-text.ts) for what the lecturer was doing. */
interface Failure {
  error: unknown;
  action: CentreAction;
}

export class CentreSyncPanel extends LitElement {
  static override properties = {
    store: { attribute: false },
    syncState: { state: true },
    status: { state: true },
    items: { state: true },
    busy: { state: true },
    failure: { state: true },
    conflict: { state: true },
    choices: { state: true },
  };
  declare store: Store | undefined;
  declare syncState: CentreSyncState;
  declare status: SyncStatus | undefined;
  declare items: SyncItem[];
  declare busy: boolean;
  declare failure: Failure | undefined;
  declare conflict: RecordConflict | undefined;
  /** The lecturer's choice for each other version of `conflict`, by revision. */
  declare choices: Record<string, VersionChoice>;
  private server = '';
  private user = '';
  private unlisten: (() => void)[] = [];
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    new LangController(this);
    this.syncState = centreSyncState();
    this.items = [];
    this.busy = false;
    this.choices = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unlisten.push(onCentreSyncState((s) => this.follow(s)));
    this.follow(centreSyncState());
    // Seconds until the next retry count down in the status line.
    this.ticker = setInterval(() => {
      if (this.status?.retryAt) this.requestUpdate();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.unlisten.splice(0)) off();
    if (this.ticker) clearInterval(this.ticker);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('store') && this.store && this.syncState.kind === 'off') {
      const store = this.store;
      void store.getSetting('centreSync').then((setting) => {
        if (setting) void resumeCentreSync(store).catch((error: unknown) => (this.failure = { error, action: 'read' }));
      });
    }
  }

  private engineOff: (() => void) | undefined;

  private follow(state: CentreSyncState): void {
    this.syncState = state;
    this.engineOff?.();
    this.engineOff = undefined;
    if (state.kind === 'on') {
      this.server = state.engine.connection.server;
      this.user = state.engine.connection.user;
      this.engineOff = state.engine.onStatus((status) => {
        this.status = status;
        this.items = state.engine.items();
      });
    } else {
      this.status = undefined;
      this.items = [];
      if (state.kind === 'needs-password') {
        this.server = state.server;
        this.user = state.user;
      }
    }
  }

  private async connect(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.store || this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const server = String(data.get('server') ?? '');
    const user = String(data.get('user') ?? '');
    const password = String(data.get('password') ?? '');
    this.busy = true;
    this.failure = undefined;
    try {
      await connectCentre(this.store, server, user, password);
      form.reset();
      showToast({ message: msg().connected, timeoutMs: 2500 });
    } catch (error) {
      this.failure = { error, action: 'connect' };
    } finally {
      this.busy = false;
    }
  }

  private async syncNow(): Promise<void> {
    if (this.syncState.kind !== 'on') return;
    this.failure = undefined;
    await this.syncState.engine.syncNow().catch(() => undefined); // shown by the status line
  }

  private async disconnect(): Promise<void> {
    if (!this.store) return;
    await disconnectCentre(this.store);
    showToast({ message: msg().disconnected, timeoutMs: 3000 });
  }

  private async compare(item: SyncItem): Promise<void> {
    if (this.syncState.kind !== 'on') return;
    this.conflict = await this.syncState.engine.recordConflict(item.key);
    // A deck's other versions are kept as copies unless the lecturer chooses otherwise; a session
    // or the cohort list cannot be copied, so each of their versions waits for a choice.
    const deck = this.conflict?.kind === 'deck';
    this.choices = Object.fromEntries(deck ? (this.conflict?.others ?? []).map((o) => [o.rev, 'copy' as const]) : []);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.conflict')?.showModal();
  }

  private pick(rev: string, choice: VersionChoice): void {
    const next: Record<string, VersionChoice> = { ...this.choices, [rev]: choice };
    // One version only can replace the library's: an earlier pick of "instead" goes back to the
    // safe choice for its kind.
    if (choice === 'take') {
      for (const [other, was] of Object.entries(next)) if (other !== rev && was === 'take') next[other] = this.conflict?.kind === 'deck' ? 'copy' : 'discard';
    }
    this.choices = next;
  }

  private closeConflict(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.conflict')?.close();
    this.conflict = undefined;
    this.choices = {};
  }

  private async apply(): Promise<void> {
    const conflict = this.conflict;
    const choices = this.choices;
    this.closeConflict();
    if (!conflict || this.syncState.kind !== 'on') return;
    try {
      await this.syncState.engine.resolve(conflict.key, choices);
      showToast({ message: msg().resolved, timeoutMs: 2500 });
    } catch (error) {
      showToast({ kind: 'error', message: error instanceof ConflictChoiceError && error.reason === 'stale' ? msg().stale : centreProblemText(error) });
    }
    this.items = this.syncState.kind === 'on' ? this.syncState.engine.items() : [];
  }

  private statusLine(): string {
    const m = msg();
    const s = this.status;
    if (this.failure) return centreProblemText(this.failure.error, this.failure.action);
    if (!s) return '';
    const parts: string[] = [];
    if (s.phase === 'syncing') parts.push(m.syncing);
    else if (s.phase === 'offline') parts.push(m.offline);
    else if (s.phase === 'failed' && s.error) {
      parts.push(centreProblemText(new CentreError(s.error)), m.localUnchanged);
      if (s.retryAt) parts.push(m.retryIn(formatNumber(Math.max(0, Math.ceil((s.retryAt - Date.now()) / 1000)))));
    } else parts.push(s.lastSyncedAt ? m.syncedAt(formatDate(s.lastSyncedAt, { dateStyle: 'short', timeStyle: 'medium' })) : m.never);
    if (s.refused > 0) parts.push(m.refused(formatNumber(s.refused)));
    return parts.join(' ');
  }

  private renderForm() {
    const m = msg();
    const needsPassword = this.syncState.kind === 'needs-password';
    return html`<form class="connect" @submit=${this.connect}>
      ${needsPassword ? html`<p>${m.needsPassword(this.user, this.server)}</p>` : nothing}
      <label>${m.server}
        <input name="server" type="url" required inputmode="url" autocomplete="url" placeholder="https://…" .value=${this.server} />
      </label>
      <label>${m.user}
        <input name="user" required autocomplete="username" .value=${this.user} />
      </label>
      <label>${m.password}
        <input name="password" type="password" required autocomplete="current-password" />
        <span class="muted hint">${m.passwordHint}</span>
      </label>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? m.connecting : m.connect}</button>
        ${needsPassword ? html`<button type="button" @click=${this.disconnect}>${m.disconnect}</button>` : nothing}
      </div>
    </form>`;
  }

  private renderItems() {
    const m = msg();
    if (this.items.length === 0) return nothing;
    const count = (state: SyncItem['state']) => formatNumber(this.items.filter((i) => i.state === state).length);
    const hasConflict = this.items.some((i) => i.state === 'conflict');
    return html`<details class="items" ?open=${hasConflict}>
      <summary>${m.items}: ${m.itemsSummary(count('synced'), count('waiting'), count('conflict'))}</summary>
      <table>
        <tbody>
          ${this.items.map(
            (item) => html`<tr data-state=${item.state}>
              <th scope="row">${item.title}<span class="muted kind"> · ${m.kind(item.kind)}</span></th>
              <td class="state">${m.state(item.state)}</td>
              <td>${item.state === 'conflict'
                ? html`<button @click=${() => void this.compare(item)} aria-label=${`${m.compare}: ${item.title}`}>${m.compare}</button>`
                : nothing}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
  }

  private renderVersion(label: string, side: VersionText, lines: readonly TemplateResult[], choice?: TemplateResult) {
    const m = msg();
    return html`<section aria-label=${label}>
      <h3>${label}</h3>
      ${side.updatedAt ? html`<p class="muted">${m.changedAt(formatDate(side.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }))}</p>` : nothing}
      ${lines}
      ${choice ?? nothing}
      <pre tabindex="0">${side.markdown}</pre>
    </section>`;
  }

  /** The line comparison of one other version with the library's, both ways. */
  private comparison(other: VersionText, current: VersionText) {
    const m = msg();
    const { back: onlyHere, gone: onlyInLibrary } = lineChanges(other.markdown, current.markdown);
    const list = (lines: readonly string[], words: string) =>
      html`<p>${words}</p><ul class="diff">${lines.slice(0, SHOWN_LINES).map((line) => html`<li>${line}</li>`)}</ul>`;
    return html`${list(onlyHere, m.linesOnlyHere(formatNumber(onlyHere.length)))}${list(onlyInLibrary, m.linesOnlyInLibrary(formatNumber(onlyInLibrary.length)))}`;
  }

  private renderChoice(c: RecordConflict, rev: string, label: string) {
    const m = msg();
    const options: [VersionChoice, string][] = [['take', m.chooseTake], ...(c.kind === 'deck' ? ([['copy', m.chooseCopy]] as [VersionChoice, string][]) : []), ['discard', m.chooseDiscard]];
    return html`<fieldset>
      <legend>${m.whatToDo}</legend>
      ${options.map(
        ([value, words]) => html`<label class="choice"><input type="radio" name=${`choice-${rev}`} .value=${value} .checked=${this.choices[rev] === value}
          aria-label=${`${words} (${label})`} @change=${() => this.pick(rev, value)} />${words}</label>`,
      )}
    </fieldset>`;
  }

  private renderConflict() {
    const m = msg();
    const c = this.conflict;
    const ready = c !== undefined && c.others.every((o) => this.choices[o.rev] !== undefined);
    return html`<dialog class="conflict" aria-labelledby="conflict-h" @cancel=${(e: Event) => {
      e.preventDefault();
      this.closeConflict();
    }}>
      ${c
        ? html`<h2 id="conflict-h">${m.conflictTitle(c.current.title || c.others[0]?.title || '', c.others.length + 1)}</h2>
            <p>${m.conflictIntro}</p>
            <div class="sides">
              ${this.renderVersion(m.current, c.current, [])}
              ${c.others.map((other, i) => {
                const label = m.otherN(formatNumber(i + 1));
                return this.renderVersion(label, other, [this.comparison(other, c.current)], this.renderChoice(c, other.rev, label));
              })}
            </div>
            <div class="actions">
              <button class="primary" ?disabled=${!ready} @click=${() => void this.apply()}>${m.apply}</button>
              <button @click=${() => this.closeConflict()}>${m.cancel}</button>
            </div>`
        : nothing}
    </dialog>`;
  }

  override render() {
    const m = msg();
    const on = this.syncState.kind === 'on';
    return html`<section class="card" aria-labelledby="centre-sync-h">
      <h2 id="centre-sync-h">${m.heading}</h2>
      <p class="muted">${m.intro}</p>
      ${on
        ? html`<p>${m.connectedAs(this.user, this.server)}</p>
            <div class="actions">
              <button class="primary" @click=${this.syncNow} ?disabled=${this.status?.phase === 'syncing'}>${m.syncNow}</button>
              <button @click=${this.disconnect}>${m.disconnect}</button>
            </div>`
        : this.renderForm()}
      ${on && this.status?.phase === 'failed' && this.status.error === 'refused' ? this.renderForm() : nothing}
      <p class="status" role="status" aria-live="polite">${this.statusLine()}</p>
      ${on ? this.renderItems() : nothing}
      ${this.renderConflict()}
    </section>`;
  }

  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      form.connect { display: flex; flex-direction: column; gap: var(--lectern-space-3); }
      label { display: flex; flex-direction: column; gap: var(--lectern-space-1); font-weight: 600; }
      input { font-weight: 400; }
      .hint { font-weight: 400; font-size: 0.9rem; }
      .actions { display: flex; gap: var(--lectern-space-2); flex-wrap: wrap; }
      .status:empty { display: none; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: start; padding: var(--lectern-space-1); border-top: 1px solid var(--lectern-border, #ccc); font-weight: 400; }
      tr[data-state='conflict'] .state { color: var(--lectern-danger); font-weight: 600; }
      dialog { max-width: min(70rem, 95vw); }
      .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: var(--lectern-space-3); }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 40vh; overflow: auto; font-family: var(--lectern-font-mono); font-size: 0.85rem; }
      fieldset { border: 1px solid var(--lectern-border, #ccc); display: flex; flex-direction: column; gap: var(--lectern-space-1); }
      label.choice { flex-direction: row; align-items: center; gap: var(--lectern-space-2); font-weight: 400; }
      .diff { font-family: var(--lectern-font-mono); font-size: 0.85rem; padding-inline-start: 1rem; }
    `,
  ];
}

if (!customElements.get('lectern-centre-sync')) customElements.define('lectern-centre-sync', CentreSyncPanel);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-centre-sync': CentreSyncPanel;
  }
}
