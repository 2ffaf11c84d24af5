// pouchdb-browser ships no types; src/sync/pouch.ts describes the part the sync uses.
declare module 'pouchdb-browser' {
  const PouchDB: unknown;
  export default PouchDB;
}
