// PouchDB in Node for the centre tests and the scale bench: in-memory local databases (a
// lecturer's machine) and the HTTP adapter to the server, replicating with PouchDB's own
// implementation of the protocol (the one the app uses in the browser).
//
// Loaded with require and typed by the small interface below, not by @types/pouchdb-core: that
// package declares a global `Buffer` interface which breaks Node's Buffer types across the project.
import { createRequire } from 'node:module';

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
}

export interface PouchDatabase {
  put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: object[]): Promise<Array<{ ok?: boolean; id?: string; error?: string }>>;
  get<T = Record<string, unknown>>(id: string): Promise<T & { _id: string; _rev: string }>;
  replicate: {
    to(target: PouchDatabase, options?: { doc_ids?: string[]; batch_size?: number }): Promise<ReplicationResult>;
    from(source: PouchDatabase, options?: { doc_ids?: string[]; batch_size?: number }): Promise<ReplicationResult>;
  };
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

type PouchConstructor = {
  new (name: string, options: Record<string, unknown>): PouchDatabase;
  plugin(plugin: unknown): PouchConstructor;
};

const require = createRequire(import.meta.url);
const load = (name: string): unknown => {
  const loaded = require(name) as { default?: unknown };
  return loaded.default ?? loaded;
};
const PouchDB = (load('pouchdb-core') as PouchConstructor)
  .plugin(load('pouchdb-adapter-memory'))
  .plugin(load('pouchdb-adapter-http'))
  .plugin(load('pouchdb-replication'));

let counter = 0;

/** A fresh local database, as on one lecturer's machine. */
export function localDb(label: string): PouchDatabase {
  counter += 1;
  return new PouchDB(`${label}-${counter}`, { adapter: 'memory' });
}

/** The server's database `db` as `user` (Basic auth). `skip_setup`: never try to create it. */
export function remoteDb(serverUrl: string, db: string, user: { name: string; password: string }): PouchDatabase {
  return new PouchDB(`${serverUrl}/${db}`, { skip_setup: true, auth: { username: user.name, password: user.password } });
}
