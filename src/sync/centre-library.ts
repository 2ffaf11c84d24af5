// The centre's shared lesson plans (database `lectern-library`), read over CouchDB's HTTP API:
// list the published decks (bounded, kept locally for offline use), copy one into the lecturer's
// own library (media verified by SHA-256 before anything is stored), and, for a centre
// administrator, publish a deck of the own library (deck document + content-addressed media
// documents, each attachment sent once and streamed from the store's Blob).
//
// Plain HTTP rather than a PouchDB replica: the library is read-only for lecturers, a listing is
// one `_all_docs` range, and media are only needed for the deck being copied (a replica would pull
// every video of the centre into every browser). Loaded with import() once the user is connected.
import { CentreServerError, DeckDoc, checkDoc, LIBRARY_DB, MEDIA_ATTACHMENT, MAX_REPLY_BYTES, docId, idRange, listDocs, type DeckMediaRef, type ReadLimits } from '@lectern/centre';
import { sha256Hex, type DeckRecord, type Store } from '../store/index.ts';
import type { CentreConnection } from './connection.ts';
import { fetchOrKept, type Kept } from './centre-library-cache.ts';
import { centreClient, getJson, replyProblem } from './centre-reads.ts';
import { putWithAttachment } from './media-transfer.ts';

/** The Centre library lists at most 500 decks; a reply page is read up to 32 MiB. */
export const LIBRARY_LIMITS: ReadLimits = { pageSize: 50, maxDocs: 500, maxReplyBytes: MAX_REPLY_BYTES };

interface LibrarySnapshot {
  decks: DeckDoc[];
  /** Documents the server sent that failed the schema (left out). */
  skipped: number;
  /** More decks than the listing's bound: only the first are shown. */
  truncated: boolean;
}

/** The list, with when it was read and whether it is the local copy. */
export type CentreLibrary = Kept<LibrarySnapshot>;

function checkDecks(raw: readonly unknown[]): { decks: DeckDoc[]; skipped: number } {
  const decks: DeckDoc[] = [];
  let skipped = 0;
  for (const doc of raw) {
    const parsed = checkDoc(DeckDoc, doc);
    if (parsed && !parsed._deleted) decks.push(parsed);
    else skipped++;
  }
  return { decks, skipped };
}

/** The published decks, from the server (then kept locally) or, when the server cannot be reached,
 *  from the last copy kept (`offline: true`). Throws when neither is there. */
export function loadCentreLibrary(connection: CentreConnection | null, who: { server: string; user: string }): Promise<CentreLibrary> {
  const read = async (): Promise<LibrarySnapshot> => {
    const listed = await listDocs(centreClient(connection!), LIBRARY_DB, idRange('deck'), LIBRARY_LIMITS);
    return { ...checkDecks(listed.docs), truncated: listed.truncated };
  };
  return fetchOrKept('library', who, connection ? read : null, (value) => {
    const kept = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof LibrarySnapshot, unknown>>;
    const { decks, skipped } = checkDecks(Array.isArray(kept.decks) ? kept.decks : []);
    return { decks, skipped: skipped + (typeof kept.skipped === 'number' ? kept.skipped : 0), truncated: kept.truncated === true };
  });
}

/** Why a copy was refused: shown to the user, nothing stored. */
export class CentreCopyError extends Error {
  constructor(
    readonly reason: 'media-mismatch' | 'media-missing' | 'bad-deck',
    readonly file = '',
  ) {
    super(`centre copy refused: ${reason} ${file}`);
    this.name = 'CentreCopyError';
  }
}

const mediaUrl = (sha256: string) => `/${LIBRARY_DB}/${encodeURIComponent(docId.media(sha256))}/${MEDIA_ATTACHMENT}`;

/** The bytes of one media reference, checked against its size and SHA-256. */
async function fetchMedia(connection: CentreConnection, ref: DeckMediaRef): Promise<Blob> {
  const reply = await connection.fetch(mediaUrl(ref.sha256));
  if (reply.status === 404) {
    await reply.body?.cancel();
    throw new CentreCopyError('media-missing', ref.name || ref.path);
  }
  if (!reply.ok) {
    await reply.body?.cancel();
    throw replyProblem(reply);
  }
  // The browser keeps a large body on disk; it is not read into script memory here.
  const blob = await reply.blob();
  if (blob.size !== ref.size || (await sha256Hex(blob)) !== ref.sha256) throw new CentreCopyError('media-mismatch', ref.name || ref.path);
  return blob;
}

/** Copies a published deck into the own library as a new, normal deck: every media file is fetched
 *  and verified first; any problem refuses the copy and nothing is stored. */
export async function copyCentreDeck(connection: CentreConnection | null, store: Store, deck: DeckDoc): Promise<DeckRecord> {
  const checked = checkDoc(DeckDoc, deck);
  if (!checked) throw new CentreCopyError('bad-deck');
  const refs = checked.media;
  if (refs.length > 0 && !connection) throw new CentreServerError('unreachable');
  const blobs = new Map<string, Blob>();
  for (const ref of refs) {
    if (!blobs.has(ref.sha256)) blobs.set(ref.sha256, await fetchMedia(connection!, ref));
  }
  return store.importDeck({
    markdown: checked.markdown,
    title: checked.title,
    assets: refs.map((ref) => ({ path: ref.path, blob: blobs.get(ref.sha256)!, sha256: ref.sha256, name: ref.name })),
  });
}

async function putJson(connection: CentreConnection, path: string, doc: object): Promise<string> {
  const reply = await centreClient(connection).json('PUT', path, doc, [], SMALL_REPLY);
  const rev = (reply.body as { rev?: unknown } | null)?.rev;
  if (typeof rev !== 'string') throw new CentreServerError('bad-reply', { path });
  return rev;
}

const SMALL_REPLY = 1024 * 1024;

/** The current revision of a document (and whether it has the media attachment), or undefined. */
async function currentRev(connection: CentreConnection, id: string): Promise<{ rev: string; attachmentLength?: number } | undefined> {
  const body = (await getJson(connection, `/${LIBRARY_DB}/${encodeURIComponent(id)}`, 64 * SMALL_REPLY)) as
    | { _rev?: unknown; _attachments?: Record<string, { length?: unknown }> }
    | undefined;
  if (!body) return undefined;
  if (typeof body._rev !== 'string') throw new CentreServerError('bad-reply');
  const length = body._attachments?.[MEDIA_ATTACHMENT]?.length;
  return { rev: body._rev, attachmentLength: typeof length === 'number' ? length : undefined };
}

async function putWithMedia(connection: CentreConnection, path: string, doc: object, blob: Blob, type: string): Promise<void> {
  const reply = await putWithAttachment(connection, path, doc, blob, type);
  await reply.body?.cancel();
  if (!reply.ok) throw replyProblem(reply);
}

/** Publishes (or republishes) a deck of the own library to the centre library, as `deck:<id>`
 *  plus a `media:<sha256>` document per distinct file. Media the library already holds are not
 *  sent again. Only centre administrators may: the server refuses anyone else ('refused'). */
export async function publishDeck(connection: CentreConnection, store: Store, deckId: string): Promise<DeckDoc> {
  const deck = await store.getDeck(deckId);
  if (!deck) throw new CentreCopyError('bad-deck');
  const user = connection.user;
  const assets = await store.listDeckAssets(deckId);
  const media: DeckMediaRef[] = assets.map((a) => ({ path: a.path, sha256: a.assetId, type: a.type, size: a.size, ...(a.name ? { name: a.name } : {}) }));
  const now = new Date().toISOString();
  const id = docId.deck(deckId);
  const previous = await currentRev(connection, id);
  const doc: DeckDoc = {
    _id: id,
    ...(previous ? { _rev: previous.rev } : {}),
    owner: user,
    type: 'deck',
    deckId,
    title: deck.title,
    markdown: deck.markdown,
    createdAt: deck.createdAt,
    updatedAt: deck.updatedAt,
    media,
    publishedBy: user,
    publishedAt: now,
  };
  // Our own document must pass the schema every reader applies.
  if (!checkDoc(DeckDoc, doc)) throw new CentreCopyError('bad-deck');

  const sent = new Set<string>();
  for (const ref of media) {
    if (sent.has(ref.sha256)) continue;
    sent.add(ref.sha256);
    const mediaId = docId.media(ref.sha256);
    const existing = await currentRev(connection, mediaId);
    if (existing?.attachmentLength === ref.size) continue; // the same bytes are there already
    const doc = {
      _id: mediaId,
      ...(existing ? { _rev: existing.rev } : {}),
      owner: user,
      type: 'media',
      sha256: ref.sha256,
      mime: ref.type,
      size: ref.size,
      ...(ref.name ? { name: ref.name } : {}),
    };
    await putWithMedia(connection, `/${LIBRARY_DB}/${encodeURIComponent(mediaId)}`, doc, await store.getAssetBlob(ref.sha256), ref.type);
  }
  // The deck last: a reader never sees a deck whose media are not there yet.
  await putJson(connection, `/${LIBRARY_DB}/${encodeURIComponent(id)}`, doc);
  return doc;
}
