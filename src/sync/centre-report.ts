// The Whole-centre report's data: the directory (`lectern-directory`, readable by centre
// administrators only) names every lecturer's database; each database's `session:*` documents are
// read (bounded), checked against SessionDoc and against their owner, and kept locally so the
// report works offline from the last fetch. Loaded with import() only for a connected user.
import { DIRECTORY_DB, LecturerDoc, SessionDoc, checkDoc, idRange, userDbName } from '@lectern/centre';
import type { SessionFacts } from '../report/aggregate.ts';
import { CentreError, type CentreConnection } from './connection.ts';
import { readSnapshot, writeSnapshot } from './centre-library-cache.ts';
import { readAllDocs, type ReadLimits } from './centre-reads.ts';

/** A centre of up to 1,000 lecturers, 20,000 sessions each; one reply page up to 32 MiB. */
export const DIRECTORY_LIMITS: ReadLimits = { pageSize: 200, maxDocs: 1_000, maxReplyBytes: 32 * 1024 * 1024 };
export const SESSION_LIMITS: ReadLimits = { pageSize: 1_000, maxDocs: 20_000, maxReplyBytes: 32 * 1024 * 1024 };

export interface LecturerSessions {
  name: string;
  sessions: SessionFacts[];
}

export interface CentreSessions {
  lecturers: LecturerSessions[];
  /** Documents left out: failing the schema, or not owned by the lecturer whose database holds them. */
  skipped: number;
  /** Lecturers whose database could not be read (refused, or missing): named in a notice. */
  unreadable: string[];
  /** A listing hit its bound (very large centre or hostile server): numbers may be incomplete. */
  truncated: boolean;
  fetchedAt: string;
  /** True when the server could not be reached and this is the local copy. */
  offline: boolean;
}

function toFacts(doc: SessionDoc): SessionFacts {
  return {
    id: doc.sessionId,
    date: doc.date,
    cohort: doc.cohort,
    learners: doc.learners,
    minutes: doc.minutes,
    deckId: doc.deckId ?? null,
    deckTitle: doc.deckTitle,
    updatedAt: doc.updatedAt,
  };
}

/** Checks one lecturer's raw session documents; returns the facts and how many were left out. */
export function checkSessions(owner: string, raw: readonly unknown[]): { sessions: SessionFacts[]; skipped: number } {
  const sessions: SessionFacts[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const doc of raw) {
    const parsed = checkDoc(SessionDoc, doc);
    if (!parsed || parsed.owner !== owner || parsed._deleted || seen.has(parsed.sessionId)) {
      skipped++;
      continue;
    }
    seen.add(parsed.sessionId);
    sessions.push(toFacts(parsed));
  }
  return { sessions, skipped };
}

async function fetchFromServer(connection: CentreConnection): Promise<Omit<CentreSessions, 'fetchedAt' | 'offline'>> {
  const directory = await readAllDocs(connection, DIRECTORY_DB, idRange('lecturer'), DIRECTORY_LIMITS);
  let skipped = 0;
  let truncated = directory.truncated;
  const lecturers: LecturerSessions[] = [];
  const unreadable: string[] = [];
  const names = new Set<string>();
  for (const raw of directory.docs) {
    const lecturer = checkDoc(LecturerDoc, raw);
    // A directory entry pointing at another lecturer's database would count their classes twice.
    if (!lecturer || lecturer._deleted || lecturer.db !== userDbName(lecturer.name) || names.has(lecturer.name)) {
      skipped++;
      continue;
    }
    names.add(lecturer.name);
    try {
      const listed = await readAllDocs(connection, lecturer.db, idRange('session'), SESSION_LIMITS);
      const checked = checkSessions(lecturer.name, listed.docs);
      skipped += checked.skipped;
      truncated ||= listed.truncated;
      lecturers.push({ name: lecturer.name, sessions: checked.sessions });
    } catch (error) {
      if (error instanceof CentreError && error.code === 'refused') unreadable.push(lecturer.name);
      else throw error;
    }
  }
  lecturers.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { lecturers, skipped, unreadable, truncated };
}

/** Every lecturer's sessions, from the server (then kept locally) or, when the server cannot be
 *  reached, from the last copy (`offline: true`). 'refused' when the user is not a centre
 *  administrator (the directory is closed to them). */
export async function loadCentreSessions(
  connection: CentreConnection | null,
  who: { server: string; user: string },
): Promise<CentreSessions> {
  if (connection) {
    try {
      const data = await fetchFromServer(connection);
      const fetchedAt = new Date().toISOString();
      await writeSnapshot('report', who.server, who.user, fetchedAt, data);
      return { ...data, fetchedAt, offline: false };
    } catch (error) {
      if (!(error instanceof CentreError) || error.code !== 'unreachable') throw error;
    }
  }
  const kept = await readSnapshot('report', who.server, who.user);
  if (!kept) throw new CentreError('unreachable');
  const value = kept.value as Partial<Omit<CentreSessions, 'fetchedAt' | 'offline'>>;
  return {
    lecturers: Array.isArray(value.lecturers) ? value.lecturers : [],
    skipped: typeof value.skipped === 'number' ? value.skipped : 0,
    unreadable: Array.isArray(value.unreadable) ? value.unreadable : [],
    truncated: value.truncated === true,
    fetchedAt: kept.fetchedAt,
    offline: true,
  };
}

/** Whether a kept Whole-centre report exists for this user (only an administrator could fetch one). */
export async function hasKeptCentreReport(who: { server: string; user: string }): Promise<boolean> {
  return (await readSnapshot('report', who.server, who.user)) !== undefined;
}
