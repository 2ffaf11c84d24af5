// The sessions screens' state: sessions, decks and cohorts read from the store, kept current
// through the store's notices (this tab's and other tabs' changes). A plain subscribable object,
// so it can be tested without a DOM component; lit components reach it through
// SessionsController (src/sessions/sessions-controller.ts).
import type { DeckSummary, SessionInput, SessionRecord, Store, StoreNotice } from '../store/index.ts';
import { DEFAULT_COHORTS, resolveCohortId, type CohortDef } from './cohorts.ts';
import type { SessionDraft } from './validate.ts';

/** The part of the Store these screens use (a narrower type documents the dependency). */
export type SessionsStore = Pick<
  Store,
  | 'listSessions'
  | 'createSession'
  | 'updateSession'
  | 'deleteSession'
  | 'replaceInkLayer'
  | 'listDecks'
  | 'getSettings'
  | 'setSetting'
  | 'subscribe'
>;

/** The stored cohort list, checked: anything malformed falls back to the built-in list. */
export function readCohorts(value: unknown): CohortDef[] {
  if (!Array.isArray(value) || value.length === 0) return DEFAULT_COHORTS.map((c) => ({ ...c }));
  const out: CohortDef[] = [];
  for (const item of value as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const { id, label, learnerNoun } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !id || out.some((c) => c.id === id)) continue;
    const cohort: CohortDef = { id };
    if (typeof label === 'string' && label.trim()) cohort.label = label;
    if (typeof learnerNoun === 'string' && learnerNoun.trim()) cohort.learnerNoun = learnerNoun;
    out.push(cohort);
  }
  return out.length > 0 ? out : DEFAULT_COHORTS.map((c) => ({ ...c }));
}

export class SessionsModel {
  sessions: SessionRecord[] = [];
  /** Decks in the library (not in the trash). */
  decks: DeckSummary[] = [];
  cohorts: CohortDef[] = DEFAULT_COHORTS.map((c) => ({ ...c }));
  centreName = '';
  loaded = false;
  /** Why loading failed, for the screen to show. */
  loadError: unknown;

  private readonly listeners = new Set<() => void>();
  private unsubscribeStore: (() => void) | undefined;
  private loading: Promise<void> | undefined;

  constructor(readonly store: SessionsStore) {}

  /** Listens to the store and loads; returns a function that stops both. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.unsubscribeStore) {
      this.unsubscribeStore = this.store.subscribe((notice) => this.handleNotice(notice));
      void this.reload();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribeStore?.();
        this.unsubscribeStore = undefined;
      }
    };
  }

  private handleNotice(notice: StoreNotice): void {
    // Media and excerpts never show here; a version change is the shell's to announce (reload).
    if (['version-change', 'assets-changed', 'deck-assets-changed', 'excerpts-changed'].includes(notice.type)) return;
    // Sessions, deck titles (create, delete, rename) and settings (cohorts, centre name) all show here.
    void this.reload();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Reads everything again; overlapping calls share one read. */
  reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const [sessions, decks, settings] = await Promise.all([
          this.store.listSessions(),
          this.store.listDecks(),
          this.store.getSettings(),
        ]);
        this.decks = decks.filter((d) => !d.deletedAt);
        // Checked, not trusted: settings may come from a backup made elsewhere.
        this.cohorts = readCohorts(settings.cohorts);
        // A session written with a free-text cohort ("Đảng viên mới", the deck's audience, from
        // the after-class prompt) counts under the cohort it names; unknown text keeps its own row.
        this.sessions = sessions.map((s) => {
          const id = resolveCohortId(s.cohort, this.cohorts);
          return id && id !== s.cohort ? { ...s, cohort: id } : s;
        });
        this.centreName = typeof settings.centreName === 'string' ? settings.centreName : '';
        this.loadError = undefined;
      } catch (error) {
        this.loadError = error;
      } finally {
        this.loaded = true;
        this.loading = undefined;
        this.emit();
      }
    })();
    return this.loading;
  }

  deckTitle(deckId: string | null | undefined): string {
    if (!deckId) return '';
    return this.decks.find((d) => d.id === deckId)?.title ?? this.sessions.find((s) => s.deckId === deckId)?.deckTitle ?? '';
  }

  private toInput(draft: SessionDraft): SessionInput {
    const input: SessionInput = {
      date: draft.date,
      deckTitle: this.deckTitle(draft.deckId),
      className: draft.className,
      cohort: draft.cohort,
      learners: draft.learners,
      // The store keeps minutes as a number; an empty field means "not recorded", kept as 0.
      minutes: draft.minutes ?? 0,
      place: draft.place,
      notes: draft.notes,
    };
    if (draft.deckId) input.deckId = draft.deckId;
    return input;
  }

  async add(draft: SessionDraft): Promise<SessionRecord> {
    const record = await this.store.createSession(this.toInput(draft));
    await this.reload();
    return record;
  }

  async update(id: string, draft: SessionDraft): Promise<SessionRecord> {
    const record = await this.store.updateSession(id, this.toInput(draft));
    await this.reload();
    return record;
  }

  /** Deletes (with the class's ink) and returns what is needed to undo it: a new record with the
   *  same fields, the ink put back first so the restored record never points at nothing. */
  async remove(record: SessionRecord): Promise<() => Promise<SessionRecord>> {
    const ink = await this.store.deleteSession(record.id);
    await this.reload();
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = record;
    return async () => {
      if (input.inkLayer && ink.length > 0) await this.store.replaceInkLayer(input.inkLayer, ink[0]!.deckId, ink);
      const restored = await this.store.createSession(input);
      await this.reload();
      return restored;
    };
  }

  async saveCohorts(cohorts: CohortDef[]): Promise<void> {
    await this.store.setSetting('cohorts', cohorts);
    await this.reload();
  }
}
