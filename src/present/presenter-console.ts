// <lectern-presenter-console>: the one-screen presenter mode (`present.html?…&lectern-mode=
// presenter`) for rooms without a second display -- the current slide (the real reveal.js deck,
// placed in the left pane by CSS), the next slide (a receiver iframe driven like reveal.js's own
// speaker view does), the notes, a clock, the class time, pacing and the discussion countdown.
// It renders only what Presentation.snapshot() says, so it and the speaker view always agree.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { formatDate } from '../app/i18n.ts';
import { LangController } from '../app/lang-controller.ts';
import { presentMsg } from './messages.ts';
import { formatDuration } from './pacing.ts';
import { isReadyMessage } from './reveal-gate.ts';
import { paceText, remainingText, type Presentation, type Snapshot } from './presentation.ts';

export class PresenterConsole extends LitElement {
  static override properties = {
    presentation: { attribute: false },
    previewUrl: { attribute: false },
    snap: { state: true },
  };

  declare presentation: Presentation | undefined;
  /** URL of the next-slide preview (present.html in receiver mode). */
  declare previewUrl: string;
  declare snap: Snapshot | undefined;
  private unsubscribe: (() => void) | undefined;
  private previewReady = false;
  private lastPreviewState = '';

  constructor() {
    super();
    new LangController(this);
    this.previewUrl = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.handleMessage);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('message', this.handleMessage);
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('presentation')) {
      this.unsubscribe?.();
      const p = this.presentation;
      if (p) {
        this.snap = p.snapshot();
        this.unsubscribe = p.onChange(() => {
          this.snap = p.snapshot();
          this.syncPreview();
        });
      }
    }
  }

  private handleMessage = (event: MessageEvent): void => {
    if (event.origin !== location.origin) return;
    if (isReadyMessage(event.data)) {
      const frame = this.renderRoot.querySelector('iframe');
      if (frame && event.source === frame.contentWindow) {
        this.previewReady = true;
        this.lastPreviewState = '';
        this.syncPreview();
      }
    }
  };

  /** Shows the step after the current one: same state, then `next` (fragments count). */
  private syncPreview(): void {
    const frame = this.renderRoot.querySelector('iframe');
    const p = this.presentation;
    if (!frame?.contentWindow || !p || !this.previewReady) return;
    const state = p.reveal.getState();
    const key = JSON.stringify(state);
    if (key === this.lastPreviewState) return;
    this.lastPreviewState = key;
    frame.contentWindow.postMessage(JSON.stringify({ method: 'setState', args: [state] }), location.origin);
    frame.contentWindow.postMessage(JSON.stringify({ method: 'next' }), location.origin);
  }

  private act(run: (p: Presentation) => void): void {
    if (this.presentation) run(this.presentation);
  }

  private resetClock(): void {
    if (window.confirm(presentMsg().confirmResetTimer)) this.act((p) => p.resetClock());
  }

  override render(): TemplateResult {
    const m = presentMsg();
    const s = this.snap;
    const c = s?.countdown;
    return html`
      <!-- Only holds the place of the real deck (the named region .reveal, laid over it by CSS). -->
      <div class="current-area" aria-hidden="true"></div>
      <aside class="side" aria-label=${m.presenterConsole}>
        <h2>${m.next}</h2>
        ${s?.isLast ? html`<p class="muted last">${m.lastSlide}</p>` : nothing}
        <iframe class="next" title=${m.next} src=${this.previewUrl} tabindex="-1"></iframe>
        <div class="times">
          <div><span class="label">${m.clock}</span><span class="big clock">${formatDate(Date.now(), { timeStyle: 'short' })}</span></div>
          <div>
            <span class="label">${m.elapsed}</span><span class="big elapsed">${formatDuration(s?.elapsedSec ?? 0)}</span>
            <button class="small" data-action="reset-clock" @click=${this.resetClock}>${m.resetTimer}</button>
          </div>
          ${s?.remainingSec !== undefined
            ? html`<div><span class="label">${m.remaining}</span><span class="big remaining ${s.remainingSec < 0 ? 'over' : ''}">${remainingText(s.remainingSec)}</span></div>`
            : nothing}
          <div class="pace ${s?.pace.state ?? ''}" data-pace=${s?.pace.state ?? ''}>
            ${s ? paceText(s.pace) : ''}
            ${s && s.pace.state !== 'no-plan'
              ? html`<span class="muted"> · ${m.planned}: ${formatDuration(s.pace.plannedThroughSec)}</span>`
              : nothing}
          </div>
          <div class="muted">${s ? m.slideOf(s.index + 1, s.total) : ''}</div>
        </div>
        ${c
          ? html`<div class="countdown ${c.ended ? 'ended' : ''}">
              <span class="label">${m.discussion}${c.groups ? ` · ${m.groups(c.groups)}` : ''}</span>
              <span class="big">${c.ended ? m.timeUp : formatDuration(Math.ceil(c.remainingMs / 1000))}</span>
              <div class="buttons">
                <button data-action="toggle" @click=${() => this.act((p) => p.handleKeyCode(84))}>${c.running ? m.pause : m.start}</button>
                <button data-action="extend" @click=${() => this.act((p) => p.timers.extend(1))}>${m.extend}</button>
                <button data-action="reset" @click=${() => this.act((p) => p.timers.reset())}>${m.reset}</button>
              </div>
            </div>`
          : nothing}
        <div class="buttons tools">
          <button data-action="white" aria-pressed=${s?.whiteScreen ? 'true' : 'false'} @click=${() => this.act((p) => p.handleKeyCode(87))}>${m.whiteScreen}</button>
          <button data-action="laser" aria-pressed=${s?.laser ? 'true' : 'false'} @click=${() => this.act((p) => p.handleKeyCode(88))}>${m.laser}</button>
          <button data-action="end" class="primary" @click=${() => this.act((p) => p.onEnd())}>${m.end}</button>
        </div>
      </aside>
      <section class="notes" aria-label=${m.notes}>
        <h2>${m.notes}</h2>
        <div class="notes-body">${s?.notesHtml ? unsafeHTML(s.notesHtml) /* sanitized with the deck */ : html`<p class="muted">${m.noNotes}</p>`}</div>
      </section>
    `;
  }

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      display: grid;
      grid-template-columns: 62vw 1fr;
      grid-template-rows: calc(62vw * 9 / 16) 1fr;
      grid-template-areas: 'current side' 'notes side';
      gap: 0;
      background: #111;
      color: #f2f2f2;
      font-family: var(--lectern-font, system-ui, sans-serif);
      line-height: 1.5;
      z-index: 0;
    }
    .current-area { grid-area: current; }
    .side {
      grid-area: side;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      padding: 0.75rem;
      overflow: auto;
      border-left: 1px solid #333;
    }
    .notes { grid-area: notes; padding: 0.75rem 1rem; overflow: auto; border-top: 1px solid #333; font-size: 1.25rem; }
    h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: #bbb; margin: 0; }
    iframe.next { width: 100%; aspect-ratio: 16 / 9; border: 1px solid #444; background: #000; }
    .label { display: block; font-size: 0.8rem; color: #bbb; }
    .big { font-size: 2rem; font-variant-numeric: tabular-nums; }
    .times { display: grid; gap: 0.5rem; }
    .pace { font-size: 1.2rem; }
    .pace.ahead { color: #8fe3a5; }
    .pace.behind, .remaining.over { color: #ffb4a8; }
    .muted { color: #bbb; }
    .countdown { padding: 0.5rem; border: 1px solid #f0a14a; border-radius: 6px; }
    .countdown.ended .big { color: #ffd479; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.4rem; }
    button {
      font: inherit;
      min-height: 2.4rem;
      padding: 0 0.8rem;
      border-radius: 6px;
      border: 1px solid #777;
      background: #2a2a2a;
      color: #fff;
      cursor: pointer;
    }
    button.small { min-height: 1.8rem; font-size: 0.8rem; margin-left: 0.5rem; }
    button.primary { background: #a4161a; border-color: #a4161a; }
    button[aria-pressed='true'] { background: #f2f2f2; color: #111; }
    button:focus-visible { outline: 3px solid #8ab4f8; outline-offset: 2px; }
    .notes-body :is(p, li) { margin: 0 0 0.5em; }
  `;
}

if (!customElements.get('lectern-presenter-console')) customElements.define('lectern-presenter-console', PresenterConsole);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-presenter-console': PresenterConsole;
  }
}
