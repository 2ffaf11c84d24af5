// Who may read and write what on a centre server, proven against a running pouchdb-server set up
// by setupCentre/addUser (the same code as `lectern centre setup | add-user`). Each rule is tried
// by the user it must stop, through every write path CouchDB has: PUT, DELETE, _bulk_docs with
// new_edits:false (what replication sends), attachment PUT. What pouchdb-server does NOT enforce
// is pinned at the end (docs/centre-server.md lists it, with what only CouchDB 3 gives).
import { addUser, setupCentre, CentreServerError, DIRECTORY_DB, LIBRARY_DB } from '@lectern/centre';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { an, basic, binh, headOfFaculty, sessionDoc, startCentre, type Centre } from './centre-fixture.ts';

let centre: Centre;
const enc = encodeURIComponent;

beforeAll(async () => {
  centre = await startCentre();
  const anDb = centre.dbOf(an);
  expect((await centre.as(an, 'PUT', `/${anDb}/session:s1`, sessionDoc(an.name, 's1', { date: '2026-03-02', cohort: 'new-members', learners: 40 }))).status).toBe(201);
  const binhDb = centre.dbOf(binh);
  expect((await centre.as(binh, 'PUT', `/${binhDb}/session:s9`, sessionDoc(binh.name, 's9', { date: '2026-04-02', cohort: 'candidates', learners: 55 }))).status).toBe(201);
}, 180_000);

afterAll(async () => {
  await centre?.server.stop();
});

const refused = (status: number) => expect([401, 403]).toContain(status);

async function revOf(path: string): Promise<string> {
  const reply = await centre.as(centre.server.admin, 'GET', path);
  expect(reply.status).toBe(200);
  return reply.body._rev as string;
}

describe('setup and add-user', () => {
  it('are idempotent: a second run changes nothing, and the user stays logged in', async () => {
    const url = centre.server.url;
    const login = await fetch(`${url}/_session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: an.name, password: an.password }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const sessionUser = async () => ((await (await fetch(`${url}/_session`, { headers: { Cookie: cookie } })).json()) as { userCtx: { name: string | null } }).userCtx.name;
    expect(await sessionUser()).toBe(an.name);
    const again = await setupCentre({ server: url, admin: centre.server.admin });
    expect(again).toEqual({ kind: 'pouchdb-server', changed: [], warnings: [] });
    const user = await addUser({ server: url, adminAuth: centre.server.admin, name: an.name, password: an.password, admin: false, strictOnPouchdbServer: true });
    expect(user.created).toBe(false);
    expect(user.changed).toEqual([]);
    // Rewriting the user document (a new salt) would have ended the app's session.
    expect(await sessionUser()).toBe(an.name);
  });

  it('sets a new password when asked, which ends the old one', async () => {
    const url = centre.server.url;
    const user = await addUser({ server: url, adminAuth: centre.server.admin, name: an.name, password: 'mật khẩu mới', admin: false, strictOnPouchdbServer: true });
    expect(user.changed).toEqual([`_users/${enc(`org.couchdb.user:${an.name}`)}`]);
    refused((await centre.as(an, 'GET', `/${centre.dbOf(an)}`)).status);
    expect((await centre.as({ ...an, password: 'mật khẩu mới' }, 'GET', `/${centre.dbOf(an)}`)).status).toBe(200);
    await addUser({ server: url, adminAuth: centre.server.admin, name: an.name, password: an.password, admin: false, strictOnPouchdbServer: true });
    expect((await centre.as(an, 'GET', `/${centre.dbOf(an)}`)).status).toBe(200);
  });

  it('refuses a wrong administrator password and a user who is not the server administrator', async () => {
    const wrong = await setupCentre({ server: centre.server.url, admin: { name: centre.server.admin.name, password: 'sai' } }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(CentreServerError);
    expect((wrong as CentreServerError).code).toBe('refused');
    const lecturer = await addUser({ server: centre.server.url, adminAuth: an, name: 'kẻ.lạ', password: 'x', admin: true }).catch((e: unknown) => e);
    expect((lecturer as CentreServerError).code).toBe('forbidden');
    expect((await centre.as(centre.server.admin, 'GET', `/_users/${enc('org.couchdb.user:kẻ.lạ')}`)).status).toBe(404);
  });

  it('stores a name pasted in decomposed form (NFD) as the app types it (NFC)', async () => {
    const typed = 'lê.văn.cường';
    const pasted = typed.normalize('NFD');
    expect(pasted).not.toBe(typed);
    const added = await addUser({ server: centre.server.url, adminAuth: centre.server.admin, name: pasted, password: 'mk Cường', admin: false, strictOnPouchdbServer: true });
    expect(added.db).toBe(centre.dbOf({ name: typed, password: '' }));
    const session = await centre.as({ name: typed, password: 'mk Cường' }, 'GET', '/_session');
    expect(session.body.userCtx.name).toBe(typed);
  });

  it('writes the directory: one lecturer document per user, naming their database', async () => {
    const reply = await centre.as(headOfFaculty, 'GET', `/${DIRECTORY_DB}/_all_docs?include_docs=true`);
    expect(reply.status).toBe(200);
    const docs = reply.body.rows.map((row: { doc: Record<string, unknown> }) => row.doc).filter((doc: { type?: string }) => doc.type === 'lecturer');
    expect(docs.map((d: { name: string; db: string; admin: boolean }) => [d.name, d.db, d.admin]).sort()).toEqual(
      [
        [an.name, centre.dbOf(an), false],
        ['lê.văn.cường', centre.dbOf({ name: 'lê.văn.cường', password: '' }), false],
        [binh.name, centre.dbOf(binh), false],
        [headOfFaculty.name, centre.dbOf(headOfFaculty), true],
      ].sort(),
    );
  });
});

describe('a lecturer', () => {
  it('writes their own records, and only with themselves as owner', async () => {
    const db = centre.dbOf(an);
    expect((await centre.as(an, 'PUT', `/${db}/session:s2`, sessionDoc(an.name, 's2', { date: '2026-05-01', cohort: 'other', learners: 12 }))).status).toBe(201);
    const lying = await centre.as(an, 'PUT', `/${db}/session:s3`, sessionDoc(binh.name, 's3', { date: '2026-05-01', cohort: 'other', learners: 12 }));
    expect(lying.status).toBe(403);
    expect(lying.body.reason).toMatch(/owner/);
  });

  it("cannot overwrite, delete or replicate into another lecturer's record", async () => {
    const db = centre.dbOf(an);
    const path = `/${db}/session:s1`;
    const rev = await revOf(path);
    const forged = { ...sessionDoc(binh.name, 's1', { date: '2026-03-02', cohort: 'new-members', learners: 4000 }), _rev: rev };
    refused((await centre.as(binh, 'PUT', path, forged)).status);
    refused((await centre.as(binh, 'PUT', path, { ...forged, owner: an.name })).status);
    refused((await centre.as(binh, 'DELETE', `${path}?rev=${rev}`)).status);
    const replicated = await centre.as(binh, 'POST', `/${db}/_bulk_docs`, {
      new_edits: false,
      docs: [{ ...forged, owner: an.name, _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', rev.split('-')[1]] } }],
    });
    if (replicated.status < 300) expect(['forbidden', 'unauthorized']).toContain(replicated.body[0].error);
    else refused(replicated.status);
    refused((await centre.as(binh, 'PUT', `${path}/file?rev=${rev}`, 'tệp giả', 'text/plain')).status);
    refused((await centre.as(binh, 'PUT', `/${db}/_design/lectern`, { validate_doc_update: 'function(){}' })).status);
    refused((await centre.as(binh, 'PUT', `/${db}/_security`, { members: { names: [binh.name] } })).status);
    // An's record is as An wrote it.
    const kept = await centre.as(an, 'GET', path);
    expect(kept.body).toMatchObject({ _rev: rev, owner: an.name, learners: 40 });
  });

  it("cannot read another lecturer's database or the directory", async () => {
    refused((await centre.as(binh, 'GET', `/${centre.dbOf(an)}/_all_docs?include_docs=true`)).status);
    refused((await centre.as(binh, 'GET', `/${centre.dbOf(an)}/session:s1`)).status);
    refused((await centre.as(binh, 'GET', `/${centre.dbOf(an)}/_changes?include_docs=true`)).status);
    refused((await centre.as(binh, 'GET', `/${DIRECTORY_DB}/_all_docs`)).status);
    refused((await centre.as(undefined, 'GET', `/${centre.dbOf(an)}/_all_docs`)).status);
  });

  it('reads the centre library but cannot publish to it (PUT, _bulk_docs, attachment)', async () => {
    expect((await centre.as(an, 'GET', `/${LIBRARY_DB}/_all_docs`)).status).toBe(200);
    const deck = { _id: 'deck:d1', type: 'deck', owner: an.name, deckId: 'd1', title: 'Tư tưởng Hồ Chí Minh', markdown: '# Bài 1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', media: [] };
    const put = await centre.as(an, 'PUT', `/${LIBRARY_DB}/deck:d1`, deck);
    expect(put.status).toBe(403);
    expect(put.body.reason).toMatch(/centre administrators/);
    const bulk = await centre.as(an, 'POST', `/${LIBRARY_DB}/_bulk_docs`, { new_edits: false, docs: [{ ...deck, _rev: '1-abcd' }] });
    expect(bulk.body[0].error).toBe('forbidden');
    refused((await centre.as(an, 'PUT', `/${LIBRARY_DB}/media:${'a'.repeat(64)}/file`, 'bytes', 'image/png')).status);
    expect((await centre.as(headOfFaculty, 'GET', `/${LIBRARY_DB}/deck:d1`)).status).toBe(404);
  });

  it('gains nothing by giving themselves roles in their own _users document', async () => {
    const userPath = `/_users/${enc(`org.couchdb.user:${an.name}`)}`;
    const own = await centre.as(an, 'GET', userPath);
    expect(own.status).toBe(200);
    // A system role is refused by the server itself.
    const system = await centre.as(an, 'PUT', userPath, { ...own.body, roles: ['_admin'], password: an.password });
    expect(system.status).toBe(403);
    // pouchdb-server accepts any other role (CouchDB 3 would refuse: only a server admin sets roles).
    const roles = await centre.as(an, 'PUT', userPath, { ...own.body, roles: ['admins', 'lectern-admin', 'centre-admin'], password: an.password });
    expect(roles.status).toBe(201);
    const session = await centre.as(an, 'GET', '/_session');
    expect(session.body.userCtx.roles).toContain('lectern-admin');
    // The rules are on names: still no publishing, no directory, no colleague's records.
    const deck = { _id: 'deck:d2', type: 'deck', owner: an.name, deckId: 'd2', title: 'x', markdown: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', media: [] };
    expect((await centre.as(an, 'PUT', `/${LIBRARY_DB}/deck:d2`, deck)).status).toBe(403);
    refused((await centre.as(an, 'GET', `/${DIRECTORY_DB}/_all_docs`)).status);
    refused((await centre.as(an, 'GET', `/${centre.dbOf(binh)}/_all_docs`)).status);
    // Nor by reading or rewriting a colleague's account (pouchdb-server answers 500 rather than
    // 401/403 here, but gives nothing away and changes nothing).
    const accountPath = `/_users/${enc(`org.couchdb.user:${binh.name}`)}`;
    const other = await centre.as(an, 'GET', accountPath);
    expect(other.status).not.toBe(200);
    expect(JSON.stringify(other.body)).not.toMatch(/derived_key|salt/);
    const rev = await revOf(accountPath);
    const takeOver = await centre.as(an, 'PUT', accountPath, { _id: `org.couchdb.user:${binh.name}`, _rev: rev, type: 'user', name: binh.name, roles: [], password: 'của An' });
    expect(takeOver.status).not.toBe(201);
    expect((await centre.as(binh, 'GET', '/_session')).body.userCtx.name).toBe(binh.name);
  });
});

describe('a centre administrator', () => {
  it("reads every lecturer's sessions", async () => {
    for (const [who, learners] of [[an, 40], [binh, 55]] as const) {
      const reply = await centre.as(headOfFaculty, 'GET', `/${centre.dbOf(who)}/_all_docs?include_docs=true&startkey=${enc('"session:"')}&endkey=${enc('"session:\uffff"')}`);
      expect(reply.status).toBe(200);
      expect(reply.body.rows.map((r: { doc: { learners: number } }) => r.doc.learners)).toContain(learners);
    }
  });

  it('publishes a deck and its media to the library, which lecturers then read', async () => {
    const sha = 'b'.repeat(64);
    // The bytes go inline, as replication sends them (see the last describe for attachment PUT).
    const media = await centre.as(headOfFaculty, 'PUT', `/${LIBRARY_DB}/media:${sha}`, {
      type: 'media', owner: headOfFaculty.name, sha256: sha, mime: 'image/png', size: 5,
      _attachments: { file: { content_type: 'image/png', data: Buffer.from('bytes').toString('base64') } },
    });
    expect(media.status).toBe(201);
    const bytes = await fetch(`${centre.server.url}/${LIBRARY_DB}/media:${sha}/file`, { headers: { Authorization: basic(binh) } });
    expect(await bytes.text()).toBe('bytes');
    const deck = {
      type: 'deck', owner: headOfFaculty.name, deckId: 'pub1', title: 'Lịch sử Đảng', markdown: '# Lịch sử Đảng\n\n![](media/a.png)',
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
      media: [{ path: 'media/a.png', sha256: sha, type: 'image/png', size: 5 }],
      publishedBy: headOfFaculty.name, publishedAt: '2026-02-01T00:00:00.000Z',
    };
    expect((await centre.as(headOfFaculty, 'PUT', `/${LIBRARY_DB}/deck:pub1`, deck)).status).toBe(201);
    const read = await centre.as(binh, 'GET', `/${LIBRARY_DB}/deck:pub1`);
    expect(read.body.title).toBe('Lịch sử Đảng');
    const lying = await centre.as(headOfFaculty, 'PUT', `/${LIBRARY_DB}/deck:pub2`, { ...deck, deckId: 'pub2', owner: an.name });
    expect(lying.status).toBe(403);
  });

  it("cannot write into a lecturer's database, nor change its rules or its _security", async () => {
    const db = centre.dbOf(an);
    refused((await centre.as(headOfFaculty, 'PUT', `/${db}/session:x`, sessionDoc(headOfFaculty.name, 'x', { date: '2026-03-02', cohort: 'other', learners: 1 }))).status);
    refused((await centre.as(headOfFaculty, 'PUT', `/${db}/session:y`, sessionDoc(an.name, 'y', { date: '2026-03-02', cohort: 'other', learners: 1 }))).status);
    const rev = await revOf(`/${db}/_design/lectern`);
    refused((await centre.as(headOfFaculty, 'PUT', `/${db}/_design/lectern`, { _rev: rev, validate_doc_update: 'function(){}' })).status);
    refused((await centre.as(headOfFaculty, 'PUT', `/${db}/_security`, { admins: { names: [headOfFaculty.name] }, members: { names: [] } })).status);
    refused((await centre.as(headOfFaculty, 'PUT', `/${DIRECTORY_DB}/_design/lectern`, { validate_doc_update: 'function(){}' })).status);
  });
});

describe('changing who is an administrator', () => {
  it('a lecturer made administrator reads every lecturer and publishes; made lecturer again, neither', async () => {
    const url = centre.server.url;
    const deck = (id: string) => ({ type: 'deck', owner: binh.name, deckId: id, title: 'Bài của Bình', markdown: '# x', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', media: [] });
    await addUser({ server: url, adminAuth: centre.server.admin, name: binh.name, password: binh.password, admin: true, strictOnPouchdbServer: true });
    expect((await centre.as(binh, 'GET', `/${centre.dbOf(an)}/session:s1`)).status).toBe(200);
    expect((await centre.as(binh, 'GET', `/${DIRECTORY_DB}/_all_docs`)).status).toBe(200);
    expect((await centre.as(binh, 'PUT', `/${LIBRARY_DB}/deck:binh1`, deck('binh1'))).status).toBe(201);

    await addUser({ server: url, adminAuth: centre.server.admin, name: binh.name, password: binh.password, admin: false, strictOnPouchdbServer: true });
    refused((await centre.as(binh, 'GET', `/${centre.dbOf(an)}/session:s1`)).status);
    refused((await centre.as(binh, 'GET', `/${DIRECTORY_DB}/_all_docs`)).status);
    expect((await centre.as(binh, 'PUT', `/${LIBRARY_DB}/deck:binh2`, deck('binh2'))).status).toBe(403);
    // Her own records stay hers.
    expect((await centre.as(binh, 'GET', `/${centre.dbOf(binh)}/session:s9`)).status).toBe(200);
  });
});

describe('what pouchdb-server does not enforce (CouchDB 3 does; docs/centre-server.md)', () => {
  it("lets anyone read any document through _bulk_get and _find, whatever _security says", async () => {
    const db = centre.dbOf(an);
    const bulkGet = await centre.as(undefined, 'POST', `/${db}/_bulk_get`, { docs: [{ id: 'session:s1' }] });
    const find = await centre.as(undefined, 'POST', `/${db}/_find`, { selector: { type: 'session' } });
    // If one of these starts failing, pouchdb-server closed the hole: update the docs page.
    expect(bulkGet.body.results[0].docs[0].ok.learners).toBe(40);
    expect(find.body.docs.length).toBeGreaterThan(0);
  });

  it('refuses a standalone attachment PUT even from the centre administrator (its rules see no user)', async () => {
    const sha = 'c'.repeat(64);
    const media = await centre.as(headOfFaculty, 'PUT', `/${LIBRARY_DB}/media:${sha}`, { type: 'media', owner: headOfFaculty.name, sha256: sha, mime: 'image/png', size: 5 });
    expect(media.status).toBe(201);
    const attached = await centre.as(headOfFaculty, 'PUT', `/${LIBRARY_DB}/media:${sha}/file?rev=${media.body.rev}`, 'bytes', 'image/png');
    expect(attached.status).toBe(403);
  });

  it('lets a centre administrator, as a database admin of the library, write its design documents (as CouchDB does)', async () => {
    // Trusted by design (they publish); the directory and lecturers' databases give them no such power.
    const written = await centre.as(headOfFaculty, 'PUT', `/${LIBRARY_DB}/_design/probe`, { language: 'javascript', views: {} });
    expect(written.status).toBe(201);
  });
});
