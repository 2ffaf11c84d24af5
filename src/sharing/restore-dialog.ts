// Restoring a library backup from the library's "Restore backup" button: the whole file is
// checked first (previewLibraryBackup), then the dialog shows what it holds (decks, which ones are
// already in the library, excerpts, classes) and asks what to do with decks already present.
// Nothing is stored before the user chooses "Restore". Loaded on demand with src/sharing.
import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatDate, formatNumber } from '../app/i18n.ts';
import { ChoiceDialog } from '../app/choice-dialog.ts';
import type { Store } from '../store/index.ts';
import { previewLibraryBackup, restoreLibrary, type BackupPreview, type RestoreChoice, type RestoreResult } from './backup.ts';
import { restoreMsg as msg } from './messages.ts';

export type RestoreDecision = RestoreChoice | 'cancel';

/** Shows the checked backup (`preview`) once askAfter's check is done. */
export class RestoreDialog extends ChoiceDialog<RestoreDecision, BackupPreview> {
  static override properties = {
    choice: { state: true },
  };

  declare choice: RestoreChoice;

  constructor() {
    super();
    this.choice = 'skip';
  }

  static override styles = [
    ...ChoiceDialog.baseStyles,
    css`
      dialog { max-width: 36rem; }
      ul.decks { max-height: 40vh; overflow: auto; padding-left: 1.2rem; }
      fieldset { border: 1px solid var(--lectern-border); border-radius: var(--lectern-radius); }
      fieldset label { display: block; margin: 0.25rem 0; }
    `,
  ];

  override render() {
    const m = msg();
    const p = this.preview;
    const conflicts = p?.decks.some((d) => d.exists) ?? false;
    return html`<dialog aria-labelledby="restore-title" @cancel=${this.cancelled}>
      <h2 id="restore-title">${m.title(this.fileName)}</h2>
      ${p === undefined
        ? html`<p>${m.checking}</p><div class="actions"><button @click=${() => this.decide('cancel')}>${m.cancel}</button></div>`
        : html`<p>${m.created(formatDate(p.createdAt, { dateStyle: 'medium', timeStyle: 'short' }))}</p>
            <p>${m.decks(formatNumber(p.decks.length))}</p>
            <ul class="decks">
              ${repeat(p.decks, (d) => d.id, (d) => html`<li>${d.title} — ${m.slides(formatNumber(d.slideCount))}${d.exists ? html` (<strong>${m.exists}</strong>)` : nothing}</li>`)}
            </ul>
            <p>${m.extras(formatNumber(p.excerpts.length), formatNumber(p.sessions.length))}</p>
            ${conflicts
              ? html`<fieldset>
                  <legend>${m.conflictLegend}</legend>
                  ${(['skip', 'keep-both', 'replace'] as const).map(
                    (c) => html`<label><input type="radio" name="choice" value=${c} .checked=${this.choice === c} @change=${() => (this.choice = c)} />
                      ${c === 'skip' ? m.skip : c === 'keep-both' ? m.keepBoth : m.replace}</label>`,
                  )}
                </fieldset>`
              : nothing}
            <p class="muted">${m.nothingStored}</p>
            <div class="actions">
              <button @click=${() => this.decide('cancel')}>${m.cancel}</button>
              <button class="primary" @click=${() => this.decide(this.choice)}>${m.restore}</button>
            </div>`}
    </dialog>`;
  }
}

if (!customElements.get('lectern-restore-dialog')) customElements.define('lectern-restore-dialog', RestoreDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-restore-dialog': RestoreDialog;
  }
}

/**
 * The library's "Restore backup": check, preview, ask, then restore. Returns what was done, or
 * undefined when the user cancels. @throws SharingError (the caller shows it with sharingErrorText).
 */
export async function restoreBackupFile(store: Store, file: File): Promise<{ result: RestoreResult; message: string } | undefined> {
  const dialog = document.createElement('lectern-restore-dialog');
  document.body.append(dialog);
  try {
    const asked = await dialog.askAfter(file.name, () => previewLibraryBackup(store, file));
    if (!asked) return undefined;
    const result = await restoreLibrary(store, asked.checked, { onConflict: asked.decision });
    return { result, message: msg().done(result.created + result.keptBoth, result.replaced, result.skipped) };
  } finally {
    dialog.remove();
  }
}
