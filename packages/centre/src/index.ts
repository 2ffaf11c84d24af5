// @lectern/centre: the contract between Lectern and a training centre's CouchDB server (database
// names, document shapes and their schemas). Framework-free: the CLI and the app both use it.
export { LIBRARY_DB, DIRECTORY_DB, userDbName, userOfDb, docId, idRange, MEDIA_ATTACHMENT } from './names.ts';
export {
  DeckMediaRef,
  DeckDoc,
  MediaDoc,
  SessionDoc,
  CohortsDoc,
  LecturerDoc,
  checkDoc,
} from './documents.ts';
