// Prepares a centre server the way the centre contract describes, for the app's sync tests: a
// lecturer in `_users` and their own database `lectern-u-<hex>` whose `_security` lets only them
// in. Written with the server administrator over HTTP. (The CLI's `lectern centre add-user` does
// the same and more; these tests can switch to it once it exists.)
// The package's public entry by path: this file is also loaded by vitest.config.ts (browser
// commands), whose loader cannot resolve a workspace package written in TypeScript.
import { userDbName } from '../../packages/centre/src/index.ts';
import type { CentreServer } from './centre-server.ts';

export interface Lecturer {
  name: string;
  password: string;
}

export function adminAuth(server: Pick<CentreServer, 'admin'>): string {
  return 'Basic ' + Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64');
}

async function expectStatus(reply: Response, ok: number[], what: string): Promise<void> {
  if (!ok.includes(reply.status)) throw new Error(`${what}: ${reply.status} ${await reply.text()}`);
}

/** Creates the lecturer and their database (again: nothing changes). */
export async function addLecturer(server: Pick<CentreServer, 'url' | 'admin'>, lecturer: Lecturer): Promise<string> {
  const auth = adminAuth(server);
  const json = { Authorization: auth, 'Content-Type': 'application/json' };
  const userUrl = `${server.url}/_users/${encodeURIComponent(`org.couchdb.user:${lecturer.name}`)}`;
  const existing = await fetch(userUrl, { headers: { Authorization: auth } });
  if (existing.status === 404) {
    await expectStatus(
      await fetch(userUrl, { method: 'PUT', headers: json, body: JSON.stringify({ name: lecturer.name, password: lecturer.password, roles: [], type: 'user' }) }),
      [201],
      'create user',
    );
  }
  const db = `${server.url}/${userDbName(lecturer.name)}`;
  await expectStatus(await fetch(db, { method: 'PUT', headers: { Authorization: auth } }), [201, 412], 'create database');
  await expectStatus(
    await fetch(`${db}/_security`, { method: 'PUT', headers: json, body: JSON.stringify({ members: { names: [lecturer.name], roles: [] }, admins: { names: [], roles: [] } }) }),
    [200],
    'security',
  );
  return db;
}
