// The text a screen is editing and its way to the store: autosave, conflicts with other tabs (or
// other screens of this tab), keep mine / take theirs, restoring a revision. A plain class with no
// DOM, so the rules are tested in Node; the editor and the lesson-plan form are views over it.
//
// The rules: every edit marks the text dirty and schedules a save; flush() saves now. Saves carry
// the rev this text started from, so the store refuses a stale one; a refusal, or another save of
// the deck arriving while this text is unsaved, is a conflict that waits for the author's choice.
// Whichever side is chosen, the other is first saved as a revision, so neither text is ever lost.
import type { DeckRecord, Store } from '../store/index.ts';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

export type ReplaceReason = 'followed-remote' | 'followed-local' | 'took-theirs' | 'restored';

/** The part of the Store a draft uses. */
export type DraftStore = Pick<Store, 'getDeck' | 'saveDeck' | 'restoreRevision'>;

/** What a view may need to show or do beyond re-rendering the state. */
export type DraftEvent =
  /** State, conflict or text changed: re-render. */
  | { type: 'changed' }
  /** `text` was replaced by the store's text (a save elsewhere, take theirs, restore): a view
   *  that holds its own copy (CodeMirror, a form) shows the new text. 'followed-remote' is another
   *  tab's save; 'followed-local' another screen's of this tab (a form saved on leaving, a media
   *  rename), which needs no notice. */
  | { type: 'replaced'; reason: ReplaceReason }
  /** Keep mine landed: theirs is in the history now. */
  | { type: 'kept-mine' }
  /** A save failed for a reason other than a conflict (quota, closed database...). */
  | { type: 'save-failed'; error: unknown };

export interface DraftOptions {
  /** Quiet time after the last edit before the autosave (ms). */
  autosaveMs?: number;
}

export type RestoreOutcome = 'restored' | 'conflict' | 'unsaved';

export const AUTOSAVE_MS = 800;

export class DeckDraft {
  /** The text on screen (the view reports every change through edit()). */
  text: string;
  state: SaveState = 'saved';
  /** The store's record when the two texts diverged (state 'conflict'). */
  conflict: DeckRecord | undefined;
  /** The rev the stored text had when this draft last saved or loaded it. */
  baseRev: number;
  /** The stored text this draft last saved or loaded. */
  savedText: string;
  /** The deck as stored when this draft last saved or loaded it (title, summary, rev). */
  stored: DeckRecord;

  private readonly listeners = new Set<(event: DraftEvent) => void>();
  private readonly autosaveMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private disposed = false;

  constructor(
    private readonly store: DraftStore,
    readonly deckId: string,
    record: DeckRecord,
    options: DraftOptions = {},
  ) {
    this.text = record.markdown;
    this.savedText = record.markdown;
    this.baseRev = record.rev;
    this.stored = record;
    this.autosaveMs = options.autosaveMs ?? AUTOSAVE_MS;
  }

  subscribe(listener: (event: DraftEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: DraftEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Without `conflict` the conflict stays as it is; null clears it. */
  private setState(state: SaveState, conflictArg?: DeckRecord | null): void {
    const conflict = conflictArg === undefined ? this.conflict : (conflictArg ?? undefined);
    if (state === this.state && conflict === this.conflict) return;
    this.state = state;
    this.conflict = conflict;
    this.emit({ type: 'changed' });
  }

  /** Nothing unsaved and no save in flight: the stored text is the text on screen. */
  get isSaved(): boolean {
    return !this.saving && this.state === 'saved' && this.text === this.savedText;
  }

  /** The view's text changed (typing, a form field, an insert). */
  edit(text: string): void {
    if (this.disposed || text === this.text) return;
    this.text = text;
    if (this.state !== 'conflict') this.setState('dirty');
    else this.emit({ type: 'changed' });
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.state === 'conflict' || this.disposed) return;
    this.timer = setTimeout(() => void this.flush(), this.autosaveMs);
  }

  /** Saves now if there is unsaved text; safe to call often. Saves run one at a time, in call
   *  order; the text is read when called, so a view destroyed right after loses nothing. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const text = this.text;
    while (this.saving) await this.saving;
    if (this.state === 'conflict') return;
    if (text === this.savedText) {
      if (this.state !== 'saved' && this.text === text) this.setState('saved');
      return;
    }
    this.setState('saving');
    this.saving = (async () => {
      try {
        const result = await this.store.saveDeck(this.deckId, text, this.baseRev);
        if (result.ok) {
          this.adopt(result.record);
          this.setState(this.text === text ? 'saved' : 'dirty');
          if (this.state === 'dirty') this.schedule();
        } else {
          this.setState('conflict', result.conflict);
        }
      } catch (error) {
        this.setState('error');
        this.emit({ type: 'save-failed', error });
      } finally {
        this.saving = undefined;
      }
    })();
    await this.saving;
  }

  /** The store says the deck was saved at `rev` (by another tab, or another screen of this
   *  one when `local`): follow it when nothing is unsaved here, otherwise it is a conflict. */
  async storeSaved(rev: number, local = false): Promise<void> {
    // This draft's own save announces itself too; once it has landed its rev is ours.
    while (this.saving) await this.saving;
    if (this.disposed || rev <= this.baseRev) return;
    const record = await this.store.getDeck(this.deckId);
    if (this.disposed || !record || record.deletedAt || record.rev <= this.baseRev) return;
    if (this.text === this.savedText && this.state !== 'conflict') {
      this.replace(record, local ? 'followed-local' : 'followed-remote');
    } else if (this.text === record.markdown) {
      this.adopt(record);
      this.setState('saved', null);
    } else {
      clearTimeout(this.timer);
      this.setState('conflict', record);
    }
  }

  /** `record` is now the stored text this draft builds on. */
  private adopt(record: DeckRecord): void {
    this.stored = record;
    this.baseRev = record.rev;
    this.savedText = record.markdown;
  }

  private replace(record: DeckRecord, reason: ReplaceReason): void {
    this.text = record.markdown;
    this.adopt(record);
    this.state = 'saved';
    this.conflict = undefined;
    this.emit({ type: 'replaced', reason });
    this.emit({ type: 'changed' });
  }

  /** Keep mine: my text is saved over theirs (theirs becomes a revision). A store error leaves
   *  the conflict open and is reported as 'save-failed'. */
  keepMine(): Promise<void> {
    return this.reportingFailure(() => this.keepMineNow());
  }

  private async keepMineNow(): Promise<void> {
    const latest = await this.store.getDeck(this.deckId);
    if (!latest) return;
    const text = this.text;
    const saved = await this.saveOn(text, latest.rev);
    if (!saved) return;
    this.adopt(saved);
    this.setState(this.text === text ? 'saved' : 'dirty', null);
    if (this.state === 'dirty') this.schedule();
    this.emit({ type: 'kept-mine' });
  }

  /** Saves `text` on top of `rev`; a refusal (yet another save came first) is a conflict again. */
  private async saveOn(text: string, rev: number): Promise<DeckRecord | undefined> {
    const result = await this.store.saveDeck(this.deckId, text, rev);
    if (result.ok) return result.record;
    this.setState('conflict', result.conflict);
    return undefined;
  }

  /** Take theirs: my text is saved first (so it becomes a revision), then theirs on top. */
  takeTheirs(): Promise<void> {
    return this.reportingFailure(() => this.takeTheirsNow());
  }

  /** Runs a choice the author made from a button: a store error becomes a 'save-failed' event. */
  private async reportingFailure(choice: () => Promise<void>): Promise<void> {
    try {
      await choice();
    } catch (error) {
      this.emit({ type: 'save-failed', error });
    }
  }

  private async takeTheirsNow(): Promise<void> {
    const latest = await this.store.getDeck(this.deckId);
    if (!latest) return;
    let theirs: DeckRecord | undefined = latest;
    if (this.text !== latest.markdown) {
      const mine = await this.saveOn(this.text, latest.rev);
      theirs = mine && (await this.saveOn(latest.markdown, mine.rev));
    }
    if (theirs) this.replace(theirs, 'took-theirs');
  }

  /** Restores revision `rev` as a new save (the text it replaces becomes a revision itself).
   *  Unsaved text is saved first; during a conflict nothing is restored. Store errors throw. */
  async restore(rev: number): Promise<RestoreOutcome> {
    if (this.state === 'conflict') return 'conflict';
    await this.flush();
    // Read again: the flush may have ended in a conflict (TypeScript keeps the narrowing above).
    const after = this.state as SaveState;
    if (after !== 'saved') return after === 'conflict' ? 'conflict' : 'unsaved';
    const result = await this.store.restoreRevision(this.deckId, rev, this.baseRev);
    if (!result.ok) {
      clearTimeout(this.timer);
      this.setState('conflict', result.conflict);
      return 'conflict';
    }
    this.replace(result.record, 'restored');
    return 'restored';
  }

  /** Saves what is unsaved, then stops (no more autosaves or notices). */
  async close(): Promise<void> {
    await this.flush();
    this.disposed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
  }
}
