// Where a centre's data lives on its CouchDB (or pouchdb-server). One table of database names and
// document ids, used by the CLI's setup and report and by the app's sync.
//
// A centre server holds:
//   lectern-library            the centre's shared lesson plans: every member reads, only centre
//                              administrators write (publish);
//   lectern-directory          one document per lecturer (`lecturer:<name>`), read by centre
//                              administrators to find every lecturer's database for the report;
//   lectern-u-<hex of name>    one database per lecturer: their own decks, media, sessions and
//                              cohorts. Only that lecturer writes; centre administrators read.
// Rules are written on user names kept in `_security` and on each document's `owner` field, never on
// roles alone (a server that lets users give themselves roles must not open a hole).

export const LIBRARY_DB = 'lectern-library';
export const DIRECTORY_DB = 'lectern-directory';
const USER_DB_PREFIX = 'lectern-u-';

/** CouchDB database names allow only [a-z0-9_$()+/-]; user names may be Vietnamese, so the name's
 *  UTF-8 bytes are written in hex (as CouchDB's own per-user databases do). */
export function userDbName(userName: string): string {
  let hex = '';
  for (const byte of new TextEncoder().encode(userName)) hex += byte.toString(16).padStart(2, '0');
  return USER_DB_PREFIX + hex;
}

/** The user name a per-user database belongs to, or null for any other database name. */
export function userOfDb(dbName: string): string | null {
  if (!dbName.startsWith(USER_DB_PREFIX)) return null;
  const hex = dbName.slice(USER_DB_PREFIX.length);
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Document ids: the type is the id's prefix, so `_all_docs` ranges list one kind. */
export const docId = {
  deck: (deckId: string) => `deck:${deckId}`,
  /** Media are content-addressed: the same bytes in two decks are one document, sent once. */
  media: (sha256: string) => `media:${sha256}`,
  session: (sessionId: string) => `session:${sessionId}`,
  /** The lecturer's cohort list (one document). */
  cohorts: () => 'cohorts',
  lecturer: (userName: string) => `lecturer:${userName}`,
} as const;

/** The `_all_docs` range of one kind: `{ startkey: 'deck:', endkey: 'deck:\uffff' }`. */
export function idRange(prefix: 'deck' | 'media' | 'session' | 'lecturer'): { startkey: string; endkey: string } {
  return { startkey: `${prefix}:`, endkey: `${prefix}:\uffff` };
}

/** The attachment name of a media document's bytes. */
export const MEDIA_ATTACHMENT = 'file';
