// `lectern centre setup` and `lectern centre add-user`: the centre server's databases, their
// `_security` and validation rules, and its users. Idempotent: running either again with the same
// arguments changes nothing, and a run cut short is finished by the next one. Needs the server
// administrator's credentials (creating databases and users is theirs on CouchDB).
import { DIRECTORY_DB, LIBRARY_DB, docId, userDbName, userOfDb } from './names.ts';
import { CentreServerError, ServerClient, objectBody, segment, type Credentials } from './server-client.ts';
import { DESIGN_DOC_ID, DIRECTORY_VALIDATE, libraryValidate, userDbValidate } from './validate-functions.ts';

/** Which server answers: setup does on Apache CouchDB what pouchdb-server has no place for. */
export type ServerKind = 'couchdb' | 'pouchdb-server' | 'other';

export interface SetupOptions {
  server: string;
  /** The server administrator. */
  admin: Credentials;
  /** Origins the app is served from (CouchDB: CORS with credentials for them). */
  appOrigins?: readonly string[];
}

export interface SetupResult {
  kind: ServerKind;
  /** What this run changed ("lectern-library", "lectern-library/_security", "cors"…); empty when
   *  everything was already in place. */
  changed: string[];
  /** Things setup does not change but the centre should know (e.g. require_valid_user is on). */
  warnings: Array<'require-valid-user'>;
}

interface Security {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];

function readSecurity(body: Record<string, unknown>): Security {
  const part = (key: 'admins' | 'members') => {
    const value = body[key];
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    return { names: names(record.names), roles: names(record.roles) };
  };
  return { admins: part('admins'), members: part('members') };
}

const unique = (list: readonly string[]) => [...new Set(list)];
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

class Centre {
  readonly changed: string[] = [];
  constructor(readonly client: ServerClient) {}

  async ensureDb(db: string): Promise<void> {
    const reply = await this.client.json('PUT', `/${segment(db)}`, undefined, [412]);
    if (reply.status !== 412) this.changed.push(db);
  }

  async security(db: string): Promise<Security> {
    return readSecurity(objectBody(await this.client.json('GET', `/${segment(db)}/_security`), `/${db}/_security`));
  }

  /** Sets `_security` to what `decide` makes of the current one; writes only on a change. */
  async updateSecurity(db: string, decide: (current: Security) => Security): Promise<Security> {
    const current = await this.security(db);
    const next = decide(current);
    const sorted = (s: Security): Security => ({
      admins: { names: unique(s.admins.names).sort(), roles: unique(s.admins.roles).sort() },
      members: { names: unique(s.members.names).sort(), roles: unique(s.members.roles).sort() },
    });
    const a = sorted(current);
    const b = sorted(next);
    const same =
      sameList(a.admins.names, b.admins.names) && sameList(a.admins.roles, b.admins.roles) &&
      sameList(a.members.names, b.members.names) && sameList(a.members.roles, b.members.roles);
    if (!same) {
      await this.client.json('PUT', `/${segment(db)}/_security`, b);
      this.changed.push(`${db}/_security`);
    }
    return b;
  }

  /** Puts `fields` as document `id` when it is missing or differs in any of those fields. */
  async ensureDoc(db: string, id: string, fields: Record<string, unknown>): Promise<void> {
    const path = `/${segment(db)}/${segment(id)}`;
    const reply = await this.client.json('GET', path, undefined, [404]);
    const existing = reply.status === 404 ? undefined : objectBody(reply, path);
    if (existing && Object.entries(fields).every(([key, value]) => JSON.stringify(existing[key]) === JSON.stringify(value))) return;
    await this.client.json('PUT', path, { ...fields, _id: id, ...(existing && typeof existing._rev === 'string' ? { _rev: existing._rev } : {}) });
    this.changed.push(`${db}/${id}`);
  }

  async ensureRules(db: string, validate: string): Promise<void> {
    await this.ensureDoc(db, DESIGN_DOC_ID, { language: 'javascript', validate_doc_update: validate });
  }

  /** Deletes the database's rules document when there is one. */
  async removeRules(db: string): Promise<void> {
    const path = `/${segment(db)}/${segment(DESIGN_DOC_ID)}`;
    const reply = await this.client.json('GET', path, undefined, [404]);
    if (reply.status === 404) return;
    const rev = objectBody(reply, path)._rev;
    if (typeof rev !== 'string') throw new CentreServerError('bad-reply', { path });
    await this.client.json('DELETE', `${path}?rev=${encodeURIComponent(rev)}`);
    this.changed.push(`${db}/${DESIGN_DOC_ID}`);
  }
}

async function serverKind(client: ServerClient): Promise<ServerKind> {
  const welcome = objectBody(await client.json('GET', '/'), '/');
  if ('couchdb' in welcome) return 'couchdb';
  if ('express-pouchdb' in welcome) return 'pouchdb-server';
  return 'other';
}

/** Checks the credentials are the server administrator's: 'refused' (wrong password) or
 *  'forbidden' (a valid user who is not the server administrator). */
async function requireServerAdmin(client: ServerClient): Promise<void> {
  const session = objectBody(await client.json('GET', '/_session'), '/_session');
  const ctx = session.userCtx;
  const roles = typeof ctx === 'object' && ctx !== null ? names((ctx as Record<string, unknown>).roles) : [];
  const name = typeof ctx === 'object' && ctx !== null ? (ctx as Record<string, unknown>).name : null;
  if (typeof name !== 'string' || name === '') throw new CentreServerError('refused', { path: '/_session' });
  if (!roles.includes('_admin')) throw new CentreServerError('forbidden', { path: '/_session', reason: 'not the server administrator' });
}

/** CouchDB's configuration of this node: CORS for the app's origins, `_users`. */
async function configureCouchDb(centre: Centre, origins: readonly string[], warnings: SetupResult['warnings']): Promise<void> {
  await centre.ensureDb('_users');
  const config = '/_node/_local/_config';
  const get = async (section: string, key: string): Promise<string | undefined> => {
    const reply = await centre.client.json('GET', `${config}/${section}/${key}`, undefined, [404]);
    return reply.status === 404 || typeof reply.body !== 'string' ? undefined : reply.body;
  };
  const set = async (section: string, key: string, value: string) => {
    if ((await get(section, key)) === value) return;
    await centre.client.json('PUT', `${config}/${section}/${key}`, value);
    centre.changed.push(`${section}/${key}`);
  };
  if ((await get('chttpd', 'require_valid_user')) === 'true') warnings.push('require-valid-user');
  if (origins.length === 0) return;
  const current = (await get('cors', 'origins')) ?? '';
  const list = unique([...current.split(',').map((o) => o.trim()).filter((o) => o !== '' && o !== '*'), ...origins]);
  await set('chttpd', 'enable_cors', 'true');
  await set('cors', 'origins', list.join(','));
  // Credentials with CORS: the session cookie and Basic auth cross from the app's origin.
  await set('cors', 'credentials', 'true');
  await set('cors', 'headers', 'accept, authorization, content-type, origin, referer');
  await set('cors', 'methods', 'GET, PUT, POST, HEAD, DELETE');
}

/** An app origin as CORS compares it: scheme://host[:port], nothing else. */
export function appOrigin(address: string): string | null {
  try {
    const url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

// Centre administrators read the directory and every lecturer's database as MEMBERS, not as
// database admins: a database admin may rewrite the design document holding the rules (neither
// server validates design documents) and `_security`. Only the library makes them database admins,
// because publishing there is theirs (its rule reads `_security.admins.names`).
/** Members always include the server administrator's role, as CouchDB 3's own admin-only default
 *  does: an empty members list would make a database public on both servers (before the first
 *  centre administrator is added, the directory would be readable by anyone). */
const SERVER_ADMIN_ROLE = '_admin';

const directorySecurity = (centreAdmins: readonly string[]): Security => ({
  admins: { names: [], roles: [] },
  members: { names: [...centreAdmins], roles: [SERVER_ADMIN_ROLE] },
});

const userDbSecurity = (lecturer: string, centreAdmins: readonly string[]): Security => ({
  admins: { names: [], roles: [] },
  members: { names: [lecturer, ...centreAdmins], roles: [SERVER_ADMIN_ROLE] },
});

async function prepare(centre: Centre): Promise<Security> {
  await centre.ensureDb(LIBRARY_DB);
  await centre.ensureDb(DIRECTORY_DB);
  // Every centre administrator is also a member; the list of members is kept as add-user left it.
  const library = await centre.updateSecurity(LIBRARY_DB, (s) => ({
    admins: { names: s.admins.names, roles: [] },
    members: { names: [...s.members.names, ...s.admins.names], roles: [SERVER_ADMIN_ROLE] },
  }));
  await centre.updateSecurity(DIRECTORY_DB, () => directorySecurity(library.admins.names));
  await centre.ensureRules(LIBRARY_DB, libraryValidate(library.admins.names));
  await centre.ensureRules(DIRECTORY_DB, DIRECTORY_VALIDATE);
  return library;
}

/**
 * setupCentre({ server: 'http://127.0.0.1:5984', admin: { name: 'admin', password } })
 * => { kind: 'couchdb', changed: ['lectern-library', …], warnings: [] }
 */
export async function setupCentre(options: SetupOptions): Promise<SetupResult> {
  const client = new ServerClient(options.server, options.admin);
  const kind = await serverKind(client);
  await requireServerAdmin(client);
  const centre = new Centre(client);
  const warnings: SetupResult['warnings'] = [];
  if (kind === 'couchdb') await configureCouchDb(centre, options.appOrigins ?? [], warnings);
  await prepare(centre);
  return { kind, changed: centre.changed, warnings };
}

export interface AddUserOptions {
  server: string;
  /** The server administrator. */
  adminAuth: Credentials;
  name: string;
  password: string;
  /** A centre administrator: publishes to the library, reads every lecturer's records. Without it
   *  the user is a lecturer (an administrator added again without it becomes a lecturer). */
  admin: boolean;
  /** Install the lecturer database's write rule on pouchdb-server too. By default it is left out
   *  there: pouchdb-server 4.2 silently drops every update that arrives by replication into a
   *  database that has any `validate_doc_update` (pouchdb/pouchdb-server#272), so with the rule a
   *  lecturer's edits would never reach the server. Tests that prove the rule itself set this. */
  strictOnPouchdbServer?: boolean;
}

export interface AddUserResult {
  /** The user did not exist before. */
  created: boolean;
  db: string;
  changed: string[];
  /** 'no-owner-rule': on pouchdb-server, the lecturer's database is guarded by its member list
   *  only (only that lecturer and the centre administrators reach it; nothing checks `owner`). */
  warnings: Array<'no-owner-rule'>;
}

/** A user name CouchDB and Basic auth can carry: not empty, no ':' (Basic auth splits there),
 *  not starting with '_' (reserved), no control characters, at most 200 characters. */
export function isUserName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && !name.includes(':') && !name.startsWith('_') && !/[\u0000-\u001f\u007f]/.test(name) && name.trim() === name;
}

/** Whether the server already takes `password` for `name` (Basic auth on `_session`). */
async function passwordWorks(server: string, name: string, password: string): Promise<boolean> {
  try {
    const session = objectBody(await new ServerClient(server, { name, password }).json('GET', '/_session'), '/_session');
    const ctx = session.userCtx;
    return typeof ctx === 'object' && ctx !== null && (ctx as Record<string, unknown>).name === name;
  } catch (error) {
    if (error instanceof CentreServerError && error.code === 'refused') return false;
    throw error;
  }
}

export async function addUser(options: AddUserOptions): Promise<AddUserResult> {
  const { password, admin } = options;
  // One spelling per name: a Vietnamese name pasted in decomposed form (NFD, as some macOS
  // programs give it) would otherwise be another user, with another database, than the same name
  // typed in the app (NFC).
  const name = options.name.normalize('NFC');
  if (!isUserName(name)) throw new CentreServerError('bad-name');
  if (password === '') throw new CentreServerError('bad-name', { reason: 'empty password' });
  const client = new ServerClient(options.server, options.adminAuth);
  await requireServerAdmin(client);
  const centre = new Centre(client);
  await prepare(centre);
  const ownerRule = options.strictOnPouchdbServer === true || (await serverKind(client)) !== 'pouchdb-server';

  // The user's account: CouchDB hashes the password when the document is written.
  const userPath = `/_users/${segment(`org.couchdb.user:${name}`)}`;
  const existingReply = await client.json('GET', userPath, undefined, [404]);
  const existing = existingReply.status === 404 ? undefined : objectBody(existingReply, userPath);
  const roles = existing ? names(existing.roles).filter((role) => !role.startsWith('_')) : [];
  // Writing the user document again (a new salt) ends every session the user has: running add-user
  // again to change --admin would log the lecturer out of the app in every browser. So the
  // document is written only when the user is new, the password is another, or roles need cleaning.
  const keep = existing !== undefined && sameList(roles, names(existing.roles)) && (await passwordWorks(options.server, name, password));
  if (!keep) {
    await client.json('PUT', userPath, {
      _id: `org.couchdb.user:${name}`,
      ...(existing && typeof existing._rev === 'string' ? { _rev: existing._rev } : {}),
      type: 'user',
      name,
      roles,
      password,
    });
    centre.changed.push(userPath.slice(1));
  }

  const library = await centre.updateSecurity(LIBRARY_DB, (s) => ({
    admins: { names: admin ? [...s.admins.names, name] : s.admins.names.filter((n) => n !== name), roles: [] },
    members: { names: [...s.members.names, name], roles: [SERVER_ADMIN_ROLE] },
  }));
  const admins = library.admins.names;
  await centre.ensureRules(LIBRARY_DB, libraryValidate(admins));
  await centre.updateSecurity(DIRECTORY_DB, () => directorySecurity(admins));

  const db = userDbName(name);
  await centre.ensureDb(db);
  if (ownerRule) await centre.ensureRules(db, userDbValidate(name));
  else await centre.removeRules(db);
  // Every lecturer's database: read by its lecturer and every centre administrator (the centre
  // report), written by its lecturer alone (the validation above).
  const all = await client.json('GET', '/_all_dbs');
  const userDbs = Array.isArray(all.body) ? all.body.filter((d): d is string => typeof d === 'string' && userOfDb(d) !== null) : [];
  for (const other of unique([db, ...userDbs])) {
    await centre.updateSecurity(other, () => userDbSecurity(userOfDb(other)!, admins));
  }
  await centre.ensureDoc(DIRECTORY_DB, docId.lecturer(name), {
    type: 'lecturer',
    name,
    db,
    admin,
    owner: options.adminAuth.name,
  });
  return { created: existing === undefined, db, changed: centre.changed, warnings: ownerRule ? [] : ['no-owner-rule'] };
}
