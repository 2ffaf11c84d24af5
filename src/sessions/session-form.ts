// <lectern-session-form>: add or edit one session. Checks the values with checkSessionForm and
// shows each problem beside its field (aria-invalid + aria-describedby); only a clean draft leaves
// the form, as a `session-submit` event. The deck is optional: a class taught without a Lectern
// deck is recorded with "no deck / other".
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { getLang } from '../app/i18n.ts';
import { LangController } from '../app/lang-controller.ts';
import { uiStyles } from '../app/ui-styles.ts';
import { cohortLabel, type CohortDef } from './cohorts.ts';
import { sessionsMsg as msg } from './messages.ts';
import { checkSessionForm, sessionProblemMessage, type SessionDraft, type SessionField, type SessionFormValues, type SessionProblem } from './validate.ts';

export type SessionSubmitEvent = CustomEvent<{ draft: SessionDraft; id: string | undefined }>;

declare global {
  interface HTMLElementEventMap {
    'session-submit': SessionSubmitEvent;
    'session-cancel': CustomEvent<void>;
  }
  interface HTMLElementTagNameMap {
    'lectern-session-form': SessionForm;
  }
}

export interface DeckOption {
  id: string;
  title: string;
  /** A deck that no longer exists (editing an old session): kept so saving keeps the link. */
  deleted?: boolean;
}

export const emptyFormValues = (date: string, cohort = 'new-members'): SessionFormValues => ({
  date,
  deckId: '',
  className: '',
  cohort,
  learners: '',
  minutes: '',
  place: '',
  notes: '',
});

export class SessionForm extends LitElement {
  static override properties = {
    values: { attribute: false },
    sessionId: { attribute: false },
    cohorts: { attribute: false },
    decks: { attribute: false },
    busy: { type: Boolean },
    problems: { state: true },
  };

  /** Initial values (as strings); the form edits its own copy. */
  declare values: SessionFormValues;
  /** Id of the session being edited; undefined when adding. */
  declare sessionId: string | undefined;
  declare cohorts: CohortDef[];
  declare decks: DeckOption[];
  /** True while the parent is saving: the buttons are disabled. */
  declare busy: boolean;
  declare problems: SessionProblem[];

  private current: SessionFormValues;

  constructor() {
    super();
    new LangController(this);
    this.values = emptyFormValues('');
    this.current = { ...this.values };
    this.sessionId = undefined;
    this.cohorts = [];
    this.decks = [];
    this.busy = false;
    this.problems = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('values')) {
      this.current = { ...this.values };
      this.problems = [];
    }
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#f-date')?.focus();
  }

  private handleInput(field: SessionField, event: Event): void {
    this.current = { ...this.current, [field]: (event.target as HTMLInputElement).value };
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    const result = checkSessionForm(this.current, this.cohorts);
    if (!result.ok) {
      this.problems = result.problems;
      void this.updateComplete.then(() => {
        const first = result.problems[0];
        if (first) this.renderRoot.querySelector<HTMLElement>(`#f-${first.field}`)?.focus();
      });
      return;
    }
    this.problems = [];
    this.dispatchEvent(
      new CustomEvent('session-submit', { detail: { draft: result.draft, id: this.sessionId }, bubbles: true, composed: true }),
    );
  }

  private handleCancel(): void {
    this.dispatchEvent(new CustomEvent('session-cancel', { bubbles: true, composed: true }));
  }

  private field(field: SessionField, label: string, control: unknown, hint?: string) {
    const problems = this.problems.filter((p) => p.field === field);
    return html`<div class="field ${field}">
      <label for="f-${field}">${label}</label>
      ${control}
      ${hint ? html`<span class="hint muted" id="h-${field}">${hint}</span>` : nothing}
      ${problems.length
        ? html`<span class="error" id="e-${field}">${problems.map((p) => sessionProblemMessage(p.code, getLang())).join(' ')}</span>`
        : nothing}
    </div>`;
  }

  private described(field: SessionField, hint = false): string | typeof nothing {
    const ids = [hint ? `h-${field}` : '', this.problems.some((p) => p.field === field) ? `e-${field}` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private invalid(field: SessionField): 'true' | typeof nothing {
    return this.problems.some((p) => p.field === field) ? 'true' : nothing;
  }

  override render() {
    const m = msg();
    const lang = getLang();
    const v = this.current;
    const text = (field: 'className' | 'place', hint?: string) => html`<input
      id="f-${field}"
      type="text"
      maxlength="2000"
      .value=${v[field]}
      aria-invalid=${this.invalid(field)}
      aria-describedby=${this.described(field, Boolean(hint))}
      @input=${(e: Event) => this.handleInput(field, e)}
    />`;
    const count = (field: 'learners' | 'minutes', required: boolean) => html`<input
      id="f-${field}"
      type="text"
      inputmode="numeric"
      autocomplete="off"
      ?required=${required}
      .value=${v[field]}
      aria-invalid=${this.invalid(field)}
      aria-describedby=${this.described(field)}
      @input=${(e: Event) => this.handleInput(field, e)}
    />`;
    return html`<form
      novalidate
      @submit=${this.handleSubmit}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape' && !this.busy) this.handleCancel();
      }}
    >
      <h2>${this.sessionId ? m.formEdit : m.formAdd}</h2>
      ${this.problems.length ? html`<p class="error" role="alert">${m.fixErrors}</p>` : nothing}
      <div class="grid">
        ${this.field(
          'date',
          m.date,
          html`<input
            id="f-date"
            type="date"
            required
            .value=${v.date}
            aria-invalid=${this.invalid('date')}
            aria-describedby=${this.described('date')}
            @input=${(e: Event) => this.handleInput('date', e)}
            @change=${(e: Event) => this.handleInput('date', e)}
          />`,
        )}
        ${this.field(
          'deckId',
          m.deck,
          html`<select id="f-deckId" @change=${(e: Event) => this.handleInput('deckId', e)}>
            <option value="" ?selected=${v.deckId === ''}>${m.deckNone}</option>
            ${this.decks.map(
              (d) => html`<option value=${d.id} ?selected=${v.deckId === d.id}>
                ${d.deleted ? `${d.title} ${m.deleted}` : d.title}
              </option>`,
            )}
          </select>`,
        )}
        ${this.field('className', m.className, text('className', m.classHint), m.classHint)}
        ${this.field(
          'cohort',
          m.cohort,
          html`<select
            id="f-cohort"
            required
            aria-invalid=${this.invalid('cohort')}
            aria-describedby=${this.described('cohort')}
            @change=${(e: Event) => this.handleInput('cohort', e)}
          >
            ${this.cohorts.map(
              (c) => html`<option value=${c.id} ?selected=${v.cohort === c.id}>${cohortLabel(c, c.id, lang)}</option>`,
            )}
          </select>`,
        )}
        ${this.field('learners', m.learners, count('learners', true))}
        ${this.field('minutes', m.minutes, count('minutes', false))}
        ${this.field('place', m.place, text('place'))}
        ${this.field(
          'notes',
          m.notes,
          html`<textarea
            id="f-notes"
            rows="2"
            maxlength="2000"
            .value=${v.notes}
            aria-invalid=${this.invalid('notes')}
            aria-describedby=${this.described('notes')}
            @input=${(e: Event) => this.handleInput('notes', e)}
          ></textarea>`,
        )}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${m.save}</button>
        <button type="button" ?disabled=${this.busy} @click=${this.handleCancel}>${m.cancel}</button>
      </div>
    </form>`;
  }

  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      form { display: grid; gap: var(--lectern-space-3); }
      h2 { margin: 0; }
      .grid { display: grid; gap: var(--lectern-space-3); grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
      .field { display: flex; flex-direction: column; gap: var(--lectern-space-1); }
      .field.notes { grid-column: 1 / -1; }
      .hint { font-size: 0.85rem; }
      .error { font-size: 0.9rem; }
      [aria-invalid='true'] { border-color: var(--lectern-danger); }
      .actions { display: flex; gap: var(--lectern-space-2); }
    `,
  ];
}

if (!customElements.get('lectern-session-form')) customElements.define('lectern-session-form', SessionForm);
