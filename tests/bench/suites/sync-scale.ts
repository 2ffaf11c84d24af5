// Scale of a centre (issue 16): 50 lecturers (10 with --quick), each with 20 class sessions in a
// PouchDB of their own (in memory, as on their machine), replicate at once, a bounded number at a
// time, to a local pouchdb-server on loopback; then the centre report reads them all back.
// Checked, not just timed: every session is counted exactly once (the run fails otherwise).
// Beside it, in the same run, the same documents sent with one plain `_bulk_docs` POST per
// lecturer (no replication protocol, no checkpoints): the least any sync must do. The server's
// memory is the pouchdb-server process's RSS and peak RSS from /proc.
//
// `scaleRows` is what `npm run bench -- sync` prints for the scale part; this file is also its own
// suite (`sync-scale`), so `npm run bench -- sync` runs it whether or not sync.ts imports it.
import { readdirSync, readFileSync } from 'node:fs';
import { addUser, centreReport, setupCentre, userDbName } from '@lectern/centre';
import { startCentreServer, type CentreServer } from '../../support/centre-server.ts';
import { localDb, remoteDb } from '../../support/pouch-node.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../types.ts';

const SESSIONS_EACH = 20;
const AT_ONCE = 8;
const NOW = '2026-06-01T08:00:00.000Z';
const COHORTS = ['new-members', 'candidates', 'secretaries', 'specialist', 'other'];

/** The pouchdb-server process listening on `port` (a child of the test harness's wrapper). */
function serverPid(port: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf('--port');
      if (args.some((a) => a.endsWith('pouchdb-server')) && at !== -1 && args[at + 1] === String(port)) return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  return null;
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memoryMb(pid: number | null): { rss: number; peak: number } {
  if (pid === null) return { rss: NaN, peak: NaN };
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function bounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

function sessionsOf(name: string, lecturer: number) {
  return Array.from({ length: SESSIONS_EACH }, (_, i) => ({
    _id: `session:${lecturer}-${i}`,
    type: 'session',
    owner: name,
    sessionId: `${lecturer}-${i}`,
    deckId: `bai-${i % 7}`,
    deckTitle: `Bài ${i % 7}: Tư tưởng Hồ Chí Minh`,
    date: `2026-0${(i % 6) + 1}-${String((i % 27) + 1).padStart(2, '0')}`,
    className: `Lớp ${lecturer}.${i}`,
    cohort: COHORTS[(lecturer + i) % COHORTS.length]!,
    learners: 20 + ((lecturer * 7 + i) % 60),
    minutes: 90,
    createdAt: NOW,
    updatedAt: NOW,
  }));
}

export async function* scaleRows(ctx: BenchContext): AsyncIterable<BenchResult> {
  const lecturers = ctx.quick ? 10 : 50;
  const server: CentreServer = await startCentreServer({ lifetimeSeconds: 1800 });
  try {
    const pid = serverPid(server.port);
    await setupCentre({ server: server.url, admin: server.admin });
    const head = { name: 'trưởng.khoa', password: 'bench-head' };
    await addUser({ server: server.url, adminAuth: server.admin, name: head.name, password: head.password, admin: true });
    const people = Array.from({ length: lecturers }, (_, i) => ({ name: `giảng.viên.${i + 1}`, password: `mk-${i + 1}`, index: i + 1 }));
    ctx.log(`sync-scale: adding ${lecturers} lecturers`);
    for (const person of people) await addUser({ server: server.url, adminAuth: server.admin, name: person.name, password: person.password, admin: false });

    const locals = await Promise.all(
      people.map(async (person) => {
        const db = localDb(`bench-${person.index}`);
        await db.bulkDocs(sessionsOf(person.name, person.index));
        return { person, db };
      }),
    );
    const before = memoryMb(pid);

    // Baseline: the same documents, one plain POST per lecturer, same bound, into a scratch database.
    const auth = 'Basic ' + Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64');
    await fetch(`${server.url}/bench-baseline`, { method: 'PUT', headers: { Authorization: auth } });
    ctx.log('sync-scale: baseline (_bulk_docs)');
    let start = performance.now();
    await bounded(people, AT_ONCE, async (person) => {
      const reply = await fetch(`${server.url}/bench-baseline/_bulk_docs`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ docs: sessionsOf(person.name, person.index) }),
      });
      if (reply.status !== 201) throw new Error(`baseline POST answered ${reply.status}`);
    });
    const baselineMs = performance.now() - start;

    ctx.log(`sync-scale: ${lecturers} lecturers replicating, ${AT_ONCE} at once`);
    start = performance.now();
    let written = 0;
    await bounded(locals, AT_ONCE, async ({ person, db }) => {
      const result = await db.replicate.to(remoteDb(server.url, userDbName(person.name), person));
      if (result.doc_write_failures > 0) throw new Error(`${person.name}: ${result.doc_write_failures} document(s) refused`);
      written += result.docs_written;
    });
    const ms = performance.now() - start;
    const afterSync = memoryMb(pid);
    yield {
      name: `replicate ${lecturers} lecturers x ${SESSIONS_EACH} sessions (${AT_ONCE} at once)`,
      n: lecturers,
      ms,
      baselineMs,
      ratio: ms / baselineMs,
      docs: written,
      serverRssMb: Math.round(afterSync.rss),
      serverPeakMb: Math.round(afterSync.peak),
      serverRssBeforeMb: Math.round(before.rss),
    };

    start = performance.now();
    const report = await centreReport({ server: server.url, user: head, period: { from: '2026-01-01', to: '2026-06-30' } });
    const reportMs = performance.now() - start;
    const expected = lecturers * SESSIONS_EACH;
    const perLecturer = report.lecturers.filter((l) => l.name !== head.name);
    const exactlyOnce =
      report.report.total.classes === expected &&
      perLecturer.length === lecturers &&
      perLecturer.every((l) => l.report.total.classes === SESSIONS_EACH) &&
      report.skipped === 0;
    if (!exactlyOnce) throw new Error(`centre report counted ${report.report.total.classes} classes, expected ${expected} (each lecturer ${SESSIONS_EACH})`);
    const afterReport = memoryMb(pid);
    yield {
      name: 'centre report (every session counted once)',
      n: expected,
      ms: reportMs,
      classes: report.report.total.classes,
      learners: report.report.total.learners,
      serverRssMb: Math.round(afterReport.rss),
      serverPeakMb: Math.round(afterReport.peak),
    };
  } finally {
    await server.stop();
  }
}

const suite: BenchSuite = { name: 'sync-scale', run: scaleRows };
export default suite;
