// The editor's offer to convert a deck written for Quarto/Pandoc, Marp or Slidev (pasted or
// opened): a small model (what was recognised, what the conversion reported, whether the author
// said "not now") and its view. The conversion goes through the deck's draft: the text before it
// is saved first, so it stays in History, and the converted text is saved on top.
import { html, css, nothing } from 'lit';
import { convertForeignDeck, detectForeignDeck, type ForeignDeckKind, type ForeignReport } from '@lectern/deck';
import { formatNumber } from '../app/i18n.ts';
import type { DeckDraft } from '../decks/deck-draft.ts';
import { foreignMsg as msg } from './foreign-messages.ts';

export interface ForeignNoticeState {
  /** The tool the text on screen was written for, when it was recognised and not dismissed. */
  offer?: ForeignDeckKind;
  /** The report of the last conversion, until it is closed. */
  report?: ForeignReport & { name: string };
}

const NAMES: Record<ForeignReport['tool'], string> = { quarto: 'Quarto', marp: 'Marp', slidev: 'Slidev' };

export class ForeignNotice {
  state: ForeignNoticeState = {};
  private dismissed: string | undefined;

  constructor(private readonly changed: () => void) {}

  /** The text on screen changed: offer a conversion when it is another tool's deck. */
  update(text: string): void {
    const kind = detectForeignDeck(text);
    const offer = kind && kind.tool !== this.dismissed ? kind : undefined;
    if (offer?.tool !== this.state.offer?.tool) {
      this.state = { ...this.state, offer };
      this.changed();
    }
  }

  /** Another deck was opened. */
  reset(): void {
    this.state = {};
    this.dismissed = undefined;
  }

  dismiss(): void {
    this.dismissed = this.state.offer?.tool;
    this.state = { ...this.state, offer: undefined };
    this.changed();
  }

  closeReport(): void {
    this.state = { ...this.state, report: undefined };
    this.changed();
  }

  /**
   * Saves the current text (so History keeps it), puts the converted text on screen through
   * `show` (which reports it to the draft as an edit) and saves that. False when the draft is in
   * a conflict or the text is no longer another tool's deck.
   */
  async convert(draft: DeckDraft, show: (text: string) => void): Promise<boolean> {
    if (draft.state === 'conflict') return false;
    await draft.flush();
    if (!draft.isSaved) return false;
    const conversion = convertForeignDeck(draft.text);
    if (!conversion) return false;
    show(conversion.deckText);
    await draft.flush();
    this.state = { offer: undefined, report: { ...conversion.report, name: NAMES[conversion.report.tool] } };
    this.changed();
    return true;
  }
}

export function renderForeignNotice(
  state: ForeignNoticeState,
  actions: { convert: () => void; dismiss: () => void; close: () => void; showSlide: (slide: number) => void },
) {
  const m = msg();
  const offer = state.offer;
  const report = state.report;
  return html`${offer
    ? html`<section class="foreign-offer" role="region" aria-label=${m.notice(offer.name)}>
        <p><strong>${m.notice(offer.name)}</strong> ${m.why(offer.name)}</p>
        <button class="primary" @click=${actions.convert}>${m.convert}</button>
        <button @click=${actions.dismiss}>${m.dismiss}</button>
      </section>`
    : nothing}
  ${report
    ? html`<section class="foreign-report" role="region" aria-label=${m.lostTitle(formatNumber(report.entries.length))}>
        <p role="status">${m.converted(report.name, formatNumber(report.slides))}</p>
        ${report.entries.length === 0
          ? html`<p>${m.nothingLost}</p>`
          : html`<details open>
              <summary>${m.lostTitle(formatNumber(report.entries.length))}</summary>
              <ul>
                ${report.entries.map(
                  (e) => html`<li>
                    ${e.slide === 0
                      ? html`<span class="where">${m.deckWide}</span>`
                      : html`<button class="where link" @click=${() => actions.showSlide(e.slide)}>${m.slideLine(formatNumber(e.slide), formatNumber(e.line))}</button>`}:
                    ${m.kind(e.kind)} — <code>${e.detail}</code>
                  </li>`,
                )}
              </ul>
            </details>`}
        <button @click=${actions.close}>${m.closeReport}</button>
      </section>`
    : nothing}`;
}

export const foreignNoticeStyles = css`
  .foreign-offer, .foreign-report {
    border: 2px solid var(--lectern-accent); border-radius: var(--lectern-radius, 6px);
    padding: var(--lectern-space-2) var(--lectern-space-3); margin-bottom: var(--lectern-space-2);
    display: flex; flex-wrap: wrap; gap: var(--lectern-space-2); align-items: center;
  }
  .foreign-offer p, .foreign-report p { margin: 0; flex: 1 1 100%; }
  .foreign-report details { flex: 1 1 100%; max-height: 12rem; overflow: auto; }
  .foreign-report ul { margin: var(--lectern-space-1) 0; padding-left: 1.2rem; }
  .foreign-report .where { font-weight: 600; }
  .foreign-report button.link { min-height: 0; padding: 0; border: 0; background: none; color: var(--lectern-accent); text-decoration: underline; cursor: pointer; }
`;
