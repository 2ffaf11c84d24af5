// The Whole-centre report's data: @lectern/centre's readCentre (the CLI's reader: directory,
// every lecturer's sessions and cohorts, bounded and checked) over the connection's fetch, kept
// locally so the report works offline from the last fetch. The numbers come from the same pure
// aggregateCentre as the CLI's, run again whenever the period changes. Loaded with import() only
// for a connected user.
import { readCentre, type CentreRead } from '@lectern/centre';
import type { CentreConnection } from './connection.ts';
import { DEFAULT_COHORTS, type CohortDef } from '../sessions/cohorts.ts';
import { fetchOrKept, readSnapshot, type Kept } from './centre-library-cache.ts';

/** What readCentre read, with when and whether it is the local copy. */
export type CentreSessions = Kept<CentreRead>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The kept copy, taken only as far as it has the shape readCentre gives (what wrote it may have
 *  been an older version of the app). */
function keptRead(value: unknown): CentreRead {
  const kept = isRecord(value) ? value : {};
  const lecturers = list(kept.lecturers)
    .filter(isRecord)
    .filter((l) => typeof l.name === 'string' && Array.isArray(l.sessions))
    .map((l) => ({ name: l.name as string, sessions: l.sessions as CentreRead['lecturers'][number]['sessions'], cohorts: Array.isArray(l.cohorts) ? (l.cohorts as CohortDef[]) : [...DEFAULT_COHORTS] }));
  return {
    lecturers,
    skipped: typeof kept.skipped === 'number' ? kept.skipped : 0,
    unreadable: list(kept.unreadable).filter((n): n is string => typeof n === 'string'),
    truncated: kept.truncated === true,
  };
}

/** Every lecturer's sessions, from the server (then kept locally) or, when the server cannot be
 *  reached, from the last copy (`offline: true`). 'forbidden' when the user is not a centre
 *  administrator (the directory is closed to them). */
export function loadCentreSessions(connection: CentreConnection | null, who: { server: string; user: string }): Promise<CentreSessions> {
  const read = connection ? () => readCentre({ server: connection.server, fetch: connection.fetch }) : null;
  return fetchOrKept('report', who, read, keptRead);
}

/** Whether a kept Whole-centre report exists for this user (only an administrator could fetch one). */
export async function hasKeptCentreReport(who: { server: string; user: string }): Promise<boolean> {
  return (await readSnapshot('report', who.server, who.user)) !== undefined;
}
