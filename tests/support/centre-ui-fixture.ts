// A centre prepared over HTTP as the server administrator, the way the contract of issue 16 says
// the setup leaves it: the shared library (every member reads, only centre administrators write,
// each document's `owner` = its writer), the directory of lecturers (administrators only), and one
// database per lecturer (only its owner writes; administrators read). For the Centre library and
// Whole-centre report tests until the CLI's `lectern centre setup` / `add-user` are merged.
import { DIRECTORY_DB, LIBRARY_DB, docId, userDbName } from '@lectern/centre';
import type { CentreServer } from './centre-server.ts';

export interface Account {
  name: string;
  password: string;
}

const basic = (account: Account) => 'Basic ' + Buffer.from(`${account.name}:${account.password}`).toString('base64');

async function call(server: CentreServer, as: Account, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(server.url + path, {
    method,
    headers: { Authorization: basic(as), 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function ok(reply: Promise<Response>, what: string, allowed: number[] = []): Promise<unknown> {
  const r = await reply;
  const text = await r.text();
  if (!r.ok && !allowed.includes(r.status)) throw new Error(`${what}: ${r.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

interface Security {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/** Only centre administrators (names in _security.admins) write, and as themselves. */
const LIBRARY_VALIDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var admins = (secObj && secObj.admins && secObj.admins.names) || [];
  if (admins.indexOf(userCtx.name) === -1) throw({ forbidden: 'only centre administrators publish to the centre library' });
  if (!newDoc._deleted && newDoc.owner !== userCtx.name) throw({ forbidden: 'owner must be the writer' });
}`;

const ownerValidate = (owner: string) => `function (newDoc, oldDoc, userCtx) {
  var owner = ${JSON.stringify(owner)};
  if (userCtx.name !== owner) throw({ forbidden: 'only ' + owner + ' writes here' });
  if (!newDoc._deleted && newDoc.owner !== owner) throw({ forbidden: 'owner must be ' + owner });
}`;

export class CentreFixture {
  private constructor(readonly server: CentreServer) {}

  get admin(): Account {
    return this.server.admin;
  }

  /** Creates the library and the directory, closed to everyone but server admins until users come. */
  static async setup(server: CentreServer): Promise<CentreFixture> {
    const fixture = new CentreFixture(server);
    const closed: Security = { admins: { names: [], roles: [] }, members: { names: [], roles: ['_admin'] } };
    for (const db of [LIBRARY_DB, DIRECTORY_DB]) {
      await ok(call(server, server.admin, 'PUT', `/${db}`), `create ${db}`, [412]);
      await ok(call(server, server.admin, 'PUT', `/${db}/_security`, closed), `security ${db}`);
    }
    await ok(call(server, server.admin, 'PUT', `/${LIBRARY_DB}/_design/lectern`, { validate_doc_update: LIBRARY_VALIDATE }), 'library validation');
    return fixture;
  }

  private async security(db: string): Promise<Security> {
    const s = (await ok(call(this.server, this.admin, 'GET', `/${db}/_security`), `read ${db} security`)) as Partial<Security>;
    return {
      admins: { names: s.admins?.names ?? [], roles: s.admins?.roles ?? [] },
      members: { names: s.members?.names ?? [], roles: s.members?.roles ?? [] },
    };
  }

  private async setSecurity(db: string, security: Security): Promise<void> {
    await ok(call(this.server, this.admin, 'PUT', `/${db}/_security`, security), `security ${db}`);
  }

  /** Centre administrators (names), as the library's _security holds them. */
  async centreAdmins(): Promise<string[]> {
    return (await this.security(LIBRARY_DB)).admins.names;
  }

  /** A lecturer (or, with admin, a centre administrator): user, own database, directory entry. */
  async addUser(account: Account, options: { admin?: boolean } = {}): Promise<void> {
    const { server } = this;
    await ok(
      call(server, this.admin, 'PUT', `/_users/${encodeURIComponent(`org.couchdb.user:${account.name}`)}`, {
        name: account.name,
        password: account.password,
        roles: [],
        type: 'user',
      }),
      `user ${account.name}`,
    );
    const library = await this.security(LIBRARY_DB);
    library.members.names = [...new Set([...library.members.names, account.name])];
    if (options.admin) library.admins.names = [...new Set([...library.admins.names, account.name])];
    await this.setSecurity(LIBRARY_DB, library);
    const admins = library.admins.names;

    const db = userDbName(account.name);
    await ok(call(server, this.admin, 'PUT', `/${db}`), `create ${db}`, [412]);
    await this.setSecurity(db, { admins: { names: admins, roles: [] }, members: { names: [account.name], roles: [] } });
    await ok(call(server, this.admin, 'PUT', `/${db}/_design/lectern`, { validate_doc_update: ownerValidate(account.name) }), `validation ${db}`);

    await this.setSecurity(DIRECTORY_DB, { admins: { names: admins, roles: [] }, members: { names: admins, roles: ['_admin'] } });
    await ok(
      call(server, this.admin, 'PUT', `/${DIRECTORY_DB}/${encodeURIComponent(docId.lecturer(account.name))}`, {
        type: 'lecturer',
        name: account.name,
        db,
        admin: options.admin === true,
        owner: this.admin.name,
      }),
      `directory ${account.name}`,
    );
    // A new administrator reads every lecturer's database.
    if (options.admin) {
      const all = (await ok(call(server, this.admin, 'GET', `/${DIRECTORY_DB}/_all_docs?include_docs=true`), 'directory')) as {
        rows: { doc: { db?: string; name?: string } }[];
      };
      for (const row of all.rows) {
        if (!row.doc.db || row.doc.db === db) continue;
        const security = await this.security(row.doc.db);
        security.admins.names = admins;
        await this.setSecurity(row.doc.db, security);
      }
    }
  }

  /** Takes the administrator role away (the library's _security only), as a centre would. */
  async demote(name: string): Promise<void> {
    const library = await this.security(LIBRARY_DB);
    library.admins.names = library.admins.names.filter((n) => n !== name);
    await this.setSecurity(LIBRARY_DB, library);
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

  /** Several documents as `account` (hostile or bulk content for a test), one PUT each:
   *  pouchdb-server's `_bulk_docs` does not hand `_security` to validate_doc_update, so the
   *  library's rule refuses even an administrator there. */
  async bulk(account: Account, db: string, docs: ({ _id: string } & Record<string, unknown>)[]): Promise<void> {
    for (const doc of docs) await ok(this.put(account, db, doc), `put ${doc._id} in ${db}`);
  }

  /** Puts `bytes` as the media document `media:<sha256>` with its attachment, as `account`, in one
   *  multipart/related PUT (pouchdb-server validates an attachment-only PUT without _security).
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
        headers: { Authorization: basic(account), 'Content-Type': `multipart/related; boundary="${boundary}"` },
        body,
      }),
      `media ${sha256}`,
    );
  }
}

/** Logs `account` in from the app's page (the session cookie lands in that browser profile) and
 *  keeps `{server, user}` where src/sync/centre-session.ts reads it. The Settings group "Centre
 *  sync" does the same once it exists. */
export function loginScript(server: string, account: Account): string {
  return `(async () => {
    const reply = await fetch(${JSON.stringify(server + '/_session')}, {
      method: 'POST', credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(${JSON.stringify({ name: account.name, password: account.password })}),
    });
    if (!reply.ok) throw new Error('login ' + reply.status);
    localStorage.setItem('lectern.centre', ${JSON.stringify(JSON.stringify({ server, user: account.name }))});
  })()`;
}
