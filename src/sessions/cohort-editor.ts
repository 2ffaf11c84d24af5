// <lectern-cohort-editor>: rename cohorts, name their learners, add new ones. Ids never change
// (sessions store the id), so a rename relabels past sessions and reports. Built-in cohorts show
// their built-in wording as a placeholder; clearing a field goes back to it.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { getLang } from '../app/i18n.ts';
import { LangController } from '../app/lang-controller.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import { BUILTIN_COHORTS, checkCohorts, cohortLabel, cohortLearnerNoun, type CohortDef, type CohortProblem } from './cohorts.ts';
import { sessionsMsg as msg } from './messages.ts';
import type { SessionsModel } from './sessions-model.ts';
import { errorText } from '../app/error-text.ts';

export class CohortEditor extends LitElement {
  static override properties = {
    model: { attribute: false },
    draft: { state: true },
    problems: { state: true },
  };

  declare model: SessionsModel | undefined;
  declare draft: CohortDef[];
  declare problems: CohortProblem[];

  constructor() {
    super();
    new LangController(this);
    this.model = undefined;
    this.draft = [];
    this.problems = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('model') && this.model) this.draft = this.model.cohorts.map((c) => ({ ...c }));
  }

  private edit(index: number, key: 'label' | 'learnerNoun', value: string): void {
    this.draft = this.draft.map((c, i) => (i === index ? { ...c, [key]: value } : c));
  }

  private addCohort(): void {
    this.draft = [...this.draft, { id: `c-${crypto.randomUUID().slice(0, 8)}`, label: '' }];
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const m = msg();
    const cleaned = this.draft.map((c) => {
      const out: CohortDef = { id: c.id };
      if (c.label?.trim()) out.label = c.label.trim();
      if (c.learnerNoun?.trim()) out.learnerNoun = c.learnerNoun.trim();
      return out;
    });
    this.problems = checkCohorts(cleaned, getLang());
    if (this.problems.length > 0 || !this.model) return;
    try {
      await this.model.saveCohorts(cleaned);
      this.draft = this.model.cohorts.map((c) => ({ ...c }));
      showToast({ message: m.cohortsSaved });
    } catch (error) {
      showToast({ kind: 'error', message: m.failed(errorText(error)) });
    }
  }

  override render() {
    const m = msg();
    const lang = getLang();
    return html`<form @submit=${this.save} novalidate>
      <p class="muted">${m.cohortsIntro}</p>
      <ol>
        ${this.draft.map((c, index) => {
          const problem = this.problems.find((p) => p.index === index);
          const builtin = BUILTIN_COHORTS[c.id] !== undefined;
          return html`<li>
            <label>
              <span>${m.cohortLabel(index + 1)}</span>
              <input
                type="text"
                maxlength="200"
                .value=${c.label ?? ''}
                placeholder=${builtin ? cohortLabel(undefined, c.id, lang) : ''}
                aria-invalid=${problem ? 'true' : nothing}
                @input=${(e: Event) => this.edit(index, 'label', (e.target as HTMLInputElement).value)}
              />
            </label>
            <label>
              <span>${m.cohortNoun(index + 1)}</span>
              <input
                type="text"
                maxlength="200"
                .value=${c.learnerNoun ?? ''}
                placeholder=${builtin ? cohortLearnerNoun(undefined, c.id, lang, 2) : m.cohortNounHint}
                @input=${(e: Event) => this.edit(index, 'learnerNoun', (e.target as HTMLInputElement).value)}
              />
            </label>
            ${problem
              ? html`<span class="error" role="alert">${problem.code === 'label-empty' ? m.cohortEmpty : m.cohortDuplicate}</span>`
              : nothing}
          </li>`;
        })}
      </ol>
      <div class="actions">
        <button type="button" @click=${this.addCohort}>${m.addCohort}</button>
        <button type="submit" class="primary">${m.saveCohorts}</button>
      </div>
    </form>`;
  }

  static override styles = [
    uiStyles,
    css`
      :host { display: block; margin-top: var(--lectern-space-3); }
      ol { display: grid; gap: var(--lectern-space-3); padding-left: 1.5rem; }
      li { display: flex; flex-wrap: wrap; gap: var(--lectern-space-3); align-items: end; }
      .actions { display: flex; gap: var(--lectern-space-2); }
    `,
  ];
}

if (!customElements.get('lectern-cohort-editor')) customElements.define('lectern-cohort-editor', CohortEditor);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-cohort-editor': CohortEditor;
  }
}
