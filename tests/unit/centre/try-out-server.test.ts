// On pouchdb-server, the try-out server, add-user leaves a lecturer's database without its write
// rule: pouchdb-server 4.2 silently drops every replicated update into a database that has one
// (pouchdb/pouchdb-server#272). This proves what that buys and what still holds there: a
// lecturer's second edit reaches the server by replication, and the member list still keeps every
// other lecturer out. (With the rule, the same second edit is lost: shown last, so a pouchdb-server
// that fixes the bug makes this test say so.)
import { addUser, userDbName } from '@lectern/centre';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentreServer, type CentreServer } from '../../support/centre-server.ts';
import { localDb, remoteDb } from '../../support/pouch-node.ts';

const an = { name: 'nguyễn.văn.an', password: 'mật khẩu của An' };
const binh = { name: 'trần.thị.bình', password: 'mật khẩu của Bình' };
let server: CentreServer;

beforeAll(async () => {
  server = await startCentreServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const session = (learners: number) => ({
  _id: 'session:s1',
  type: 'session',
  owner: an.name,
  sessionId: 's1',
  deckTitle: 'Nghị quyết Đại hội XIII',
  date: '2026-03-02',
  className: 'Lớp đối tượng kết nạp Đảng',
  cohort: 'candidates',
  learners,
  minutes: 90,
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
});

async function editTwiceAndRead(local: ReturnType<typeof localDb>): Promise<number> {
  const remote = remoteDb(server.url, userDbName(an.name), an);
  const first = await local.put(session(30));
  await local.replicate.to(remote);
  await local.put({ ...session(42), _rev: first.rev });
  await local.replicate.to(remote);
  const onServer = await fetch(`${server.url}/${userDbName(an.name)}/session:s1`, {
    headers: { Authorization: 'Basic ' + Buffer.from(`${an.name}:${an.password}`).toString('base64') },
  });
  return ((await onServer.json()) as { learners: number }).learners;
}

describe('add-user on pouchdb-server', () => {
  it('says the lecturer database is guarded by its members only, and a second edit reaches the server', async () => {
    const added = await addUser({ server: server.url, adminAuth: server.admin, name: an.name, password: an.password, admin: false });
    await addUser({ server: server.url, adminAuth: server.admin, name: binh.name, password: binh.password, admin: false });
    expect(added.warnings).toEqual(['no-owner-rule']);
    expect(await editTwiceAndRead(localDb('an-try-out'))).toBe(42);
  });

  it('still keeps another lecturer out of that database', async () => {
    const reply = await fetch(`${server.url}/${userDbName(an.name)}/session:x`, {
      method: 'PUT',
      headers: { Authorization: 'Basic ' + Buffer.from(`${binh.name}:${binh.password}`).toString('base64'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...session(1), _id: 'session:x', owner: binh.name }),
    });
    expect([401, 403]).toContain(reply.status);
  });

  it('with the rule installed (strict), pouchdb-server drops the second replicated edit', async () => {
    const strict = await addUser({ server: server.url, adminAuth: server.admin, name: an.name, password: an.password, admin: false, strictOnPouchdbServer: true });
    expect(strict.warnings).toEqual([]);
    await fetch(`${server.url}/${userDbName(an.name)}`, { method: 'DELETE', headers: { Authorization: 'Basic ' + Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64') } });
    await addUser({ server: server.url, adminAuth: server.admin, name: an.name, password: an.password, admin: false, strictOnPouchdbServer: true });
    expect(await editTwiceAndRead(localDb('an-strict'))).toBe(30);
  });
});
