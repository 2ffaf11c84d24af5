// PouchDB in Node for the centre tests and the scale bench: in-memory local databases (a
// lecturer's machine) and the HTTP adapter to the server, replicating with PouchDB's own
// implementation of the protocol (the one the app uses in the browser).
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';

PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);

let counter = 0;

/** A fresh local database, as on one lecturer's machine. */
export function localDb(label: string): PouchDB.Database {
  counter += 1;
  return new PouchDB(`${label}-${counter}`, { adapter: 'memory' });
}

/** The server's database `db` as `user` (Basic auth). `skip_setup`: never try to create it. */
export function remoteDb(serverUrl: string, db: string, user: { name: string; password: string }): PouchDB.Database {
  return new PouchDB(`${serverUrl}/${db}`, { skip_setup: true, auth: { username: user.name, password: user.password } });
}
