// The half-year report's numbers: totals, per cohort, per deck, for one period. Pure (no DOM, no
// IndexedDB, no clock): the screens, the CSV and the tests all call `aggregateSessions`.
//
// Counting follows the reports the centres write: one session = one class ("15 lớp"), its
// learners add up ("cho 1.212 học viên"). Every configured cohort gets a row even with no class
// (a report says "0 lớp" rather than leaving a line out); a session whose cohort id is no longer
// configured still counts, in a row of its own labelled with the id, so totals always add up.
import type { CohortDef } from './cohorts.ts';
import type { CalendarDate } from './calendar-date.ts';
import { inPeriod, type Period } from './period.ts';

/** What the report needs of a stored session (the store's record has more; any superset fits). */
export interface SessionFacts {
  id: string;
  date: CalendarDate;
  cohort: string;
  learners: number;
  minutes?: number | null;
  deckId?: string | null;
  /** The deck's title when the session was recorded: shown once the deck itself is deleted. */
  deckTitle?: string | null;
  updatedAt?: string;
}

export interface DeckFacts {
  id: string;
  title: string;
}

export interface Tally {
  classes: number;
  learners: number;
  minutes: number;
}

export interface CohortRow extends Tally {
  cohortId: string;
  /** False when sessions name a cohort id that is no longer in the list. */
  configured: boolean;
}

export interface DeckRow extends Tally {
  /** null: sessions recorded without a deck. */
  deckId: string | null;
  /** Current title, or the last title the sessions recorded when the deck was deleted. */
  title: string;
  deleted: boolean;
}

export interface Report {
  period: Period;
  total: Tally;
  cohorts: CohortRow[];
  decks: DeckRow[];
}

const emptyTally = (): Tally => ({ classes: 0, learners: 0, minutes: 0 });

function add(tally: Tally, session: SessionFacts): void {
  tally.classes += 1;
  tally.learners += session.learners;
  tally.minutes += session.minutes ?? 0;
}

/**
 * aggregateSessions(sessions, { from: '2026-01-01', to: '2026-06-30' }, cohorts, decks)
 * => { total: { classes: 15, learners: 1212, … }, cohorts: [...every configured cohort], decks: [...] }
 *
 * Cohort rows keep the configured order (unknown ids after them, by id); deck rows are by classes,
 * then learners (most first), then title; the "no deck" row comes last.
 */
export function aggregateSessions(
  sessions: readonly SessionFacts[],
  period: Period,
  cohorts: readonly CohortDef[],
  decks: readonly DeckFacts[] = [],
): Report {
  const total = emptyTally();
  const byCohort = new Map<string, CohortRow>();
  for (const cohort of cohorts) {
    if (!byCohort.has(cohort.id)) byCohort.set(cohort.id, { cohortId: cohort.id, configured: true, ...emptyTally() });
  }
  const unknownCohorts: CohortRow[] = [];
  const deckTitles = new Map(decks.map((deck) => [deck.id, deck.title]));
  const byDeck = new Map<string | null, DeckRow & { titleFrom: string }>();

  for (const session of sessions) {
    if (!inPeriod(session.date, period)) continue;
    add(total, session);

    let cohortRow = byCohort.get(session.cohort);
    if (!cohortRow) {
      cohortRow = { cohortId: session.cohort, configured: false, ...emptyTally() };
      byCohort.set(session.cohort, cohortRow);
      unknownCohorts.push(cohortRow);
    }
    add(cohortRow, session);

    const deckId = session.deckId || null;
    let deckRow = byDeck.get(deckId);
    const current = deckId === null ? undefined : deckTitles.get(deckId);
    if (!deckRow) {
      deckRow = {
        deckId,
        title: current ?? session.deckTitle ?? '',
        deleted: deckId !== null && current === undefined,
        titleFrom: '',
        ...emptyTally(),
      };
      byDeck.set(deckId, deckRow);
    }
    // A deleted deck shows the title recorded by its most recent session (the deck's last title).
    const stamp = `${session.date}|${session.updatedAt ?? ''}`;
    if (deckRow.deleted && session.deckTitle && stamp >= deckRow.titleFrom) {
      deckRow.title = session.deckTitle;
      deckRow.titleFrom = stamp;
    }
    add(deckRow, session);
  }

  unknownCohorts.sort((a, b) => (a.cohortId < b.cohortId ? -1 : a.cohortId > b.cohortId ? 1 : 0));
  const cohortRows = [...cohorts.map((c) => byCohort.get(c.id)!), ...unknownCohorts].filter(
    (row, index, rows) => rows.indexOf(row) === index, // a duplicated id in the list makes one row
  );

  const deckRows = [...byDeck.values()]
    .map(({ titleFrom: _titleFrom, ...row }) => row)
    .sort((a, b) => {
      if ((a.deckId === null) !== (b.deckId === null)) return a.deckId === null ? 1 : -1;
      return b.classes - a.classes || b.learners - a.learners || a.title.localeCompare(b.title, 'vi');
    });

  return { period, total, cohorts: cohortRows, decks: deckRows };
}
