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
export {
  CentreServerError,
  ServerClient,
  MAX_REPLY_BYTES,
  parseCredentials,
  readTextBounded,
  serverBase,
  statusError,
  type CentreServerErrorCode,
  type Credentials,
  type FetchLike,
} from './server-client.ts';
export {
  setupCentre,
  addUser,
  appOrigin,
  isUserName,
  type SetupOptions,
  type SetupResult,
  type ServerKind,
  type AddUserOptions,
  type AddUserResult,
} from './setup.ts';
export { libraryValidate, DIRECTORY_VALIDATE, userDbValidate, DESIGN_DOC_ID } from './validate-functions.ts';
export {
  readCentre,
  aggregateCentre,
  centreReport,
  centreCohorts,
  checkSessions,
  listDocs,
  DIRECTORY_LIMITS,
  SESSION_LIMITS,
  type CentreRead,
  type CentreReadOptions,
  type LecturerRead,
  type CentreReport,
  type CentreReportOptions,
  type LecturerReport,
  type ReadLimits,
  type DocList,
} from './report.ts';
