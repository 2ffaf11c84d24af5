// The Whole-centre report's numbers: every lecturer's sessions through the same aggregation as a
// lecturer's own report, plus a row per lecturer. The centre's totals and cohort rows are the sums
// of the lecturers' own reports (each session counts once, in its lecturer's row and in the total).
// Pure; `reportOf` is the one place the shared aggregation is called from.
import type { CohortDef } from '../sessions/cohorts.ts';
import type { Period } from '../sessions/period.ts';
import { aggregateSessions, type DeckFacts, type Report, type SessionFacts, type Tally } from './aggregate.ts';

export interface LecturerRow extends Tally {
  name: string;
}

export interface CentreReport extends Report {
  lecturers: LecturerRow[];
}

function reportOf(sessions: readonly SessionFacts[], period: Period, cohorts: readonly CohortDef[], decks: readonly DeckFacts[]): Report {
  return aggregateSessions(sessions, period, cohorts, decks);
}

/** Deck ids belong to each lecturer's library, which the centre does not read: a deck row is named
 *  by the title its most recent session recorded. */
function decksNamedBySessions(sessions: readonly SessionFacts[]): DeckFacts[] {
  const latest = new Map<string, { title: string; stamp: string }>();
  for (const s of sessions) {
    if (!s.deckId) continue;
    const stamp = `${s.date}|${s.updatedAt ?? ''}`;
    const seen = latest.get(s.deckId);
    if (!seen || stamp >= seen.stamp) latest.set(s.deckId, { title: s.deckTitle ?? '', stamp });
  }
  return [...latest].map(([id, { title }]) => ({ id, title }));
}

export function aggregateCentre(
  lecturers: readonly { name: string; sessions: readonly SessionFacts[] }[],
  period: Period,
  cohorts: readonly CohortDef[],
): CentreReport {
  const all = lecturers.flatMap((l) => l.sessions);
  const decks = decksNamedBySessions(all);
  const report = reportOf(all, period, cohorts, decks);
  const rows = lecturers.map((l) => ({ name: l.name, ...reportOf(l.sessions, period, cohorts, decks).total }));
  return { ...report, lecturers: rows };
}
