// The lesson-plan panel (`#/plan/<deckId>`): the front matter as a form (title, audience,
// duration, objectives by knowledge/skills/attitude, tags) and the timing table. The form edits
// the YAML through the yaml Document API (front-matter-edit.ts), so comments and keys the form
// does not know survive. A view over the deck model (src/decks), like the editor: every change
// of a field goes into the deck's draft, which autosaves with the same saved/conflict states, and
// is saved when the screen is left (another tab of the app, the library, hiding the page).
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { parseDeck, type Diagnostic } from '@lectern/deck';
import { LangController } from '../app/lang-controller.ts';
import { defineMessages, formatNumber } from '../app/i18n.ts';
import { handoutUrl, routeHash, type Route } from '../app/routes.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import { DeckController } from '../decks/deck-controller.ts';
import type { DeckDraft } from '../decks/deck-draft.ts';
import { diagnosticText } from '../decks/diagnostic-text.ts';
import { renderConflict, renderSaveState, saveStatusStyles, toastDraftEvent } from '../decks/save-status.ts';
import { applyPlanFields, readPlanFields, OBJECTIVE_KINDS, type PlanFields } from './front-matter-edit.ts';
import { lessonTiming } from './timing.ts';

const msg = defineMessages({
  vi: {
    heading: (t: string) => `Giáo án: ${t}`,
    untitled: 'Bài giảng chưa đặt tên',
    form: 'Thông tin giáo án',
    title: 'Tên bài',
    audience: 'Đối tượng',
    duration: 'Thời lượng (phút)',
    objectives: 'Mục tiêu (mỗi dòng một ý)',
    knowledge: 'Về kiến thức',
    skills: 'Về kỹ năng',
    attitude: 'Về thái độ',
    tags: 'Thẻ (cách nhau bởi dấu phẩy)',
    save: 'Lưu giáo án',
    saved: 'Đã lưu giáo án.',
    autosave: 'Giáo án được lưu tự động khi bạn sửa.',
    yamlError: (e: string) => `Phần đầu (YAML) của bài đang có lỗi, biểu mẫu không sửa để tránh làm hỏng: ${e}. Hãy sửa trong trình soạn.`,
    timing: 'Phân bổ thời gian',
    planProblems: 'Cần xem lại trong giáo án',
    slide: 'Trang chiếu',
    slideTitle: 'Nội dung',
    slideMinutes: 'Phút (trang chiếu)',
    discussion: 'Thảo luận (phút)',
    planned: 'Tính vào giáo án',
    total: 'Tổng',
    of: (total: string, dur: string) => `${total} / ${dur} phút`,
    over: (n: string) => `Vượt ${n} phút so với thời lượng.`,
    left: (n: string) => `Còn ${n} phút chưa phân bổ.`,
    exact: 'Vừa khớp thời lượng.',
    noDuration: 'Chưa đặt thời lượng bài.',
    rule: 'Phút của trang chiếu lấy từ {minutes=…} ở tiêu đề; nếu không có, lấy tổng phút các khối thảo luận trong trang chiếu.',
    handout: 'Bản in giáo án',
    notFound: 'Không tìm thấy bài giảng này.',
    deckNav: 'Các phần của bài giảng',
    editLink: 'Soạn bài',
    planLink: 'Giáo án',
    mediaLink: 'Tư liệu',
    noTitle: '(chưa có tiêu đề)',
    openAtSlide: (n: string) => `Mở trình soạn tại trang chiếu ${n}`,
  },
  en: {
    heading: (t: string) => `Lesson plan: ${t}`,
    untitled: 'Untitled deck',
    form: 'Lesson plan details',
    title: 'Title',
    audience: 'Audience',
    duration: 'Duration (minutes)',
    objectives: 'Objectives (one per line)',
    knowledge: 'Knowledge',
    skills: 'Skills',
    attitude: 'Attitude',
    tags: 'Tags (comma separated)',
    save: 'Save lesson plan',
    saved: 'Lesson plan saved.',
    autosave: 'The lesson plan saves itself as you edit.',
    yamlError: (e: string) => `The deck’s front matter (YAML) has an error, so the form will not rewrite it: ${e}. Fix it in the editor.`,
    timing: 'Timing',
    planProblems: 'To check in the lesson plan',
    slide: 'Slide',
    slideTitle: 'Content',
    slideMinutes: 'Slide minutes',
    discussion: 'Discussion minutes',
    planned: 'Counted',
    total: 'Total',
    of: (total: string, dur: string) => `${total} of ${dur} minutes`,
    over: (n: string) => `${n} minutes over the planned duration.`,
    left: (n: string) => `${n} minutes not yet allocated.`,
    exact: 'Exactly the planned duration.',
    noDuration: 'No duration set for the lesson.',
    rule: 'A slide’s minutes come from {minutes=…} in its heading; without it, from its discussion blocks.',
    handout: 'Printable handout',
    notFound: 'This deck was not found.',
    deckNav: 'Parts of this deck',
    editLink: 'Edit',
    planLink: 'Lesson plan',
    mediaLink: 'Media',
    noTitle: '(no title)',
    openAtSlide: (n: string) => `Open the editor at slide ${n}`,
  },
});

const lines = (value: string) => value.split('\n').map((s) => s.trim()).filter(Boolean);

/** The deck's diagnostics about what this form and its timing table show. */
function isPlanProblem(d: Diagnostic): boolean {
  return d.code === 'timing-over-duration' || d.code === 'frontmatter-invalid' || d.code === 'frontmatter-unknown-key';
}

/** The form's fields as the front matter takes them. */
function readForm(form: HTMLFormElement): PlanFields {
  const get = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value;
  const durationText = get('duration').trim();
  return {
    title: get('title'),
    audience: get('audience'),
    duration: durationText === '' ? undefined : Number(durationText),
    objectives: { knowledge: lines(get('knowledge')), skills: lines(get('skills')), attitude: lines(get('attitude')) },
    tags: get('tags').split(',').map((t) => t.trim()).filter(Boolean),
  };
}

export class PlanScreen extends LitElement {
  static override properties = {
    route: { attribute: false },
  };

  declare route: Route;

  private readonly decks = new DeckController(this, {
    onEvent: (event) => {
      // Text from elsewhere (another tab, take theirs): the form shows it afresh.
      if (event.type === 'replaced') this.formFor = undefined;
      toastDraftEvent(event);
    },
  });
  /** The draft and text the form's fields were filled from. The fields are not re-filled while
   *  the author types (that would drop a trailing comma or a new empty line), only when the text
   *  comes from elsewhere; the form is then rebuilt (keyed) so every field shows the new text. */
  private formFor: DeckDraft | undefined;
  private formText = '';
  private formKey = 0;

  constructor() {
    super();
    new LangController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The deck controller saves the draft when the screen or the page is left.
    this.decks.follow(this.route);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route') && this.isConnected) this.decks.follow(this.route);
  }

  /** A field changed: the front matter is rewritten in the draft, which autosaves. */
  private handleInput(event: Event): void {
    const draft = this.decks.deck?.draft;
    if (!draft) return;
    const form = event.currentTarget as HTMLFormElement;
    try {
      draft.edit(applyPlanFields(draft.text, readForm(form)));
    } catch {
      // Front matter that cannot be rewritten: the form is disabled and says why (render).
    }
  }

  /** "Save lesson plan" saves at once instead of waiting for the autosave. */
  private async save(event: Event): Promise<void> {
    event.preventDefault();
    this.handleInput(event);
    const draft = this.decks.deck?.draft;
    if (!draft) return;
    await draft.flush();
    if (draft.state === 'saved') showToast({ message: msg().saved });
  }

  override render() {
    const m = msg();
    const open = this.decks.deck;
    if (open?.status === 'missing' || open?.status === 'failed') return html`<p class="error" role="alert">${m.notFound}</p>`;
    const draft = open?.draft;
    if (!open || !draft) return nothing;
    if (this.formFor !== draft) {
      this.formFor = draft;
      this.formText = draft.text;
      this.formKey++;
    }
    const fields = readPlanFields(this.formText);
    const yamlError = readPlanFields(draft.text).yamlError;
    const deck = parseDeck(draft.text);
    const timing = lessonTiming(deck);
    const deckId = open.deckId;
    const title = deck.meta.title?.trim() || deck.slides.find((s) => s.title)?.title?.trim() || m.untitled;
    const problems = deck.diagnostics.filter(isPlanProblem);
    const ratio = timing.duration ? Math.min(timing.total / timing.duration, 1.5) : 0;
    return html`
      <div class="top">
        <h1>${m.heading(title)}</h1>
        ${renderSaveState(draft)}
        <nav aria-label=${m.deckNav} class="deck-nav">
          <a href=${routeHash({ name: 'edit', deckId })}>${m.editLink}</a>
          <a href=${routeHash({ name: 'plan', deckId })} aria-current="page">${m.planLink}</a>
          <a href=${routeHash({ name: 'media', deckId })}>${m.mediaLink}</a>
          <a href=${handoutUrl(deckId)} target="_blank" rel="noopener">${m.handout}</a>
        </nav>
      </div>
      ${renderConflict(draft)}
      <div class="grid">
        ${keyed(this.formKey, html`<form class="card" aria-label=${m.form} @input=${(e: Event) => this.handleInput(e)} @submit=${(e: Event) => void this.save(e)}>
          ${yamlError ? html`<p class="error" role="alert">${m.yamlError(yamlError)}</p>` : nothing}
          <fieldset ?disabled=${yamlError !== undefined}>
            <label>${m.title}<input name="title" .value=${(fields.title)} /></label>
            <label>${m.audience}<input name="audience" .value=${(fields.audience)} /></label>
            <label>${m.duration}<input name="duration" type="number" min="0" step="1" inputmode="numeric" .value=${(fields.duration === undefined ? '' : String(fields.duration))} /></label>
            <fieldset class="objectives">
              <legend>${m.objectives}</legend>
              ${OBJECTIVE_KINDS.map(
                (kind) => html`<label>${m[kind]}<textarea name=${kind} rows="3" .value=${(fields.objectives[kind].join('\n'))}></textarea></label>`,
              )}
            </fieldset>
            <label>${m.tags}<input name="tags" .value=${(fields.tags.join(', '))} /></label>
            <p class="muted small">${m.autosave}</p>
            <button class="primary" type="submit">${m.save}</button>
          </fieldset>
        </form>`)}
        <section class="card" aria-labelledby="timing-h">
          <h2 id="timing-h">${m.timing}</h2>
          ${problems.length
            ? html`<section class="plan-problems" aria-label=${m.planProblems}>
                <ul>${problems.map((d) => html`<li class=${d.severity}>${diagnosticText(d)}</li>`)}</ul>
              </section>`
            : nothing}
          <p class="summary">
            ${timing.duration !== undefined
              ? html`<strong>${m.of(formatNumber(timing.total), formatNumber(timing.duration))}</strong> —
                  <span class=${(timing.remaining ?? 0) < 0 ? 'error' : ''}>
                    ${(timing.remaining ?? 0) < 0
                      ? m.over(formatNumber(-(timing.remaining ?? 0)))
                      : timing.remaining === 0
                        ? m.exact
                        : m.left(formatNumber(timing.remaining ?? 0))}
                  </span>`
              : m.noDuration}
          </p>
          ${timing.duration
            ? html`<div class="bar" role="presentation"><span class=${ratio > 1 ? 'over' : ''} style="width:${(Math.min(ratio, 1) * 100).toFixed(1)}%"></span></div>`
            : nothing}
          <table>
            <thead>
              <tr><th scope="col">${m.slide}</th><th scope="col">${m.slideTitle}</th><th scope="col" class="n">${m.slideMinutes}</th><th scope="col" class="n">${m.discussion}</th><th scope="col" class="n">${m.planned}</th></tr>
            </thead>
            <tbody>
              ${timing.rows
                .filter((r) => r.planned > 0 || r.discussions > 0 || r.slideMinutes !== undefined)
                .map(
                  (r) => html`<tr>
                    <td>${r.label}</td>
                    <td><a href=${routeHash({ name: 'edit', deckId, line: r.line })} title=${m.openAtSlide(r.label)}>${r.title || m.noTitle}</a></td>
                    <td class="n">${r.slideMinutes !== undefined ? formatNumber(r.slideMinutes) : '—'}</td>
                    <td class="n">${r.discussions ? formatNumber(r.discussionMinutes) : '—'}</td>
                    <td class="n">${formatNumber(r.planned)}</td>
                  </tr>`,
                )}
            </tbody>
            <tfoot><tr><th scope="row" colspan="4">${m.total}</th><td class="n">${formatNumber(timing.total)}</td></tr></tfoot>
          </table>
          <p class="muted small">${m.rule}</p>
        </section>
      </div>
    `;
  }

  static override styles = [
    uiStyles,
    saveStatusStyles,
    css`
      :host { display: block; }
      .top { display: flex; flex-wrap: wrap; gap: var(--lectern-space-3); align-items: center; }
      .top h1 { margin: 0; flex: 1 1 20rem; }
      .deck-nav { display: flex; gap: var(--lectern-space-3); flex-wrap: wrap; }
      .deck-nav a[aria-current='page'] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--lectern-accent); }
      .grid { display: grid; gap: var(--lectern-space-4); grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); margin-top: var(--lectern-space-3); align-items: start; }
      fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-direction: column; gap: var(--lectern-space-3); }
      fieldset.objectives { border: 1px solid var(--lectern-border); border-radius: var(--lectern-radius); padding: var(--lectern-space-2) var(--lectern-space-3); }
      legend { font-weight: 600; padding: 0 var(--lectern-space-1); }
      label { display: flex; flex-direction: column; }
      textarea { font: inherit; }
      table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
      th, td { text-align: left; padding: var(--lectern-space-1) var(--lectern-space-2); border-bottom: 1px solid var(--lectern-border); }
      .n { text-align: right; font-variant-numeric: tabular-nums; }
      tfoot th, tfoot td { font-weight: 700; border-bottom: 0; }
      .bar { height: 0.6rem; background: var(--lectern-surface-2); border-radius: 999px; overflow: hidden; margin-bottom: var(--lectern-space-3); }
      .bar span { display: block; height: 100%; background: var(--lectern-ok); }
      .bar span.over { background: var(--lectern-danger); }
      .small { font-size: 0.85rem; }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-screen-plan': PlanScreen;
  }
}
