// Lectern's storage: the only code that touches IndexedDB (database `lectern`, docs/storage.md).
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
// Assets     content-addressed by SHA-256 (Web Crypto up to 256 MiB, streamed slices above),
//            stored as Blobs, shared by every deck that uses the same bytes.
//            putAsset(blob, name?) · addDeckAsset(deckId, path, blob, name?) (store + link in one
//            transaction) · linkAsset / unlinkAsset / renameAssetPath · listDeckAssets(deckId) ·
//            listAssets() (with use counts) · getAsset(id) · getAssetBlob(id) ·
//            gcAssets({graceMs?}) (deletes bytes no deck, trashed decks included, uses) ·
//            tidy({trashDays?}) (start-up housekeeping: purge old trash, then gcAssets) ·
//            blobUrls() -> BlobUrls: acquire(assetId) -> object URL, releaseAll() on unmount
// Import     importDeck({id?, markdown, title?, assets:[{path, blob, sha256?}], excerpts?,
//            checkPath?, digest?}): one transaction, all or nothing (bundle import; a given
//            sha256 is the caller's verified hash, not computed again) ·
//            replaceDeck({id, baseRev, markdown, assets, excerpts, checkPath?}): an import over
//            an existing deck as ONE transaction (text saved as a revision, media relinked)
// Summaries  written with every deck (deckSummaries); the deck parser (@lectern/deck) is loaded
//            with import() on the first write that needs one, never to list decks
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
//            'unavailable', 'unknown') and a developer `detail`, the browser's error as `cause`.
//            No UI text here: the app translates the code when it shows the error
//            (src/app/error-text.ts). A failed write leaves the previous state intact.
export { openStore, deleteStore, Store, assertPath, type OpenStoreOptions, type AssetInfo, type WriteStep } from './store.ts';
export { StoreError, isStoreError, toStoreError, type StoreErrorCode } from './errors.ts';
export { BlobUrls, type BlobSource } from './blob-urls.ts';
export { sha256Hex, isSha256Hex, STREAM_ABOVE } from './hash.ts';
export { DB_VERSION, DEFAULT_DB_NAME, STORES } from './db.ts';
export { classInkLayer, deckInkLayer, inkHistoryLayer, isClassInkLayer } from './ink-layers.ts';
export { DEFAULT_REVISION_POLICY, revisionsToPrune, type RevisionPolicy } from './revision-policy.ts';
export type { Summarize } from './summarize.ts';
export * from './types.ts';
