// <lectern-report>: the half-year report (#/report). Period presets (first/second half, whole
// year) or any From/To range; totals, a summary sentence in the centres' own style, tables per
// cohort and per deck, an accessible SVG bar chart; "Download CSV" and "Print" (an A4 page whose
// title names the centre and the period). The period lives in the hash's query
// (#/report?from=2026-01-01&to=2026-06-30) so a reload or a bookmark shows the same report.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { formatDate, formatFormalDate, formatNumber, getLang } from '../app/i18n.ts';
import { LangController } from '../app/lang-controller.ts';
import { routeHash } from '../app/routes.ts';
import { uiStyles } from '../app/ui-styles.ts';
import { cohortLabel } from '../sessions/cohorts.ts';
import { reportMsg as msg } from '../sessions/messages.ts';
import { SessionsController } from '../sessions/sessions-controller.ts';
import type { SessionsModel } from '../sessions/sessions-model.ts';
import { aggregateSessions, type Report } from './aggregate.ts';
import { renderBarChart } from './bar-chart.ts';
import { displayInstant, isCalendarDate, localCalendarDate } from '../sessions/calendar-date.ts';
import { csvBytes, deckRowName, reportCsv, reportCsvFilename } from './csv.ts';
import { checkPeriod, describePeriod, halfYearOf, matchPreset, periodProblemMessages, presetPeriod, type PeriodPreset } from '../sessions/period.ts';
import { summarizeReport } from './summary.ts';
import { errorText } from '../app/error-text.ts';
import { followCentreView, type CentreView } from '../sync/centre-session.ts';
import { getStore } from '../app/store.ts';
import type { LecturerTally } from '@lectern/teaching';
import type { CohortDef } from '../sessions/cohorts.ts';

type PresetChoice = PeriodPreset | 'custom';
/** The Whole-centre view's code, loaded only while connected to a centre. */
type CentreModule = typeof import('./centre-report-model.ts');
type Scope = 'own' | 'centre';
/** What the screen shows: the own report, or the whole centre's with a row per lecturer; `labels`
 *  names the cohorts (the own list, or the centre's merged list the CLI prints too). */
type Shown = Report & { lecturers?: LecturerTally[]; labels: readonly CohortDef[] };

// A4 page box for printing. @page cannot live in a shadow root, so it goes to the document once.
const PRINT_STYLE_ID = 'lectern-report-print';
const PRINT_CSS = `@media print {
  @page { size: A4 portrait; margin: 16mm 15mm 18mm; }
  html, body { background: #fff !important; }
}`;

function ensurePrintStyle(): void {
  if (document.getElementById(PRINT_STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = PRINT_STYLE_ID;
  style.textContent = PRINT_CSS;
  document.head.append(style);
}

export class ReportView extends LitElement {
  static override properties = {
    model: { attribute: false },
    from: { state: true },
    to: { state: true },
    preset: { state: true },
    year: { state: true },
    scope: { state: true },
    centre: { state: true },
  };

  declare model: SessionsModel | undefined;
  declare from: string;
  declare to: string;
  declare preset: PresetChoice;
  declare year: number;
  /** Whose classes: the own library's, or (a centre administrator) every lecturer's. */
  declare scope: Scope;
  declare centre: CentreView<CentreModule, InstanceType<CentreModule['CentreReportModel']>> | undefined;

  private readonly data = new SessionsController(this);

  constructor() {
    super();
    new LangController(this);
    this.model = undefined;
    const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
    const fromUrl = { from: query.get('from') ?? '', to: query.get('to') ?? '' };
    const initial = isCalendarDate(fromUrl.from) && isCalendarDate(fromUrl.to) ? fromUrl : halfYearOf(localCalendarDate());
    this.from = initial.from;
    this.to = initial.to;
    const match = matchPreset(initial);
    this.preset = match?.preset ?? 'custom';
    this.year = match?.year ?? Number(initial.from.slice(0, 4));
    this.scope = query.get('scope') === 'centre' ? 'centre' : 'own';
    this.centre = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensurePrintStyle();
    void this.startCentre();
  }

  override disconnectedCallback(): void {
    this.stopCentre?.();
    this.stopCentre = undefined;
    this.centre = undefined;
    super.disconnectedCallback();
  }

  private stopCentre: (() => void) | undefined;

  /** "Whole centre" is offered once the connected centre session turns out to be an
   *  administrator's; it comes or goes when Settings connects or disconnects. */
  private async startCentre(): Promise<void> {
    if (this.stopCentre) return;
    const store = await getStore().catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    // The screen may have been left while the store opened.
    if (!store || this.stopCentre || !this.isConnected) return;
    this.stopCentre = followCentreView(
      store,
      () => import('./centre-report-model.ts'),
      (module, who) => new module.CentreReportModel(who),
      (view) => {
        this.centre = view;
        this.requestUpdate();
      },
    );
  }

  /** The Whole-centre view is shown (chosen, and offered to this user). */
  private get wholeCentre(): boolean {
    const status = this.centre?.model.status;
    return this.scope === 'centre' && status !== undefined && status !== 'not-admin';
  }

  private setScope(scope: Scope): void {
    this.scope = scope;
    this.savePeriodToUrl();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('model')) this.data.attach(this.model);
  }

  private savePeriodToUrl(): void {
    const query = new URLSearchParams({ from: this.from, to: this.to });
    if (this.scope === 'centre') query.set('scope', 'centre');
    history.replaceState(history.state, '', `${routeHash({ name: 'report' })}?${query.toString()}`);
  }

  private applyPreset(preset: PresetChoice, year: number): void {
    this.preset = preset;
    this.year = year;
    if (preset !== 'custom' && Number.isInteger(year) && year >= 1000 && year <= 9999) {
      const period = presetPeriod(preset, year);
      this.from = period.from;
      this.to = period.to;
      this.savePeriodToUrl();
    }
  }

  private handleDate(which: 'from' | 'to', event: Event): void {
    this[which] = (event.target as HTMLInputElement).value;
    const match = checkPeriod(this).length === 0 ? matchPreset({ from: this.from, to: this.to }) : undefined;
    this.preset = match?.preset ?? 'custom';
    if (match) this.year = match.year;
    if (checkPeriod(this).length === 0) this.savePeriodToUrl();
  }

  private report(): Shown | undefined {
    const model = this.model;
    if (!model?.loaded || checkPeriod(this).length > 0) return undefined;
    const period = { from: this.from, to: this.to };
    if (this.wholeCentre) {
      const data = this.centre?.model.data;
      if (!data || !this.centre) return undefined;
      const centre = this.centre.module.aggregateCentre(data, period);
      return { ...centre.report, labels: centre.cohorts, lecturers: centre.lecturers.map((l) => ({ name: l.name, total: l.report.total })) };
    }
    return { ...aggregateSessions(model.sessions, period, model.cohorts, model.decks), labels: model.cohorts };
  }

  private reportTitle(report: Report): string {
    const period = describePeriod(report.period, getLang());
    return this.wholeCentre && this.centre ? this.centre.module.centreReportMsg().title(period) : msg().title(period);
  }

  private downloadCsv(report: Shown): void {
    const lang = getLang();
    const bytes = csvBytes(reportCsv(report, report.labels, lang, report.lecturers));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = reportCsvFilename(report, lang, report.lecturers !== undefined);
    link.click();
    // The download has started by the time the click returns; keep the URL a little for slow hosts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private print(report: Report): void {
    // The document title becomes the PDF's title and suggested file name.
    const previous = document.title;
    document.title = msg().printTitle(this.model?.centreName ?? '', this.reportTitle(report));
    const restore = () => {
      document.title = previous;
      window.removeEventListener('afterprint', restore);
    };
    window.addEventListener('afterprint', restore);
    window.print();
  }

  private renderControls() {
    const m = msg();
    const problems = checkPeriod(this);
    const lang = getLang();
    return html`<form class="controls no-print" @submit=${(e: Event) => e.preventDefault()}>
      ${this.renderScope()}
      <fieldset>
        <legend>${m.controls}</legend>
        <div class="field">
          <label for="r-preset">${m.preset}</label>
          <select id="r-preset" @change=${(e: Event) => this.applyPreset((e.target as HTMLSelectElement).value as PresetChoice, this.year)}>
            ${(
              [
                ['first-half', m.firstHalf],
                ['second-half', m.secondHalf],
                ['year', m.wholeYear],
                ['custom', m.custom],
              ] as const
            ).map(([value, label]) => html`<option value=${value} ?selected=${this.preset === value}>${label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="r-year">${m.year}</label>
          <input
            id="r-year"
            type="number"
            min="1000"
            max="9999"
            step="1"
            .value=${String(this.year)}
            ?disabled=${this.preset === 'custom'}
            @change=${(e: Event) => this.applyPreset(this.preset, Number((e.target as HTMLInputElement).value))}
          />
        </div>
        ${this.dateField('from', m.from, problems)} ${this.dateField('to', m.to, problems)}
      </fieldset>
      ${problems.length
        ? html`<p id="r-problems" class="error" role="alert">${problems.map((p) => periodProblemMessages[lang][p]).join(' ')}</p>`
        : nothing}
    </form>`;
  }

  /** "My classes" / "Whole centre", for a centre administrator only. */
  private renderScope() {
    const centre = this.centre;
    if (!centre || centre.model.status === 'not-admin') return nothing;
    const c = centre.module.centreReportMsg();
    const option = (value: Scope, label: string) =>
      html`<label class="scope-option"
        ><input type="radio" name="r-scope" value=${value} .checked=${this.wholeCentre === (value === 'centre')} @change=${() => this.setScope(value)} />
        ${label}</label
      >`;
    return html`<fieldset class="scope">
      <legend>${c.scope}</legend>
      ${option('own', c.mine)} ${option('centre', c.wholeCentre)}
      ${this.wholeCentre
        ? html`<button type="button" class="refresh" ?disabled=${centre.model.status === 'loading'} @click=${() => void centre.model.load()}>${c.refresh}</button>`
        : nothing}
    </fieldset>`;
  }

  /** Where the Whole-centre figures come from, and what was left out of them. */
  private renderCentreNotices() {
    const centre = this.centre;
    const data = centre?.model.data;
    if (!centre || !data) return nothing;
    const c = centre.module.centreReportMsg();
    const when = formatDate(data.fetchedAt, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<div class="centre-notices">
      <p class="muted fetched">${data.offline ? c.offline(when) : c.fetchedAt(when)}</p>
      ${data.skipped ? html`<p class="notice skipped">${c.skipped(formatNumber(data.skipped))}</p>` : nothing}
      ${data.unreadable.length ? html`<p class="notice unreadable">${c.unreadable(data.unreadable.join(', '))}</p>` : nothing}
      ${data.truncated ? html`<p class="notice truncated">${c.truncated}</p>` : nothing}
    </div>`;
  }

  private renderLecturers(rows: readonly LecturerTally[], head: (first: string) => unknown, counts: (row: LecturerTally['total']) => unknown) {
    const c = this.centre?.module.centreReportMsg();
    if (!c) return nothing;
    return html`<section class="by-lecturer">
      <h2>${c.byLecturer}</h2>
      <p class="muted">${c.lecturerCount(formatNumber(rows.length))}</p>
      <table>
        ${head(c.colLecturer)}
        <tbody>
          ${rows.map((row) => html`<tr data-lecturer=${row.name}><th scope="row">${row.name}</th>${counts(row.total)}</tr>`)}
        </tbody>
      </table>
    </section>`;
  }

  /** The period's start or end; marked invalid when a problem names it. */
  private dateField(end: 'from' | 'to', label: string, problems: readonly string[]) {
    return html`<div class="field">
      <label for="r-${end}">${label}</label>
      <input
        id="r-${end}"
        type="date"
        required
        .value=${this[end]}
        aria-invalid=${problems.some((p) => p.startsWith(end) || p === 'end-before-start') ? 'true' : nothing}
        aria-describedby=${problems.length ? 'r-problems' : nothing}
        @change=${(e: Event) => this.handleDate(end, e)}
      />
    </div>`;
  }

  private renderReport(report: Shown) {
    const m = msg();
    const lang = getLang();
    const cohorts = report.labels;
    const byId = new Map(cohorts.map((c) => [c.id, c]));
    const n = (value: number) => formatNumber(value);
    // The three counts every table row and header carries, in one order.
    const counts = (row: { classes: number; learners: number; minutes: number }) =>
      html`<td class="num">${n(row.classes)}</td><td class="num">${n(row.learners)}</td><td class="num">${n(row.minutes)}</td>`;
    const head = (first: string) =>
      html`<thead><tr><th scope="col">${first}</th><th scope="col" class="num">${m.colClasses}</th><th scope="col" class="num">${m.colLearners}</th><th scope="col" class="num">${m.colMinutes}</th></tr></thead>`;
    const summary = summarizeReport(report, cohorts, lang);
    const cohortName = (id: string, configured: boolean) =>
      `${cohortLabel(byId.get(id), id, lang)}${configured ? '' : ` ${m.notListed}`}`;
    const chartRows = report.cohorts.map((row) => ({
      label: cohortName(row.cohortId, row.configured),
      value: row.learners,
      valueText: m.chartValue(row.learners, row.classes),
    }));
    return html`<article class="report">
      ${this.model?.centreName ? html`<p class="centre">${this.model.centreName}</p>` : nothing}
      <h1>${this.reportTitle(report)}</h1>
      <p class="muted prepared">${m.preparedOn(formatFormalDate(displayInstant(localCalendarDate()), { lang, timeZone: 'UTC' }))}</p>
      ${report.lecturers ? this.renderCentreNotices() : nothing}
      <p class="summary">${summary}</p>

      <section class="totals">
        <h2>${m.totals}</h2>
        <dl>
          <div><dt>${m.totalClasses}</dt><dd data-total="classes">${n(report.total.classes)}</dd></div>
          <div><dt>${m.totalLearners}</dt><dd data-total="learners">${n(report.total.learners)}</dd></div>
          <div><dt>${m.totalMinutes}</dt><dd data-total="minutes">${n(report.total.minutes)}</dd></div>
        </dl>
      </section>

      <section class="by-cohort">
        <h2>${m.byCohort}</h2>
        <table>
          ${head(m.colCohort)}
          <tbody>
            ${report.cohorts.map(
              (row) => html`<tr data-cohort=${row.cohortId}>
                <th scope="row">${cohortName(row.cohortId, row.configured)}</th>
                ${counts(row)}
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${m.totals}</th>
              ${counts(report.total)}
            </tr>
          </tfoot>
        </table>
        <figure class="chart">${renderBarChart(chartRows, m.chartTitle, summary, 'report-chart')}</figure>
      </section>

      ${report.lecturers ? this.renderLecturers(report.lecturers, head, counts) : nothing}

      <section class="by-deck">
        <h2>${m.byDeck}</h2>
        ${report.decks.length === 0
          ? html`<p>${m.noDecks}</p>`
          : html`<table>
              ${head(m.colDeck)}
              <tbody>
                ${report.decks.map(
                  (row) => html`<tr class=${row.deleted ? 'deleted' : ''}>
                    <th scope="row">${deckRowName(row, lang)}</th>
                    ${counts(row)}
                  </tr>`,
                )}
              </tbody>
            </table>`}
      </section>
    </article>`;
  }

  override render() {
    const m = msg();
    const model = this.model;
    const report = this.report();
    const centre = this.wholeCentre ? this.centre?.model : undefined;
    return html`<div class="toolbar no-print">
        <a class="button" href=${routeHash({ name: 'sessions' })}>${m.sessions}</a>
        <button type="button" class="csv" ?disabled=${!report} @click=${() => report && this.downloadCsv(report)}>${m.downloadCsv}</button>
        <button type="button" class="primary print" ?disabled=${!report} @click=${() => report && this.print(report)}>${m.print}</button>
      </div>
      ${this.renderControls()}
      ${centre && !centre.data && centre.status === 'loading'
        ? html`<p role="status">${this.centre?.module.centreReportMsg().loading}</p>`
        : centre?.error
          ? html`<p class="error" role="alert">${this.centre?.module.centreProblemText(centre.error, 'report')}</p>`
          : nothing}
      ${!model?.loaded
        ? html`<p role="status">${m.loading}</p>`
        : model.loadError
          ? html`<p class="error" role="alert">${errorText(model.loadError)}</p>`
          : report
            ? this.renderReport(report)
            : html`<h1>${m.screenTitle}</h1>`}`;
  }

  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      .toolbar { display: flex; flex-wrap: wrap; gap: var(--lectern-space-2); justify-content: flex-end; }
      fieldset { display: flex; flex-wrap: wrap; gap: var(--lectern-space-3); align-items: end; border: 1px solid var(--lectern-border); border-radius: var(--lectern-radius); margin: var(--lectern-space-3) 0; }
      fieldset.scope { align-items: center; }
      .scope-option { display: inline-flex; gap: var(--lectern-space-1); align-items: center; }
      .notice { margin: var(--lectern-space-1) 0; }
      .field { display: flex; flex-direction: column; gap: var(--lectern-space-1); }
      .centre { font-weight: 700; text-transform: uppercase; margin: var(--lectern-space-3) 0 var(--lectern-space-1); }
      .summary { font-size: 1.1rem; max-width: 60rem; }
      dl { display: flex; flex-wrap: wrap; gap: var(--lectern-space-4); margin: 0; }
      dl div { min-width: 9rem; }
      dt { color: var(--lectern-muted); }
      dd { margin: 0; font-size: 1.8rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      section { margin-top: var(--lectern-space-4); break-inside: avoid; }
      table { border-collapse: collapse; width: 100%; max-width: 50rem; }
      th, td { text-align: left; padding: var(--lectern-space-1) var(--lectern-space-2); border-bottom: 1px solid var(--lectern-border); }
      tbody th { font-weight: 400; }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
      tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--lectern-text); }
      tr.deleted th { font-style: italic; }
      figure.chart { margin: var(--lectern-space-4) 0 0; max-width: 50rem; }
      .bar-chart rect { fill: var(--lectern-accent); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      .bar-chart text { font-family: var(--lectern-font); font-size: 13px; fill: var(--lectern-text); }
      .bar-chart .axis { stroke: var(--lectern-text); stroke-width: 1; }
      @media print {
        :host { color: #000; font-size: 11pt; }
        .no-print { display: none !important; }
        h1 { font-size: 16pt; }
        h2 { font-size: 13pt; }
        .summary { font-size: 11pt; }
        dd { font-size: 14pt; }
        th, td { border-color: #000; padding: 2pt 4pt; }
        .bar-chart rect { fill: #444; }
        .bar-chart text { fill: #000; font-size: 12px; }
        table, figure { break-inside: avoid; }
      }
    `,
  ];
}

if (!customElements.get('lectern-report')) customElements.define('lectern-report', ReportView);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-report': ReportView;
  }
}
