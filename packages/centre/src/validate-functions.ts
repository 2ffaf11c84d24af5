// The server's write rules, as CouchDB `validate_doc_update` functions (JavaScript source run by
// the server on every write, replication included). One module holds all three so the rules are
// read, changed and tested in one place (tests/unit/centre/access.test.ts proves each against a
// running server).
//
// Written in ES5 (CouchDB 3's JavaScript engine may be old) and on user names, never on roles a
// user could give themselves: pouchdb-server lets a user add any role without an underscore to
// their own `_users` document. The only role trusted is `_admin`, the server administrator, which
// neither server lets a user take (CouchDB's and pouchdb-server's `_users` both refuse `_`-roles).
// No rule reads secObj (the database's `_security`, 4th argument): pouchdb-server passes it on a
// single PUT but an empty object on `_bulk_docs`, the path replication writes through.
//
// Neither server runs these functions on design documents: a design document (these rules) is
// written by whoever is a database admin. So only the library has database admins besides the
// server administrator (its centre administrators); the directory and every lecturer's database
// have none, and centre administrators read them as members (setup.ts).

/** Every kept document names its writer: a doc whose `owner` lies is refused. A deletion may be
 *  a bare tombstone (`{_id, _rev, _deleted}`): who may delete is decided by the name rule above it. */
const OWNER_RULE = (who: string) => `
  if (!newDoc._deleted && newDoc.owner !== ${who}) {
    throw({ forbidden: 'lectern: owner must be the user who writes the document' });
  }`;

/** lectern-library: only centre administrators publish. Their names are written into the rule by
 *  setup/add-user (and mirrored in `_security.admins.names`): pouchdb-server hands the rule an empty
 *  secObj on `_bulk_docs`, the path replication writes through, so a rule reading secObj there
 *  would refuse every publication. */
export function libraryValidate(centreAdmins: readonly string[]): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var admins = [${[...centreAdmins].sort().map(jsString).join(', ')}];
  if (!userCtx.name || admins.indexOf(userCtx.name) === -1) {
    throw({ forbidden: 'lectern: only centre administrators publish to the centre library' });
  }${OWNER_RULE('userCtx.name')}
}`;
}

/** lectern-directory: written only by the server administrator (`lectern centre add-user`). */
export const DIRECTORY_VALIDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  if (userCtx.roles.indexOf('_admin') === -1) {
    throw({ forbidden: 'lectern: the directory is written by lectern centre add-user' });
  }${OWNER_RULE('userCtx.name')}
}`;

/** A JS string literal of any text (JSON is one, except U+2028/U+2029 in old engines). */
function jsString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** lectern-u-<hex>: only its lecturer writes, and every document is theirs. The name is written
 *  into the function when the database is created, so neither a role nor `_security` (which a
 *  centre administrator, as a database admin, could edit) can open it to someone else. */
export function userDbValidate(owner: string): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var owner = ${jsString(owner)};
  if (userCtx.name !== owner) {
    throw({ forbidden: 'lectern: only ' + owner + ' writes to this database' });
  }${OWNER_RULE('owner')}
}`;
}

/** The design document holding a database's rules. */
export const DESIGN_DOC_ID = '_design/lectern';
