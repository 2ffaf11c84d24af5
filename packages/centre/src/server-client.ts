// Talking to a centre's CouchDB (or pouchdb-server) from the CLI and the setup code, with plain
// `fetch` (Node 20 and browsers) and HTTP Basic auth. Every reply is classified before use: no
// answer, refused credentials, a 5xx, or a body that is not CouchDB's JSON each become one
// CentreServerError code, which the caller turns into words. Passwords never appear in an error.

export type CentreServerErrorCode =
  /** No answer: the server is down, the address is wrong, the network is off. */
  | 'unreachable'
  /** 401: wrong user name or password. */
  | 'refused'
  /** 403 (or 401 on a database after a good login): the user may not do this. */
  | 'forbidden'
  /** The server answered, but not as CouchDB does (HTML, malformed JSON, wrong shape). */
  | 'bad-reply'
  /** 5xx. */
  | 'server-error'
  /** The server address is not an http(s) URL without credentials. */
  | 'bad-address'
  /** A user name the server cannot carry (see isUserName), or an empty password. */
  | 'bad-name';

export class CentreServerError extends Error {
  constructor(
    readonly code: CentreServerErrorCode,
    readonly details: { status?: number; path?: string; reason?: string } = {},
  ) {
    super(`${code}${details.status ? ` (${details.status})` : ''}${details.path ? ` ${details.path}` : ''}${details.reason ? `: ${details.reason}` : ''}`);
    this.name = 'CentreServerError';
  }
}

export interface Credentials {
  name: string;
  password: string;
}

/** 'USER:PASSWORD' (the password may hold ':') => { name, password }; null when malformed. */
export function parseCredentials(text: string): Credentials | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return null;
  return { name: text.slice(0, colon).normalize('NFC'), password: text.slice(colon + 1) };
}

/** The server's base URL without a trailing slash; refuses anything but http(s) and URLs that
 *  carry a user, a password, a query or a fragment (credentials go in their own options). */
export function serverBase(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new CentreServerError('bad-address');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new CentreServerError('bad-address');
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

/** User names are sent in NFC, the form add-user stores them in (setup.ts). */
function basicAuth({ name, password }: Credentials): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${name.normalize('NFC')}:${password}`)) binary += String.fromCharCode(byte);
  return 'Basic ' + btoa(binary);
}

/** One JSON reply: its status and parsed body (any JSON value; callers check the shape). */
export interface JsonReply {
  status: number;
  body: unknown;
}

/** What requests go through: the global `fetch`, or one carrying a session (the app passes its
 *  CentreConnection's `fetch`, which adds the session cookie or Basic auth itself). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export class ServerClient {
  readonly base: string;
  private readonly authorization: string | undefined;
  private readonly send: FetchLike;

  constructor(address: string, credentials?: Credentials, send: FetchLike = (url, init) => fetch(url, init)) {
    this.base = serverBase(address);
    this.authorization = credentials ? basicAuth(credentials) : undefined;
    this.send = send;
  }

  /**
   * A request whose reply must be JSON. Statuses in `accept` (beyond 2xx) are returned to the
   * caller; 401 becomes 'refused', 403 'forbidden', 5xx 'server-error', anything else unexpected
   * 'bad-reply'. The reply is read up to `maxBytes` (streamed, dropped past the ceiling: 'bad-reply'
   * with reason 'too-large'), so a hostile or broken server cannot make the reader hold any size.
   */
  async json(method: string, path: string, body?: unknown, accept: readonly number[] = [], maxBytes = MAX_REPLY_BYTES): Promise<JsonReply> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.authorization) headers.Authorization = this.authorization;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let reply: Response;
    try {
      reply = await this.send(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new CentreServerError('unreachable', { path, reason: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : undefined });
    }
    const ok = (reply.status >= 200 && reply.status < 300) || accept.includes(reply.status);
    // An error's body is only read for its reason, never far.
    const text = await readTextBounded(reply, ok ? maxBytes : ERROR_REPLY_BYTES, path).catch((error: unknown) => {
      if (!ok && error instanceof CentreServerError && error.details.reason === 'too-large') return '';
      throw error;
    });
    if (!ok) throw statusError(reply.status, path, couchReason(text));
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CentreServerError('bad-reply', { status: reply.status, path, reason: 'not JSON' });
    }
    return { status: reply.status, body: parsed };
  }
}

/** Bytes of one JSON reply read at most (a page of 1,000 sessions is far below it). */
export const MAX_REPLY_BYTES = 32 * 1024 * 1024;
const ERROR_REPLY_BYTES = 64 * 1024;

/** A status that is not the one asked for, as its error code: 401 'refused', 403 'forbidden',
 *  5xx 'server-error', anything else 'bad-reply'. */
export function statusError(status: number, path?: string, reason?: string): CentreServerError {
  if (status === 401) return new CentreServerError('refused', { status, path });
  if (status === 403) return new CentreServerError('forbidden', { status, path, reason });
  if (status >= 500) return new CentreServerError('server-error', { status, path });
  return new CentreServerError('bad-reply', { status, path, reason });
}

/** The reply's text (UTF-8), refusing bodies over `maxBytes` ('bad-reply', reason 'too-large')
 *  without reading them further; a body cut by the network is 'unreachable'. */
export async function readTextBounded(reply: Response, maxBytes: number, path?: string): Promise<string> {
  const tooLarge = () => new CentreServerError('bad-reply', { status: reply.status, path, reason: 'too-large' });
  const declared = Number(reply.headers.get('Content-Length') ?? NaN);
  if (declared > maxBytes) {
    await reply.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reply.body) {
    const reader = reply.body.getReader();
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch {
        throw new CentreServerError('unreachable', { status: reply.status, path });
      }
      if (step.done) break;
      size += step.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(step.value);
    }
  }
  // A fetch body's chunks are ArrayBuffer-backed; the stream's type only says ArrayBufferLike.
  const bytes = await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CentreServerError('bad-reply', { status: reply.status, path, reason: 'not UTF-8' });
  }
}

/** CouchDB's `{error, reason}` reason, cut short (it is shown to the user). */
function couchReason(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { reason?: unknown; error?: unknown };
    const reason = typeof body.reason === 'string' ? body.reason : typeof body.error === 'string' ? body.error : undefined;
    return reason?.slice(0, 200);
  } catch {
    return undefined;
  }
}

/** An object reply's fields, or 'bad-reply'. */
export function objectBody(reply: JsonReply, path: string): Record<string, unknown> {
  if (typeof reply.body !== 'object' || reply.body === null || Array.isArray(reply.body)) throw new CentreServerError('bad-reply', { status: reply.status, path });
  return reply.body as Record<string, unknown>;
}

/** A database name or document id as a URL path segment (`_design/x` keeps its slash). */
export function segment(name: string): string {
  return name.startsWith('_design/') ? `_design/${encodeURIComponent(name.slice(8))}` : encodeURIComponent(name);
}
