// The local copy of what was last read from the centre (the Centre library's deck documents and
// the Whole-centre report's sessions), so both work offline after one fetch. Its own IndexedDB
// database, apart from the library's `lectern` store: it is a read-only replica of the server,
// replaced whole on every fetch, never a source of truth (copying a deck makes a normal store deck).
// Snapshots are keyed by kind, server and user: another account on the same browser never sees them.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { CentreServerError } from '@lectern/centre';
import { isUnreachable } from './centre-reads.ts';

export const CENTRE_CACHE_DB = 'lectern-centre-cache';

interface Snapshot {
  key: string;
  fetchedAt: string;
  value: unknown;
}

interface CacheSchema extends DBSchema {
  snapshots: { key: string; value: Snapshot };
}

let opening: Promise<IDBPDatabase<CacheSchema>> | undefined;

function db(): Promise<IDBPDatabase<CacheSchema>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('no IndexedDB here'));
  opening ??= openDB<CacheSchema>(CENTRE_CACHE_DB, 1, {
    upgrade(database) {
      database.createObjectStore('snapshots', { keyPath: 'key' });
    },
  });
  opening.catch(() => (opening = undefined));
  return opening;
}

const keyOf = (kind: 'library' | 'report', server: string, user: string) => `${kind}|${server}|${user}`;

/** The last snapshot kept (its value unchecked: callers validate it again), or undefined. */
export async function readSnapshot(
  kind: 'library' | 'report',
  server: string,
  user: string,
): Promise<{ fetchedAt: string; value: unknown } | undefined> {
  try {
    const found = await (await db()).get('snapshots', keyOf(kind, server, user));
    return found ? { fetchedAt: found.fetchedAt, value: found.value } : undefined;
  } catch {
    return undefined; // no IndexedDB (private mode): the screens work online only
  }
}

export async function writeSnapshot(kind: 'library' | 'report', server: string, user: string, fetchedAt: string, value: unknown): Promise<void> {
  try {
    await (await db()).put('snapshots', { key: keyOf(kind, server, user), fetchedAt, value });
  } catch {
    // No local copy (private mode, no IndexedDB): the screens still work while online.
  }
}

export type Kept<T> = T & {
  /** When this was read from the server (ISO). */
  fetchedAt: string;
  /** True when the server could not be reached and this is the local copy. */
  offline: boolean;
};

/** `read()` from the server, kept as the `kind` snapshot; when there is no connection (`read`
 *  null) or the server cannot be reached, the last snapshot through `fromKept` (which checks it
 *  again: it is only as trustworthy as what wrote it). 'unreachable' when neither is there. */
export async function fetchOrKept<T>(
  kind: 'library' | 'report',
  who: { server: string; user: string },
  read: (() => Promise<T>) | null,
  fromKept: (value: unknown) => T,
): Promise<Kept<T>> {
  if (read) {
    try {
      const data = await read();
      const fetchedAt = new Date().toISOString();
      await writeSnapshot(kind, who.server, who.user, fetchedAt, data);
      return { ...data, fetchedAt, offline: false };
    } catch (error) {
      if (!isUnreachable(error)) throw error;
    }
  }
  const kept = await readSnapshot(kind, who.server, who.user);
  if (!kept) throw new CentreServerError('unreachable');
  return { ...fromKept(kept.value), fetchedAt: kept.fetchedAt, offline: true };
}
