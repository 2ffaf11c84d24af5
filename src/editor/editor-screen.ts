// The editor screen (`#/edit/<deckId>`): CodeMirror on the left, the live preview of the slide
// under the cursor on the right, outline and problems beside them, autosave that never loses text.
//
// A view over the deck model (src/decks): every change goes to the deck's draft, which autosaves,
// detects conflicts with other tabs and screens and resolves them (keep mine / take theirs,
// restore a revision); this screen shows its state and flushes it on blur, hiding the tab and
// leaving the screen.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { ViewUpdate } from '@codemirror/view';
import { createSanitizer, slideNumbering } from '@lectern/deck';
import type { Deck, DeckEdit, Diagnostic, Slide } from '@lectern/deck';
import { LangController } from '../app/lang-controller.ts';
import { getLang, formatDate, formatNumber } from '../app/i18n.ts';
import { presentUrl, routeHash, type Route } from '../app/routes.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import type { ExcerptRecord } from '../store/index.ts';
import { DeckController } from '../decks/deck-controller.ts';
import type { DeckDraft } from '../decks/deck-draft.ts';
import type { OpenDeck, OpenDeckEvent } from '../decks/open-deck.ts';
import { errorText, renderConflict, renderSaveState, saveStatusStyles, toastDraftEvent } from '../decks/save-status.ts';
import { fileMediaKind, mediaMarkdown } from '../media/media-name.ts';
import { captionVideos, isCaptionFile } from '../media/caption-file.ts';
import { formatExcerptBlock } from '../excerpts/excerpt-block.ts';
import { sharing, sharingErrorText, type ExportProgress } from '../library/sharing-bridge.ts';
import { getStore } from '../app/store.ts';
import { exportProgressStyles, renderExportProgress } from '../library/export-progress.ts';
import { spliceText } from './doc-text.ts';
import { createCodeEditor, goToLine, insertBlock, insertInline, relint, replaceDoc, type EditorView } from './code-editor.ts';
import { diagnosticText } from '../decks/diagnostic-text.ts';
import { LiveRenderer, type LiveResult } from './live-render.ts';
import { editorMsg as msg } from './messages.ts';
import { lecternSnippet, type SnippetName } from './snippets.ts';
import { pickTheme, type ThemeName } from './theme-css.ts';
import './slide-preview.ts';
import type { SlidePreview } from './slide-preview.ts';
import './history-panel.ts';
import { ForeignNotice, foreignNoticeStyles, renderForeignNotice } from './foreign-notice.ts';
import { foreignMsg } from './foreign-messages.ts';
import type { RestoreRevisionDetail, RevisionHistory } from './history-panel.ts';

const PUBLISH_MS = 120;
const SNIPPETS: readonly SnippetName[] = ['slide', 'vertical', 'notes', 'discussion', 'excerpt', 'question', 'columns', 'fragment'];

interface OutlineItem {
  index: number;
  label: string;
  title: string;
  line: number;
  vertical: boolean;
}

function outlineOf(deck: Pick<Deck, 'meta' | 'slides'>): OutlineItem[] {
  const { labels } = slideNumbering(deck);
  return deck.slides.map((s) => ({
    index: s.index,
    label: labels[s.index] ?? '',
    title: s.title ?? '',
    line: s.startLine,
    vertical: s.v > 0,
  }));
}

function outlineKey(items: readonly OutlineItem[]): string {
  return items.map((i) => `${i.label}\u0000${i.title}\u0000${i.line}`).join('\u0001');
}

function diagnosticsKey(list: readonly Diagnostic[]): string {
  return list.map((d) => `${d.line}:${d.column}:${d.code}:${d.message}`).join('\u0001');
}

/** The span of the text an update changed (all its changes merged into one), so the parse need
 *  not compare the old and new text to find it. */
function changedSpan(update: ViewUpdate): DeckEdit | undefined {
  let from = -1;
  let toOld = 0;
  let toNew = 0;
  update.changes.iterChangedRanges((fromA, toA, _fromB, toB) => {
    if (from < 0) from = fromA;
    toOld = toA;
    toNew = toB;
  });
  return from < 0 ? undefined : { from, toOld, toNew };
}

export class EditorScreen extends LitElement {
  static override properties = {
    route: { attribute: false },
    state: { state: true },
    outline: { state: true },
    diagnostics: { state: true },
    current: { state: true },
    title: { state: true },
    excerptQuery: { state: true },
    excerpts: { state: true },
    pptxExport: { state: true },
  };

  declare route: Route;
  declare state: 'loading' | 'ready' | 'missing' | 'failed';
  declare outline: OutlineItem[];
  declare diagnostics: Diagnostic[];
  /** Index of the slide under the cursor. */
  declare current: number;
  declare title: string;
  declare excerptQuery: string;
  declare excerpts: ExcerptRecord[];
  /** "Export as PowerPoint" under way, with its latest progress. */
  declare pptxExport: { progress?: ExportProgress } | undefined;

  /** The CodeMirror view (benchmarks and tests drive it directly). */
  view: EditorView | undefined;
  /** The view's whole text as of its last update, for spliceText. */
  private text: string | undefined;
  /** Milliseconds of the last update path (parse + render + preview), for the benchmark. */
  lastUpdateMs = 0;
  /** The same update path in parts (the whole text as one string, parse, render of the slide,
   *  preview swap), for the benchmark. */
  lastUpdateParts = { textMs: 0, parseMs: 0, renderMs: 0, previewMs: 0 };
  /** The preview, found once: a search of the shadow root per keystroke walks CodeMirror's DOM
   *  first (measured: about 0.5 ms a keystroke at 1,000 slides). */
  private previewElement: SlidePreview | undefined;

  private readonly decks = new DeckController(this, { media: true, onEvent: (event, deck) => this.handleDeckEvent(event, deck) });
  private live: LiveRenderer | undefined;
  /** Set while the model's text is put into CodeMirror, so it does not come back as an edit. */
  private applyingRemote = false;
  private defaultTheme: ThemeName = 'white';
  private readonly foreign = new ForeignNotice(() => this.requestUpdate());

  private get draft(): DeckDraft | undefined {
    return this.decks.deck?.draft;
  }

  private get deckId(): string | undefined {
    return this.decks.deckId;
  }

  /** The language the lint markers were last written in. */
  private lintLang = getLang();

  constructor() {
    super();
    new LangController(this);
    this.state = 'loading';
    this.outline = [];
    this.diagnostics = [];
    this.current = 0;
    this.title = '';
    this.excerptQuery = '';
    this.excerpts = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page with the same route (willUpdate only sees route changes): open it again.
    if (this.route?.name === 'edit' && !this.deckId) void this.open(this.route.deckId);
  }

  override disconnectedCallback(): void {
    // The deck controller saves the draft and closes the deck (in super.disconnectedCallback).
    this.teardown();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.view && this.lintLang !== getLang()) relint(this.view, this.live?.diagnostics() ?? []);
    this.lintLang = getLang();
    if (!changed.has('route') || this.route?.name !== 'edit') return;
    // `#/edit/<id>?line=N` (from the lesson plan's timing table): the cursor goes to line N.
    this.pendingLine = this.route.line;
    if (this.route.deckId !== this.deckId) void this.open(this.route.deckId);
    else if (this.view) this.applyPendingLine();
  }

  /** Line asked for by the route, applied once the editor shows the deck. */
  private pendingLine: number | undefined;

  private applyPendingLine(): void {
    const line = this.pendingLine;
    if (line === undefined || !this.view) return;
    this.pendingLine = undefined;
    this.jumpToSlide(line, true);
  }

  private teardown(): void {
    this.renderRoot.querySelector<RevisionHistory>('lectern-revision-history')?.close();
    clearTimeout(this.publishTimer);
    this.view?.destroy();
    this.view = undefined;
    this.text = undefined;
  }

  private async open(deckId: string): Promise<void> {
    this.teardown();
    this.foreign.reset();
    this.state = 'loading';
    const deck = await this.decks.open(deckId);
    if (!deck) return;
    if (deck.status !== 'ready' || !deck.draft || !deck.media) {
      if (deck.status === 'failed') console.error(deck.error);
      this.state = deck.status === 'missing' ? 'missing' : 'failed';
      return;
    }
    const settings = await this.decks.store?.getSettings().catch(() => undefined);
    if (deck !== this.decks.deck) return;
    this.defaultTheme = pickTheme(settings?.theme).theme;
    this.live = new LiveRenderer(createSanitizer(window), deck.media);
    this.state = 'ready';
    await this.updateComplete;
    if (deck !== this.decks.deck || !deck.draft) return;
    this.mountEditor(deck.draft.text);
    this.applyPendingLine();
  }

  private mountEditor(text: string): void {
    const parent = this.renderRoot.querySelector<HTMLElement>('.editor');
    if (!parent) return;
    this.view = createCodeEditor({
      parent,
      root: this.renderRoot as ShadowRoot,
      doc: text,
      label: msg().editorLabel,
      describedBy: 'editor-keys',
      onUpdate: this.handleEditorUpdate,
      diagnostics: () => this.live?.diagnostics() ?? [],
      onFiles: (files, pos) => {
        void this.addFiles(files, pos);
        return true;
      },
      onBlur: () => void this.flush(),
    });
    this.text = this.view.state.doc.toString();
    this.refresh(text, 1);
    if (this.live?.result) this.publish(this.live.result);
  }

  /** The update path the benchmark measures: parse + render + preview of the current slide.
   *  `started`: when the caller began making the whole text (counted in the path). */
  private refresh(text: string, cursorLine: number, edit?: DeckEdit, started = performance.now()): void {
    if (!this.live) return;
    const read = performance.now();
    const result = this.live.update(text, cursorLine, edit);
    const rendered = performance.now();
    this.showSlide(result);
    const ended = performance.now();
    this.lastUpdateMs = ended - started;
    this.lastUpdateParts = { textMs: read - started, ...this.live.timings, previewMs: ended - rendered };
    this.schedulePublish();
  }

  private publishTimer: ReturnType<typeof setTimeout> | undefined;

  /** Outline, problems and title follow shortly after typing pauses, off the keystroke path. */
  private schedulePublish(): void {
    clearTimeout(this.publishTimer);
    this.publishTimer = setTimeout(() => {
      const result = this.live?.result;
      if (result) this.publish(result);
    }, PUBLISH_MS);
  }

  private get preview(): SlidePreview | undefined {
    if (!this.previewElement?.isConnected) this.previewElement = this.renderRoot.querySelector<SlidePreview>('lectern-slide-preview') ?? undefined;
    return this.previewElement;
  }

  private showSlide(result: LiveResult): void {
    this.preview?.show(result.slideHtml);
    if (this.current !== result.slideIndex) this.current = result.slideIndex;
  }

  /** Updates the lit state only when what it shows changed: a keystroke inside a paragraph
   *  re-renders neither the outline nor the problem list. */
  private publish(result: LiveResult): void {
    const outline = outlineOf(result.deck);
    if (outlineKey(outline) !== outlineKey(this.outline)) this.outline = outline;
    const diagnostics = this.live?.diagnostics() ?? [];
    if (diagnosticsKey(diagnostics) !== diagnosticsKey(this.diagnostics)) this.diagnostics = diagnostics;
    this.foreign.update(result.deck.source);
    const title = result.deck.meta.title ?? result.deck.slides[0]?.title ?? '';
    if (title !== this.title) this.title = title;
    const theme = pickTheme(result.deck.meta.theme, this.defaultTheme).theme;
    const preview = this.preview;
    if (preview && preview.theme !== theme) preview.theme = theme;
  }

  private handleEditorUpdate = (update: ViewUpdate): void => {
    const line = update.state.doc.lineAt(update.state.selection.main.head).number;
    if (update.docChanged) {
      const started = performance.now();
      const text = (this.text !== undefined ? spliceText(this.text, update.changes) : undefined) ?? update.state.doc.toString();
      this.text = text;
      // Flattened here, where it is made, so the bench's parts count it as reading the text.
      text.charCodeAt(0);
      this.refresh(text, line, changedSpan(update), started);
      if (!this.applyingRemote) this.draft?.edit(text);
    } else if (update.selectionSet && this.live) {
      const before = this.live.result?.slideIndex;
      const result = this.live.moveCursor(line);
      if (result && result.slideIndex !== before) this.showSlide(result);
    }
  };

  // ------------------------------------------------------------------ saving

  /** Saves the unsaved text now (blur, hiding the tab, leaving, presenting). */
  flush(): Promise<void> {
    return this.draft?.flush() ?? Promise.resolve();
  }

  private handleDeckEvent(event: OpenDeckEvent, deck: OpenDeck): void {
    if (event.type === 'replaced' && this.view && deck.draft) {
      this.applyingRemote = true;
      try {
        replaceDoc(this.view, deck.draft.text);
      } finally {
        this.applyingRemote = false;
      }
    }
    if (event.type === 'media-changed') this.mediaChanged(deck);
    toastDraftEvent(event);
  }

  // ------------------------------------------------------------------ media and inserts

  private mediaChanged(deck: OpenDeck): void {
    if (!deck.media || !this.live || !this.view) return;
    this.live.setMedia(deck.media);
    this.refresh(this.view.state.doc.toString(), this.view.state.doc.lineAt(this.view.state.selection.main.head).number);
  }

  private async addFiles(files: File[], pos: number): Promise<void> {
    const media = this.decks.deck?.media;
    const view = this.view;
    if (!media || !view) return;
    const docBefore = view.state.doc;
    const inserted: string[] = [];
    for (const file of files) {
      if (isCaptionFile(file.name)) {
        await this.addCaptionFile(file);
        continue;
      }
      if (!fileMediaKind(file)) {
        showToast({ kind: 'error', message: msg().notMedia(file.name) });
        continue;
      }
      try {
        inserted.push(mediaMarkdown(await media.add(file)));
      } catch (error) {
        showToast({ kind: 'error', message: errorText(error) });
      }
    }
    if (inserted.length === 0 || !this.view) return;
    this.live?.setMedia(media);
    // If the text changed while the files were stored, the drop position may be stale: insert at
    // the cursor instead.
    const at = this.view.state.doc === docBefore ? Math.min(pos, this.view.state.doc.length) : this.view.state.selection.main.head;
    const line = this.view.state.doc.lineAt(at);
    const text = inserted.join('\n\n');
    if (line.text.trim() === '') insertInline(this.view, text, at);
    else insertBlock(this.view, text, text.length, at);
    showToast({ message: msg().mediaAdded(inserted.length) });
  }

  /** A caption file takes the media screen's path (checked as WebVTT, .srt converted) and is not
   *  inserted in the text: a video shows it when it is named beside it or in `captions=`. */
  private async addCaptionFile(file: File): Promise<void> {
    const deck = this.decks.deck;
    if (!deck?.media) return;
    try {
      const path = `media/${await deck.media.add(file)}`;
      const videos = captionVideos(this.view?.state.doc.toString() ?? '', deck.media.list.map((a) => a.path)).get(path.normalize('NFC')) ?? [];
      showToast({ message: msg().captionAdded(path, videos.join(', ')) });
    } catch (error) {
      showToast({ kind: 'error', message: errorText(error) });
    }
  }

  private handleFileInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length && this.view) void this.addFiles(files, this.view.state.selection.main.head);
  }

  /** Arrow keys move between toolbar buttons (as a toolbar role promises); Tab still works. */
  private handleToolbarKey = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft' && event.key !== 'Home' && event.key !== 'End') return;
    const buttons = Array.from(this.renderRoot.querySelectorAll<HTMLButtonElement>('.toolbar button'));
    const index = buttons.indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
    event.preventDefault();
  };

  private insertSnippet(name: SnippetName): void {
    if (!this.view) return;
    const snippet = lecternSnippet(name, getLang());
    insertBlock(this.view, snippet.text, snippet.cursor);
  }

  private async openExcerpts(): Promise<void> {
    const dialog = this.renderRoot.querySelector('dialog');
    await this.searchExcerptsNow('');
    dialog?.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('dialog input[type=search]')?.focus();
  }

  private async searchExcerptsNow(query: string): Promise<void> {
    this.excerptQuery = query;
    const store = this.decks.store;
    if (!store) return;
    this.excerpts = query.trim() ? await store.searchExcerpts(query) : await store.listExcerpts();
  }

  private insertExcerpt(excerpt: ExcerptRecord): void {
    this.renderRoot.querySelector('dialog')?.close();
    if (this.view) insertBlock(this.view, formatExcerptBlock(excerpt));
  }

  private jumpTo(line: number): void {
    if (this.view) goToLine(this.view, line);
  }

  /** A slide's source starts with the blank line after its separator: the cursor lands on the
   *  slide's first line of text (its heading, usually), so typing goes into the slide. */
  private jumpToSlide(line: number, center = false): void {
    if (!this.view) return;
    const doc = this.view.state.doc;
    const start = Math.min(Math.max(1, line), doc.lines);
    let target = start;
    while (target < doc.lines && target - start < 20 && doc.line(target).text.trim() === '') target++;
    goToLine(this.view, doc.line(target).text.trim() === '' ? start : target, { center });
  }

  // ------------------------------------------------------------------ presenting and history

  /** The slide under the cursor numbered as the outline and the presenter number it (the title
   *  slide made from the front matter counts; a vertical slide is `3.2`). */
  private currentLabel(): string {
    return this.outline.find((item) => item.index === this.current)?.label ?? formatNumber(this.current + 1);
  }

  /** present.html for this deck, starting at the slide under the cursor. */
  private presentHref(): string {
    const result = this.live?.result;
    const slide = result ? result.deck.slides[result.slideIndex] : undefined;
    return presentUrl(this.deckId ?? '', slide ? { h: slide.h, v: slide.v } : undefined);
  }

  private isSaved(): boolean {
    return this.draft?.isSaved ?? true;
  }

  /** Present: the presenting page reads the deck from the store, so unsaved text is saved first.
   *  The window is opened at once (still inside the click, so no pop-up blocker stops it) and
   *  sent to the deck when the save has landed. */
  private handlePresent = (event: MouseEvent): void => {
    const link = event.currentTarget as HTMLAnchorElement;
    link.href = this.presentHref();
    if (this.isSaved()) return;
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      // The browser opens this one itself; start the save so it usually lands first.
      void this.flush();
      return;
    }
    event.preventDefault();
    const win = window.open('', '_blank');
    void this.flush().then(() => {
      const url = new URL(this.presentHref(), location.href).href;
      const target = win && !win.closed ? win : window.open('', '_blank');
      if (!target) {
        showToast({ kind: 'error', message: msg().presentFailed });
        return;
      }
      target.opener = null;
      target.location.href = url;
    });
  };

  private async openHistory(): Promise<void> {
    const { store } = this.decks;
    const { deckId, draft } = this;
    if (!store || !deckId || !draft || !this.view) return;
    // Save first: the list then ends at the stored text, and the comparison is with what is saved.
    await draft.flush();
    if (!this.view || draft !== this.draft) return;
    await this.renderRoot.querySelector<RevisionHistory>('lectern-revision-history')?.show({ store, deckId, currentText: draft.text });
  }

  /** Restores a revision as a new save; the text it replaces becomes a revision itself. */
  private async restoreRevision(event: CustomEvent<RestoreRevisionDetail>): Promise<void> {
    const panel = event.currentTarget as RevisionHistory;
    const { rev, savedAt } = event.detail;
    const m = msg();
    const finish = (close: boolean): void => {
      panel.busy = false;
      if (close) panel.close();
    };
    const draft = this.draft;
    if (!draft || !this.view) return finish(true);
    if (draft.state === 'conflict') {
      showToast({ kind: 'error', message: m.historyConflictFirst });
      return finish(true);
    }
    try {
      if ((await draft.restore(rev)) !== 'restored') return finish(true);
      finish(true);
      this.view?.focus();
      showToast({ message: m.historyRestored(formatDate(savedAt, { dateStyle: 'medium', timeStyle: 'medium' })) });
    } catch (error) {
      finish(false);
      showToast({ kind: 'error', message: errorText(error) });
    }
  }

  /** Converts another tool's deck in place: the text before it stays in History. */
  private async convertForeign(): Promise<void> {
    const draft = this.draft;
    if (!draft || !this.view) return;
    const done = await this.foreign.convert(draft, (text) => {
      if (this.view) replaceDoc(this.view, text);
    });
    if (!done) showToast({ kind: 'error', message: foreignMsg().convertFailed });
  }

  /** Slide `n` as the report counts it (1-based, a title slide included) into the editor and preview. */
  private showConvertedSlide(n: number): void {
    const deck = this.live?.result?.deck;
    const slide = deck?.slides[n - 1 - (deck.meta.titleSlide ? 1 : 0)];
    if (slide) this.jumpToSlide(slide.startLine, true);
  }

  // ------------------------------------------------------------------ rendering

  private renderExcerptDialog() {
    const m = msg();
    return html`<dialog aria-labelledby="excerpt-dialog-title">
      <h2 id="excerpt-dialog-title">${m.excerptDialog}</h2>
      <input
        type="search"
        aria-label=${m.searchExcerpts}
        placeholder=${m.searchExcerpts}
        .value=${this.excerptQuery}
        @input=${(e: Event) => void this.searchExcerptsNow((e.target as HTMLInputElement).value)}
      />
      <ul class="excerpt-list">
        ${this.excerpts.length === 0 ? html`<li class="muted">${m.noExcerpts}</li>` : nothing}
        ${this.excerpts.slice(0, 50).map(
          (e) => html`<li>
            <blockquote>${e.text.length > 220 ? `${e.text.slice(0, 220)}…` : e.text}</blockquote>
            <div class="muted">${[e.source, e.number, e.ref].filter(Boolean).join(' · ')}</div>
            <button @click=${() => this.insertExcerpt(e)} aria-label=${`${m.insert}: ${e.source ?? e.text.slice(0, 40)}`}>${m.insert}</button>
          </li>`,
        )}
      </ul>
      <div class="dialog-actions">
        <a href=${routeHash({ name: 'excerpts' })}>${m.manageExcerpts}</a>
        <button @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${m.close}</button>
      </div>
    </dialog>`;
  }

  /** Saves what is typed, then exports the stored deck as .pptx (the library's sharing module). */
  private async exportPptx(): Promise<void> {
    const deckId = this.deckId;
    if (!deckId || this.pptxExport) return;
    this.pptxExport = {};
    try {
      await this.flush();
      const store = await getStore();
      const module = await sharing();
      const done = await module.exportPptx(store, deckId, (progress) => (this.pptxExport = { progress }));
      if (done) showToast({ message: done.message });
    } catch (error) {
      showToast({ kind: 'error', message: sharingErrorText(error) });
    } finally {
      this.pptxExport = undefined;
    }
  }

  override render() {
    const m = msg();
    if (this.state === 'missing' || this.state === 'failed') {
      return html`<h1>${m.untitled}</h1>
        <p class="error" role="alert">${m.notFound}</p>
        <a class="button" href=${routeHash({ name: 'library' })}>${m.backToLibrary}</a>`;
    }
    const deckId = this.deckId ?? '';
    const slide = this.live?.result?.deck.slides[this.current];
    const total = this.outline.length;
    return html`
      <div class="top">
        <h1>${m.heading(this.title || m.untitled)}</h1>
        ${renderSaveState(this.draft)}
        <button class="history-button" aria-haspopup="dialog" ?disabled=${this.state !== 'ready'} @click=${() => void this.openHistory()}>
          ${m.history}
        </button>
        <button class="pptx-button" ?disabled=${this.state !== 'ready' || this.pptxExport !== undefined} title=${m.exportPptxHint} @click=${() => void this.exportPptx()}>
          ${m.exportPptx}
        </button>
        ${this.pptxExport ? renderExportProgress(this.pptxExport.progress) : nothing}
        <nav aria-label=${m.deckNav} class="deck-nav">
          <a href=${routeHash({ name: 'edit', deckId })} aria-current="page">${m.editLink}</a>
          <a href=${routeHash({ name: 'plan', deckId })}>${m.planLink}</a>
          <a href=${routeHash({ name: 'media', deckId })}>${m.mediaLink}</a>
          <a
            class="button primary"
            href=${presentUrl(deckId, slide ? { h: slide.h, v: slide.v } : undefined)}
            target="_blank"
            rel="noopener"
            @click=${this.handlePresent}
            >${m.present}</a
          >
        </nav>
      </div>
      ${renderConflict(this.draft)}
      ${renderForeignNotice(this.foreign.state, {
        convert: () => void this.convertForeign(),
        dismiss: () => this.foreign.dismiss(),
        close: () => this.foreign.closeReport(),
        showSlide: (n) => this.showConvertedSlide(n),
      })}
      <div class="toolbar" role="toolbar" aria-label=${m.toolbar} @keydown=${this.handleToolbarKey}>
        ${SNIPPETS.map((name) => html`<button @click=${() => this.insertSnippet(name)}>${m[name]}</button>`)}
        <span class="sep"></span>
        <button @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>${m.insertMedia}</button>
        <input
          type="file"
          class="visually-hidden"
          tabindex="-1"
          aria-hidden="true"
          multiple
          accept="image/*,video/*,audio/*"
          @change=${this.handleFileInput}
        />
        <button @click=${() => void this.openExcerpts()}>${m.insertExcerpt}</button>
      </div>
      ${this.state === 'loading' ? html`<p role="status">${m.loading}</p>` : nothing}
      <div class="workspace" ?hidden=${this.state !== 'ready'}>
        <aside class="side">
          <nav aria-label=${m.outline}>
            <h2>${m.outline}</h2>
            <ol class="outline">
              ${this.outline.map(
                (item) => html`<li class=${item.vertical ? 'vertical' : ''}>
                  <button
                    aria-current=${item.index === this.current ? 'true' : nothing}
                    @click=${() => this.jumpToSlide(item.line)}
                  >
                    <span class="num">${item.label}</span> ${item.title || m.noTitle}
                  </button>
                </li>`,
              )}
            </ol>
          </nav>
          <section aria-label=${m.diagnostics}>
            <h2>${m.diagnostics} <span class="count">${formatNumber(this.diagnostics.length)}</span></h2>
            ${this.diagnostics.length === 0
              ? html`<p class="muted">${m.noDiagnostics}</p>`
              : html`<ul class="problems">
                  ${this.diagnostics.slice(0, 200).map(
                    (d) => html`<li class=${d.severity}>
                      <button @click=${() => this.jumpTo(d.line)}>
                        <span class="where">${m.lineCol(d.line, d.column)}</span>
                        <span>${diagnosticText(d)}</span>
                      </button>
                    </li>`,
                  )}
                </ul>`}
          </section>
        </aside>
        <div class="editor-col">
          <div class="editor"></div>
          <p class="keys muted" id="editor-keys">${m.editorKeys}</p>
        </div>
        <div class="preview-pane">
          <lectern-slide-preview label=${m.preview}></lectern-slide-preview>
          <p class="muted slide-no">${total ? m.previewOf(this.currentLabel(), formatNumber(total + (this.live?.result?.deck.meta.titleSlide ? 1 : 0))) : ''}</p>
          ${slide?.notes
            ? html`<section class="notes" aria-label=${m.notesOfSlide}>
                <h2>${m.notesOfSlide}</h2>
                <p class="notes-text">${slide.notes.trim()}</p>
              </section>`
            : nothing}
        </div>
      </div>
      ${this.renderExcerptDialog()}
      <lectern-revision-history
        @restore-revision=${(e: CustomEvent<RestoreRevisionDetail>) => void this.restoreRevision(e)}
      ></lectern-revision-history>
    `;
  }

  static override styles = [
    uiStyles,
    saveStatusStyles,
    foreignNoticeStyles,
    exportProgressStyles,
    css`
      :host { display: block; }
      .top { display: flex; flex-wrap: wrap; align-items: center; gap: var(--lectern-space-3); margin-bottom: var(--lectern-space-2); }
      .top h1 { margin: 0; font-size: 1.35rem; flex: 1 1 20rem; overflow-wrap: anywhere; }
      .deck-nav { display: flex; gap: var(--lectern-space-2); align-items: center; flex-wrap: wrap; }
      .deck-nav a:not(.button) { padding: var(--lectern-space-1) var(--lectern-space-2); }
      .deck-nav a[aria-current='page'] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--lectern-accent); }
      .toolbar { display: flex; flex-wrap: wrap; gap: var(--lectern-space-1); margin-bottom: var(--lectern-space-2); }
      .toolbar button { min-height: 2.2rem; font-size: 0.92rem; }
      .sep { width: 1px; background: var(--lectern-border); margin: 0 var(--lectern-space-1); }
      .workspace {
        display: grid; gap: var(--lectern-space-3);
        grid-template-columns: minmax(10rem, 14rem) minmax(0, 7fr) minmax(16rem, 5fr);
        height: calc(100vh - 12.5rem); min-height: 26rem;
      }
      .workspace[hidden] { display: none; }
      .side { overflow: auto; font-size: 0.92rem; }
      .side h2 { font-size: 1rem; margin: var(--lectern-space-2) 0; }
      .outline, .problems { list-style: none; margin: 0; padding: 0; }
      /* A 1,000-slide outline is most of the page's layout objects: items out of view are skipped
         by style and layout (still in the accessibility tree, focusable and found by find-in-page). */
      .outline li { content-visibility: auto; contain-intrinsic-size: auto 2.25rem; }
      .outline li.vertical { padding-left: var(--lectern-space-3); }
      .outline button, .problems button {
        width: 100%; text-align: left; min-height: 2rem; border-color: transparent; background: transparent;
        display: block; padding: var(--lectern-space-1) var(--lectern-space-2);
      }
      /* The side column scrolls, which would cut off a focus ring drawn outside the button. */
      .outline button:focus-visible, .problems button:focus-visible { outline-offset: -3px; }
      .outline button[aria-current='true'] { background: var(--lectern-accent-soft); border-left: 4px solid var(--lectern-accent); }
      .num { color: var(--lectern-muted); font-variant-numeric: tabular-nums; margin-right: 0.3em; }
      .problems li.error button { border-left: 4px solid var(--lectern-danger); }
      .problems li.warning button { border-left: 4px solid var(--lectern-warning); }
      .problems li.info button { border-left: 4px solid var(--lectern-border); }
      .where { display: block; color: var(--lectern-muted); font-size: 0.85em; }
      .count { font-weight: 400; color: var(--lectern-muted); }
      .editor-col { display: flex; flex-direction: column; gap: var(--lectern-space-1); min-width: 0; min-height: 0; }
      .editor { flex: 1; min-height: 0; min-width: 0; overflow: hidden; border: 1px solid var(--lectern-border); border-radius: var(--lectern-radius); }
      .keys { margin: 0; font-size: 0.85rem; }
      .preview-pane { overflow: auto; padding: 2px; }
      .slide-no { margin: var(--lectern-space-1) 0; font-size: 0.9rem; }
      .notes { background: var(--lectern-surface); border: 1px solid var(--lectern-border); border-radius: var(--lectern-radius); padding: var(--lectern-space-2) var(--lectern-space-3); }
      .notes-text { white-space: pre-wrap; margin: var(--lectern-space-1) 0 0; }
      .notes h2 { font-size: 0.95rem; margin: 0; }
      dialog { max-width: min(46rem, 92vw); width: 100%; border: 1px solid var(--lectern-border); border-radius: var(--lectern-radius); }
      dialog input[type='search'] { width: 100%; }
      .excerpt-list { list-style: none; padding: 0; max-height: 55vh; overflow: auto; }
      .excerpt-list li { border-bottom: 1px solid var(--lectern-border); padding: var(--lectern-space-2) 0; }
      .excerpt-list blockquote { margin: 0 0 var(--lectern-space-1); }
      .dialog-actions { display: flex; justify-content: space-between; align-items: center; }
      @media (max-width: 60rem) {
        .workspace { grid-template-columns: 1fr; height: auto; }
        .editor { height: 60vh; }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-screen-edit': EditorScreen;
  }
}
