// The library (`#/library`): every deck as a card with what an instructor looks for (title,
// audience, duration, slides, tags, last edited), search that ignores diacritics, sort, new deck
// from a template, duplicate, delete with undo. Summaries come from the store's summary records;
// deck text for full-text search is read in the background after the list shows.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LangController } from '../app/lang-controller.ts';
import { formatDate, formatNumber, getLang, locale } from '../app/i18n.ts';
import { presentUrl, routeHash, type Route } from '../app/routes.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import type { DeckSummary, Store, StoreNotice } from '../store/index.ts';
import { libraryMsg as msg } from './messages.ts';
import { createDeckSearchIndex, type DeckSearchIndex } from './search-index.ts';
import { getStore } from '../app/store.ts';
import { TEMPLATE_NAMES, deckTemplate, type TemplateName } from './templates.ts';
import { sharing, sharingErrorText, type ExportProgress, type SharingModule } from './sharing-bridge.ts';
import { exportProgressStyles, renderExportProgress } from './export-progress.ts';
import { isOfficeFile, OFFICE_ACCEPT } from '../office-import/office-files.ts';
import { isMarkdownFile, MARKDOWN_ACCEPT, readMarkdownFile } from './markdown-files.ts';
import { followCentreView, type CentreView } from '../sync/centre-session.ts';

/** The Centre library's code, loaded only while connected to a centre. */
type CentreModule = typeof import('./centre-library-section.ts');

export type SortKey = 'updated' | 'title' | 'slides' | 'duration';
const SORTS: readonly SortKey[] = ['updated', 'title', 'slides', 'duration'];

/** Sorts summaries for display; titles compare in the UI language's collation. */
export function sortDecks(decks: readonly DeckSummary[], key: SortKey): DeckSummary[] {
  const collator = new Intl.Collator(locale(), { sensitivity: 'base', numeric: true });
  const out = [...decks];
  switch (key) {
    case 'title':
      return out.sort((a, b) => collator.compare(a.title, b.title));
    case 'slides':
      return out.sort((a, b) => b.slideCount - a.slideCount);
    case 'duration':
      return out.sort((a, b) => (b.duration ?? -1) - (a.duration ?? -1));
    case 'updated':
      return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }
}

export class LibraryScreen extends LitElement {
  static override properties = {
    route: { attribute: false },
    decks: { state: true },
    query: { state: true },
    sort: { state: true },
    status: { state: true },
    hits: { state: true },
    sharingModule: { state: true },
    dropping: { state: true },
    fileExport: { state: true },
    centre: { state: true },
  };

  declare route: Route;
  declare decks: DeckSummary[];
  declare query: string;
  declare sort: SortKey;
  declare status: 'loading' | 'ready' | 'failed';
  /** Ids matching the query, best first (undefined when there is no query). */
  declare hits: string[] | undefined;
  declare sharingModule: SharingModule | undefined;
  /** Files are being dragged over the library (the drop zone shows). */
  declare dropping: boolean;
  /** The file export under way (Offline HTML or PowerPoint; one at a time), with its latest progress. */
  declare fileExport: { deckId: string; progress?: ExportProgress } | undefined;
  /** The Centre library (section and publish action), when connected to a centre. */
  declare centre: CentreView<CentreModule, InstanceType<CentreModule['CentreLibraryModel']>> | undefined;

  private store: Store | undefined;
  private stopCentre: (() => void) | undefined;
  private index: DeckSearchIndex = createDeckSearchIndex();
  /** rev of each deck whose text is in the index, so unchanged decks are not re-read. */
  private indexedRev = new Map<string, number>();
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    new LangController(this);
    this.decks = [];
    this.query = '';
    this.sort = 'updated';
    this.status = 'loading';
    this.hits = undefined;
    this.sharingModule = undefined;
    this.dropping = false;
    this.fileExport = undefined;
    this.centre = undefined;
    // The whole screen is the drop zone for .lectern, .pptx and .docx files; Import is the keyboard way.
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('dragleave', this.onDragLeave);
    this.addEventListener('drop', this.onDrop);
  }

  private onDragOver = (event: DragEvent): void => {
    if (!this.sharingModule || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dropping = true;
  };

  private onDragLeave = (event: DragEvent): void => {
    // dragleave also fires when moving between children; only leaving the screen ends it.
    const to = event.relatedTarget as Node | null;
    if (!to || !this.contains(to)) this.dropping = false;
  };

  private onDrop = (event: DragEvent): void => {
    this.dropping = false;
    if (!this.sharingModule) return;
    event.preventDefault();
    const { bundles, others } = this.sharingModule.droppedFiles(event);
    const office = others.filter((file) => isOfficeFile(file) || isMarkdownFile(file));
    const refused = others.filter((file) => !isOfficeFile(file) && !isMarkdownFile(file));
    if (refused.length) showToast({ kind: 'error', message: msg().notBundles(refused.map((f) => f.name).join(', ')) });
    if (bundles.length || office.length) void this.importAll([...bundles, ...office]);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.stopCentre?.();
    this.stopCentre = undefined;
    this.centre = undefined;
    super.disconnectedCallback();
  }

  private async start(): Promise<void> {
    try {
      this.store = await getStore();
      this.unsubscribe?.();
      this.unsubscribe = this.store.subscribe(this.handleNotice);
      await this.reload();
      this.status = 'ready';
    } catch (error) {
      console.error(error);
      this.status = 'failed';
    }
    this.startCentre();
    this.sharingModule = await sharing();
  }

  /** The Centre library loads only while connected to a centre (first load unchanged), and comes
   *  or goes when Settings connects or disconnects. */
  private startCentre(): void {
    const store = this.store;
    if (!store || this.stopCentre || !this.isConnected) return;
    this.stopCentre = followCentreView(
      store,
      () => import('./centre-library-section.ts'),
      (module, who) => module.createCentreLibraryModel(store, who),
      (view) => {
        this.centre = view;
        this.requestUpdate();
      },
    );
  }

  private handleNotice = (notice: StoreNotice): void => {
    if (notice.type.startsWith('deck-')) void this.reload();
  };

  private async reload(): Promise<void> {
    if (!this.store) return;
    this.decks = await this.store.listDecks();
    for (const d of this.decks) {
      // Titles and tags are searchable at once; text follows below.
      if (!this.indexedRev.has(d.id)) this.index.set({ id: d.id, title: d.title, tags: d.tags, text: '' });
    }
    for (const id of this.indexedRev.keys()) {
      if (!this.decks.some((d) => d.id === id)) {
        this.index.remove(id);
        this.indexedRev.delete(id);
      }
    }
    this.runSearch();
    void this.indexTexts();
  }

  /** Reads deck texts one by one (never all at once) and adds them to the index. */
  private async indexTexts(): Promise<void> {
    const store = this.store;
    if (!store) return;
    let changed = false;
    for (const summary of this.decks) {
      if (this.indexedRev.get(summary.id) === summary.rev) continue;
      const record = await store.getDeck(summary.id);
      if (!record) continue;
      this.index.set({ id: record.id, title: record.title, tags: record.tags, text: record.markdown });
      this.indexedRev.set(record.id, record.rev);
      changed = true;
    }
    if (changed) this.runSearch();
  }

  private runSearch(): void {
    this.hits = this.query.trim() ? this.index.search(this.query) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) this.runSearch();
  }

  private get shown(): DeckSummary[] {
    if (!this.hits) return sortDecks(this.decks, this.sort);
    const byId = new Map(this.decks.map((d) => [d.id, d]));
    return this.hits.flatMap((id) => byId.get(id) ?? []);
  }

  private async createDeck(template: TemplateName): Promise<void> {
    if (!this.store) return;
    this.renderRoot.querySelector('dialog')?.close();
    try {
      const record = await this.store.createDeck({ markdown: deckTemplate(template, getLang()) });
      location.hash = routeHash({ name: 'edit', deckId: record.id });
    } catch (error) {
      this.fail(error);
    }
  }

  private async duplicate(deck: DeckSummary): Promise<void> {
    if (!this.store) return;
    try {
      const title = msg().copyTitle(deck.title || msg().untitled);
      // The front-matter editor (and its YAML parser) loads only when a deck is duplicated.
      const { applyPlanFields } = await import('../plan/front-matter-edit.ts');
      const retitle = (markdown: string): string => {
        try {
          return applyPlanFields(markdown, { title });
        } catch {
          return markdown; // broken YAML is not rewritten; the copy keeps the source's text
        }
      };
      const copy = await this.store.duplicateDeck(deck.id, { title, retitle });
      showToast({ message: msg().duplicated(deck.title || msg().untitled) });
      await this.reload();
      // Move focus to the new card's Edit link so keyboard users keep their place.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-deck-id="${CSS.escape(copy.id)}"] a.edit`)?.focus();
    } catch (error) {
      this.fail(error);
    }
  }

  private async removeDeck(deck: DeckSummary): Promise<void> {
    const store = this.store;
    if (!store) return;
    try {
      await store.deleteDeck(deck.id);
      await this.reload();
      this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus();
      showToast({
        message: msg().deleted(deck.title || msg().untitled),
        action: {
          label: msg().undo,
          run: () => {
            void store.restoreDeck(deck.id).then(() => this.reload(), (error: unknown) => this.fail(error));
          },
        },
        timeoutMs: 15_000,
      });
    } catch (error) {
      this.fail(error);
    }
  }

  private async exportDeck(deck: DeckSummary): Promise<void> {
    if (!this.store || !this.sharingModule) return;
    try {
      await this.sharingModule.exportDeck(this.store, deck.id);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Offline HTML or PowerPoint: progress under the card, a toast when the file is ready. */
  private async exportFile(deck: DeckSummary, kind: 'exportHtml' | 'exportPptx'): Promise<void> {
    if (!this.store || !this.sharingModule || this.fileExport) return;
    this.fileExport = { deckId: deck.id };
    try {
      const done = await this.sharingModule[kind](this.store, deck.id, (progress) => (this.fileExport = { deckId: deck.id, progress }));
      if (done) showToast({ message: done.message });
    } catch (error) {
      this.fail(error);
    } finally {
      this.fileExport = undefined;
    }
  }

  private async importFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) await this.importAll(files);
  }

  /** Several bundles one after another (each with its preview); refusals are shown one by one. */
  private async importAll(files: readonly File[]): Promise<void> {
    if (!this.store || !this.sharingModule) return;
    try {
      // PowerPoint and Word files go through the Office importer (Worker, preview, then the
      // editor); .lectern bundles through sharing.
      const markdown = files.filter(isMarkdownFile);
      if (markdown.length) await this.importMarkdown(markdown, markdown.length === files.length);
      const office = files.filter(isOfficeFile);
      const bundles = files.filter((file) => !isOfficeFile(file) && !isMarkdownFile(file));
      if (office.length) {
        const { importOfficeFiles } = await import('../office-import/index.ts');
        for (const outcome of await importOfficeFiles(this.store, office)) {
          if (outcome.error) showToast({ kind: 'error', message: outcome.error.message });
        }
      }
      if (!bundles.length) return;
      const outcomes = await this.sharingModule.importFiles(this.store, bundles);
      await this.reload();
      for (const outcome of outcomes) {
        if (outcome.error) showToast({ kind: 'error', message: sharingErrorText(outcome.error) });
        else if (outcome.deckId) showToast({ message: msg().imported(outcome.file) });
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** Each Markdown file becomes a new deck with its text as it is; a single one opens in the
   *  editor (which offers to convert a Quarto, Marp or Slidev deck). */
  private async importMarkdown(files: readonly File[], openOne: boolean): Promise<void> {
    if (!this.store) return;
    let last: string | undefined;
    for (const file of files) {
      const read = await readMarkdownFile(file);
      if ('refused' in read) {
        showToast({ kind: 'error', message: msg().markdownRefused(file.name, read.refused) });
        continue;
      }
      last = (await this.store.createDeck({ markdown: read.text })).id;
      showToast({ message: msg().imported(file.name) });
    }
    if (openOne && files.length === 1 && last) location.hash = routeHash({ name: 'edit', deckId: last });
    else await this.reload();
  }

  private async backup(): Promise<void> {
    if (!this.store || !this.sharingModule) return;
    try {
      await this.sharingModule.backup(this.store);
    } catch (error) {
      this.fail(error);
    }
  }

  private async restore(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this.store || !this.sharingModule) return;
    try {
      const done = await this.sharingModule.restore(this.store, file);
      await this.reload();
      if (done) showToast({ message: done.message });
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    console.error(error);
    showToast({ kind: 'error', message: sharingErrorText(error) });
  }

  private renderCard(deck: DeckSummary) {
    const m = msg();
    const title = deck.title || m.untitled;
    const titleId = `deck-title-${deck.id}`;
    const canShare = this.sharingModule !== undefined;
    return html`<li>
      <article class="card deck" data-deck-id=${deck.id} aria-labelledby=${titleId}>
        <h2 id=${titleId}><a class="title" href=${routeHash({ name: 'edit', deckId: deck.id })}>${title}</a></h2>
        <dl class="facts">
          ${deck.audience ? html`<div><dt>${m.audience}</dt><dd>${deck.audience}</dd></div>` : nothing}
          <div><dt>${m.duration}</dt><dd>${deck.duration !== undefined ? m.minutes(formatNumber(deck.duration)) : '—'}</dd></div>
          <div><dt>${m.slides}</dt><dd>${formatNumber(deck.slideCount)}</dd></div>
          <div><dt>${m.edited}</dt><dd><time datetime=${deck.updatedAt}>${formatDate(deck.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time></dd></div>
        </dl>
        ${deck.tags.length
          ? html`<ul class="tags" aria-label=${m.tags}>${deck.tags.map((t) => html`<li>${t}</li>`)}</ul>`
          : nothing}
        <div class="actions">
          <a class="button primary edit" href=${routeHash({ name: 'edit', deckId: deck.id })}>${m.edit}</a>
          <a class="button" href=${presentUrl(deck.id)} target="_blank" rel="noopener">${m.present}</a>
          <button ?disabled=${!canShare} title=${canShare ? nothing : m.shareLater} @click=${() => void this.exportDeck(deck)}>${m.export}</button>
          <button ?disabled=${!canShare} title=${canShare ? m.exportHtmlHint : m.shareLater} @click=${() => void this.exportFile(deck, 'exportHtml')}>${m.exportHtml}</button>
          <button ?disabled=${!canShare} title=${canShare ? m.exportPptxHint : m.shareLater} @click=${() => void this.exportFile(deck, 'exportPptx')}>${m.exportPptx}</button>
          <button @click=${() => void this.duplicate(deck)}>${m.duplicate}</button>
          <button class="danger" @click=${() => void this.removeDeck(deck)}>${m.delete}</button>
          ${this.centre?.model.canPublish
            ? html`<button class="publish" ?disabled=${this.centre.model.busy !== undefined} @click=${() => this.centre && void this.centre.module.publishFromLibrary(this.centre.model, deck.id, deck.title || m.untitled)}>${this.centre.module.centreLibraryMsg().publish}</button>`
            : nothing}
        </div>
        ${this.fileExport?.deckId === deck.id ? renderExportProgress(this.fileExport.progress) : nothing}
      </article>
    </li>`;
  }

  override render() {
    const m = msg();
    const shown = this.shown;
    const canShare = this.sharingModule !== undefined;
    return html`
      <div class="head">
        <h1>${m.heading}</h1>
        <div class="head-actions">
          <button class="primary" @click=${() => this.renderRoot.querySelector('dialog')?.showModal()}>${m.newDeck}</button>
          <button ?disabled=${!canShare} title=${canShare ? nothing : m.shareLater} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input.import')?.click()}>${m.import}</button>
          <input class="import visually-hidden" type="file" multiple accept=${`.lectern,application/zip,${OFFICE_ACCEPT},${MARKDOWN_ACCEPT}`} tabindex="-1" aria-hidden="true" @change=${this.importFiles} />
          <button ?disabled=${!canShare} @click=${() => void this.backup()}>${m.backup}</button>
          <button ?disabled=${!canShare} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input.restore')?.click()}>${m.restore}</button>
          <input class="restore visually-hidden" type="file" accept=".lectern-backup,application/zip" tabindex="-1" aria-hidden="true" @change=${this.restore} />
        </div>
      </div>
      ${canShare ? html`<p class="drop-hint muted">${m.dropHint}</p>` : nothing}
      ${this.dropping ? html`<div class="drop-zone" aria-hidden="true"><p>${m.dropNow}</p></div>` : nothing}
      <div class="filters" role="search">
        <label class="search">
          <span>${m.search}</span>
          <input
            type="search"
            .value=${this.query}
            placeholder=${m.searchHint}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          <span>${m.sortBy}</span>
          <select @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as SortKey)}>
            ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this.sort} ?disabled=${this.hits !== undefined && s !== this.sort}>${m.sort(s)}</option>`)}
          </select>
        </label>
      </div>
      <p class="count muted" role="status">
        ${this.status === 'loading' ? m.loading : this.status === 'failed' ? m.failed : this.hits ? m.found(shown.length) : m.total(this.decks.length)}
      </p>
      ${this.status === 'ready' && this.decks.length === 0 ? html`<p>${m.empty}</p>` : nothing}
      <!-- Keyed by deck id: reused by position, a card could show another deck under a click. -->
      <ul class="decks">${repeat(shown, (d) => d.id, (d) => this.renderCard(d))}</ul>
      ${this.centre ? html`<lectern-centre-library .model=${this.centre.model}></lectern-centre-library>` : nothing}
      <dialog aria-labelledby="new-title">
        <h2 id="new-title">${m.chooseTemplate}</h2>
        <ul class="templates">
          ${TEMPLATE_NAMES.map(
            (t) => html`<li>
              <button @click=${() => void this.createDeck(t)}>
                <strong>${m.template(t)}</strong><span class="muted">${m.templateHint(t)}</span>
              </button>
            </li>`,
          )}
        </ul>
        <button @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${m.cancel}</button>
      </dialog>
    `;
  }

  static override styles = [
    uiStyles,
    exportProgressStyles,
    css`
      :host { display: block; position: relative; }
      .drop-hint { margin: var(--lectern-space-1) 0 0; font-size: 0.9rem; }
      .drop-zone { position: absolute; inset: 0; z-index: 2; display: flex; align-items: flex-start; justify-content: center;
        border: 3px dashed var(--lectern-accent); border-radius: var(--lectern-radius); background: color-mix(in srgb, var(--lectern-accent-soft) 85%, transparent);
        pointer-events: none; }
      .drop-zone p { margin-top: 6rem; font-size: 1.3rem; font-weight: 600; color: var(--lectern-accent); }
      .head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--lectern-space-3); }
      .head h1 { margin: 0; }
      .head-actions { display: flex; flex-wrap: wrap; gap: var(--lectern-space-2); }
      .filters { display: flex; flex-wrap: wrap; gap: var(--lectern-space-3); margin: var(--lectern-space-3) 0 var(--lectern-space-2); }
      .search { flex: 1 1 20rem; }
      .search input { width: 100%; }
      .decks { list-style: none; padding: 0; margin: 0; display: grid; gap: var(--lectern-space-3); grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); }
      .deck { display: flex; flex-direction: column; gap: var(--lectern-space-2); height: 100%; }
      .deck h2 { font-size: 1.15rem; margin: 0; overflow-wrap: anywhere; }
      .deck h2 a { color: var(--lectern-text); text-decoration: none; }
      .deck h2 a:hover { text-decoration: underline; }
      .facts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--lectern-space-1) var(--lectern-space-3); margin: 0; font-size: 0.92rem; }
      .facts dt { color: var(--lectern-muted); font-size: 0.82rem; }
      .facts dd { margin: 0; }
      .tags { display: flex; flex-wrap: wrap; gap: var(--lectern-space-1); list-style: none; margin: 0; padding: 0; }
      .tags li { background: var(--lectern-accent-soft); color: var(--lectern-accent); border-radius: 999px; padding: 0 0.6rem; font-size: 0.85rem; }
      .actions { display: flex; flex-wrap: wrap; gap: var(--lectern-space-1); margin-top: auto; }
      .actions .button, .actions button { min-height: 2.25rem; font-size: 0.92rem; }
      .templates { list-style: none; padding: 0; display: grid; gap: var(--lectern-space-2); }
      .templates button { width: 100%; flex-direction: column; align-items: flex-start; padding: var(--lectern-space-2) var(--lectern-space-3); }
      dialog { border: 1px solid var(--lectern-border); border-radius: var(--lectern-radius); max-width: 30rem; }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-screen-library': LibraryScreen;
  }
}
