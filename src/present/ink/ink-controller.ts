// The drawing tools of the presenting page: the ink view over the slide, the tool bar (buttons
// "Pen", "Highlighter", "Eraser", "Clear slide", undo/redo, colours, widths, "Keep this ink on the
// deck") and the actions the keys call (presentation.ts binds D, M, E, Delete, Z, Y).
import type { RevealApi } from 'reveal.js';
import { presentMsg } from '../messages.ts';
import type { InkModel } from './ink-model.ts';
import { InkView, PEN_COLORS, PEN_SIZES, type InkPosition, type InkTool } from './ink-view.ts';

/** Where reveal.js is: slide `h.v` and fragment step (-1 before the first fragment). */
export function revealPosition(reveal: RevealApi): InkPosition {
  const { h, v, f } = reveal.getIndices();
  return { slide: `${h}.${v ?? 0}`, step: typeof f === 'number' ? f : -1 };
}

/** The slide's own size (reveal.js `width`/`height`), the ink layer's coordinate space. */
export function revealSlideSize(reveal: RevealApi): { width: number; height: number } {
  const config = reveal.getConfig();
  return { width: typeof config.width === 'number' ? config.width : 960, height: typeof config.height === 'number' ? config.height : 700 };
}

export class InkController {
  readonly view: InkView;
  readonly bar: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly status: HTMLElement;
  /** Resolves once every change so far is stored (set by whoever saves the model). */
  saved: () => Promise<void> = () => Promise.resolve();

  constructor(
    private readonly reveal: RevealApi,
    private readonly model: InkModel,
    slidesEl: HTMLElement,
  ) {
    const { width, height } = revealSlideSize(reveal);
    this.view = new InkView(slidesEl, model, width, height, () => revealPosition(reveal));
    this.bar = this.buildBar();
    this.status = document.createElement('p');
    this.status.className = 'lectern-ink-status';
    this.status.setAttribute('role', 'status');
    this.bar.append(this.status);
    document.body.append(this.bar);
    // Like the End button, the bar shows while the mouse moves (and always while drawing).
    let hide: number | undefined;
    document.addEventListener('pointermove', () => {
      this.bar.classList.add('visible');
      window.clearTimeout(hide);
      hide = window.setTimeout(() => this.bar.classList.remove('visible'), 2500);
    });
    for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'ready']) reveal.on(event, () => this.view.render());
    model.onChange(() => this.sync());
    this.view.render();
    this.sync();
  }

  /** Picks a tool, or leaves drawing mode when it is the tool already in use. */
  toggle(tool: InkTool): void {
    this.view.setTool(this.view.tool === tool ? undefined : tool);
    this.sync();
  }

  clearSlide(): void {
    this.model.clear(revealPosition(this.reveal).slide);
  }

  undo(): void {
    this.goTo(this.model.undo());
  }

  redo(): void {
    this.goTo(this.model.redo());
  }

  keepOnDeck(): void {
    if (this.model.keepOnDeck(revealPosition(this.reveal).slide)) this.say(presentMsg().inkKept);
  }

  /** A short message in the bar's live region (read by screen readers, seen on the projector). */
  say(message: string): void {
    this.status.textContent = message;
  }

  /** Undo/redo of ink on another slide first shows that slide, so the change is seen. */
  private goTo(slide: string | undefined): void {
    if (slide === undefined || slide === revealPosition(this.reveal).slide) return;
    const [h, v] = slide.split('.').map(Number);
    this.reveal.slide(h ?? 0, v ?? 0);
  }

  private buildBar(): HTMLElement {
    const m = presentMsg();
    const bar = document.createElement('div');
    bar.className = 'lectern-ink-bar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', m.inkTools);
    const add = (id: string, label: string, title: string, run: () => void, extra?: (b: HTMLButtonElement) => void) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.ink = id;
      b.textContent = label;
      b.title = title;
      b.addEventListener('click', () => {
        run();
        this.sync();
      });
      extra?.(b);
      this.buttons.set(id, b);
      bar.append(b);
      return b;
    };
    add('pen', m.inkPen, m.inkPenKey, () => this.toggle('pen'));
    add('highlighter', m.inkHighlighter, m.inkHighlighterKey, () => this.toggle('highlighter'));
    add('eraser', m.inkEraser, m.inkEraserKey, () => this.toggle('eraser'));
    PEN_COLORS.forEach((color, i) =>
      add(`color-${i}`, '', m.inkColor(m.inkColorName(i)), () => {
        this.view.color = color;
        if (this.view.tool !== 'pen') this.view.setTool('pen');
      }, (b) => {
        b.classList.add('swatch');
        b.style.setProperty('--swatch', color);
        b.setAttribute('aria-label', m.inkColor(m.inkColorName(i)));
      }),
    );
    PEN_SIZES.forEach((size, i) =>
      add(`size-${i}`, '', m.inkSize(i), () => {
        this.view.size = size;
        if (this.view.tool !== 'pen') this.view.setTool('pen');
      }, (b) => {
        b.classList.add('width');
        b.style.setProperty('--width', `${2 + i * 3}px`);
        b.setAttribute('aria-label', m.inkSize(i));
      }),
    );
    add('undo', m.inkUndo, m.inkUndoKey, () => this.undo());
    add('redo', m.inkRedo, m.inkRedoKey, () => this.redo());
    add('clear', m.inkClear, m.inkClearKey, () => this.clearSlide());
    add('keep', m.inkKeep, m.inkKeep, () => this.keepOnDeck());
    return bar;
  }

  /** Pressed states and what can be undone follow the model and the tool. */
  private sync(): void {
    const tool = this.view.tool;
    for (const id of ['pen', 'highlighter', 'eraser'] as const) this.buttons.get(id)?.setAttribute('aria-pressed', String(tool === id));
    PEN_COLORS.forEach((c, i) => this.buttons.get(`color-${i}`)?.setAttribute('aria-pressed', String(this.view.color === c)));
    PEN_SIZES.forEach((s, i) => this.buttons.get(`size-${i}`)?.setAttribute('aria-pressed', String(this.view.size === s)));
    const undo = this.buttons.get('undo');
    if (undo) undo.disabled = !this.model.canUndo;
    const redo = this.buttons.get('redo');
    if (redo) redo.disabled = !this.model.canRedo;
    this.bar.classList.toggle('active', tool !== undefined);
  }
}
