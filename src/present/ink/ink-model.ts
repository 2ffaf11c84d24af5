// The ink of one presented deck: strokes per slide in two layers -- this class's (`class:<id>`)
// and the deck's own (`deck:<deckId>`, "keep this ink on the deck") -- with undo/redo of the last
// changes. No DOM, no storage: the layer view draws what `visible()` says, and `onChange` hands
// each changed slide's strokes to whoever saves them (ink-session.ts).
import type { InkChange, InkHistory, InkRecord, InkStroke } from '../../store/index.ts';

export type InkLayerKind = 'class' | 'deck';

/** How many changes undo remembers, and how many strokes they may hold in all (a "clear" of a
 *  busy slide holds all its strokes): the history is stored with the class's ink after each
 *  change, so it stays small. */
const HISTORY = 100;
const HISTORY_STROKES = 5_000;

const strokeCount = (changes: readonly InkChange[]): number => changes.reduce((n, c) => n + c.removed.length + c.added.length, 0);

/** `strokes` with `change` applied forwards (redo) or backwards (undo). Strokes are matched by id,
 *  so a history that does not quite match the stored strokes (a write lost in a crash) still
 *  applies without doubling or losing strokes. */
function apply(strokes: readonly InkStroke[], change: InkChange, forwards: boolean): InkStroke[] {
  if (forwards) {
    const gone = new Set(change.removed.map((r) => r.stroke.id));
    const out = strokes.filter((s) => !gone.has(s.id));
    const have = new Set(out.map((s) => s.id));
    return [...out, ...change.added.filter((s) => !have.has(s.id))];
  }
  const added = new Set(change.added.map((s) => s.id));
  const out = strokes.filter((s) => !added.has(s.id));
  const have = new Set(out.map((s) => s.id));
  for (const { index, stroke } of [...change.removed].sort((a, b) => a.index - b.index)) {
    if (!have.has(stroke.id)) out.splice(Math.min(index, out.length), 0, stroke);
  }
  return out;
}

/** A stored history, checked: anything malformed is dropped (the ink itself is kept apart). */
function readHistory(value: unknown): InkHistory | undefined {
  const isChange = (c: unknown): c is InkChange => {
    if (!c || typeof c !== 'object') return false;
    const { kind, slide, removed, added } = c as Record<string, unknown>;
    return (
      (kind === 'class' || kind === 'deck') &&
      typeof slide === 'string' &&
      Array.isArray(added) &&
      Array.isArray(removed) &&
      removed.every((r: unknown) => !!r && typeof (r as { index?: unknown }).index === 'number' && typeof (r as { stroke?: unknown }).stroke === 'object')
    );
  };
  const isStack = (v: unknown): v is InkChange[][] => Array.isArray(v) && v.every((e: unknown) => Array.isArray(e) && e.every(isChange));
  if (!value || typeof value !== 'object') return undefined;
  const { undo, redo } = value as Record<string, unknown>;
  return isStack(undo) && isStack(redo) ? { undo, redo } : undefined;
}

export class InkModel {
  private readonly pages: Record<InkLayerKind, Map<string, InkStroke[]>> = { class: new Map(), deck: new Map() };
  private undoStack: InkChange[][] = [];
  private redoStack: InkChange[][] = [];
  private readonly listeners = new Set<(kind: InkLayerKind, slide: string, strokes: InkStroke[]) => void>();

  /** Puts stored records in place (no history, no change notices). */
  load(kind: InkLayerKind, records: readonly InkRecord[]): void {
    for (const record of records) this.pages[kind].set(record.slide, record.strokes);
  }

  /** The undo/redo history as it is stored with the class's ink. */
  history(): InkHistory {
    return { undo: this.undoStack, redo: this.redoStack };
  }

  /** Puts a stored history back (after a reload); a malformed one is ignored. */
  loadHistory(value: unknown): void {
    const history = readHistory(value);
    if (!history) return;
    this.undoStack = history.undo;
    this.redoStack = history.redo;
  }

  /** Takes another model's ink as it is (a preview following the presenting page): no history, no notices. */
  takeFrom(other: InkModel): void {
    for (const kind of ['class', 'deck'] as const) {
      this.pages[kind].clear();
      for (const [slide, strokes] of other.pages[kind]) this.pages[kind].set(slide, strokes);
    }
  }

  strokes(kind: InkLayerKind, slide: string): readonly InkStroke[] {
    return this.pages[kind].get(slide) ?? [];
  }

  /** Every stroke of both layers, `first` slide's first (what to prepare before it is shown). */
  allStrokes(first?: string): InkStroke[] {
    const out: InkStroke[] = [];
    for (const kind of ['deck', 'class'] as const) out.push(...this.strokes(kind, first ?? ''));
    for (const kind of ['deck', 'class'] as const) {
      for (const [slide, strokes] of this.pages[kind]) if (slide !== first) out.push(...strokes);
    }
    return out;
  }

  /** What shows on `slide` at fragment `step`: deck ink under class ink, later steps hidden. */
  visible(slide: string, step: number): { kind: InkLayerKind; stroke: InkStroke }[] {
    const out: { kind: InkLayerKind; stroke: InkStroke }[] = [];
    for (const kind of ['deck', 'class'] as const) {
      for (const stroke of this.strokes(kind, slide)) if (stroke.step <= step) out.push({ kind, stroke });
    }
    return out;
  }

  onChange(listener: (kind: InkLayerKind, slide: string, strokes: InkStroke[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(slide: string, stroke: InkStroke): void {
    this.commit([{ kind: 'class', slide, removed: [], added: [stroke] }]);
  }

  /** Removes one stroke (from whichever layer holds it). */
  erase(slide: string, strokeId: string): boolean {
    for (const kind of ['class', 'deck'] as const) {
      const index = this.strokes(kind, slide).findIndex((s) => s.id === strokeId);
      const stroke = this.strokes(kind, slide)[index];
      if (stroke) {
        this.commit([{ kind, slide, removed: [{ index, stroke }], added: [] }]);
        return true;
      }
    }
    return false;
  }

  /** "Clear slide": this class's ink on the slide (the deck's kept ink stays: erase it stroke by stroke). */
  clear(slide: string): boolean {
    const before = this.strokes('class', slide);
    if (before.length === 0) return false;
    this.commit([{ kind: 'class', slide, removed: before.map((stroke, index) => ({ index, stroke })), added: [] }]);
    return true;
  }

  /** "Keep this ink on the deck": the slide's class ink moves to the deck layer. */
  keepOnDeck(slide: string): boolean {
    const moved = this.strokes('class', slide);
    if (moved.length === 0) return false;
    this.commit([
      { kind: 'class', slide, removed: moved.map((stroke, index) => ({ index, stroke })), added: [] },
      { kind: 'deck', slide, removed: [], added: [...moved] },
    ]);
    return true;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Undoes the last change; returns the slide it was on. */
  undo(): string | undefined {
    const changes = this.undoStack.pop();
    if (!changes) return undefined;
    this.redoStack.push(changes);
    for (const c of changes) this.set(c.kind, c.slide, apply(this.strokes(c.kind, c.slide), c, false));
    return changes[0]?.slide;
  }

  redo(): string | undefined {
    const changes = this.redoStack.pop();
    if (!changes) return undefined;
    this.undoStack.push(changes);
    for (const c of changes) this.set(c.kind, c.slide, apply(this.strokes(c.kind, c.slide), c, true));
    return changes[0]?.slide;
  }

  private commit(changes: InkChange[]): void {
    this.undoStack.push(changes);
    this.redoStack = [];
    let held = strokeCount(changes);
    for (const entry of this.undoStack.slice(0, -1)) held += strokeCount(entry);
    while (this.undoStack.length > 1 && (this.undoStack.length > HISTORY || held > HISTORY_STROKES)) held -= strokeCount(this.undoStack.shift()!);
    for (const c of changes) this.set(c.kind, c.slide, apply(this.strokes(c.kind, c.slide), c, true));
  }

  private set(kind: InkLayerKind, slide: string, strokes: InkStroke[]): void {
    if (strokes.length === 0) this.pages[kind].delete(slide);
    else this.pages[kind].set(slide, strokes);
    for (const listener of this.listeners) listener(kind, slide, strokes);
  }
}
