// The part of PouchDB's API the sync uses, typed here (pouchdb-browser ships no types; the
// DefinitelyTyped ones describe PouchDB 6), and its loader: PouchDB is loaded with import() only
// once sync is turned on, so the library's first load never contains it.

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
  [field: string]: unknown;
}

export interface PouchPutResult {
  ok: boolean;
  id: string;
  rev: string;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PouchDoc;
}

export interface PouchReplicationResult {
  ok: boolean;
  docs_read?: number;
  docs_written?: number;
  doc_write_failures?: number;
  errors?: unknown[];
}

export interface PouchReplication extends PromiseLike<PouchReplicationResult> {
  cancel(): void;
}

export interface PouchReplicateOptions {
  filter?: (doc: PouchDoc) => boolean;
  batch_size?: number;
  retry?: boolean;
}

export interface PouchDatabase {
  get(id: string, options?: { conflicts?: boolean; rev?: string; revs?: boolean; latest?: boolean }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<PouchPutResult>;
  remove(id: string, rev: string): Promise<PouchPutResult>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<unknown[]>;
  allDocs(options: { include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string; keys?: string[] }): Promise<{
    rows: { id: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc }[];
  }>;
  changes(options: { since: number | string; include_docs?: boolean; conflicts?: boolean; style?: 'all_docs' }): Promise<{
    results: PouchChange[];
    last_seq: number | string;
  }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
  replicate: {
    to(target: PouchDatabase, options?: PouchReplicateOptions): PouchReplication;
    from(source: PouchDatabase, options?: PouchReplicateOptions): PouchReplication;
  };
}

export interface PouchConstructor {
  new (name: string, options?: { fetch?: typeof fetch; skip_setup?: boolean; auto_compaction?: boolean; adapter?: string }): PouchDatabase;
}

let loading: Promise<PouchConstructor> | undefined;

/** PouchDB, loaded on first use. */
export function loadPouch(): Promise<PouchConstructor> {
  // The package's default export is the PouchDB constructor; its shape is described above.
  loading ??= import('pouchdb-browser').then((m) => (m as unknown as { default: PouchConstructor }).default);
  return loading;
}

/** The status of a PouchDB error (`{status: 404, name: 'not_found'}`), or undefined. */
export function pouchStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number') {
    return (error as { status: number }).status;
  }
  return undefined;
}
