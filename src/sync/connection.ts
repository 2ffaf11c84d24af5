// The lecturer's connection to their training centre's server (CouchDB, or anything that speaks
// its HTTP API). The password is never stored: logging in asks the server for a session cookie
// (`POST /_session`), which the browser keeps (HttpOnly) and sends with every request. When the
// browser will not send that cookie back (the app and the server on different sites), the password
// is kept in this tab's memory only, for Basic auth, and is asked again after a reload.
//
// Every reply is checked before use; failures are CentreError codes, turned into words by the
// screen that shows them.
import { DIRECTORY_DB, serverBase, userDbName } from '@lectern/centre';

export type CentreErrorCode =
  /** No answer: network down, server stopped, wrong address. */
  | 'unreachable'
  /** Wrong user name or password, or the session expired: ask for the password again. */
  | 'refused'
  /** The server answered, but not what CouchDB answers (HTML page, malformed JSON, wrong shape). */
  | 'bad-reply'
  /** 5xx from the server. */
  | 'server-error'
  /** The address is not an http(s) URL. */
  | 'bad-address';

export class CentreError extends Error {
  constructor(
    readonly code: CentreErrorCode,
    readonly details: { status?: number; reason?: string } = {},
  ) {
    super(`centre ${code}${details.status ? ` (${details.status})` : ''}${details.reason ? `: ${details.reason}` : ''}`);
    this.name = 'CentreError';
  }
}

/** `https://couch.trungtam.vn/` or `http://127.0.0.1:5984` => the origin and path without a
 *  trailing slash (@lectern/centre's serverBase, the CLI's rule), as a CentreError. */
export function normalizeServer(address: string): string {
  try {
    return serverBase(address);
  } catch {
    throw new CentreError('bad-address');
  }
}

/** A user name as the server stores it: trimmed, Unicode NFC (`lectern centre add-user` stores
 *  NFC; a name typed on a keyboard that composes Vietnamese differently is the same user). */
export function centreUserName(name: string): string {
  return name.trim().normalize('NFC');
}

type Auth = { kind: 'cookie' } | { kind: 'basic'; header: string };

function basicHeader(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return 'Basic ' + btoa(binary);
}

async function readJson(reply: Response): Promise<unknown> {
  const text = await reply.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CentreError('bad-reply', { status: reply.status });
  }
}

function userCtxName(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) throw new CentreError('bad-reply');
  const ctx = (body as { userCtx?: unknown }).userCtx;
  if (typeof ctx !== 'object' || ctx === null) throw new CentreError('bad-reply');
  const name = (ctx as { name?: unknown }).name;
  if (name !== null && typeof name !== 'string') throw new CentreError('bad-reply');
  return name;
}

export class CentreConnection {
  private constructor(
    readonly server: string,
    readonly user: string,
    private readonly auth: Auth,
  ) {}

  /** Logs in with the password and keeps a session; the password is not kept when the cookie works. */
  static async login(address: string, name: string, password: string): Promise<CentreConnection> {
    const server = normalizeServer(address);
    const user = centreUserName(name);
    const reply = await send(server + '/_session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name: user, password }),
    });
    if (reply.status === 401 || reply.status === 403) throw new CentreError('refused', { status: reply.status });
    await expectOk(reply);
    const withCookie = new CentreConnection(server, user, { kind: 'cookie' });
    if ((await withCookie.currentUser()) === user) return withCookie;
    // The cookie did not come back (another site): keep the password for this tab only.
    const withPassword = new CentreConnection(server, user, { kind: 'basic', header: basicHeader(user, password) });
    if ((await withPassword.currentUser()) !== user) throw new CentreError('refused');
    return withPassword;
  }

  /** A connection from a session cookie kept by the browser (after a reload), or null when the
   *  server no longer knows this browser as `user`. */
  static async resume(address: string, name: string): Promise<CentreConnection | null> {
    const user = centreUserName(name);
    const connection = new CentreConnection(normalizeServer(address), user, { kind: 'cookie' });
    return (await connection.currentUser()) === user ? connection : null;
  }

  /** Who the server thinks we are (null: anonymous). */
  async currentUser(): Promise<string | null> {
    const reply = await this.fetch('/_session', { headers: { Accept: 'application/json' } });
    await expectOk(reply);
    return userCtxName(await readJson(reply));
  }

  /** A centre administrator can read the directory of lecturers; a lecturer cannot. */
  async isCentreAdmin(): Promise<boolean> {
    const reply = await this.fetch(`/${DIRECTORY_DB}`, { headers: { Accept: 'application/json' } });
    if (reply.status === 401 || reply.status === 403 || reply.status === 404) return false;
    await expectOk(reply);
    return true;
  }

  /** The URL of this lecturer's own database. */
  get ownDbUrl(): string {
    return `${this.server}/${userDbName(this.user)}`;
  }

  /** `fetch` against the server with this connection's credentials; PouchDB's `fetch` option
   *  takes it as is. Network failures become CentreError('unreachable'). */
  readonly fetch = async (pathOrUrl: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const raw = typeof pathOrUrl === 'string' ? pathOrUrl : pathOrUrl instanceof URL ? pathOrUrl.href : pathOrUrl.url;
    const url = raw.startsWith('/') ? this.server + raw : raw;
    if (!url.startsWith(this.server + '/') && url !== this.server) throw new CentreError('bad-address');
    const headers = new Headers(init.headers);
    if (this.auth.kind === 'basic') headers.set('Authorization', this.auth.header);
    return send(url, { ...init, headers });
  };

  async logout(): Promise<void> {
    if (this.auth.kind === 'cookie') await this.fetch('/_session', { method: 'DELETE' }).catch(() => undefined);
  }
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: 'include' });
  } catch (error) {
    throw new CentreError('unreachable', { reason: error instanceof Error ? error.message : String(error) });
  }
}

/** Throws the CentreError a failed reply means (401/403 refused, 5xx server error, else bad reply). */
export async function expectOk(reply: Response): Promise<void> {
  if (reply.ok) return;
  if (reply.status === 401 || reply.status === 403) throw new CentreError('refused', { status: reply.status });
  if (reply.status >= 500) throw new CentreError('server-error', { status: reply.status });
  throw new CentreError('bad-reply', { status: reply.status });
}
