// <lectern-sessions>: the list of classes taught (#/sessions). Filters by period, cohort and deck;
// sorts by any column; adds, edits and deletes (with undo) through a SessionsModel. Filters and
// sort live in the hash's query (#/sessions?period=2026-h1&cohort=candidates) so a reload keeps them.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { formatNumber, getLang, locale } from '../app/i18n.ts';
import { LangController } from '../app/lang-controller.ts';
import { routeHash } from '../app/routes.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import { formatCalendarDate, localCalendarDate } from './calendar-date.ts';
import { csvBytes, sessionsCsv } from './csv.ts';
import { halfYear, inPeriod, wholeYear, type Period } from './period.ts';
import type { SessionRecord } from '../store/index.ts';
import { cohortLabel, type CohortDef } from './cohorts.ts';
import { sessionsMsg as msg } from './messages.ts';
import { SessionsController } from './sessions-controller.ts';
import type { SessionsModel } from './sessions-model.ts';
import { emptyFormValues, type DeckOption, type SessionSubmitEvent } from './session-form.ts';
import './session-form.ts';
import './cohort-editor.ts';
import type { SessionFormValues } from './validate.ts';
import { errorText } from '../app/error-text.ts';

type SortKey = 'date' | 'deck' | 'className' | 'cohort' | 'learners' | 'minutes' | 'place';
const NO_DECK = '-';
const RE_PERIOD = /^(\d{4})(?:-h([12]))?$/;

/** '2026-h1' => first half of 2026; '2026' => the year; anything else => no period filter. */
export function periodFromKey(key: string): Period | undefined {
  const match = RE_PERIOD.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  return match[2] ? halfYear(year, match[2] === '1' ? 1 : 2) : wholeYear(year);
}

export class SessionsView extends LitElement {
  static override properties = {
    model: { attribute: false },
    editing: { state: true },
    busy: { state: true },
    periodKey: { state: true },
    cohortFilter: { state: true },
    deckFilter: { state: true },
    sortKey: { state: true },
    sortDesc: { state: true },
  };

  declare model: SessionsModel | undefined;
  /** The open form: 'new', a session id, or undefined (closed). */
  declare editing: string | undefined;
  declare busy: boolean;
  declare periodKey: string;
  declare cohortFilter: string;
  declare deckFilter: string;
  declare sortKey: SortKey;
  declare sortDesc: boolean;

  private readonly data = new SessionsController(this);
  private formValues: SessionFormValues = emptyFormValues('');

  constructor() {
    super();
    new LangController(this);
    this.model = undefined;
    this.editing = undefined;
    this.busy = false;
    this.sortKey = 'date';
    this.sortDesc = true;
    const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
    this.periodKey = query.get('period') ?? '';
    this.cohortFilter = query.get('cohort') ?? '';
    this.deckFilter = query.get('deck') ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('model')) this.data.attach(this.model);
  }

  private saveFiltersToUrl(): void {
    const query = new URLSearchParams();
    if (this.periodKey) query.set('period', this.periodKey);
    if (this.cohortFilter) query.set('cohort', this.cohortFilter);
    if (this.deckFilter) query.set('deck', this.deckFilter);
    const text = query.toString();
    // replaceState: filtering is not a navigation (no history entry, no hashchange).
    history.replaceState(history.state, '', `${routeHash({ name: 'sessions' })}${text ? `?${text}` : ''}`);
  }

  private deckName(session: SessionRecord): string {
    const m = msg();
    if (!session.deckId) return m.noDeck;
    const deck = this.model?.decks.find((d) => d.id === session.deckId);
    return deck ? deck.title : `${session.deckTitle} ${m.deleted}`;
  }

  private cohortName(id: string): string {
    return cohortLabel(this.model?.cohorts.find((c) => c.id === id), id, getLang());
  }

  private visibleSessions(): SessionRecord[] {
    const period = periodFromKey(this.periodKey);
    const rows = (this.model?.sessions ?? []).filter(
      (s) =>
        (!period || inPeriod(s.date, period)) &&
        (!this.cohortFilter || s.cohort === this.cohortFilter) &&
        (!this.deckFilter || (this.deckFilter === NO_DECK ? !s.deckId : s.deckId === this.deckFilter)),
    );
    const collator = new Intl.Collator(locale(), { numeric: true });
    const key = this.sortKey;
    const value = (s: SessionRecord): string | number => {
      switch (key) {
        case 'deck':
          return this.deckName(s);
        case 'cohort':
          return this.cohortName(s.cohort);
        case 'learners':
        case 'minutes':
          return s[key];
        default:
          return s[key] ?? '';
      }
    };
    const sign = this.sortDesc ? -1 : 1;
    return rows.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      // Ties keep a stable, useful order: by date, then by creation.
      return sign * order || b.date.localeCompare(a.date) || a.createdAt.localeCompare(b.createdAt);
    });
  }

  private deckOptions(record?: SessionRecord): DeckOption[] {
    const decks: DeckOption[] = (this.model?.decks ?? []).map((d) => ({ id: d.id, title: d.title }));
    if (record?.deckId && !decks.some((d) => d.id === record.deckId)) {
      decks.push({ id: record.deckId, title: record.deckTitle, deleted: true });
    }
    return decks.sort((a, b) => a.title.localeCompare(b.title, locale()));
  }

  /** The cohort list for the form; an old session whose cohort is not (or no longer) in the list
   *  keeps it as a choice, so editing another field never silently changes its cohort. */
  private formCohorts(record?: SessionRecord): CohortDef[] {
    const cohorts = this.model?.cohorts ?? [];
    if (!record || cohorts.some((c) => c.id === record.cohort)) return cohorts;
    return [...cohorts, { id: record.cohort }];
  }

  private openNew(): void {
    const first = this.model?.cohorts[0]?.id ?? 'other';
    const cohort = this.cohortFilter && this.model?.cohorts.some((c) => c.id === this.cohortFilter) ? this.cohortFilter : first;
    this.formValues = emptyFormValues(localCalendarDate(), cohort);
    this.editing = 'new';
  }

  private openEdit(record: SessionRecord): void {
    this.formValues = {
      date: record.date,
      deckId: record.deckId ?? '',
      className: record.className,
      cohort: record.cohort,
      learners: String(record.learners),
      minutes: record.minutes ? String(record.minutes) : '',
      place: record.place ?? '',
      notes: record.notes ?? '',
    };
    this.editing = record.id;
  }

  private async handleSubmit(event: SessionSubmitEvent): Promise<void> {
    const model = this.model;
    if (!model) return;
    const m = msg();
    this.busy = true;
    try {
      const { draft, id } = event.detail;
      if (id) await model.update(id, draft);
      else await model.add(draft);
      this.editing = undefined;
      showToast({ message: m.saved });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('button.add')?.focus();
    } catch (error) {
      showToast({ kind: 'error', message: m.failed(errorText(error)) });
    } finally {
      this.busy = false;
    }
  }

  private async handleDelete(record: SessionRecord): Promise<void> {
    const model = this.model;
    if (!model) return;
    const m = msg();
    try {
      const undo = await model.remove(record);
      if (this.editing === record.id) this.editing = undefined;
      // The row and its button are gone: keep keyboard focus in the screen, not on <body>.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('button.add')?.focus();
      showToast({
        message: m.removed,
        action: {
          label: m.undo,
          run: () => {
            undo().then(
              () => showToast({ message: m.restored }),
              (error: unknown) => showToast({ kind: 'error', message: m.failed(errorText(error)) }),
            );
          },
        },
      });
    } catch (error) {
      showToast({ kind: 'error', message: m.failed(errorText(error)) });
    }
  }

  private async closeForm(): Promise<void> {
    this.editing = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.add')?.focus();
  }

  /** The list as shown (filters and sort applied) as a CSV file. */
  private exportCsv(): void {
    const lang = getLang();
    const rows = this.visibleSessions().map((s) => ({
      date: s.date,
      deck: this.deckName(s),
      className: s.className,
      cohort: this.cohortName(s.cohort),
      learners: s.learners,
      minutes: s.minutes,
      place: s.place ?? '',
      notes: s.notes ?? '',
    }));
    const url = URL.createObjectURL(new Blob([csvBytes(sessionsCsv(rows, lang))], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${lang === 'vi' ? 'buoi-hoc' : 'sessions'}-${localCalendarDate()}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDesc = !this.sortDesc;
    else {
      this.sortKey = key;
      this.sortDesc = key === 'date' || key === 'learners' || key === 'minutes';
    }
  }

  private periodOptions(): { key: string; label: string }[] {
    const m = msg();
    const years = new Set<number>([Number(localCalendarDate().slice(0, 4))]);
    for (const s of this.model?.sessions ?? []) years.add(Number(s.date.slice(0, 4)));
    const options = [{ key: '', label: m.allDates }];
    for (const year of [...years].sort((a, b) => b - a)) {
      options.push(
        { key: `${year}-h2`, label: m.secondHalf(year) },
        { key: `${year}-h1`, label: m.firstHalf(year) },
        { key: String(year), label: m.wholeYear(year) },
      );
    }
    return options;
  }

  private renderHeader(key: SortKey, label: string, numeric = false) {
    const active = this.sortKey === key;
    return html`<th scope="col" class=${numeric ? 'num' : ''} aria-sort=${active ? (this.sortDesc ? 'descending' : 'ascending') : nothing}>
      <button class="sort" type="button" @click=${() => this.sortBy(key)}>
        ${label}<span aria-hidden="true">${active ? (this.sortDesc ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>`;
  }

  private renderFilters() {
    const m = msg();
    const lang = getLang();
    const model = this.model;
    const decksInUse = new Map<string, string>();
    for (const s of model?.sessions ?? []) if (s.deckId) decksInUse.set(s.deckId, this.deckName(s));
    for (const d of model?.decks ?? []) decksInUse.set(d.id, d.title);
    const change = (apply: (value: string) => void) => (e: Event) => {
      apply((e.target as HTMLSelectElement).value);
      this.saveFiltersToUrl();
    };
    return html`<fieldset class="filters">
      <legend class="visually-hidden">${m.filters}</legend>
      <div class="field">
        <label for="filter-period">${m.filterPeriod}</label>
        <select id="filter-period" @change=${change((v) => (this.periodKey = v))}>
          ${this.periodOptions().map((o) => html`<option value=${o.key} ?selected=${o.key === this.periodKey}>${o.label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-cohort">${m.filterCohort}</label>
        <select id="filter-cohort" @change=${change((v) => (this.cohortFilter = v))}>
          <option value="" ?selected=${!this.cohortFilter}>${m.all}</option>
          ${(model?.cohorts ?? []).map(
            (c) => html`<option value=${c.id} ?selected=${c.id === this.cohortFilter}>${cohortLabel(c, c.id, lang)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="filter-deck">${m.filterDeck}</label>
        <select id="filter-deck" @change=${change((v) => (this.deckFilter = v))}>
          <option value="" ?selected=${!this.deckFilter}>${m.all}</option>
          <option value=${NO_DECK} ?selected=${this.deckFilter === NO_DECK}>${m.noDeck}</option>
          ${[...decksInUse].map(([id, title]) => html`<option value=${id} ?selected=${id === this.deckFilter}>${title}</option>`)}
        </select>
      </div>
    </fieldset>`;
  }

  private renderTable(rows: SessionRecord[]) {
    const m = msg();
    const lang = getLang();
    const total = this.model?.sessions.length ?? 0;
    if (total === 0) return html`<p class="empty">${m.empty}</p>`;
    return html`<p class="muted" role="status">${m.shown(formatNumber(rows.length), formatNumber(total))}</p>
      ${rows.length === 0
        ? html`<p class="empty">${m.emptyFiltered}</p>`
        : html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  ${this.renderHeader('date', m.colDate)} ${this.renderHeader('deck', m.colDeck)}
                  ${this.renderHeader('className', m.colClass)} ${this.renderHeader('cohort', m.colCohort)}
                  ${this.renderHeader('learners', m.colLearners, true)} ${this.renderHeader('minutes', m.colMinutes, true)}
                  ${this.renderHeader('place', m.colPlace)}
                  <th scope="col"><span class="visually-hidden">${m.colActions}</span></th>
                </tr>
              </thead>
              <tbody>
                ${rows.map((s) => {
                  const when = formatCalendarDate(s.date, locale(lang));
                  const what = `${when}${s.className ? `, ${s.className}` : ''}`;
                  return html`<tr data-session=${s.id}>
                    <td class="date"><time datetime=${s.date}>${when}</time></td>
                    <td class=${s.deckId && !this.model?.decks.some((d) => d.id === s.deckId) ? 'deleted' : ''}>${this.deckName(s)}</td>
                    <td>
                      ${s.className}${s.inkLayer ? html` <span class="ink-badge" title=${m.hasInkHint}>${m.hasInk}</span>` : nothing}
                    </td>
                    <td>${this.cohortName(s.cohort)}</td>
                    <td class="num">${formatNumber(s.learners)}</td>
                    <td class="num">${s.minutes ? formatNumber(s.minutes) : ''}</td>
                    <td>${s.place ?? ''}</td>
                    <td>
                      <div class="row-actions">
                      <button type="button" class="edit" @click=${() => this.openEdit(s)}>
                        ${m.edit}<span class="visually-hidden">${m.rowOf(what)}</span>
                      </button>
                      <button type="button" class="danger delete" @click=${() => void this.handleDelete(s)}>
                        ${m.remove}<span class="visually-hidden">${m.rowOf(what)}</span>
                      </button>
                      </div>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`}`;
  }

  override render() {
    const m = msg();
    const model = this.model;
    const editingRecord = this.editing && this.editing !== 'new' ? model?.sessions.find((s) => s.id === this.editing) : undefined;
    return html`<header class="top">
        <h1>${m.title}</h1>
        <nav class="toolbar">
          <button type="button" class="primary add" ?disabled=${!model?.loaded || this.editing !== undefined} @click=${this.openNew}>
            ${m.add}
          </button>
          <button type="button" class="export" ?disabled=${!model?.sessions.length} @click=${this.exportCsv}>${m.exportCsv}</button>
          <a class="button" href=${routeHash({ name: 'report' })}>${m.report}</a>
        </nav>
      </header>
      <p class="muted">${m.intro}</p>
      ${this.editing !== undefined && model
        ? html`<section class="card form">
            <lectern-session-form
              .values=${this.formValues}
              .sessionId=${editingRecord?.id}
              .cohorts=${this.formCohorts(editingRecord)}
              .decks=${this.deckOptions(editingRecord)}
              ?busy=${this.busy}
              @session-submit=${(e: SessionSubmitEvent) => void this.handleSubmit(e)}
              @session-cancel=${() => void this.closeForm()}
            ></lectern-session-form>
          </section>`
        : nothing}
      ${!model || !model.loaded
        ? html`<p role="status">${m.loading}</p>`
        : model.loadError
          ? html`<p class="error" role="alert">${errorText(model.loadError)}</p>`
          : html`${this.renderFilters()} ${this.renderTable(this.visibleSessions())}
              <details class="cohorts">
                <summary>${m.cohortsTitle}</summary>
                <lectern-cohort-editor .model=${model}></lectern-cohort-editor>
              </details>`}`;
  }

  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      .top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--lectern-space-3); }
      .top h1 { margin: 0; }
      .toolbar { display: flex; gap: var(--lectern-space-2); }
      .form { margin: var(--lectern-space-3) 0; }
      .filters { display: flex; flex-wrap: wrap; gap: var(--lectern-space-3); border: 0; padding: 0; margin: var(--lectern-space-3) 0; }
      .field { display: flex; flex-direction: column; gap: var(--lectern-space-1); }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: var(--lectern-space-1) var(--lectern-space-2); border-bottom: 1px solid var(--lectern-border); vertical-align: top; }
      th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
      button.sort { border: 0; background: none; min-height: 2rem; padding: 0; font-weight: 600; }
      td.deleted { font-style: italic; }
      .ink-badge { font-size: 0.8em; padding: 0 0.4em; border-radius: 999px; border: 1px solid currentColor; white-space: nowrap; }
      td.date { white-space: nowrap; }
      .row-actions { white-space: nowrap; display: flex; gap: var(--lectern-space-1); }
      .row-actions button { min-height: 2rem; }
      .empty { padding: var(--lectern-space-4) 0; }
      details.cohorts { margin-top: var(--lectern-space-5); }
      summary { cursor: pointer; font-weight: 600; }
    `,
  ];
}

if (!customElements.get('lectern-sessions')) customElements.define('lectern-sessions', SessionsView);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-sessions': SessionsView;
  }
}
