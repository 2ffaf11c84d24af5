// The whole centre's report, for a centre administrator, in two steps that the CLI and the app
// share: `readCentre` reads every lecturer's `session:*` documents (found through the directory)
// and cohorts, bounded and checked; `aggregateCentre` counts what was read for a period, with
// @lectern/teaching's aggregateSessions, the code each lecturer's own report uses, so the centre's
// numbers are the sum of theirs. The app keeps the read data for offline use and counts again when
// the period changes; `centreReport` (the CLI) does both at once.
//
// Everything read is checked: a directory entry or a session that fails its schema (or claims
// another owner) is skipped and counted, never a crash and never counted.
import { aggregateSessions, DEFAULT_COHORTS, type CohortDef, type DeckFacts, type Period, type Report, type SessionFacts } from '@lectern/teaching';
import { CohortsDoc, LecturerDoc, SessionDoc, checkDoc } from './documents.ts';
import { DIRECTORY_DB, docId, idRange, userDbName } from './names.ts';
import { CentreServerError, MAX_REPLY_BYTES, ServerClient, objectBody, segment, type Credentials, type FetchLike } from './server-client.ts';

export interface ReadLimits {
  /** Documents asked per `_all_docs` request. */
  pageSize: number;
  /** The listing stops after this many documents (`truncated` says so). */
  maxDocs: number;
  /** Bytes of one reply read at most; beyond that the reply is refused as too large. */
  maxReplyBytes: number;
}

/** A centre of up to 1,000 lecturers, 20,000 sessions each; one reply page up to 32 MiB. */
export const DIRECTORY_LIMITS: ReadLimits = { pageSize: 200, maxDocs: 1_000, maxReplyBytes: MAX_REPLY_BYTES };
export const SESSION_LIMITS: ReadLimits = { pageSize: 1_000, maxDocs: 20_000, maxReplyBytes: MAX_REPLY_BYTES };

export interface DocList {
  /** The documents as sent (unchecked: callers validate each with its schema). */
  docs: unknown[];
  /** True when the listing stopped at `maxDocs` (or a page was too large) before the end. */
  truncated: boolean;
  /** False when the server has no such database (404). */
  exists: boolean;
}

/** Every document of `db` whose id is in `range`, page by page, within `limits`. A database the
 *  server does not have (404) lists as empty, `exists: false`. */
export async function listDocs(client: ServerClient, db: string, range: { startkey: string; endkey: string }, limits: ReadLimits): Promise<DocList> {
  const docs: unknown[] = [];
  let startkey = range.startkey;
  let skip = 0;
  for (;;) {
    const limit = Math.min(limits.pageSize, limits.maxDocs - docs.length);
    if (limit <= 0) return { docs, truncated: true, exists: true };
    const query = new URLSearchParams({
      include_docs: 'true',
      startkey: JSON.stringify(startkey),
      endkey: JSON.stringify(range.endkey),
      limit: String(limit),
    });
    if (skip) query.set('skip', String(skip));
    const path = `/${segment(db)}/_all_docs?${query.toString()}`;
    let reply;
    try {
      reply = await client.json('GET', path, undefined, [404], limits.maxReplyBytes);
    } catch (error) {
      // A page too large to read ends the listing with what came before it.
      if (error instanceof CentreServerError && error.details.reason === 'too-large' && docs.length > 0) return { docs, truncated: true, exists: true };
      throw error;
    }
    if (reply.status === 404) return { docs, truncated: false, exists: false };
    const rows = objectBody(reply, path).rows;
    if (!Array.isArray(rows)) throw new CentreServerError('bad-reply', { status: reply.status, path, reason: 'no rows' });
    // A server that ignores `limit` must not make the list grow past the bound.
    const page = rows.slice(0, limit) as unknown[];
    for (const row of page) {
      const doc = typeof row === 'object' && row !== null ? (row as { doc?: unknown }).doc : undefined;
      if (doc !== undefined && doc !== null) docs.push(doc);
    }
    if (rows.length > limit) return { docs, truncated: true, exists: true };
    if (rows.length < limit) return { docs, truncated: false, exists: true };
    const last = page[page.length - 1] as { id?: unknown; key?: unknown } | null;
    const lastKey = typeof last?.key === 'string' ? last.key : typeof last?.id === 'string' ? last.id : undefined;
    // A server sending rows out of order could make the listing loop forever.
    if (lastKey === undefined || lastKey < startkey) throw new CentreServerError('bad-reply', { path, reason: 'rows out of order' });
    // The next page starts after the last id (skip=1 steps over it).
    startkey = lastKey;
    skip = 1;
  }
}

export interface CentreReadOptions {
  server: string;
  /** A centre administrator (reads the directory and every lecturer's database): their name and
   *  password (Basic auth, the CLI), or omitted when `fetch` carries the session (the app). */
  user?: Credentials;
  /** Requests go through this instead of the global fetch (the app's CentreConnection.fetch). */
  fetch?: FetchLike;
  /** Lecturers' databases read at once (default 4: a centre server is often a small machine). */
  concurrency?: number;
  /** Rows per `_all_docs` page (default: DIRECTORY_LIMITS / SESSION_LIMITS). */
  pageSize?: number;
  directoryLimits?: ReadLimits;
  sessionLimits?: ReadLimits;
}

export interface LecturerRead {
  name: string;
  sessions: SessionFacts[];
  /** Their cohort list (their `cohorts` document, else the built-in list). */
  cohorts: CohortDef[];
}

/** What readCentre found: plain data (the app keeps it as its offline copy). */
export interface CentreRead {
  /** By lecturer, in Vietnamese alphabetical order of their names. */
  lecturers: LecturerRead[];
  /** Documents skipped because they failed their schema or named another owner. */
  skipped: number;
  /** Lecturers whose database could not be read (their sessions are not in the numbers). */
  unreadable: string[];
  /** A listing hit its bound (a very large centre or a hostile server): numbers may be incomplete. */
  truncated: boolean;
}

export interface LecturerReport {
  name: string;
  /** This lecturer's own report: what the app shows them for the same period. */
  report: Report;
  /** Their cohort list (their `cohorts` document, else the built-in list). */
  cohorts: CohortDef[];
}

export interface CentreReport {
  period: Period;
  /** The whole centre: totals, by cohort, by deck. */
  report: Report;
  /** Cohorts for labels: the built-in list, then lecturers' own cohorts (first label wins). */
  cohorts: CohortDef[];
  /** By lecturer, in Vietnamese alphabetical order of their names. */
  lecturers: LecturerReport[];
  skipped: number;
  unreadable: string[];
  truncated: boolean;
}

export interface CentreReportOptions extends CentreReadOptions {
  period: Period;
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

/** One lecturer's raw session documents checked: the facts, and how many were left out (failing
 *  the schema, deleted, claiming another owner, or a session id seen twice). */
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

/** Deck titles as the sessions recorded them (the most recent wins): the report runs on the
 *  server's sessions, without downloading every deck. */
function decksOf(sessions: readonly SessionFacts[]): DeckFacts[] {
  const latest = new Map<string, { title: string; stamp: string }>();
  for (const s of sessions) {
    if (!s.deckId) continue;
    const stamp = `${s.date}|${s.updatedAt ?? ''}`;
    const seen = latest.get(s.deckId);
    if (!seen || stamp >= seen.stamp) latest.set(s.deckId, { title: s.deckTitle ?? '', stamp });
  }
  return [...latest].map(([id, { title }]) => ({ id, title }));
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of results. */
async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * readCentre({ server, user: { name: 'trưởng.khoa', password } })
 * => { lecturers: [{ name, sessions, cohorts }, …], skipped: 0, unreadable: [], truncated: false }
 * Throws CentreServerError: 'refused' (wrong password, or no session), 'forbidden' (not a centre
 * administrator), 'unreachable', 'server-error', 'bad-reply'.
 */
export async function readCentre(options: CentreReadOptions): Promise<CentreRead> {
  const client = new ServerClient(options.server, options.user, options.fetch);
  const withPage = (limits: ReadLimits): ReadLimits => (options.pageSize ? { ...limits, pageSize: options.pageSize } : limits);
  const directoryLimits = withPage(options.directoryLimits ?? DIRECTORY_LIMITS);
  const sessionLimits = withPage(options.sessionLimits ?? SESSION_LIMITS);
  const session = objectBody(await client.json('GET', '/_session'), '/_session');
  const ctx = session.userCtx as { name?: unknown } | undefined;
  if (typeof ctx?.name !== 'string' || ctx.name === '') throw new CentreServerError('refused', { path: '/_session' });

  let skipped = 0;
  // The user is known (above): a refusal now means the directory is not theirs to read.
  const directory = await listDocs(client, DIRECTORY_DB, idRange('lecturer'), directoryLimits).catch((error: unknown) => {
    if (error instanceof CentreServerError && error.code === 'refused') throw new CentreServerError('forbidden', { path: `/${DIRECTORY_DB}` });
    throw error;
  });
  if (!directory.exists) throw new CentreServerError('forbidden', { path: `/${DIRECTORY_DB}` });
  let truncated = directory.truncated;
  const names: string[] = [];
  for (const entry of directory.docs) {
    const lecturer = checkDoc(LecturerDoc, entry);
    // The database is derived from the name: an entry pointing at another lecturer's database
    // would count their classes twice.
    if (!lecturer || lecturer._deleted || lecturer._id !== docId.lecturer(lecturer.name) || lecturer.db !== userDbName(lecturer.name) || names.includes(lecturer.name)) skipped += 1;
    else names.push(lecturer.name);
  }
  names.sort((a, b) => a.localeCompare(b, 'vi'));

  const unreadable: string[] = [];
  const lecturers = await mapBounded(names, options.concurrency ?? 4, async (name): Promise<LecturerRead> => {
    const db = userDbName(name);
    let listed: DocList;
    let cohortsDoc: unknown;
    try {
      listed = await listDocs(client, db, idRange('session'), sessionLimits);
      const reply = await client.json('GET', `/${segment(db)}/${segment(docId.cohorts())}`, undefined, [404], sessionLimits.maxReplyBytes);
      cohortsDoc = reply.status === 404 ? undefined : reply.body;
    } catch (error) {
      if (error instanceof CentreServerError && (error.code === 'forbidden' || error.code === 'refused')) {
        unreadable.push(name);
        return { name, sessions: [], cohorts: [...DEFAULT_COHORTS] };
      }
      throw error;
    }
    truncated ||= listed.truncated;
    const checked = checkSessions(name, listed.docs);
    skipped += checked.skipped;
    let cohorts: CohortDef[] = [...DEFAULT_COHORTS];
    if (cohortsDoc !== undefined) {
      const parsed = checkDoc(CohortsDoc, cohortsDoc);
      if (parsed && parsed.owner === name) cohorts = parsed.cohorts;
      else skipped += 1;
    }
    return { name, sessions: checked.sessions, cohorts };
  });
  unreadable.sort((a, b) => a.localeCompare(b, 'vi'));
  return { lecturers: lecturers.filter((l) => !unreadable.includes(l.name)), skipped, unreadable, truncated };
}

/** The centre's cohort list, merged once: the built-in list, then each lecturer's own cohorts in
 *  the lecturers' order (a label from the first lecturer who gives one). */
export function centreCohorts(lecturers: readonly { cohorts: readonly CohortDef[] }[]): CohortDef[] {
  const merged: CohortDef[] = [...DEFAULT_COHORTS];
  for (const lecturer of lecturers) {
    for (const cohort of lecturer.cohorts) {
      const known = merged.findIndex((c) => c.id === cohort.id);
      if (known === -1) merged.push(cohort);
      else if (!merged[known]!.label && cohort.label) merged[known] = cohort;
    }
  }
  return merged;
}

/**
 * aggregateCentre(read, { from: '2026-01-01', to: '2026-06-30' })
 * => { report: { total: { classes: 15, learners: 1212, … }, cohorts, decks }, lecturers: [...], … }
 * Pure: the same read data gives the same numbers in the CLI and the app.
 */
export function aggregateCentre(read: CentreRead, period: Period): CentreReport {
  const cohorts = centreCohorts(read.lecturers);
  const everySession = read.lecturers.flatMap((lecturer) => lecturer.sessions);
  return {
    period,
    report: aggregateSessions(everySession, period, cohorts, decksOf(everySession)),
    cohorts,
    lecturers: read.lecturers.map(({ name, sessions, cohorts: own }) => ({
      name,
      cohorts: own,
      report: aggregateSessions(sessions, period, own, decksOf(sessions)),
    })),
    skipped: read.skipped,
    unreadable: [...read.unreadable],
    truncated: read.truncated,
  };
}

/**
 * centreReport({ server, user: { name: 'trưởng.khoa', password }, period: { from: '2026-01-01', to: '2026-06-30' } })
 * => readCentre then aggregateCentre. Throws as readCentre does.
 */
export async function centreReport(options: CentreReportOptions): Promise<CentreReport> {
  return aggregateCentre(await readCentre(options), options.period);
}
