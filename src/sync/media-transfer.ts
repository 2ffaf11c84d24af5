// Media between the store and the lecturer's database on the server, outside PouchDB: a video is
// sent from the store's Blob (the browser streams it from disk) and fetched back as a Blob, so the
// bytes are never kept a second time in the replica. Documents are content-addressed
// (`media:<sha256>`, attachment `file`): a HEAD tells whether the bytes are already there.
import { MEDIA_ATTACHMENT, docId } from '@lectern/centre';
import { sha256Hex } from '../store/index.ts';
import { CentreError, expectOk, type CentreConnection } from './connection.ts';

export interface MediaToSend {
  sha256: string;
  blob: Blob;
  type: string;
  size: number;
  name?: string;
}

function docUrl(dbUrl: string, sha256: string): string {
  return `${dbUrl}/${encodeURIComponent(docId.media(sha256))}`;
}

/** True when the server has the bytes of `sha256` (a document whose upload was cut has no
 *  attachment, so it does not count). */
export async function hasMedia(connection: CentreConnection, dbUrl: string, sha256: string): Promise<boolean> {
  const reply = await connection.fetch(`${docUrl(dbUrl, sha256)}/${MEDIA_ATTACHMENT}`, { method: 'HEAD' });
  if (reply.status === 404) return false;
  await expectOk(reply);
  return true;
}

/** Sends one media file unless the server has it; returns the bytes sent (0: already there). */
export async function sendMedia(connection: CentreConnection, dbUrl: string, media: MediaToSend, owner: string): Promise<number> {
  if (await hasMedia(connection, dbUrl, media.sha256)) return 0;
  const url = docUrl(dbUrl, media.sha256);
  let rev: string | undefined;
  const existing = await connection.fetch(url, { headers: { Accept: 'application/json' } });
  if (existing.status === 404) await existing.body?.cancel();
  else {
    await expectOk(existing);
    rev = revOf(await jsonOf(existing), '_rev');
  }
  const doc = { _id: docId.media(media.sha256), ...(rev ? { _rev: rev } : {}), type: 'media', owner, sha256: media.sha256, mime: media.type, size: media.size, ...(media.name ? { name: media.name } : {}) };
  const reply = await putWithAttachment(connection, url, doc, media.blob, media.type);
  await reply.body?.cancel();
  await expectOk(reply);
  return media.size;
}

/** Writes a document and its `file` attachment in one request (CouchDB's multipart/related PUT,
 *  as its replicator sends them), for the engine's media and the centre library's publications.
 *  One request, so the server validates the document with its attachment as one write (no media
 *  document without its bytes; pouchdb-server refuses a standalone attachment PUT under the
 *  centre's rules), and the body is a Blob made of the JSON, the stored media Blob and the
 *  boundaries: the browser streams it, the media is never read into script memory. The caller
 *  checks the reply (its own error type). */
export function putWithAttachment(connection: CentreConnection, url: string, doc: object, blob: Blob, type: string): Promise<Response> {
  const boundary = `lectern-${crypto.randomUUID()}`;
  const mime = type || 'application/octet-stream';
  const json = JSON.stringify({ ...doc, _attachments: { [MEDIA_ATTACHMENT]: { follows: true, content_type: mime, length: blob.size } } });
  const body = new Blob([
    `--${boundary}\r\nContent-Type: application/json\r\n\r\n${json}\r\n`,
    `--${boundary}\r\nContent-Type: ${mime}\r\nContent-Disposition: attachment; filename="${MEDIA_ATTACHMENT}"\r\n\r\n`,
    blob,
    `\r\n--${boundary}--\r\n`,
  ]);
  return connection.fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': `multipart/related; boundary="${boundary}"`, Accept: 'application/json' },
    body,
  });
}

/** The bytes of `sha256` from the server, checked against their hash before anyone uses them. */
export async function fetchMedia(connection: CentreConnection, dbUrl: string, sha256: string): Promise<Blob> {
  const reply = await connection.fetch(`${docUrl(dbUrl, sha256)}/${MEDIA_ATTACHMENT}`);
  if (reply.status === 404) throw new CentreError('bad-reply', { status: 404, reason: `media ${sha256} missing on the server` });
  await expectOk(reply);
  let blob: Blob;
  try {
    blob = await reply.blob();
  } catch (error) {
    throw new CentreError('unreachable', { reason: error instanceof Error ? error.message : String(error) });
  }
  if ((await sha256Hex(blob)) !== sha256) throw new CentreError('bad-reply', { reason: `media ${sha256}: the bytes do not match their hash` });
  return blob;
}

async function jsonOf(reply: Response): Promise<unknown> {
  try {
    return JSON.parse(await reply.text()) as unknown;
  } catch {
    throw new CentreError('bad-reply', { status: reply.status });
  }
}

function revOf(body: unknown, field: 'rev' | '_rev' = 'rev'): string {
  const rev = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (typeof rev !== 'string') throw new CentreError('bad-reply', { reason: 'no revision in the reply' });
  return rev;
}
