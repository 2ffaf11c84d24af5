// Requests from the app's centre screens (Centre library, Whole-centre report) go through
// @lectern/centre's ServerClient over the connection's `fetch` (session cookie, or Basic auth kept
// in the tab's memory): the app and the CLI classify and bound every reply the same way (streamed,
// refused past a byte ceiling; `_all_docs` listings paged and capped by `listDocs`).
import { ServerClient, statusError, type CentreServerError } from '@lectern/centre';
import type { CentreConnection } from './connection.ts';

export function centreClient(connection: CentreConnection): ServerClient {
  return new ServerClient(connection.server, undefined, connection.fetch);
}

/** GET a JSON document of the server, read up to `maxBytes`. 404 => undefined. */
export async function getJson(connection: CentreConnection, path: string, maxBytes: number): Promise<unknown> {
  const reply = await centreClient(connection).json('GET', path, undefined, [404], maxBytes);
  return reply.status === 404 ? undefined : reply.body;
}

/** A reply the caller reads itself (media bytes) that failed, as the client's error. */
export function replyProblem(reply: Response): CentreServerError {
  return statusError(reply.status);
}

/** The server could not be reached (from the connection or the client): work from the local copy. */
export function isUnreachable(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return (e?.name === 'CentreError' || e?.name === 'CentreServerError') && e.code === 'unreachable';
}
