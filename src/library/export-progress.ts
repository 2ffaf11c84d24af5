// The progress shown while a file export runs (Offline HTML, PowerPoint), on a deck card and in
// the editor: one template and one style. The live region is there (empty) as soon as the export
// starts, so its label is announced once when the first progress comes; the bar is named by that
// label and carries the numbers (not re-announced on every step).
import { css, html, nothing } from 'lit';
import type { ExportProgress } from './sharing-bridge.ts';

export function renderExportProgress(progress: ExportProgress | undefined) {
  return html`<div class="export-progress">
    <span role="status">${progress?.label ?? ''}</span>
    ${progress
      ? html`<progress max=${progress.total} .value=${progress.done} aria-label=${progress.label}></progress>
          <span class="muted">${progress.text}</span>`
      : nothing}
  </div>`;
}

export const exportProgressStyles = css`
  .export-progress { display: flex; flex-wrap: wrap; align-items: center; gap: var(--lectern-space-1); font-size: 0.9rem; }
  .export-progress progress { flex: 1 1 8rem; }
`;
