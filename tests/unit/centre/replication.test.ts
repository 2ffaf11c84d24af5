// The rules hold on the replication path: a lecturer's PouchDB replicating to the server (what
// the app does) gets their own records through and everything else refused, document by
// document, and nothing they were refused appears on the server.
import { LIBRARY_DB } from '@lectern/centre';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDb, remoteDb } from '../../support/pouch-node.ts';
import { an, binh, headOfFaculty, sessionDoc, startCentre, type Centre } from './centre-fixture.ts';

let centre: Centre;

beforeAll(async () => {
  centre = await startCentre();
}, 180_000);

afterAll(async () => {
  await centre?.server.stop();
});

const deckDoc = (owner: string, id: string) => ({
  _id: `deck:${id}`,
  type: 'deck',
  owner,
  deckId: id,
  title: 'Kinh tế chính trị',
  markdown: '# Kinh tế chính trị\n\nGiá trị thặng dư',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  media: [{ path: 'media/sơ-đồ.png', sha256: 'd'.repeat(64), type: 'image/png', size: 4 }],
});

describe('PouchDB replication as a lecturer', () => {
  it('pushes their own records, media inline, and refuses a record whose owner lies', async () => {
    const local = localDb('an');
    await local.bulkDocs([
      sessionDoc(an.name, 'r1', { date: '2026-02-10', cohort: 'candidates', learners: 31 }),
      deckDoc(an.name, 'k1'),
      { _id: `media:${'d'.repeat(64)}`, type: 'media', owner: an.name, sha256: 'd'.repeat(64), mime: 'image/png', size: 4, _attachments: { file: { content_type: 'image/png', data: Buffer.from('PNG!').toString('base64') } } },
      sessionDoc(binh.name, 'r2', { date: '2026-02-11', cohort: 'candidates', learners: 999 }),
    ]);
    const result = await local.replicate.to(remoteDb(centre.server.url, centre.dbOf(an), an));
    expect(result.ok).toBe(true);
    expect(result.docs_written).toBe(3);
    expect(result.doc_write_failures).toBe(1);
    const onServer = await centre.as(an, 'GET', `/${centre.dbOf(an)}/_all_docs`);
    expect(onServer.body.rows.map((r: { id: string }) => r.id).filter((id: string) => !id.startsWith('_design/')).sort()).toEqual(['deck:k1', `media:${'d'.repeat(64)}`, 'session:r1']);
    const bytes = await fetch(`${centre.server.url}/${centre.dbOf(an)}/media:${'d'.repeat(64)}/file`, { headers: { Authorization: 'Basic ' + Buffer.from(`${an.name}:${an.password}`).toString('base64') } });
    expect(await bytes.text()).toBe('PNG!');
  });

  it("cannot replicate into a colleague's database, even records naming the colleague as owner", async () => {
    const local = localDb('an-forges');
    await local.put(sessionDoc(binh.name, 'forged', { date: '2026-02-10', cohort: 'other', learners: 500 }));
    const outcome = await local.replicate.to(remoteDb(centre.server.url, centre.dbOf(binh), an)).then(
      (result) => ({ written: result.docs_written }),
      (error: { status?: number }) => ({ status: error.status }),
    );
    if ('written' in outcome) expect(outcome.written).toBe(0);
    else expect([401, 403]).toContain(outcome.status);
    const binhSees = await centre.as(binh, 'GET', `/${centre.dbOf(binh)}/_all_docs`);
    expect(binhSees.body.rows.map((r: { id: string }) => r.id)).not.toContain('session:forged');
  });

  it("cannot pull a colleague's records", async () => {
    const error = await localDb('an-pulls').replicate.from(remoteDb(centre.server.url, centre.dbOf(binh), an)).then(
      () => null,
      (e: { status?: number }) => e,
    );
    expect([401, 403]).toContain(error?.status);
  });

  it('pulls the centre library but cannot push to it; the administrator publishes through replication', async () => {
    const desk = localDb('head');
    await desk.put({ ...deckDoc(headOfFaculty.name, 'pub'), publishedBy: headOfFaculty.name, publishedAt: '2026-02-01T00:00:00.000Z' });
    const published = await desk.replicate.to(remoteDb(centre.server.url, LIBRARY_DB, headOfFaculty));
    expect(published.docs_written).toBe(1);

    const local = localDb('an-library');
    const pulled = await local.replicate.from(remoteDb(centre.server.url, LIBRARY_DB, an), { doc_ids: ['deck:pub'] });
    expect(pulled.docs_written).toBe(1);
    const copy = await local.get<{ title: string; markdown: string }>('deck:pub');
    await local.put({ ...copy, markdown: copy.markdown + '\n\nSửa trộm' });
    const pushed = await local.replicate.to(remoteDb(centre.server.url, LIBRARY_DB, an));
    expect(pushed.docs_written).toBe(0);
    expect(pushed.doc_write_failures).toBe(1);
    const onServer = await centre.as(binh, 'GET', `/${LIBRARY_DB}/deck:pub`);
    expect(onServer.body.markdown).not.toContain('Sửa trộm');
  });
});
