// CodeMirror 6 for Lectern Markdown. Only the editor route imports this module, so CodeMirror
// (about 134 KB gzip with the plain Markdown language) never weighs on the
// library's first load. `markdown({ base: markdownLanguage })` keeps GFM without pulling in the
// HTML, CSS and JavaScript language packs that plain `markdown()` loads for code blocks.
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';
import { EditorState, type Extension } from '@codemirror/state';
import { linter, lintGutter, lintKeymap, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { searchKeymap } from '@codemirror/search';
import type { Diagnostic } from '@lectern/deck';
import { diagnosticText } from '../decks/diagnostic-text.ts';
import { lecternMarkdown } from './slide-syntax.ts';

export { EditorView };

export interface CodeEditorOptions {
  parent: HTMLElement;
  /** The shadow root the editor lives in (CodeMirror needs it for selection and styles). */
  root: ShadowRoot | Document;
  doc: string;
  label: string;
  /** Id of the element (in the same root) that says how to leave the editor with the keyboard:
   *  Tab indents here (indentWithTab), so Esc then Tab moves the focus on. */
  describedBy?: string;
  /** Called after every transaction (text and/or selection). */
  onUpdate: (update: ViewUpdate) => void;
  /** Current deck diagnostics (lines 1-based) for the inline lint markers. */
  diagnostics: () => readonly Diagnostic[];
  /** Files dropped or pasted; return true when handled. */
  onFiles: (files: File[], pos: number) => boolean;
  onBlur: () => void;
}

/** Converts deck diagnostics to CodeMirror's offsets, clamped to the current document. */
export function toCmDiagnostics(state: EditorState, diagnostics: readonly Diagnostic[]): CmDiagnostic[] {
  const doc = state.doc;
  return diagnostics.map((d) => {
    const lineNo = Math.min(Math.max(1, d.line), doc.lines);
    const line = doc.line(lineNo);
    const from = Math.min(line.from + Math.max(0, d.column - 1), line.to);
    return {
      from,
      to: line.to > from ? line.to : from,
      severity: d.severity === 'warning' ? 'warning' : d.severity === 'info' ? 'info' : 'error',
      message: diagnosticText(d),
      source: d.code,
    };
  });
}

// Sized so a 1366x768 laptop shows about two dozen lines of text beside the preview.
// `contain: size layout` makes the editor a layout root: its size comes from its parent (height
// 100%), never from its lines, so the layout CodeMirror forces on each keystroke (it reads the
// DOM selection back after redrawing the line) lays out the editor alone, not the whole page
// (measured: about 365 layout objects instead of 9,100, about 0.6 against 1.4 ms of CPU a
// keystroke, docs/performance.md). No paint containment: tooltips may reach past the editor.
const theme = EditorView.theme({
  '&': { height: '100%', contain: 'size layout', fontSize: '0.92rem', backgroundColor: 'var(--lectern-surface)' },
  '.cm-scroller': { fontFamily: 'var(--lectern-font-mono)', lineHeight: '1.45' },
  '.cm-content': { padding: '0.75rem 0' },
  '&.cm-focused': { outline: '3px solid var(--lectern-focus)', outlineOffset: '-3px' },
  // CodeMirror's own line-number grey (#6c6c6c) is 4.44:1 on this background; the muted token passes.
  // Beats the animation CodeMirror sets on the focused editor's cursor layer (see steadyCursorWhileTyping).
  '.cm-cursorLayer[data-typing]': { animation: 'none !important' },
  '.cm-gutters': { backgroundColor: 'var(--lectern-surface-2)', color: 'var(--lectern-muted)', borderRight: '1px solid var(--lectern-border)' },
});

/** After this long without an edit or a cursor move, the cursor blinks again. */
const STEADY_CURSOR_MS = 500;

// CodeMirror restarts the cursor's blink on every transaction (it swaps the cursor layer's
// animation name); the new animation's style is then computed inside the keystroke, when
// CodeMirror reads the DOM selection back: about half a millisecond of CPU a keystroke
// (docs/performance.md). While the author types, the cursor stays solid instead (as the system
// caret does) and blinks again once typing pauses, so the restart runs once, off the keystroke.
const steadyCursorWhileTyping = ViewPlugin.fromClass(
  class {
    private layer: HTMLElement | null = null;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly view: EditorView) {}

    update(update: ViewUpdate): void {
      if (!update.docChanged && !update.selectionSet) return;
      if (!this.layer?.isConnected) this.layer = this.view.dom.querySelector<HTMLElement>('.cm-cursorLayer');
      if (this.layer && !this.layer.hasAttribute('data-typing')) this.layer.setAttribute('data-typing', '');
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.layer?.removeAttribute('data-typing'), STEADY_CURSOR_MS);
    }

    destroy(): void {
      clearTimeout(this.timer);
    }
  },
);

export function createCodeEditor(options: CodeEditorOptions): EditorView {
  const extensions: Extension[] = [
    // basicSetup minus what costs time on every keystroke in a 1,000-slide deck and helps little
    // in prose (fold gutter, bracket matching, selection-match highlighting, autocompletion).
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    steadyCursorWhileTyping,
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
    markdown({ base: markdownLanguage, extensions: [lecternMarkdown] }),
    EditorView.lineWrapping,
    theme,
    lintGutter(),
    // A short delay: diagnostics come from the render that already ran on this keystroke.
    linter((view) => toCmDiagnostics(view.state, options.diagnostics()), { delay: 200 }),
    // No lang attribute: a deck may be Vietnamese or English; the page's language applies.
    EditorView.contentAttributes.of({
      'aria-label': options.label,
      spellcheck: 'false',
      // Already in the tab order (contenteditable); said explicitly so checkers that only count
      // tabindex (axe-core's scrollable-region-focusable) see the scroller's content is reachable.
      tabindex: '0',
      ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
    }),
    EditorView.updateListener.of(options.onUpdate),
    EditorView.domEventHandlers({
      drop(event, view) {
        const files = Array.from(event.dataTransfer?.files ?? []);
        if (files.length === 0) return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
        if (!options.onFiles(files, pos)) return false;
        event.preventDefault();
        return true;
      },
      paste(event, view) {
        const files = Array.from(event.clipboardData?.files ?? []);
        if (files.length === 0) return false;
        if (!options.onFiles(files, view.state.selection.main.head)) return false;
        event.preventDefault();
        return true;
      },
      blur() {
        options.onBlur();
        return false;
      },
    }),
  ];
  return new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({ doc: options.doc, extensions }),
  });
}

/** Replaces the whole text (another tab's version), keeping the cursor near where it was. */
/** Puts the markers' text in the current language now, without waiting for a keystroke (the
 *  linter only runs on edits). */
export function relint(view: EditorView, diagnostics: readonly Diagnostic[]): void {
  view.dispatch(setDiagnostics(view.state, toCmDiagnostics(view.state, diagnostics)));
}

export function replaceDoc(view: EditorView, text: string): void {
  const head = Math.min(view.state.selection.main.head, text.length);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: head } });
}

/** Inserts text at `pos` on lines of its own (blank line before when needed); cursor at `cursor`. */
export function insertBlock(view: EditorView, text: string, cursor = text.length, pos = view.state.selection.main.head): void {
  const doc = view.state.doc;
  const line = doc.lineAt(pos);
  let insert = text;
  let at = pos;
  let offset = cursor;
  if (line.text.trim() !== '') {
    // Put the block after the current line rather than splitting it.
    at = line.to;
    insert = `\n\n${text}`;
    offset += 2;
  } else if (line.number > 1 && doc.line(line.number - 1).text.trim() !== '') {
    insert = `\n${text}`;
    offset += 1;
  }
  view.dispatch({ changes: { from: at, insert }, selection: { anchor: at + offset }, scrollIntoView: true });
  view.focus();
}

/** Inserts inline text (a media reference) at `pos`. */
export function insertInline(view: EditorView, text: string, pos = view.state.selection.main.head): void {
  view.dispatch({ changes: { from: pos, insert: text }, selection: { anchor: pos + text.length }, scrollIntoView: true });
}

/** Moves the cursor to the start of a 1-based line and focuses the editor. `center` scrolls the
 *  line to the middle of the editor (a jump from another screen); otherwise the line lands near
 *  the top (an outline or problem click: what follows the heading is what the author wants). */
export function goToLine(view: EditorView, line: number, options: { center?: boolean } = {}): void {
  const target = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
  view.dispatch({
    selection: { anchor: target.from },
    effects: EditorView.scrollIntoView(target.from, options.center ? { y: 'center' } : { y: 'start', yMargin: 2 * view.defaultLineHeight }),
  });
  view.focus();
}
