// A centre on a real pouchdb-server, prepared by @lectern/centre's own setupCentre and addUser
// (what `lectern centre setup` / `add-user` run), so the app's tests meet the real databases,
// `_security` and validation rules; and helpers acting over HTTP as any user, so what a test
// writes passes (or fails) the server's rules as a lecturer's or administrator's writes would.
// The one test-centre preparation: e2e tests, the bench and (through centre-commands.ts) the
// browser tests all use it.
import { LIBRARY_DB, addUser, docId, setupCentre, userDbName } from '@lectern/centre';
import type { CentreServer } from './centre-server.ts';

export interface Account {
  name: string;
  password: string;
}

/** The Basic auth header of `account` (the server's administrator: `server.admin`). */
export function basicAuth(account: Account): string {
  return 'Basic ' + Buffer.from(`${account.name}:${account.password}`).toString('base64');
}

async function call(server: CentreServer, as: Account, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(server.url + path, {
    method,
    headers: { Authorization: basicAuth(as), 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function ok(reply: Promise<Response>, what: string, allowed: number[] = []): Promise<unknown> {
  const r = await reply;
  const text = await r.text();
  if (!r.ok && !allowed.includes(r.status)) throw new Error(`${what}: ${r.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export class CentreFixture {
  private constructor(readonly server: CentreServer) {}

  get admin(): Account {
    return this.server.admin;
  }

  /** `lectern centre setup` on the server. */
  static async setup(server: CentreServer): Promise<CentreFixture> {
    await setupCentre({ server: server.url, admin: server.admin });
    return new CentreFixture(server);
  }

  /** A server already set up (again after a restart of its command, say). */
  static attach(server: CentreServer): CentreFixture {
    return new CentreFixture(server);
  }

  /** `lectern centre add-user` (with admin: a centre administrator). On pouchdb-server the
   *  lecturer's database gets no write rule, as add-user leaves it there (pouchdb-server#272). */
  async addUser(account: Account, options: { admin?: boolean } = {}): Promise<void> {
    await addUser({ server: this.server.url, adminAuth: this.admin, name: account.name, password: account.password, admin: options.admin === true });
  }

  /** Takes the administrator role away, as a centre does: add-user again without --admin. */
  async demote(account: Account): Promise<void> {
    await this.addUser(account, { admin: false });
  }

  /** Writes `doc` to `db` as `account` (Basic auth), returning the server's reply. */
  put(account: Account, db: string, doc: { _id: string } & Record<string, unknown>): Promise<Response> {
    return call(this.server, account, 'PUT', `/${db}/${encodeURIComponent(doc._id)}`, doc);
  }

  /** Reads a document as `account` (undefined when there is none). */
  async get(account: Account, db: string, id: string): Promise<Record<string, unknown> | undefined> {
    const reply = await call(this.server, account, 'GET', `/${db}/${encodeURIComponent(id)}`);
    if (reply.status === 404) return undefined;
    if (!reply.ok) throw new Error(`get ${id}: ${reply.status}`);
    return (await reply.json()) as Record<string, unknown>;
  }

  /** Writes a session of `account` into their own database, as they would through sync. */
  async addSession(
    account: Account,
    session: { sessionId: string; date: string; cohort: string; learners: number; minutes: number; className: string; deckTitle: string; deckId?: string },
  ): Promise<void> {
    const now = new Date().toISOString();
    const doc = { _id: docId.session(session.sessionId), type: 'session', owner: account.name, createdAt: now, updatedAt: now, ...session };
    await ok(this.put(account, userDbName(account.name), doc), `session ${session.sessionId}`);
  }

  /** Several documents as `account` in one `_bulk_docs` (the path replication writes through),
   *  each accepted by the server's rules or the call fails. */
  async bulk(account: Account, db: string, docs: ({ _id: string } & Record<string, unknown>)[]): Promise<void> {
    const results = (await ok(call(this.server, account, 'POST', `/${db}/_bulk_docs`, { docs }), `bulk ${db}`)) as { id?: string; ok?: boolean; error?: string; reason?: string }[];
    const refused = results.filter((r) => !r.ok);
    if (refused.length > 0) throw new Error(`bulk ${db}: ${refused.map((r) => `${r.id} ${r.error}: ${r.reason}`).join('; ')}`);
  }

  /** Puts `bytes` as the media document `media:<sha256>` with its attachment, as `account`, in one
   *  multipart/related PUT, as the app publishes media.
   *  The sha256 is the caller's: a test may make it lie. */
  async putMedia(account: Account, sha256: string, bytes: Uint8Array<ArrayBuffer>, mime: string): Promise<void> {
    const id = docId.media(sha256);
    const doc = { _id: id, type: 'media', owner: account.name, sha256, mime, size: bytes.byteLength, _attachments: { file: { follows: true, content_type: mime, length: bytes.byteLength } } };
    const boundary = 'fixture-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(doc)}\r\n--${boundary}\r\nContent-Type: ${mime}\r\nContent-Disposition: attachment; filename="file"\r\n\r\n`),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    await ok(
      fetch(`${this.server.url}/${LIBRARY_DB}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { Authorization: basicAuth(account), 'Content-Type': `multipart/related; boundary="${boundary}"` },
        body,
      }),
      `media ${sha256}`,
    );
  }
}
