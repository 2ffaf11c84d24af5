// The ink of one presented deck: strokes per slide in two layers -- this class's (`class:<id>`)
// and the deck's own (`deck:<deckId>`, "keep this ink on the deck") -- with undo/redo of the last
// changes. No DOM, no storage: the layer view draws what `visible()` says, and `onChange` hands
// each changed slide's strokes to whoever saves them (ink-session.ts).
import type { InkRecord, InkStroke } from '../../store/index.ts';

export type InkLayerKind = 'class' | 'deck';

/** One slide's strokes in one layer before and after a change. */
interface Change {
  kind: InkLayerKind;
  slide: string;
  before: InkStroke[];
  after: InkStroke[];
}

/** How many changes undo remembers. */
const HISTORY = 100;

export class InkModel {
  private readonly pages: Record<InkLayerKind, Map<string, InkStroke[]>> = { class: new Map(), deck: new Map() };
  private undoStack: Change[][] = [];
  private redoStack: Change[][] = [];
  private readonly listeners = new Set<(kind: InkLayerKind, slide: string, strokes: InkStroke[]) => void>();

  /** Puts stored records in place (no history, no change notices). */
  load(kind: InkLayerKind, records: readonly InkRecord[]): void {
    for (const record of records) this.pages[kind].set(record.slide, record.strokes);
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
    const before = [...this.strokes('class', slide)];
    this.commit([{ kind: 'class', slide, before, after: [...before, stroke] }]);
  }

  /** Removes one stroke (from whichever layer holds it). */
  erase(slide: string, strokeId: string): boolean {
    for (const kind of ['class', 'deck'] as const) {
      const before = [...this.strokes(kind, slide)];
      const after = before.filter((s) => s.id !== strokeId);
      if (after.length !== before.length) {
        this.commit([{ kind, slide, before, after }]);
        return true;
      }
    }
    return false;
  }

  /** "Clear slide": this class's ink on the slide (the deck's kept ink stays: erase it stroke by stroke). */
  clear(slide: string): boolean {
    const before = [...this.strokes('class', slide)];
    if (before.length === 0) return false;
    this.commit([{ kind: 'class', slide, before, after: [] }]);
    return true;
  }

  /** "Keep this ink on the deck": the slide's class ink moves to the deck layer. */
  keepOnDeck(slide: string): boolean {
    const classBefore = [...this.strokes('class', slide)];
    if (classBefore.length === 0) return false;
    const deckBefore = [...this.strokes('deck', slide)];
    this.commit([
      { kind: 'class', slide, before: classBefore, after: [] },
      { kind: 'deck', slide, before: deckBefore, after: [...deckBefore, ...classBefore] },
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
    for (const c of changes) this.set(c.kind, c.slide, c.before);
    return changes[0]?.slide;
  }

  redo(): string | undefined {
    const changes = this.redoStack.pop();
    if (!changes) return undefined;
    this.undoStack.push(changes);
    for (const c of changes) this.set(c.kind, c.slide, c.after);
    return changes[0]?.slide;
  }

  private commit(changes: Change[]): void {
    this.undoStack.push(changes);
    if (this.undoStack.length > HISTORY) this.undoStack.shift();
    this.redoStack = [];
    for (const c of changes) this.set(c.kind, c.slide, c.after);
  }

  private set(kind: InkLayerKind, slide: string, strokes: InkStroke[]): void {
    if (strokes.length === 0) this.pages[kind].delete(slide);
    else this.pages[kind].set(slide, strokes);
    for (const listener of this.listeners) listener(kind, slide, strokes);
  }
}
