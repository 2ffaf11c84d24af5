// The editor screen (`#/edit/<deckId>`): CodeMirror on the left, the live preview of the slide
// under the cursor on the right, outline and problems beside them, autosave that never loses text.
//
// Saving: every change marks the text dirty; a debounced save (and an explicit flush on blur,
// hiding the tab, leaving the screen) calls store.saveDeck with the rev this text started from.
// The store refuses a stale rev, so two tabs cannot silently overwrite each other; a refusal, or
// another tab's save arriving while this tab has unsaved text, shows a choice. Whichever side
// is chosen, the other is first saved as a revision, so neither text is ever lost.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { ViewUpdate } from '@codemirror/view';
import { createSanitizer } from '@lectern/deck';
import type { Diagnostic, Slide } from '@lectern/deck';
import { LangController } from '../app/lang-controller.ts';
import { getLang, formatDate, formatNumber } from '../app/i18n.ts';
import { presentUrl, routeHash, type Route } from '../app/routes.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import { isStoreError, type DeckRecord, type ExcerptRecord, type Store, type StoreNotice } from '../store/index.ts';
import { getAuthoringStore } from '../library/store-access.ts';
import { DeckMedia } from '../media/deck-media.ts';
import { fileMediaKind, mediaMarkdown } from '../media/media-name.ts';
import { formatExcerptBlock } from '../excerpts/excerpt-block.ts';
import { createCodeEditor, goToLine, insertBlock, insertInline, replaceDoc, type EditorView } from './code-editor.ts';
import { LiveRenderer, type LiveResult } from './live-render.ts';
import { editorMsg as msg } from './messages.ts';
import { lecternSnippet, type SnippetName } from './snippets.ts';
import { pickTheme, type ThemeName } from './theme-css.ts';
import './slide-preview.ts';
import type { SlidePreview } from './slide-preview.ts';
import './history-panel.ts';
import type { RestoreRevisionDetail, RevisionHistory } from './history-panel.ts';

type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

const AUTOSAVE_MS = 800;
const PUBLISH_MS = 120;
const SNIPPETS: readonly SnippetName[] = ['slide', 'vertical', 'notes', 'discussion', 'excerpt', 'question', 'columns', 'fragment'];

interface OutlineItem {
  index: number;
  label: string;
  title: string;
  line: number;
  vertical: boolean;
}

function outlineOf(slides: readonly Slide[]): OutlineItem[] {
  return slides.map((s) => ({
    index: s.index,
    label: s.v > 0 ? `${s.h + 1}.${s.v + 1}` : `${s.h + 1}`,
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

export class EditorScreen extends LitElement {
  static override properties = {
    route: { attribute: false },
    state: { state: true },
    saveState: { state: true },
    conflict: { state: true },
    outline: { state: true },
    diagnostics: { state: true },
    current: { state: true },
    title: { state: true },
    excerptQuery: { state: true },
    excerpts: { state: true },
  };

  declare route: Route;
  declare state: 'loading' | 'ready' | 'missing' | 'failed';
  declare saveState: SaveState;
  /** Another tab's record when the two texts diverged. */
  declare conflict: DeckRecord | undefined;
  declare outline: OutlineItem[];
  declare diagnostics: Diagnostic[];
  /** Index of the slide under the cursor. */
  declare current: number;
  declare title: string;
  declare excerptQuery: string;
  declare excerpts: ExcerptRecord[];

  /** The CodeMirror view (benchmarks and tests drive it directly). */
  view: EditorView | undefined;
  /** Milliseconds of the last update path (parse + render + preview), for the benchmark. */
  lastUpdateMs = 0;

  private store: Store | undefined;
  private deckId: string | undefined;
  private media: DeckMedia | undefined;
  private live: LiveRenderer | undefined;
  private baseRev = 0;
  private savedText = '';
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private applyingRemote = false;
  private defaultTheme: ThemeName = 'white';
  private loadToken = 0;

  constructor() {
    super();
    new LangController(this);
    this.state = 'loading';
    this.saveState = 'saved';
    this.conflict = undefined;
    this.outline = [];
    this.diagnostics = [];
    this.current = 0;
    this.title = '';
    this.excerptQuery = '';
    this.excerpts = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.handlePageHide);
    window.addEventListener('beforeunload', this.handleBeforeUnload);
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.handlePageHide);
    window.removeEventListener('beforeunload', this.handleBeforeUnload);
    document.removeEventListener('visibilitychange', this.handleVisibility);
    void this.flush();
    this.teardown();
    super.disconnectedCallback();
  }

  private handlePageHide = (): void => void this.flush();
  /** Unsaved text is flushed on pagehide; only an unresolved conflict asks before leaving, since
   *  the choice between the two texts is the author's. */
  private handleBeforeUnload = (event: BeforeUnloadEvent): void => {
    void this.flush();
    if (this.saveState === 'conflict') event.preventDefault();
  };
  private handleVisibility = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
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
    clearTimeout(this.saveTimer);
    clearTimeout(this.publishTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.view?.destroy();
    this.view = undefined;
    this.media?.dispose();
    this.media = undefined;
  }

  private async open(deckId: string): Promise<void> {
    const token = ++this.loadToken;
    if (this.deckId) await this.flush();
    this.teardown();
    this.deckId = deckId;
    this.state = 'loading';
    this.conflict = undefined;
    try {
      const store = (this.store ??= await getAuthoringStore());
      const record = await store.getDeck(deckId);
      if (token !== this.loadToken) return;
      if (!record || record.deletedAt) {
        this.state = 'missing';
        return;
      }
      const settings = await store.getSettings().catch(() => undefined);
      this.defaultTheme = pickTheme(settings?.theme).theme;
      const media = new DeckMedia(store, deckId);
      await media.reload();
      if (token !== this.loadToken) {
        media.dispose();
        return;
      }
      this.media = media;
      this.baseRev = record.rev;
      this.savedText = record.markdown;
      this.saveState = 'saved';
      this.live = new LiveRenderer(createSanitizer(window), media);
      this.state = 'ready';
      await this.updateComplete;
      this.mountEditor(record.markdown);
      this.unsubscribe = store.subscribe(this.handleNotice);
      this.applyPendingLine();
    } catch (error) {
      console.error(error);
      if (token === this.loadToken) this.state = 'failed';
    }
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
    this.refresh(text, 1);
    if (this.live?.result) this.publish(this.live.result);
  }

  /** The update path the benchmark measures: parse + render + preview of the current slide. */
  private refresh(text: string, cursorLine: number): void {
    if (!this.live) return;
    const started = performance.now();
    const result = this.live.update(text, cursorLine);
    this.showSlide(result);
    this.lastUpdateMs = performance.now() - started;
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

  private showSlide(result: LiveResult): void {
    const preview = this.renderRoot.querySelector<SlidePreview>('lectern-slide-preview');
    preview?.show(result.slideHtml);
    if (this.current !== result.slideIndex) this.current = result.slideIndex;
  }

  /** Updates the lit state only when what it shows changed: a keystroke inside a paragraph
   *  re-renders neither the outline nor the problem list. */
  private publish(result: LiveResult): void {
    const outline = outlineOf(result.deck.slides);
    if (outlineKey(outline) !== outlineKey(this.outline)) this.outline = outline;
    const diagnostics = this.live?.diagnostics() ?? [];
    if (diagnosticsKey(diagnostics) !== diagnosticsKey(this.diagnostics)) this.diagnostics = diagnostics;
    const title = result.deck.meta.title ?? result.deck.slides[0]?.title ?? '';
    if (title !== this.title) this.title = title;
    const theme = pickTheme(result.deck.meta.theme, this.defaultTheme).theme;
    const preview = this.renderRoot.querySelector<SlidePreview>('lectern-slide-preview');
    if (preview && preview.theme !== theme) preview.theme = theme;
  }

  private handleEditorUpdate = (update: ViewUpdate): void => {
    const line = update.state.doc.lineAt(update.state.selection.main.head).number;
    if (update.docChanged) {
      this.refresh(update.state.doc.toString(), line);
      if (!this.applyingRemote) this.markDirty();
    } else if (update.selectionSet && this.live) {
      const before = this.live.result?.slideIndex;
      const result = this.live.moveCursor(line);
      if (result && result.slideIndex !== before) this.showSlide(result);
    }
  };

  // ------------------------------------------------------------------ saving

  private markDirty(): void {
    if (this.saveState !== 'conflict') this.saveState = 'dirty';
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Saves now if there is unsaved text. Safe to call often. The text is read before waiting
   *  for a save in flight, so leaving the screen (which destroys the editor) loses nothing. */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    const view = this.view;
    const store = this.store;
    const deckId = this.deckId;
    if (!view || !store || !deckId) return;
    const text = view.state.doc.toString();
    // One save at a time, in call order: each waits until no save is in flight.
    while (this.saving) await this.saving;
    if (this.saveState === 'conflict' || this.deckId !== deckId) return;
    if (text === this.savedText) {
      if (this.saveState !== 'saved' && this.view?.state.doc.toString() === text) this.saveState = 'saved';
      return;
    }
    this.saveState = 'saving';
    this.saving = (async () => {
      try {
        const result = await store.saveDeck(deckId, text, this.baseRev);
        if (result.ok) {
          this.baseRev = result.record.rev;
          this.savedText = text;
          const current = this.view?.state.doc.toString();
          this.saveState = current === undefined || current === text ? 'saved' : 'dirty';
          if (this.saveState === 'dirty') this.markDirty();
        } else {
          this.conflict = result.conflict;
          this.saveState = 'conflict';
        }
      } catch (error) {
        this.saveState = 'error';
        showToast({ kind: 'error', message: isStoreError(error) ? error.message : String(error) });
      } finally {
        this.saving = undefined;
      }
    })();
    await this.saving;
  }

  private handleNotice = (notice: StoreNotice): void => {
    if (notice.local || !this.store || !this.deckId) return;
    if (notice.type === 'deck-assets-changed' && notice.deckId === this.deckId) {
      void this.reloadMedia();
      return;
    }
    if (notice.type !== 'deck-saved' || notice.deckId !== this.deckId || notice.rev <= this.baseRev) return;
    void this.store.getDeck(this.deckId).then((record) => {
      if (!record || record.rev <= this.baseRev || !this.view) return;
      const mine = this.view.state.doc.toString();
      if (mine === this.savedText && this.saveState !== 'conflict') {
        // Nothing unsaved here: follow the other tab.
        this.applyRemote(record);
        showToast({ message: msg().updatedElsewhere });
      } else if (mine === record.markdown) {
        this.baseRev = record.rev;
        this.savedText = mine;
        this.saveState = 'saved';
      } else {
        clearTimeout(this.saveTimer);
        this.conflict = record;
        this.saveState = 'conflict';
      }
    });
  };

  private applyRemote(record: DeckRecord): void {
    if (!this.view) return;
    this.applyingRemote = true;
    try {
      replaceDoc(this.view, record.markdown);
    } finally {
      this.applyingRemote = false;
    }
    this.baseRev = record.rev;
    this.savedText = record.markdown;
    this.saveState = 'saved';
  }

  /** Keep mine: save my text over theirs (theirs becomes a revision). */
  private async keepMine(): Promise<void> {
    const { store, deckId, view } = this;
    if (!store || !deckId || !view) return;
    const latest = await store.getDeck(deckId);
    if (!latest) return;
    const text = view.state.doc.toString();
    const result = await store.saveDeck(deckId, text, latest.rev);
    if (!result.ok) {
      this.conflict = result.conflict;
      return;
    }
    this.baseRev = result.record.rev;
    this.savedText = text;
    this.conflict = undefined;
    this.saveState = 'saved';
    showToast({ message: msg().theirsInHistory });
  }

  /** Reload theirs: save my text first (so it becomes a revision), then theirs on top. */
  private async takeTheirs(): Promise<void> {
    const { store, deckId, view } = this;
    if (!store || !deckId || !view) return;
    const latest = await store.getDeck(deckId);
    if (!latest) return;
    const mine = view.state.doc.toString();
    let rev = latest.rev;
    if (mine !== latest.markdown) {
      const first = await store.saveDeck(deckId, mine, rev);
      if (!first.ok) {
        this.conflict = first.conflict;
        return;
      }
      const second = await store.saveDeck(deckId, latest.markdown, first.record.rev);
      if (!second.ok) {
        this.conflict = second.conflict;
        return;
      }
      rev = second.record.rev;
    }
    this.conflict = undefined;
    this.applyRemote({ ...latest, rev });
    showToast({ message: msg().keptInHistory });
  }

  // ------------------------------------------------------------------ media and inserts

  private async reloadMedia(): Promise<void> {
    if (!this.media || !this.live || !this.view) return;
    await this.media.reload();
    this.live.setMedia(this.media);
    this.refresh(this.view.state.doc.toString(), this.view.state.doc.lineAt(this.view.state.selection.main.head).number);
  }

  private async addFiles(files: File[], pos: number): Promise<void> {
    const media = this.media;
    const view = this.view;
    if (!media || !view) return;
    const docBefore = view.state.doc;
    const inserted: string[] = [];
    for (const file of files) {
      if (!fileMediaKind(file)) {
        showToast({ kind: 'error', message: msg().notMedia(file.name) });
        continue;
      }
      try {
        inserted.push(mediaMarkdown(await media.add(file)));
      } catch (error) {
        // StoreError and MediaRefusedError carry a sentence in the UI language.
        showToast({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
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
    if (!this.store) return;
    this.excerpts = query.trim() ? await this.store.searchExcerpts(query) : await this.store.listExcerpts();
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

  /** Nothing unsaved and no save in flight: the stored text is the text on screen. */
  private isSaved(): boolean {
    return !this.saving && this.saveState === 'saved' && (!this.view || this.view.state.doc.toString() === this.savedText);
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
    const { store, deckId, view } = this;
    if (!store || !deckId || !view) return;
    // Save first: the list then ends at the stored text, and the comparison is with what is saved.
    await this.flush();
    if (!this.view) return;
    await this.renderRoot
      .querySelector<RevisionHistory>('lectern-revision-history')
      ?.show({ store, deckId, currentText: this.view.state.doc.toString() });
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
    const { store, deckId } = this;
    if (!store || !deckId || !this.view) return finish(true);
    if (this.saveState === 'conflict') {
      showToast({ kind: 'error', message: m.historyConflictFirst });
      return finish(true);
    }
    await this.flush();
    if (this.saveState !== 'saved' || !this.view) return finish(true);
    try {
      const result = await store.restoreRevision(deckId, rev, this.baseRev);
      if (!result.ok) {
        clearTimeout(this.saveTimer);
        this.conflict = result.conflict;
        this.saveState = 'conflict';
        return finish(true);
      }
      this.applyRemote(result.record);
      finish(true);
      this.view?.focus();
      showToast({ message: m.historyRestored(formatDate(savedAt, { dateStyle: 'medium', timeStyle: 'medium' })) });
    } catch (error) {
      finish(false);
      showToast({ kind: 'error', message: isStoreError(error) ? error.message : String(error) });
    }
  }

  // ------------------------------------------------------------------ rendering

  private renderSaveState() {
    const m = msg();
    const label = { saved: m.saved, dirty: m.unsaved, saving: m.saving, error: m.saveFailed, conflict: m.conflictState }[this.saveState];
    return html`<span class="save ${this.saveState}" role="status" data-save-state=${this.saveState}>${label}</span>`;
  }

  private renderConflict() {
    if (!this.conflict) return nothing;
    const m = msg();
    return html`<div class="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
      <strong id="conflict-title">${m.conflictTitle}</strong>
      <span id="conflict-text">${m.conflictText}</span>
      <button class="primary" @click=${() => void this.keepMine()}>${m.keepMine}</button>
      <button @click=${() => void this.takeTheirs()}>${m.takeTheirs}</button>
    </div>`;
  }

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
        ${this.renderSaveState()}
        <button class="history-button" aria-haspopup="dialog" ?disabled=${this.state !== 'ready'} @click=${() => void this.openHistory()}>
          ${m.history}
        </button>
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
      ${this.renderConflict()}
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
                        <span>${d.message}</span>
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
    css`
      :host { display: block; }
      .top { display: flex; flex-wrap: wrap; align-items: center; gap: var(--lectern-space-3); margin-bottom: var(--lectern-space-2); }
      .top h1 { margin: 0; font-size: 1.35rem; flex: 1 1 20rem; overflow-wrap: anywhere; }
      .deck-nav { display: flex; gap: var(--lectern-space-2); align-items: center; flex-wrap: wrap; }
      .deck-nav a:not(.button) { padding: var(--lectern-space-1) var(--lectern-space-2); }
      .deck-nav a[aria-current='page'] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--lectern-accent); }
      .save { font-size: 0.9rem; padding: 0.15rem 0.6rem; border-radius: 999px; background: var(--lectern-surface-2); }
      .save.saved { color: var(--lectern-ok); }
      .save.saved::before { content: '✓ '; }
      .save.error, .save.conflict { color: var(--lectern-danger); font-weight: 700; }
      .conflict {
        display: flex; flex-wrap: wrap; gap: var(--lectern-space-2); align-items: center;
        padding: var(--lectern-space-3); margin-bottom: var(--lectern-space-2);
        border: 2px solid var(--lectern-danger); border-radius: var(--lectern-radius); background: var(--lectern-accent-soft);
      }
      .toolbar { display: flex; flex-wrap: wrap; gap: var(--lectern-space-1); margin-bottom: var(--lectern-space-2); }
      .toolbar button { min-height: 2.2rem; font-size: 0.92rem; }
      .sep { width: 1px; background: var(--lectern-border); margin: 0 var(--lectern-space-1); }
      .workspace {
        display: grid; gap: var(--lectern-space-3);
        grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr) minmax(18rem, 32rem);
        height: calc(100vh - 14rem); min-height: 26rem;
      }
      .workspace[hidden] { display: none; }
      .side { overflow: auto; font-size: 0.92rem; }
      .side h2 { font-size: 1rem; margin: var(--lectern-space-2) 0; }
      .outline, .problems { list-style: none; margin: 0; padding: 0; }
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
