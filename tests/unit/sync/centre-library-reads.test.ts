// Reading the centre's shared library and every lecturer's sessions, against a real pouchdb-server
// prepared as the setup leaves a centre: who may read and write what (proven on the server),
// schema checks, bounded listings, and the Whole-centre numbers equal to the sum of each
// lecturer's own report. Node keeps no cookies: connections here use the in-memory password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentreServerError, LIBRARY_DB, aggregateCentre, listDocs, readTextBounded, userDbName } from '@lectern/centre';
import { CentreConnection } from '../../../src/sync/connection.ts';
import { loadCentreLibrary } from '../../../src/sync/centre-library.ts';
import { loadCentreSessions } from '../../../src/sync/centre-report.ts';
import { centreClient } from '../../../src/sync/centre-reads.ts';
import { centreProblemText } from '../../../src/sync/centre-text.ts';
import { setLang } from '../../../src/app/i18n.ts';
import { aggregateSessions } from '../../../src/report/aggregate.ts';
import { DEFAULT_COHORTS } from '../../../src/sessions/cohorts.ts';
import { startCentreServer, type CentreServer } from '../../support/centre-server.ts';
import { CentreFixture } from '../../support/centre-ui-fixture.ts';

let server: CentreServer;
let centre: CentreFixture;
const admin = { name: 'quản.trị.hà', password: 'mật khẩu quản trị' };
const an = { name: 'nguyễn.văn.an', password: 'mật khẩu của An' };
const binh = { name: 'trần.thị.bình', password: 'mật khẩu của Bình' };
const half = { from: '2026-01-01', to: '2026-06-30' };

function deckDoc(id: string, title: string, owner = admin.name) {
  const now = '2026-03-01T08:00:00.000Z';
  return { _id: `deck:${id}`, type: 'deck', owner, deckId: id, title, markdown: `# ${title}\n`, createdAt: now, updatedAt: now, media: [], publishedBy: owner, publishedAt: now };
}

beforeAll(async () => {
  server = await startCentreServer();
  centre = await CentreFixture.setup(server);
  await centre.addUser(an);
  await centre.addUser(admin, { admin: true });
  await centre.addUser(binh);
  await centre.addSession(an, { sessionId: 'a1', date: '2026-01-15', cohort: 'new-members', learners: 48, minutes: 90, className: 'K12', deckTitle: 'Nghị quyết' });
  await centre.addSession(an, { sessionId: 'a2', date: '2026-07-02', cohort: 'new-members', learners: 30, minutes: 90, className: 'K13', deckTitle: 'Nghị quyết' });
  await centre.addSession(binh, { sessionId: 'b1', date: '2026-03-20', cohort: 'candidates', learners: 62, minutes: 120, className: 'Cảm tình Đảng', deckTitle: 'Lý luận' });
  await centre.addSession(binh, { sessionId: 'b2', date: '2026-06-30', cohort: 'new-members', learners: 35, minutes: 100, className: 'K14', deckTitle: 'Lý luận' });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('who may write what, on the server', () => {
  it('refuses a lecturer publishing to the centre library and accepts an administrator', async () => {
    const refused = await centre.put(an, LIBRARY_DB, deckDoc('x', 'Bài của An', an.name));
    expect([401, 403]).toContain(refused.status);
    const accepted = await centre.put(admin, LIBRARY_DB, deckDoc('ok', 'Bài của trung tâm'));
    expect(accepted.status).toBe(201);
    // An administrator cannot publish under another's name.
    const forged = await centre.put(admin, LIBRARY_DB, deckDoc('forged', 'Giả danh', an.name));
    expect([401, 403]).toContain(forged.status);
  });

  it('refuses a lecturer writing into another lecturer’s database', async () => {
    const reply = await centre.put(an, userDbName(binh.name), { _id: 'session:evil', type: 'session', owner: an.name });
    expect([401, 403]).toContain(reply.status);
  });
});

describe('the centre library', () => {
  it('lists published decks for a lecturer, leaving out documents that fail the schema', async () => {
    await centre.bulk(admin, LIBRARY_DB, [{ _id: 'deck:broken', type: 'deck', owner: admin.name, title: 42 }]);
    const connection = await CentreConnection.login(server.url, an.name, an.password);
    const library = await loadCentreLibrary(connection, { server: server.url, user: an.name });
    expect(library.decks.map((d) => d.title)).toContain('Bài của trung tâm');
    expect(library.decks.some((d) => d._id === 'deck:broken')).toBe(false);
    expect(library.skipped).toBe(1);
    expect(library.offline).toBe(false);
  });

  it('stops a listing at its bound, page by page', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => deckDoc(`many-${String(i).padStart(3, '0')}`, `Bài ${i}`));
    await centre.bulk(admin, LIBRARY_DB, docs);
    const connection = await CentreConnection.login(server.url, an.name, an.password);
    const listed = await listDocs(centreClient(connection), LIBRARY_DB, { startkey: 'deck:many-', endkey: 'deck:many-\uffff' }, { pageSize: 7, maxDocs: 20, maxReplyBytes: 1 << 20 });
    expect(listed.docs).toHaveLength(20);
    expect(listed.truncated).toBe(true);
    const all = await listDocs(centreClient(connection), LIBRARY_DB, { startkey: 'deck:many-', endkey: 'deck:many-\uffff' }, { pageSize: 7, maxDocs: 100, maxReplyBytes: 1 << 20 });
    expect(new Set(all.docs.map((d) => (d as { _id: string })._id)).size).toBe(30);
    expect(all.truncated).toBe(false);
  });

  it('refuses a reply larger than its ceiling without reading it whole', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const error = await readTextBounded(new Response(endless), 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CentreServerError);
    expect((error as CentreServerError).details.reason).toBe('too-large');
    expect(pulled).toBeLessThan(40);
  });
});

describe('the whole-centre sessions', () => {
  it('are closed to a lecturer', async () => {
    const connection = await CentreConnection.login(server.url, an.name, an.password);
    const error = await loadCentreSessions(connection, { server: server.url, user: an.name }).catch((e: unknown) => e);
    // Logged in (not 'refused'), but the directory is not theirs to read.
    expect((error as CentreServerError).code).toBe('forbidden');
    setLang('en');
    expect(centreProblemText(error, 'report')).toBe('Only centre administrators see the whole centre’s report.');
    setLang('vi');
    expect(centreProblemText(error, 'report')).toBe('Chỉ quản trị trung tâm mới xem được báo cáo toàn trung tâm.');
  });

  it('word a wrong password, from the connection, in the one catalogue of centre problems', async () => {
    const error = await CentreConnection.login(server.url, an.name, 'sai mật khẩu').catch((e: unknown) => e);
    setLang('en');
    expect(centreProblemText(error, 'connect')).toBe('The centre server refused the user name or password.');
    // The same refusal on a screen that was working means the session ended.
    expect(centreProblemText(error, 'read')).toMatch(/^The centre server refused: the session has expired/);
    setLang('vi');
    expect(centreProblemText(error, 'connect')).toBe('Máy chủ trung tâm từ chối: sai tên người dùng hoặc mật khẩu.');
  });

  it('add up to the sum of each lecturer’s own report, bad documents skipped and counted', async () => {
    // A document failing the schema, written by its owner (the server only checks the owner).
    await centre.put(binh, userDbName(binh.name), { _id: 'session:bad', type: 'session', owner: binh.name, learners: -3 });
    const connection = await CentreConnection.login(server.url, admin.name, admin.password);
    expect(await connection.isCentreAdmin()).toBe(true);
    const data = await loadCentreSessions(connection, { server: server.url, user: admin.name });
    expect(data.skipped).toBe(1);
    expect(data.lecturers.map((l) => l.name).sort()).toEqual([admin.name, an.name, binh.name].sort());
    const centreReport = aggregateCentre(data, half);
    const report = centreReport.report;
    expect(report.total).toEqual({ classes: 3, learners: 145, minutes: 310 });
    const own = data.lecturers.map((l) => aggregateSessions(l.sessions, half, DEFAULT_COHORTS).total);
    expect(own.reduce((sum, t) => sum + t.learners, 0)).toBe(report.total.learners);
    expect(centreReport.lecturers.find((l) => l.name === binh.name)?.report.total).toMatchObject({ classes: 2, learners: 97 });
    expect(report.cohorts.find((c) => c.cohortId === 'new-members')).toMatchObject({ classes: 2, learners: 83 });
    expect(report.decks.every((d) => !d.deleted)).toBe(true);
  });
});

describe('media in the centre library', () => {
  it('stores a media document with its file in one write by an administrator, and serves the bytes', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    const sha = 'a'.repeat(64);
    await centre.putMedia(admin, sha, bytes, 'image/png');
    const connection = await CentreConnection.login(server.url, an.name, an.password);
    const reply = await connection.fetch(`/${LIBRARY_DB}/media:${sha}/file`);
    expect(reply.status).toBe(200);
    expect(new Uint8Array(await reply.arrayBuffer())).toEqual(bytes);
    await expect(centre.putMedia(an, 'b'.repeat(64), bytes, 'image/png')).rejects.toThrow(/403|401/);
  });
});
