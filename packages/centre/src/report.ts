// The whole centre's report, for a centre administrator: every lecturer's `session:*` documents,
// found through the directory, counted by @lectern/teaching's aggregateSessions, the code each
// lecturer's own report uses, so the centre's numbers are the sum of theirs.
//
// Everything read is checked: a directory entry or a session that fails its schema (or claims
// another owner) is skipped and counted, never a crash and never counted.
import * as v from 'valibot';
import { aggregateSessions, DEFAULT_COHORTS, type CohortDef, type DeckFacts, type Period, type Report, type SessionFacts } from '@lectern/teaching';
import { CohortsDoc, LecturerDoc, SessionDoc } from './documents.ts';
import { DIRECTORY_DB, docId, idRange, userDbName } from './names.ts';
import { CentreServerError, ServerClient, objectBody, segment, type Credentials, type FetchLike } from './server-client.ts';

export interface CentreReportOptions {
  server: string;
  /** A centre administrator (reads the directory and every lecturer's database): their name and
   *  password (Basic auth, the CLI), or omitted when `fetch` carries the session (the app). */
  user?: Credentials;
  /** Requests go through this instead of the global fetch (the app's CentreConnection.fetch). */
  fetch?: FetchLike;
  period: Period;
  /** Lecturers' databases read at once (default 4: a centre server is often a small machine). */
  concurrency?: number;
  /** Rows per `_all_docs` page (default 500). */
  pageSize?: number;
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
  /** Documents skipped because they failed their schema or named another owner. */
  skipped: number;
  /** Lecturers whose database could not be read (their sessions are not in the numbers). */
  unreadable: string[];
}

type Row = { id?: unknown; doc?: unknown };

/** Every document of one kind in `db`, a page at a time. Null when the database does not exist. */
async function allOfKind(client: ServerClient, db: string, range: { startkey: string; endkey: string }, pageSize: number): Promise<unknown[] | null> {
  const docs: unknown[] = [];
  let startkey = range.startkey;
  let skip = 0;
  for (;;) {
    const query = `include_docs=true&limit=${pageSize}&skip=${skip}&startkey=${encodeURIComponent(JSON.stringify(startkey))}&endkey=${encodeURIComponent(JSON.stringify(range.endkey))}`;
    const path = `/${segment(db)}/_all_docs?${query}`;
    const reply = await client.json('GET', path, undefined, [404]);
    if (reply.status === 404) return null;
    const rows = objectBody(reply, path).rows;
    if (!Array.isArray(rows)) throw new CentreServerError('bad-reply', { status: reply.status, path });
    for (const row of rows as Row[]) docs.push(row?.doc);
    if (rows.length < pageSize) return docs;
    const last = (rows[rows.length - 1] as Row).id;
    if (typeof last !== 'string') throw new CentreServerError('bad-reply', { path });
    // The next page starts after the last id (skip=1 steps over it).
    startkey = last;
    skip = 1;
  }
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
 * centreReport({ server, user: { name: 'trưởng.khoa', password }, period: { from: '2026-01-01', to: '2026-06-30' } })
 * => { report: { total: { classes: 15, learners: 1212, … }, cohorts, decks }, lecturers: [...], skipped: 0, … }
 * Throws CentreServerError: 'refused' (wrong password), 'forbidden' (not a centre administrator),
 * 'unreachable', 'server-error', 'bad-reply'.
 */
export async function centreReport(options: CentreReportOptions): Promise<CentreReport> {
  const client = new ServerClient(options.server, options.user, options.fetch);
  const pageSize = options.pageSize ?? 500;
  const session = objectBody(await client.json('GET', '/_session'), '/_session');
  const ctx = session.userCtx as { name?: unknown } | undefined;
  if (typeof ctx?.name !== 'string' || ctx.name === '') throw new CentreServerError('refused', { path: '/_session' });

  let skipped = 0;
  // The user is known (above): a refusal now means the directory is not theirs to read.
  const entries = await allOfKind(client, DIRECTORY_DB, idRange('lecturer'), pageSize).catch((error: unknown) => {
    if (error instanceof CentreServerError && error.code === 'refused') throw new CentreServerError('forbidden', { path: `/${DIRECTORY_DB}` });
    throw error;
  });
  if (entries === null) throw new CentreServerError('forbidden', { path: `/${DIRECTORY_DB}` });
  const names: string[] = [];
  for (const entry of entries) {
    const parsed = v.safeParse(LecturerDoc, entry);
    if (!parsed.success || parsed.output._id !== docId.lecturer(parsed.output.name)) skipped += 1;
    else if (!names.includes(parsed.output.name)) names.push(parsed.output.name);
  }
  names.sort((a, b) => a.localeCompare(b, 'vi'));

  const unreadable: string[] = [];
  const read = await mapBounded(names, options.concurrency ?? 4, async (name) => {
    // The database is derived from the name, never taken from the directory entry's `db` field.
    const db = userDbName(name);
    let docs: unknown[] | null;
    let cohortsDoc: unknown;
    try {
      docs = await allOfKind(client, db, idRange('session'), pageSize);
      const reply = await client.json('GET', `/${segment(db)}/${segment(docId.cohorts())}`, undefined, [404]);
      cohortsDoc = reply.status === 404 ? undefined : reply.body;
    } catch (error) {
      if (error instanceof CentreServerError && (error.code === 'forbidden' || error.code === 'refused')) {
        unreadable.push(name);
        return { name, sessions: [] as SessionFacts[], cohorts: [...DEFAULT_COHORTS] };
      }
      throw error;
    }
    const sessions: SessionFacts[] = [];
    for (const doc of docs ?? []) {
      const parsed = v.safeParse(SessionDoc, doc);
      if (!parsed.success || parsed.output.owner !== name || parsed.output._deleted) skipped += 1;
      else sessions.push(toFacts(parsed.output));
    }
    let cohorts: CohortDef[] = [...DEFAULT_COHORTS];
    if (cohortsDoc !== undefined) {
      const parsed = v.safeParse(CohortsDoc, cohortsDoc);
      if (parsed.success && parsed.output.owner === name) cohorts = parsed.output.cohorts;
      else skipped += 1;
    }
    return { name, sessions, cohorts };
  });

  const centreCohorts: CohortDef[] = [...DEFAULT_COHORTS];
  for (const lecturer of read) {
    for (const cohort of lecturer.cohorts) {
      const known = centreCohorts.findIndex((c) => c.id === cohort.id);
      if (known === -1) centreCohorts.push(cohort);
      else if (!centreCohorts[known]!.label && cohort.label) centreCohorts[known] = cohort;
    }
  }
  const everySession = read.flatMap((lecturer) => lecturer.sessions);
  return {
    period: options.period,
    report: aggregateSessions(everySession, options.period, centreCohorts, decksOf(everySession)),
    cohorts: centreCohorts,
    lecturers: read.map(({ name, sessions, cohorts }) => ({
      name,
      cohorts,
      report: aggregateSessions(sessions, options.period, cohorts, decksOf(sessions)),
    })),
    skipped,
    unreadable,
  };
}
