// <lectern-centre-library>: the "Centre library" section of the library screen, a labelled region
// listing the decks the centre published (title, who published it, when), each with "Copy to my
// library". Titles and names are rendered as text (lit escapes them): a title holding HTML or a
// script shows as those characters. Loaded with import() only while connected to a centre.
import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DeckDoc } from '@lectern/centre';
import { LangController } from '../app/lang-controller.ts';
import { formatDate, formatNumber } from '../app/i18n.ts';
import { routeHash } from '../app/routes.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import type { Store } from '../store/index.ts';
import type { CentreSessionInfo } from '../sync/centre-session.ts';
import { CentreLibraryModel } from './centre-library-model.ts';
import { centreLibraryMsg as msg } from './centre-messages.ts';
import { centreProblemText } from '../sync/centre-text.ts';

export class CentreLibrarySection extends LitElement {
  static override properties = { model: { attribute: false } };
  declare model: CentreLibraryModel | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    new LangController(this);
    this.model = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('model')) this.listen();
  }

  private listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.model?.subscribe(() => this.requestUpdate());
  }

  private async copy(deck: DeckDoc): Promise<void> {
    const model = this.model;
    if (!model) return;
    const title = deck.title || msg().untitled;
    try {
      const record = await model.copy(deck);
      showToast({ message: msg().copied(title) });
      location.hash = routeHash({ name: 'edit', deckId: record.id });
    } catch (error) {
      console.error(error);
      showToast({ kind: 'error', message: centreProblemText(error) });
    }
  }

  private renderDeck(deck: DeckDoc) {
    const m = msg();
    const title = deck.title || m.untitled;
    const titleId = `centre-deck-${deck._id}`;
    const busy = this.model?.busy;
    return html`<li>
      <article class="card deck" data-centre-deck=${deck.deckId} aria-labelledby=${titleId}>
        <h3 id=${titleId}>${title}</h3>
        <dl class="facts">
          <div><dt>${m.publishedBy}</dt><dd>${deck.publishedBy ?? deck.owner}</dd></div>
          <div>
            <dt>${m.publishedAt}</dt>
            <dd>${deck.publishedAt ? html`<time datetime=${deck.publishedAt}>${formatDate(deck.publishedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>` : '—'}</dd>
          </div>
          ${deck.media.length ? html`<div><dt>${m.media}</dt><dd>${m.mediaCount(formatNumber(deck.media.length))}</dd></div>` : nothing}
        </dl>
        <div class="actions">
          <button class="primary" aria-label=${m.copyNamed(title)} ?disabled=${busy !== undefined} @click=${() => void this.copy(deck)}>
            ${busy === deck._id ? m.copying : m.copy}
          </button>
        </div>
      </article>
    </li>`;
  }

  private renderNotices(library: NonNullable<CentreLibraryModel['library']>) {
    const m = msg();
    const when = formatDate(library.fetchedAt, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<p class="muted fetched">${library.offline ? m.offline(when) : m.fetchedAt(when)}</p>
      ${library.skipped ? html`<p class="notice skipped">${m.skipped(formatNumber(library.skipped))}</p>` : nothing}
      ${library.truncated ? html`<p class="notice truncated">${m.truncated(formatNumber(library.decks.length))}</p>` : nothing}`;
  }

  override render() {
    const m = msg();
    const model = this.model;
    const library = model?.library;
    return html`<section aria-labelledby="centre-library-heading">
      <div class="head">
        <h2 id="centre-library-heading">${m.heading}</h2>
        <button @click=${() => void model?.load()} ?disabled=${!model || model.status === 'loading'}>${m.refresh}</button>
      </div>
      <p class="muted">${m.intro}</p>
      ${model?.status === 'failed' ? html`<p class="error" role="alert">${centreProblemText(model.error)}</p>` : nothing}
      <p class="muted count" role="status">
        ${!model || (model.status === 'loading' && !library) ? m.loading : library ? m.count(formatNumber(library.decks.length)) : ''}
      </p>
      ${library ? this.renderNotices(library) : nothing}
      ${library && library.decks.length === 0 ? html`<p>${m.empty}</p>` : nothing}
      <ul class="decks">${repeat(library?.decks ?? [], (d) => d._id, (d) => this.renderDeck(d))}</ul>
    </section>`;
  }

  static override styles = [
    uiStyles,
    css`
      :host { display: block; margin-top: var(--lectern-space-4); border-top: 1px solid var(--lectern-border); padding-top: var(--lectern-space-3); }
      .head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--lectern-space-2); }
      h2 { margin: 0; }
      .notice { margin: var(--lectern-space-1) 0; }
      .decks { list-style: none; padding: 0; margin: 0; display: grid; gap: var(--lectern-space-3); grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); }
      .deck { display: flex; flex-direction: column; gap: var(--lectern-space-2); height: 100%; }
      .deck h3 { font-size: 1.1rem; margin: 0; overflow-wrap: anywhere; }
      .facts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--lectern-space-1) var(--lectern-space-3); margin: 0; font-size: 0.92rem; }
      .facts dt { color: var(--lectern-muted); font-size: 0.82rem; }
      .facts dd { margin: 0; overflow-wrap: anywhere; }
      .actions { margin-top: auto; }
    `,
  ];
}

if (!customElements.get('lectern-centre-library')) customElements.define('lectern-centre-library', CentreLibrarySection);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-centre-library': CentreLibrarySection;
  }
}

/** What the library screen loads with import(): the section element and its model. */
export { CentreLibraryModel, centreProblemText };
export { centreLibraryMsg } from './centre-messages.ts';
export function createCentreLibraryModel(store: Store, who: CentreSessionInfo): CentreLibraryModel {
  return new CentreLibraryModel(store, who);
}

/** "Publish to centre library" on a card of the own library: progress and outcome as toasts (a
 *  refusal by the server says only administrators publish). Here, not in the library screen, so
 *  the screen's first load carries none of it. */
export async function publishFromLibrary(model: CentreLibraryModel, deckId: string, title: string): Promise<void> {
  const m = msg();
  try {
    showToast({ message: m.publishing(title) });
    await model.publish(deckId);
    showToast({ message: m.published(title) });
  } catch (error) {
    console.error(error);
    showToast({ kind: 'error', message: centreProblemText(error, 'publish') });
  }
}
