// How a screen that edits a deck shows its draft: the save state badge, the conflict choice and
// the notices (toasts) of the model's events. The editor and the lesson-plan form render these,
// so saving looks and reads the same on both.
import { css, html, nothing, type TemplateResult } from 'lit';
import { errorText } from '../app/error-text.ts';
import { showToast } from '../app/toast.ts';
import type { DeckDraft } from './deck-draft.ts';
import type { OpenDeckEvent } from './open-deck.ts';
import { saveMsg } from './messages.ts';

// Errors are translated where they are shown, by the app's one error-text module.
export { errorText };

export function renderSaveState(draft: DeckDraft | undefined): TemplateResult {
  const m = saveMsg();
  const state = draft?.state ?? 'saved';
  const label = { saved: m.saved, dirty: m.unsaved, saving: m.saving, error: m.saveFailed, conflict: m.conflictState }[state];
  return html`<span class="save ${state}" role="status" data-save-state=${state}>${label}</span>`;
}

export function renderConflict(draft: DeckDraft | undefined): TemplateResult | typeof nothing {
  if (!draft?.conflict) return nothing;
  const m = saveMsg();
  return html`<div class="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
    <strong id="conflict-title">${m.conflictTitle}</strong>
    <span id="conflict-text">${m.conflictText}</span>
    <button class="primary" @click=${() => void draft.keepMine()}>${m.keepMine}</button>
    <button @click=${() => void draft.takeTheirs()}>${m.takeTheirs}</button>
  </div>`;
}

/** The toast an event of the model deserves, if any (a restore announces itself with its date). */
export function toastDraftEvent(event: OpenDeckEvent): void {
  const m = saveMsg();
  if (event.type === 'replaced' && event.reason === 'followed-remote') showToast({ message: m.updatedElsewhere });
  else if (event.type === 'replaced' && event.reason === 'took-theirs') showToast({ message: m.keptInHistory });
  else if (event.type === 'kept-mine') showToast({ message: m.theirsInHistory });
  else if (event.type === 'save-failed') showToast({ kind: 'error', message: errorText(event.error) });
}

export const saveStatusStyles = css`
  .save { font-size: 0.9rem; padding: 0.15rem 0.6rem; border-radius: 999px; background: var(--lectern-surface-2); }
  .save.saved { color: var(--lectern-ok); }
  .save.saved::before { content: '✓ '; }
  .save.error, .save.conflict { color: var(--lectern-danger); font-weight: 700; }
  .conflict {
    display: flex; flex-wrap: wrap; gap: var(--lectern-space-2); align-items: center;
    padding: var(--lectern-space-3); margin-bottom: var(--lectern-space-2);
    border: 2px solid var(--lectern-danger); border-radius: var(--lectern-radius); background: var(--lectern-accent-soft);
  }
`;
