// Reading lists of documents from a centre server, bounded: a server (or whoever answers in its
// place) may send a reply of any size, so every `_all_docs` page is asked with a `limit`, read
// with a byte ceiling (the body is streamed and dropped past it, never held whole), and a listing
// stops after a maximum number of documents. Used by the Centre library and the Whole-centre report.
import type { CentreConnection } from './connection.ts';
import { CentreError } from './connection.ts';

export interface ReadLimits {
  /** Documents asked per `_all_docs` request. */
  pageSize: number;
  /** The listing stops after this many documents (`truncated` says so). */
  maxDocs: number;
  /** Bytes of one reply read at most; beyond that the reply is refused as too large. */
  maxReplyBytes: number;
}

/** The server's status as a CentreError (mirrors CentreConnection's own mapping). */
export function replyProblem(reply: Response): CentreError {
  if (reply.status === 401 || reply.status === 403) return new CentreError('refused', { status: reply.status });
  if (reply.status >= 500) return new CentreError('server-error', { status: reply.status });
  return new CentreError('bad-reply', { status: reply.status });
}

/** The reply's JSON, refusing bodies over `maxBytes` ('bad-reply', reason 'too-large') without
 *  reading them further, and bodies that are not JSON ('bad-reply'). */
export async function readJsonBounded(reply: Response, maxBytes: number): Promise<unknown> {
  const declared = Number(reply.headers.get('Content-Length') ?? NaN);
  if (declared > maxBytes) {
    await reply.body?.cancel();
    throw new CentreError('bad-reply', { status: reply.status, reason: 'too-large' });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reply.body) {
    const reader = reply.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new CentreError('bad-reply', { status: reply.status, reason: 'too-large' });
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new CentreError('bad-reply', { status: reply.status });
  }
}

/** GET a JSON document of the server, bounded. 404 => undefined. */
export async function getJson(connection: CentreConnection, path: string, maxBytes: number): Promise<unknown> {
  const reply = await connection.fetch(path, { headers: { Accept: 'application/json' } });
  if (reply.status === 404) {
    await reply.body?.cancel();
    return undefined;
  }
  if (!reply.ok) {
    await reply.body?.cancel();
    throw replyProblem(reply);
  }
  return readJsonBounded(reply, maxBytes);
}

export interface DocList {
  /** The documents as sent (unchecked: callers validate each with its schema). */
  docs: unknown[];
  /** True when the listing stopped at `maxDocs` (or a page was too large) before the end. */
  truncated: boolean;
}

/** Every document of `db` whose id is in `range`, page by page, within `limits`. A database the
 *  server does not have (404) lists as empty. */
export async function readAllDocs(
  connection: CentreConnection,
  db: string,
  range: { startkey: string; endkey: string },
  limits: ReadLimits,
): Promise<DocList> {
  const docs: unknown[] = [];
  let startkey = range.startkey;
  let skip = 0;
  for (;;) {
    const limit = Math.min(limits.pageSize, limits.maxDocs - docs.length);
    if (limit <= 0) return { docs, truncated: true };
    const query = new URLSearchParams({
      include_docs: 'true',
      startkey: JSON.stringify(startkey),
      endkey: JSON.stringify(range.endkey),
      limit: String(limit),
    });
    if (skip) query.set('skip', String(skip));
    let body: unknown;
    try {
      body = await getJson(connection, `/${encodeURIComponent(db)}/_all_docs?${query.toString()}`, limits.maxReplyBytes);
    } catch (error) {
      // A page too large to read ends the listing with what came before it.
      if (error instanceof CentreError && error.details.reason === 'too-large' && docs.length > 0) return { docs, truncated: true };
      throw error;
    }
    if (body === undefined) return { docs, truncated: false };
    const rows = (body as { rows?: unknown }).rows;
    if (!Array.isArray(rows)) throw new CentreError('bad-reply', { reason: 'no rows' });
    // A server that ignores `limit` must not make the list grow past the bound.
    const page = rows.slice(0, limit);
    for (const row of page) {
      const doc = typeof row === 'object' && row !== null ? (row as { doc?: unknown }).doc : undefined;
      if (doc !== undefined && doc !== null) docs.push(doc);
    }
    if (rows.length > limit) return { docs, truncated: true };
    if (rows.length < limit) return { docs, truncated: false };
    const last = page[page.length - 1] as { id?: unknown; key?: unknown };
    const lastKey = typeof last?.key === 'string' ? last.key : typeof last?.id === 'string' ? last.id : undefined;
    if (lastKey === undefined || lastKey < startkey) throw new CentreError('bad-reply', { reason: 'rows out of order' });
    startkey = lastKey;
    skip = 1;
  }
}
