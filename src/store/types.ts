// Records kept in IndexedDB (database `lectern`, schema in ./db.ts). These shapes are persistent:
// a field renamed or retyped here needs a migration step in db.ts, because old records stay on
// users' disks. Dates are ISO 8601 strings (sortable, structured-clone friendly); a session's
// `date` is a calendar day `YYYY-MM-DD`.
import type { InkStroke } from '@lectern/bundle';

/** What the library lists for a deck: everything but the text. Kept in its own object store
 *  (`deckSummaries`), so listing 1,000 decks never reads 1,000 Markdown files. */
export interface DeckSummary {
  id: string;
  title: string;
  audience?: string;
  tags: string[];
  /** Planned minutes from the front matter. */
  duration?: number;
  slideCount: number;
  /** Characters of Markdown (for "large deck" hints; not bytes). */
  length: number;
  createdAt: string;
  updatedAt: string;
  /** Increases by one on every accepted save; `saveDeck` needs the rev it started from. */
  rev: number;
  /** Set while the deck is in the trash (deleteDeck); cleared by restoreDeck. */
  deletedAt?: string;
}

/** The fields of a summary that come from the deck's text (see summarize.ts). */
export interface DeckDigest {
  title?: string;
  audience?: string;
  tags: string[];
  duration?: number;
  slideCount: number;
}

/** A full deck: summary fields plus the Markdown. */
export interface DeckRecord extends DeckSummary {
  markdown: string;
}

/** A previous text of a deck. Key: [deckId, rev]. `rev` is the rev the text had while current. */
export interface RevisionRecord {
  deckId: string;
  rev: number;
  markdown: string;
  /** When this text was saved (it was the deck's updatedAt then). */
  savedAt: string;
}

/** A revision without its text, for listing (read from index keys only). */
export type RevisionInfo = Omit<RevisionRecord, 'markdown'>;

/** A media file, content-addressed: `id` is the SHA-256 of the bytes (lower-case hex). The same
 *  bytes used by two decks are stored once. `blob` is a Blob, never base64 or a string. */
export interface AssetRecord {
  id: string;
  /** The bytes, inline: records written before schema 4, and imports. */
  blob?: Blob;
  /** Else the key of the bytes in `assetBlobs` (putAsset/addDeckAsset write them while hashing). */
  blobKey?: string;
  /** MIME type (from the Blob, else guessed from the name). */
  type: string;
  size: number;
  /** The first file name it arrived with (for the media panel); may be ''. */
  name: string;
  createdAt: string;
  /** Last time the same bytes were stored again (deduplicated); gcAssets' grace period counts
   *  from here, so re-adding an unused file and then linking it cannot lose it to a GC. */
  putAt?: string;
}

/** Which asset a deck's `media/...` path means. Key: [deckId, path]. */
export interface DeckAssetRecord {
  deckId: string;
  path: string;
  assetId: string;
}

/** One row of the media panel. */
export interface DeckAssetInfo {
  path: string;
  assetId: string;
  type: string;
  size: number;
  name: string;
}

/** A quotation from a resolution or other document, reusable across decks. */
export interface ExcerptRecord {
  id: string;
  text: string;
  /** The document's title, e.g. "Nghị quyết Đại hội XII". */
  source?: string;
  /** Official number, e.g. `120-KL/ĐUK`. */
  number?: string;
  issuer?: string;
  /** Section or page. */
  ref?: string;
  /** The document's date, `YYYY-MM-DD` (or as written). */
  date?: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export type ExcerptInput = Omit<ExcerptRecord, 'id' | 'createdAt' | 'updatedAt' | 'tags'> & { tags?: string[] };

/** A class that was taught (the sessions issue builds the UI and the half-year report on it). */
export interface SessionRecord {
  id: string;
  /** May point at a deck that was deleted since; `deckTitle` keeps the name for the report. */
  deckId?: string;
  deckTitle: string;
  /** `YYYY-MM-DD`, the day taught. */
  date: string;
  className: string;
  /** A cohort id of settings.cohorts (src/sessions/cohorts.ts): 'new-members', 'candidates',
   *  'secretaries', 'specialist', 'other', or a user-added id. Labels are looked up, never stored. */
  cohort: string;
  learners: number;
  minutes: number;
  place?: string;
  notes?: string;
  /** The ink drawn in this class (store `ink`, layer `class:<id>`), when it left any: deleting
   *  the session deletes it. Set when the class is recorded after presenting; an update keeps it. */
  inkLayer?: string;
  createdAt: string;
  updatedAt: string;
}

export type SessionInput = Omit<SessionRecord, 'id' | 'createdAt' | 'updatedAt'>;

/** Presenter preferences kept between lessons. */
export interface PresenterSettings {
  /** Open the speaker view when presenting starts. */
  speakerView: boolean;
  /** Show a countdown for the lesson's planned duration (else elapsed time). */
  countdown: boolean;
  /** reveal.js transition name. */
  transition: 'none' | 'fade' | 'slide' | 'convex' | 'concave' | 'zoom';
}

/** Every setting with its type. Missing keys read as DEFAULT_SETTINGS. */
export interface Settings {
  lang: 'vi' | 'en';
  /** Default reveal.js theme for decks that name none. */
  theme: string;
  /** UI colour scheme. */
  appearance: 'system' | 'light' | 'dark';
  presenter: PresenterSettings;
  /** Training centre's name, printed on handouts and the half-year report. */
  centreName: string;
  /** Cohorts offered for sessions, in report order; [] means the built-in list
   *  (src/sessions/cohorts.ts). Ids are stable, labels editable. */
  cohorts: CohortSetting[];
  /** Centre sync (src/sync): the server and user name while connected, null when off. The
   *  password is never kept here. */
  centreSync: CentreSyncSetting | null;
}

export interface CentreSyncSetting {
  server: string;
  user: string;
  /** ISO instant of the last complete sync. */
  lastSyncedAt?: string;
}

/** One cohort of the sessions' list: sessions store `id`; `label`/`learnerNoun` are the user's
 *  own wording (absent: the built-in wording in the UI language). */
export interface CohortSetting {
  id: string;
  label?: string;
  learnerNoun?: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  lang: 'vi',
  theme: 'white',
  appearance: 'system',
  presenter: Object.freeze({ speakerView: true, countdown: true, transition: 'slide' }),
  centreName: '',
  cohorts: [],
  centreSync: null,
});

/** Result of saveDeck: a save on a stale rev is refused, never applied. */
export type SaveResult = { ok: true; record: DeckRecord } | { ok: false; conflict: DeckRecord };

/** One media file of an import. */
/** A media file of an import. Its type is decided from its bytes (media-bytes.ts), never declared. */
export interface ImportAssetInput {
  path: string;
  blob: Blob;
  name?: string;
  /** The SHA-256 (lower-case hex) of exactly these bytes, computed by the caller while it read
   *  them (the bundle reader verifies every asset against its manifest): the store keys the
   *  asset by it and does not hash the bytes again. Absent: the store hashes the Blob. */
  sha256?: string;
  /** Only for files shipped with the app (the first-run samples): the type the store's own rules
   *  gave these exact bytes at build time (vite.deck-summary.ts), with their `sha256`. Taken as is,
   *  so seeding loads no media table. Never set from a bundle, a drop or any user input. */
  shippedType?: string;
}

/** What importDeck takes (bundle import): everything is stored, or nothing. */
export interface ImportDeckInput {
  /** Keep this id (a bundle's manifest id, so a later bundle of the same deck is recognised);
   *  default: a new random UUID. If a deck with this id exists (trash included), the import is
   *  refused with StoreError 'conflict' and nothing is written -- never overwritten. */
  id?: string;
  markdown: string;
  /** Used when the Markdown has no title of its own (e.g. the bundle manifest's title). */
  title?: string;
  assets?: ImportAssetInput[];
  excerpts?: ExcerptInput[];
  /** The rule the media paths were checked under (the bundle package's `assertAssetPath` for a
   *  bundle); throwing refuses the import. Default: the store's own `assertPath`. */
  checkPath?: (path: string) => void;
  /** The summary fields, when the caller has them already (the samples carry theirs, computed
   *  at build time): the store then does not load the deck parser for this import. */
  digest?: DeckDigest;
}

/** What replaceDeck takes: an import over an existing deck, as a save on `baseRev`. */
export interface ReplaceDeckInput extends Omit<ImportDeckInput, 'id' | 'title'> {
  id: string;
  baseRev: number;
}

/** Announced to every Store on the same database (this tab and others) after a commit. */
export type StoreEvent =
  | { type: 'deck-created' | 'deck-deleted' | 'deck-restored' | 'deck-purged'; deckId: string }
  | { type: 'deck-saved'; deckId: string; rev: number }
  | { type: 'deck-assets-changed'; deckId: string }
  | { type: 'assets-changed' }
  | { type: 'excerpts-changed' }
  | { type: 'sessions-changed' }
  | { type: 'settings-changed'; key: keyof Settings }
  | { type: 'version-change' };

/** A StoreEvent as a listener receives it. */
export type StoreNotice = StoreEvent & {
  /** True when this Store instance made the change; false for another tab or connection. */
  local: boolean;
};

/** One stroke drawn on a slide (src/present/ink): the bundle format's description of a stroke
 *  (packages/bundle ink.ts) is the one truth. Coordinates are fractions of the slide's width and
 *  height, so the ink lands on the same words at any window size. */
export type { InkStroke };

/** The ink of one slide in one layer: `class:<id>` (one class) or `deck:<deckId>` (kept on the deck). */
export interface InkRecord {
  layer: string;
  deckId: string;
  /** reveal.js indices `h.v`. */
  slide: string;
  strokes: InkStroke[];
  updatedAt: string;
}

/** One slide's change in one layer, as undo/redo replays it: the strokes removed (with the index
 *  each had) and the strokes appended. Every ink tool's change has this shape (draw appends,
 *  erase and clear remove, "keep on the deck" removes from one layer and appends to the other). */
export interface InkChange {
  kind: 'class' | 'deck';
  slide: string;
  removed: { index: number; stroke: InkStroke }[];
  added: InkStroke[];
}

/** A class's undo/redo history (each entry one user action, possibly over two layers), kept with
 *  the class's ink so that it survives a reload. */
export interface InkHistory {
  undo: InkChange[][];
  redo: InkChange[][];
}
