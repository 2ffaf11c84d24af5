// <lectern-after-class>: when a lesson ends, offers (never forces) to record the class taught --
// class name, cohort, learners, date, minutes -- into the sessions store, which the half-year
// report reads. "Skip" is as prominent as "Save"; Esc also skips.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { getLang } from '../app/i18n.ts';
import { getStore } from '../app/store.ts';
import { OTHER_COHORT_ID, cohortLabel, resolveCohortId, type CohortDef } from '../sessions/cohorts.ts';
import { readCohorts } from '../sessions/sessions-model.ts';
import { LangController } from '../app/lang-controller.ts';
import { uiStyles } from '../app/ui-styles.ts';
import { presentMsg } from './messages.ts';
import { errorText } from '../app/error-text.ts';

export interface AfterClassDefaults {
  deckId: string;
  deckTitle: string;
  cohort: string;
  minutes: number;
  /** The class's ink layer, when it drew anything: the session record references it. */
  inkLayer?: string;
}

/** Today as YYYY-MM-DD in the instructor's own time zone (never UTC: a class at 7 am in Hà Nội
 *  is on the local day). */
export function localDay(date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export class AfterClass extends LitElement {
  static override properties = {
    defaults: { attribute: false },
    error: { state: true },
    saving: { state: true },
    cohorts: { state: true },
    cohortId: { state: true },
  };

  declare defaults: AfterClassDefaults | undefined;
  /** The centre's cohort list (settings), the same the sessions screen and report use. */
  declare cohorts: CohortDef[];
  /** Preselected from the deck's `audience` ("Đảng viên mới" => new-members). */
  declare cohortId: string;
  declare error: string;
  declare saving: boolean;

  constructor() {
    super();
    new LangController(this);
    this.error = '';
    this.saving = false;
    this.cohorts = readCohorts(undefined);
    this.cohortId = OTHER_COHORT_ID;
  }

  /** Opens the dialog; resolves true when a session was saved, false when skipped. */
  async ask(defaults: AfterClassDefaults): Promise<boolean> {
    this.defaults = defaults;
    this.error = '';
    try {
      this.cohorts = readCohorts(await (await getStore()).getSetting('cohorts'));
    } catch {
      // settings unreadable: the built-in cohorts
    }
    const audience = defaults.cohort.trim();
    this.cohortId =
      resolveCohortId(audience, this.cohorts) ?? resolveCohortId(audience.replace(/\s*\(.*\)\s*$/, ''), this.cohorts) ?? OTHER_COHORT_ID;
    return new Promise((resolve) => {
      this.resolve = resolve;
      void this.updateComplete.then(() => {
        const dialog = this.renderRoot.querySelector('dialog');
        dialog?.showModal();
        this.renderRoot.querySelector<HTMLInputElement>('input[name="className"]')?.focus();
      });
    });
  }

  private resolve: (saved: boolean) => void = () => undefined;

  private finish(saved: boolean): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.resolve(saved);
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = presentMsg();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const className = text('className');
    const learners = Number(text('learners'));
    const minutes = Number(text('minutes'));
    if (!className) {
      this.error = m.requiredClass;
      return;
    }
    if (!Number.isInteger(learners) || learners < 0) {
      this.error = m.invalidLearners;
      return;
    }
    this.saving = true;
    try {
      const store = await getStore();
      const d = this.defaults;
      const notes = text('notes');
      const place = text('place');
      await store.createSession({
        deckId: d?.deckId,
        deckTitle: d?.deckTitle ?? '',
        date: text('date') || localDay(),
        className,
        cohort: text('cohort') || OTHER_COHORT_ID,
        learners,
        minutes: Number.isFinite(minutes) && minutes >= 0 ? Math.round(minutes) : 0,
        ...(place ? { place } : {}),
        ...(notes ? { notes } : {}),
        ...(d?.inkLayer ? { inkLayer: d.inkLayer } : {}),
      });
      this.finish(true);
    } catch (error) {
      this.error = m.saveFailed(errorText(error));
    } finally {
      this.saving = false;
    }
  }

  override render(): TemplateResult {
    const m = presentMsg();
    return html`<dialog
      aria-labelledby="after-class-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.finish(false);
      }}
    >
      <form @submit=${this.handleSubmit}>
        <h2 id="after-class-title">${m.recordTitle}</h2>
        <p class="muted">${m.recordIntro}</p>
        <div class="grid">
          <label>${m.className}<input name="className" required autocomplete="off" /></label>
          <label
            >${m.cohort}
            <select name="cohort">
              ${this.cohorts.map(
                (c) => html`<option value=${c.id} ?selected=${c.id === this.cohortId}>${cohortLabel(c, c.id, getLang())}</option>`,
              )}
            </select>
          </label>
          <label>${m.learners}<input name="learners" type="number" min="0" step="1" inputmode="numeric" required /></label>
          <label>${m.date}<input name="date" type="date" .value=${localDay()} /></label>
          <label>${m.minutes}<input name="minutes" type="number" min="0" step="1" .value=${String(this.defaults?.minutes ?? 0)} /></label>
          <label>${m.place}<input name="place" /></label>
          <label class="wide">${m.notesField}<textarea name="notes" rows="2"></textarea></label>
        </div>
        ${this.defaults?.inkLayer ? html`<p class="muted ink-note">${m.recordInk}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" data-action="skip" @click=${() => this.finish(false)}>${m.skip}</button>
          <button type="submit" class="primary" data-action="save" ?disabled=${this.saving}>${m.save}</button>
        </div>
      </form>
    </dialog>`;
  }

  static override styles = [
    uiStyles,
    css`
      dialog {
        border: none;
        border-radius: var(--lectern-radius, 6px);
        padding: var(--lectern-space-4, 1.5rem);
        max-width: 40rem;
        width: calc(100% - 2rem);
        background: var(--lectern-surface, #fff);
        color: var(--lectern-text, #1d1d1f);
      }
      dialog::backdrop { background: rgb(0 0 0 / 0.6); }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: var(--lectern-space-3, 1rem); }
      .wide { grid-column: 1 / -1; }
      .actions { display: flex; justify-content: flex-end; gap: var(--lectern-space-2, 0.5rem); margin-top: var(--lectern-space-3, 1rem); }
    `,
  ];
}

if (!customElements.get('lectern-after-class')) customElements.define('lectern-after-class', AfterClass);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-after-class': AfterClass;
  }
}
