// The centre report against a real server: lecturers' sessions written as each lecturer (the way
// replication leaves them), read by a centre administrator. Its numbers are the sum of each
// lecturer's own report; documents that fail the schema are skipped and counted.
import { CentreServerError, aggregateCentre, centreReport, docId, type CentreReport } from '@lectern/centre';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentreConnection } from '../../../src/sync/connection.ts';
import { loadCentreSessions } from '../../../src/sync/centre-report.ts';
import { an, binh, headOfFaculty, sessionDoc, startCentre, type Centre } from './centre-fixture.ts';

let centre: Centre;
const firstHalf = { from: '2026-01-01', to: '2026-06-30' };

beforeAll(async () => {
  centre = await startCentre();
  const write = async (who: typeof an, docs: object[]) => {
    const reply = await centre.as(who, 'POST', `/${centre.dbOf(who)}/_bulk_docs`, { docs });
    expect(reply.body.every((r: { ok?: boolean }) => r.ok)).toBe(true);
  };
  await write(an, [
    sessionDoc(an.name, 'a1', { date: '2026-01-15', cohort: 'new-members', learners: 40, minutes: 90 }),
    sessionDoc(an.name, 'a2', { date: '2026-06-30', cohort: 'candidates', learners: 31, minutes: 120 }),
    sessionDoc(an.name, 'a3', { date: '2026-07-01', cohort: 'candidates', learners: 500 }), // second half
    sessionDoc(an.name, 'a4', { date: '2026-03-01', cohort: 'lớp-riêng', learners: 12, minutes: 45 }),
    // Accepted by the server (its owner is right) but not a session the report can count.
    { ...sessionDoc(an.name, 'bad', { date: '2026-02-01', cohort: 'other', learners: 1 }), learners: -7 },
    { _id: docId.cohorts(), type: 'cohorts', owner: an.name, cohorts: [{ id: 'new-members' }, { id: 'candidates' }, { id: 'lớp-riêng', label: 'Lớp bồi dưỡng lý luận chính trị' }] },
  ]);
  await write(binh, [
    sessionDoc(binh.name, 'b1', { date: '2026-04-02', cohort: 'candidates', learners: 55, minutes: 90 }),
    sessionDoc(binh.name, 'b2', { date: '2026-05-20', cohort: 'new-members', learners: 60, minutes: 90 }),
  ]);
}, 180_000);

afterAll(async () => {
  await centre?.server.stop();
});

const cohortRow = (report: CentreReport['report'], id: string) => report.cohorts.find((row) => row.cohortId === id);

describe('centreReport', () => {
  it('counts every lecturer once, with the same numbers as the sum of their own reports', async () => {
    const result = await centreReport({ server: centre.server.url, user: headOfFaculty, period: firstHalf, pageSize: 2 });
    expect(result.report.total).toEqual({ classes: 5, learners: 40 + 31 + 12 + 55 + 60, minutes: 90 + 120 + 45 + 90 + 90 });
    expect(result.lecturers.map((l) => l.name)).toEqual([headOfFaculty.name, an.name, binh.name].sort((a, b) => a.localeCompare(b, 'vi')));
    const sum = result.lecturers.reduce((t, l) => ({ classes: t.classes + l.report.total.classes, learners: t.learners + l.report.total.learners }), { classes: 0, learners: 0 });
    expect(sum).toEqual({ classes: result.report.total.classes, learners: result.report.total.learners });
    for (const row of result.report.cohorts) {
      const fromLecturers = result.lecturers.map((l) => l.report.cohorts.find((c) => c.cohortId === row.cohortId)?.classes ?? 0).reduce((a, b) => a + b, 0);
      expect(fromLecturers, row.cohortId).toBe(row.classes);
    }
    expect(cohortRow(result.report, 'new-members')).toMatchObject({ classes: 2, learners: 100 });
    expect(cohortRow(result.report, 'candidates')).toMatchObject({ classes: 2, learners: 86 });
    expect(cohortRow(result.report, 'lớp-riêng')).toMatchObject({ classes: 1, learners: 12, configured: true });
    expect(result.cohorts.find((c) => c.id === 'lớp-riêng')?.label).toBe('Lớp bồi dưỡng lý luận chính trị');
    expect(result.skipped).toBe(1);
    expect(result.unreadable).toEqual([]);
  });

  it("runs through the app's CentreConnection (its fetch carries the session) with the same numbers", async () => {
    const connection = await CentreConnection.login(centre.server.url, headOfFaculty.name, headOfFaculty.password);
    const viaApp = await centreReport({ server: centre.server.url, fetch: connection.fetch, period: firstHalf });
    const viaPassword = await centreReport({ server: centre.server.url, user: headOfFaculty, period: firstHalf });
    expect(viaApp.report).toEqual(viaPassword.report);
    expect(viaApp.report.total.classes).toBe(5);
  });

  it("gives the app's Whole-centre view (its read data, counted again per period) the CLI's numbers", async () => {
    const connection = await CentreConnection.login(centre.server.url, headOfFaculty.name, headOfFaculty.password);
    const data = await loadCentreSessions(connection, { server: centre.server.url, user: headOfFaculty.name });
    expect(data.offline).toBe(false);
    for (const period of [firstHalf, { from: '2026-07-01', to: '2026-12-31' }]) {
      const cli = await centreReport({ server: centre.server.url, user: headOfFaculty, period });
      const { fetchedAt: _at, offline: _offline, ...read } = data;
      expect(aggregateCentre(read, period)).toEqual(cli);
    }
  });

  it('takes the second half-year when asked', async () => {
    const result = await centreReport({ server: centre.server.url, user: headOfFaculty, period: { from: '2026-07-01', to: '2026-12-31' } });
    expect(result.report.total).toMatchObject({ classes: 1, learners: 500 });
  });

  it('refuses a wrong password and a lecturer who is not a centre administrator', async () => {
    const wrong = await centreReport({ server: centre.server.url, user: { ...headOfFaculty, password: 'sai' }, period: firstHalf }).catch((e: unknown) => e);
    expect((wrong as CentreServerError).code).toBe('refused');
    const lecturer = await centreReport({ server: centre.server.url, user: an, period: firstHalf }).catch((e: unknown) => e);
    expect((lecturer as CentreServerError).code).toBe('forbidden');
  });
});
