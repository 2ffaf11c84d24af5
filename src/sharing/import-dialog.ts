// The import preview: before anything is stored the user sees what the bundle holds (title,
// slides, media size, excerpts) and what importing will do, and chooses. While a large file is
// being checked the dialog shows progress. Used by importBundleFile (the library's Import).
import { css, html, nothing } from 'lit';
import { ChoiceDialog } from '../app/choice-dialog.ts';
import { formatBytes, formatDate, formatNumber } from '../app/i18n.ts';
import type { BundlePreview, ConflictChoice } from './import-bundle.ts';
import { dialogMsg as msg } from './messages.ts';

export type ImportDecision = ConflictChoice | 'create' | 'cancel';

/** Shows the checked bundle (`preview`) once askAfter's check is done. */
export class ImportDialog extends ChoiceDialog<ImportDecision, BundlePreview> {
  static override properties = {
    progress: { attribute: false },
  };

  /** Fraction of media checked so far (0-1), while checking. */
  declare progress: number;

  constructor() {
    super();
    this.progress = 0;
  }

  static override styles = [
    ...ChoiceDialog.baseStyles,
    css`
      dialog { max-width: 34rem; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
      dt { font-weight: 600; }
      progress { width: 100%; }
    `,
  ];

  override render() {
    const m = msg();
    const p = this.preview;
    return html`<dialog aria-labelledby="import-title" @cancel=${this.cancelled}>
      <h2 id="import-title">${m.title(this.fileName)}</h2>
      ${p === undefined
        ? html`<p>${m.checking}</p><progress max="1" .value=${this.progress} aria-label=${m.checking}></progress>
            <div class="actions"><button @click=${() => this.decide('cancel')}>${m.cancel}</button></div>`
        : html`<dl>
              <dt>${m.deck}</dt><dd>${p.title}</dd>
              <dt>${m.slides}</dt><dd>${formatNumber(p.slideCount)}</dd>
              <dt>${m.media}</dt><dd>${m.mediaSummary(formatNumber(p.mediaCount), formatBytes(p.mediaSize))}</dd>
              ${p.excerptCount > 0 ? html`<dt>${m.excerpts}</dt><dd>${formatNumber(p.excerptCount)}</dd>` : nothing}
            </dl>
            <p>${p.existing ? m.exists(formatDate(p.existing.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })) : m.willCreate}</p>
            <div class="actions">
              <button @click=${() => this.decide('cancel')}>${m.cancel}</button>
              ${p.existing
                ? html`<button @click=${() => this.decide('keep-both')}>${m.keepBoth}</button>
                    <button class="primary" @click=${() => this.decide('replace')}>${m.replace}</button>`
                : html`<button class="primary" @click=${() => this.decide('create')}>${m.import}</button>`}
            </div>`}
    </dialog>`;
  }
}

if (!customElements.get('lectern-import-dialog')) customElements.define('lectern-import-dialog', ImportDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-import-dialog': ImportDialog;
  }
}
