// <lectern-handout>: the printable lesson plan (giáo án) of one deck, built from planSummary():
// title, audience, duration, objectives, a timed outline, discussion prompts with minutes,
// excerpts with their citations, questions with points, images and video stills, references,
// and, when chosen, the speaker notes. Light DOM (no shadow root) so the print stylesheet
// (handout.css) and the browser's PDF text layer see plain document content.
import type { Deck, PlanSummary, Sanitizer, SlideNumbering } from '@lectern/deck';
import { plannedMinutes, renderMarkdown, renderNotes, slideNumbering } from '@lectern/deck';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { formatFormalDate, formatNumber } from '../app/i18n.ts';
import { LangController } from '../app/lang-controller.ts';
import { presentUrl, printSlidesUrl } from '../app/routes.ts';
import { handoutMsg } from './messages.ts';

export interface HandoutMedia {
  slide: number;
  kind: 'image' | 'video' | 'audio';
  /** Image URL or the still of a video (poster, or a frame taken from the clip). */
  src?: string;
  caption: string;
  clip?: { start: number; end?: number };
}

export interface HandoutData {
  deckId: string;
  deck: Deck;
  plan: PlanSummary;
  media: HandoutMedia[];
  sanitize: Sanitizer;
  resolveMedia: (path: string) => string | undefined;
}

const RE_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2021-02-01` => "ngày 1 tháng 2 năm 2021" / "1 February 2021" (the formal form of a printed
 *  document; local calendar day, no UTC shift); other text as written. */
export function formatDocDate(value: unknown): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
  const match = RE_DAY.exec(text);
  if (!match) return text;
  return formatFormalDate(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function minutesText(minutes: number): string {
  return formatNumber(minutes, { maximumFractionDigits: 1 });
}

export class HandoutView extends LitElement {
  static override properties = {
    data: { attribute: false },
    withNotes: { type: Boolean },
  };

  declare data: HandoutData | undefined;
  declare withNotes: boolean;

  constructor() {
    super();
    new LangController(this);
    this.withNotes = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private numberingOf: { deck: Deck; numbering: SlideNumbering } | undefined;

  /** The deck package's slide numbers (the same as the presenter, plan screen and CLI). */
  private get numbering(): SlideNumbering {
    const deck = this.data!.deck;
    if (this.numberingOf?.deck !== deck) this.numberingOf = { deck, numbering: slideNumbering(deck) };
    return this.numberingOf.numbering;
  }

  private slideNo(index: number): string {
    return this.numbering.labels[index] ?? String(index + 1);
  }

  private md(text: string): TemplateResult {
    const d = this.data;
    if (!d) return html``;
    // Sanitized by the deck's own sanitizer (same as the slides).
    return html`${unsafeHTML(renderMarkdown(text, { sanitize: d.sanitize, resolveMedia: d.resolveMedia }))}`;
  }

  private toggleNotes(event: Event): void {
    this.withNotes = (event.target as HTMLInputElement).checked;
    const url = new URL(location.href);
    if (this.withNotes) url.searchParams.set('lectern-notes', '1');
    else url.searchParams.delete('lectern-notes');
    history.replaceState(null, '', url);
  }

  override render(): TemplateResult {
    const m = handoutMsg();
    const d = this.data;
    if (!d) return html``;
    const { meta } = d.plan;
    const title = meta.title ?? '';
    document.title = m.docTitle(title);
    return html`
      <div class="toolbar no-print">
        <a href="index.html#/library">${m.back}</a>
        <a href=${presentUrl(d.deckId)}>${m.present}</a>
        <a href=${printSlidesUrl(d.deckId)} class="print-slides">${m.printSlidesWithInk}</a>
        <label><input type="checkbox" .checked=${this.withNotes} @change=${this.toggleNotes} /> ${m.withNotes}</label>
        <button type="button" class="primary" @click=${() => window.print()}>${m.print}</button>
      </div>
      <article class="handout" lang=${meta.lang || 'vi'}>
        <header>
          ${meta.organization ? html`<p class="org">${meta.organization}</p>` : nothing}
          <dl class="course">
            ${meta.course ? html`<div><dt>${m.course}</dt><dd>${meta.course}</dd></div>` : nothing}
            ${meta.module ? html`<div><dt>${m.module}</dt><dd>${meta.module}</dd></div>` : nothing}
            ${meta.lesson ? html`<div><dt>${m.lesson}</dt><dd>${meta.lesson}</dd></div>` : nothing}
          </dl>
          <p class="kind">${m.lessonPlan}</p>
          <h1>${title}</h1>
          ${meta.subtitle ? html`<p class="subtitle">${meta.subtitle}</p>` : nothing}
          <dl class="facts">
            ${meta.audience ? html`<div><dt>${m.audience}</dt><dd>${meta.audience}</dd></div>` : nothing}
            ${meta.duration ? html`<div><dt>${m.duration}</dt><dd>${m.minutesN(formatNumber(meta.duration))}</dd></div>` : nothing}
            ${meta.author ? html`<div><dt>${m.author}</dt><dd>${meta.author}</dd></div>` : nothing}
            ${meta.date ? html`<div><dt>${m.date}</dt><dd>${formatDocDate(meta.date)}</dd></div>` : nothing}
          </dl>
        </header>
        ${this.renderObjectives()} ${this.renderOutline()} ${this.renderDiscussions()} ${this.renderExcerpts()}
        ${this.renderQuestions()} ${this.renderMedia()} ${this.renderReferences()} ${this.withNotes ? this.renderNotes() : nothing}
      </article>
    `;
  }

  private renderObjectives(): TemplateResult {
    const m = handoutMsg();
    const o = this.data!.plan.meta.objectives;
    const group = (label: string, items: string[], kind: string) =>
      items.length ? html`<h3>${label}</h3><ul class="objectives-${kind}">${items.map((i) => html`<li>${i}</li>`)}</ul>` : nothing;
    const empty = !o.knowledge.length && !o.skills.length && !o.attitude.length;
    return html`<section class="objectives">
      <h2>${m.objectives}</h2>
      ${empty ? html`<p>${m.none}</p>` : nothing} ${group(m.knowledge, o.knowledge, 'knowledge')} ${group(m.skills, o.skills, 'skills')}
      ${group(m.attitude, o.attitude, 'attitude')}
    </section>`;
  }

  private renderOutline(): TemplateResult {
    const m = handoutMsg();
    const d = this.data!;
    // Planned minutes by the deck package's one rule: time no slide claims is not shared out here.
    const planned = plannedMinutes(d.deck.slides);
    let at = 0;
    const titleRow = this.numbering.titleSlide
      ? html`<tr class="title-slide"><td>${this.numbering.titleSlide}</td><td>${d.plan.meta.title ?? ''}</td><td class="num"></td><td class="num"></td></tr>`
      : nothing;
    const rows = d.plan.outline.map((entry) => {
      const minutes = planned.slides[entry.index] ?? 0;
      const from = at;
      at += minutes;
      const no = this.slideNo(entry.index);
      return html`<tr class=${entry.v > 0 ? 'sub' : ''}>
        <td>${no}</td>
        <td>${entry.title ?? m.untitled(no)}</td>
        <td class="num">${minutes ? m.minutesN(minutesText(minutes)) : ''}</td>
        <td class="num">${minutes ? minutesText(from) : ''}</td>
      </tr>`;
    });
    // The total is the table's last row, not a <tfoot>: a printed <tfoot> repeats on every page
    // the table spans, which printed "Tổng cộng" twice.
    return html`<section class="outline">
      <h2>${m.outline}</h2>
      <table>
        <thead><tr><th>${m.no}</th><th>${m.content}</th><th>${m.time}</th><th>${m.from}</th></tr></thead>
        <tbody>${titleRow}${rows}
          <tr class="total"><td></td><td>${m.total}</td><td class="num">${m.minutesN(minutesText(planned.total))}</td><td></td></tr>
        </tbody>
      </table>
    </section>`;
  }

  /** A list section of the handout: its heading, "none" when the list is empty, then its items. */
  private listSection<T>(className: string, heading: string, list: readonly T[], items: (list: readonly T[]) => unknown): TemplateResult {
    return html`<section class=${className}>
      <h2>${heading}</h2>
      ${list.length === 0 ? html`<p>${handoutMsg().none}</p>` : nothing}
      ${items(list)}
    </section>`;
  }

  private renderDiscussions(): TemplateResult {
    const m = handoutMsg();
    return this.listSection('discussions', m.discussions, this.data!.plan.discussions, (list) => html`<ol>
        ${list.map(
          (p) => html`<li class="prompt">
            <div class="prompt-text">${this.md(p.text)}</div>
            <p class="meta">
              ${p.minutes ? m.minutesN(formatNumber(p.minutes)) : ''}${p.minutes && p.groups ? ' · ' : ''}${p.groups ? m.groups(p.groups) : ''}
              · ${m.slide(this.slideNo(p.slide))}
            </p>
          </li>`,
        )}
      </ol>`);
  }

  private renderExcerpts(): TemplateResult {
    const m = handoutMsg();
    return this.listSection('excerpts', m.excerpts, this.data!.plan.excerpts, (list) => list.map((e) => {
        const parts = [e.source, e.number, e.issuer, e.ref, e.date ? formatDocDate(e.date) : undefined].filter(Boolean);
        return html`<figure class="excerpt">
          <blockquote>${this.md(e.text)}</blockquote>
          <figcaption>— <cite>${parts.join(', ')}</cite></figcaption>
        </figure>`;
      }));
  }

  private renderQuestions(): TemplateResult {
    const m = handoutMsg();
    return this.listSection('questions', m.questions, this.data!.plan.questions, (list) => html`<ol>
        ${list.map(
          (q) => html`<li class="question">
            ${q.points ? html`<span class="points">${m.points(formatNumber(q.points))}</span>` : nothing}
            <div>${this.md(q.text)}</div>
          </li>`,
        )}
      </ol>`);
  }

  private renderMedia(): TemplateResult | typeof nothing {
    const m = handoutMsg();
    const list = this.data!.media.filter((x) => x.kind !== 'audio');
    if (list.length === 0) return nothing;
    return html`<section class="media">
      <h2>${m.media}</h2>
      <div class="figures">
        ${list.map(
          (x) => html`<figure class=${`media-${x.kind}`}>
            ${x.src ? html`<img src=${x.src} alt=${x.caption} />` : nothing}
            <figcaption>
              ${m.slide(this.slideNo(x.slide))}: ${x.caption}
              ${x.clip ? html` (${m.clip(formatNumber(x.clip.start), x.clip.end !== undefined ? formatNumber(x.clip.end) : '…')})` : nothing}
            </figcaption>
          </figure>`,
        )}
      </div>
    </section>`;
  }

  private renderReferences(): TemplateResult {
    const m = handoutMsg();
    const refs = this.data!.plan.meta.references;
    return html`<section class="references">
      <h2>${m.references}</h2>
      ${refs.length === 0 ? html`<p>${m.none}</p>` : html`<ol>${refs.map((r) => html`<li>${r}</li>`)}</ol>`}
    </section>`;
  }

  private renderNotes(): TemplateResult {
    const m = handoutMsg();
    const d = this.data!;
    const slides = d.deck.slides.filter((s) => s.notes);
    return html`<section class="notes">
      <h2>${m.notes}</h2>
      ${slides.map(
        (s) => html`<div class="slide-notes">
          <h3>${m.slide(this.slideNo(s.index))}${s.title ? `: ${s.title}` : ''}</h3>
          ${unsafeHTML(renderNotes(s.notes ?? '', { sanitize: d.sanitize }))}
        </div>`,
      )}
    </section>`;
  }
}

if (!customElements.get('lectern-handout')) customElements.define('lectern-handout', HandoutView);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-handout': HandoutView;
  }
}
