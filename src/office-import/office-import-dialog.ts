// The Office import dialog: progress with Cancel while the Worker converts, then the preview
// (slides, titles, media sizes, what will be lost) before anything is stored; later, from the
// toast, the report with each entry linked to its slide's line in the editor.
import { css, html, nothing } from 'lit';
import { ChoiceDialog } from '../app/choice-dialog.ts';
import { formatBytes, formatNumber } from '../app/i18n.ts';
import { routeHash } from '../app/routes.ts';
import type { Converted, ConvertProgress } from './convert.ts';
import type { ShownReport } from './protocol.ts';
import { officeImportMsg as msg } from './messages.ts';

export type OfficeImportDecision = 'import' | 'cancel';

export class OfficeImportDialog extends ChoiceDialog<OfficeImportDecision> {
  static override properties = {
    progress: { attribute: false },
    converted: { attribute: false },
    reportOnly: { attribute: false },
  };

  declare progress: ConvertProgress | undefined;
  /** The conversion, once done: the preview shows. */
  declare converted: Pick<Converted, 'deckText' | 'report' | 'media'> | undefined;
  /** Showing the report of a stored deck (links to its lines), not a preview. */
  declare reportOnly: { deckId: string; report: ShownReport } | undefined;

  constructor() {
    super();
    this.progress = undefined;
    this.converted = undefined;
    this.reportOnly = undefined;
  }

  static override styles = [
    ...ChoiceDialog.baseStyles,
    css`
      dialog { max-width: 40rem; width: calc(100% - 2rem); }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
      dt { font-weight: 600; }
      progress { width: 100%; }
      .scroll { max-height: 12rem; overflow: auto; border: 1px solid var(--lectern-border, #ccc); padding: 0.25rem 0.5rem; }
      ol, ul { margin: 0.25rem 0; padding-left: 1.5rem; }
      .loss { color: var(--lectern-danger, #a00); }
    `,
  ];

  private entryItem(entry: ShownReport['entries'][number], deckId?: string) {
    const m = msg();
    const where = entry.slide === undefined ? '' : m.slide(formatNumber(entry.slide));
    const label = entry.label;
    const detail = entry.detail ? ` (${entry.detail})` : '';
    const link = deckId && entry.line !== undefined ? routeHash({ name: 'edit', deckId, line: entry.line }) : undefined;
    return html`<li class=${entry.loss ? 'loss' : ''}>${link ? html`<a href=${link} @click=${() => this.decide('cancel')}>${where}</a>` : where}${where ? ': ' : ''}${label}${detail}</li>`;
  }

  private reportLists(report: ShownReport, deckId?: string) {
    const m = msg();
    const losses = report.entries.filter((e) => e.loss);
    const notices = report.entries.filter((e) => !e.loss);
    return html`
      ${losses.length ? html`<h3>${m.losses}</h3><ul class="losses">${losses.map((e) => this.entryItem(e, deckId))}</ul>` : html`<p>${m.noLosses}</p>`}
      ${notices.length ? html`<h3>${m.notices}</h3><ul class="notices">${notices.map((e) => this.entryItem(e, deckId))}</ul>` : nothing}`;
  }

  override render() {
    const m = msg();
    if (this.reportOnly) {
      return html`<dialog aria-labelledby="office-report-title" @cancel=${() => this.decide('cancel')}>
        <h2 id="office-report-title">${m.reportTitle}</h2>
        ${this.reportLists(this.reportOnly.report, this.reportOnly.deckId)}
        <div class="actions"><button class="primary" @click=${() => this.decide('cancel')}>${m.close}</button></div>
      </dialog>`;
    }
    const c = this.converted;
    const p = this.progress;
    return html`<dialog aria-labelledby="office-import-title" @cancel=${this.cancelled}>
      <h2 id="office-import-title">${m.title(this.fileName)}</h2>
      ${c === undefined
        ? html`<p role="status">${p ? m.stage(p.stage) : m.converting}${p?.stage === 'slides' ? ` ${m.slideOf(formatNumber(p.done + 1), formatNumber(p.total))}` : ''}</p>
            <progress max=${p?.total || 1} .value=${p?.done ?? 0} aria-label=${m.converting}></progress>
            <div class="actions"><button class="cancel" @click=${() => this.decide('cancel')}>${m.cancel}</button></div>`
        : html`<dl>
              <dt>${m.deck}</dt><dd class="deck-title">${c.report.titles.find(Boolean) ?? this.fileName}</dd>
              <dt>${m.slides}</dt><dd class="slide-count">${formatNumber(c.report.slides)}</dd>
              <dt>${m.media}</dt><dd>${m.mediaSummary(formatNumber(c.media.length), formatBytes(c.media.reduce((s, x) => s + x.size, 0)))}</dd>
            </dl>
            <h3>${m.titles}</h3>
            <div class="scroll"><ol class="titles">${c.report.titles.map((t) => html`<li>${t || m.noTitle}</li>`)}</ol></div>
            ${c.media.length ? html`<h3>${m.media}</h3><div class="scroll"><ul class="media">${c.media.map((x) => html`<li>${x.path.replace(/^media\//, '')} — ${formatBytes(x.size)}</li>`)}</ul></div>` : nothing}
            ${this.reportLists(c.report)}
            <p class="muted">${m.nothingStored}</p>
            <div class="actions">
              <button class="cancel" @click=${() => this.decide('cancel')}>${m.cancel}</button>
              <button class="primary" @click=${() => this.decide('import')}>${m.import}</button>
            </div>`}
    </dialog>`;
  }
}

if (!customElements.get('lectern-office-import-dialog')) customElements.define('lectern-office-import-dialog', OfficeImportDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-office-import-dialog': OfficeImportDialog;
  }
}
