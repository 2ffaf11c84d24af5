// Lectern's storage: the only code that touches IndexedDB (database `lectern`, DESIGN.md §4).
//
//   const store = await openStore();            // openStore('test-x') isolates a test database
//   const deck = await store.createDeck({ markdown });
//   const r = await store.saveDeck(deck.id, text, deck.rev);
//   if (!r.ok) showConflict(r.conflict);        // another tab saved first: nothing was written
//
// Decks      createDeck({markdown, title?}) · getDeck(id) -> DeckRecord|undefined ·
//            listDecks({trash?}) -> DeckSummary[] (summaries only, never the Markdown) ·
//            saveDeck(id, markdown, baseRev) -> {ok:true, record} | {ok:false, conflict} ·
//            duplicateDeck(id) · deleteDeck(id) (to the trash) · restoreDeck(id) ·
//            purgeDeleted({before?, ids?}) (for good, with history and media links)
// Revisions  every accepted save keeps the previous text; last 50 + newest per day for 30 days.
//            listRevisions(deckId) (newest first, no text) · getRevision(deckId, rev) ·
//            restoreRevision(deckId, rev, baseRev) (a save like any other)
// Assets     content-addressed by SHA-256 (Web Crypto; the Blob is read once into memory to
//            hash it), stored as Blobs, shared by every deck that uses the same bytes.
//            putAsset(blob, name?) · addDeckAsset(deckId, path, blob, name?) (store + link in one
//            transaction) · linkAsset / unlinkAsset / renameAssetPath · listDeckAssets(deckId) ·
//            listAssets() (with use counts) · getAsset(id) · getAssetBlob(id) ·
//            gcAssets({graceMs?}) (deletes bytes no deck, trashed decks included, uses) ·
//            tidy({trashDays?}) (start-up housekeeping: purge old trash, then gcAssets) ·
//            blobUrls() -> BlobUrls: acquire(assetId) -> object URL, releaseAll() on unmount
// Import     importDeck({id?, markdown, title?, assets:[{path, blob, sha256?}], excerpts?}): one
//            transaction, all or nothing (bundle import)
// Excerpts   createExcerpt · getExcerpt · updateExcerpt · deleteExcerpt · listExcerpts ·
//            searchExcerpts(query, {tags?}) (case- and diacritic-insensitive, đ = d; the
//            folding is src/text/fold.ts)
// Sessions   createSession · getSession · updateSession · deleteSession ·
//            listSessions({from?, to?, deckId?}) (YYYY-MM-DD, by date)
// Settings   getSettings() (defaults filled) · getSetting(key) · setSetting(key, value)
// Health     estimate() -> {usage, quota} · persisted() · requestPersistence() (also asked
//            automatically on the first deck write)
// Two tabs   subscribe(listener) receives StoreNotice {type, deckId?, rev?, local}: this tab's
//            changes (local: true) and other tabs' (local: false, via BroadcastChannel
//            'lectern'). 'version-change' means another tab upgraded the schema: reload.
// Errors     every failure is a StoreError with `code` ('quota-exceeded', 'conflict',
//            'not-found', 'aborted', 'blocked', 'version-change', 'invalid-input', 'unreadable',
//            'unavailable', 'unknown'), a message in the UI language, the browser's error as
//            `cause`. A failed write leaves the previous state intact.
export { openStore, deleteStore, Store, assertPath, type OpenStoreOptions, type AssetInfo } from './store.ts';
export { StoreError, isStoreError, toStoreError, type StoreErrorCode } from './errors.ts';
export { BlobUrls, type BlobSource } from './blob-urls.ts';
export { sha256Hex, isSha256Hex, STREAM_ABOVE } from './hash.ts';
export { DB_VERSION, DEFAULT_DB_NAME, STORES } from './db.ts';
export { classInkLayer, deckInkLayer } from './ink-layers.ts';
export { DEFAULT_REVISION_POLICY, revisionsToPrune, type RevisionPolicy } from './revision-policy.ts';
export { defaultSummarize, deckSummary, roughSummary, type Summarize } from './summarize.ts';
export * from './types.ts';
