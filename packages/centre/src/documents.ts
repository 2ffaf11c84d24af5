// The documents Lectern writes to a centre server, and the schemas every reply is checked against
// before it reaches the local library (a server, or a colleague's client, may send anything).
// Store records map to these documents one to one; the mapping lives with the app's sync.
import * as v from 'valibot';

const SHA256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const ISO_INSTANT = v.pipe(v.string(), v.isoTimestamp());
const CALENDAR_DATE = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const SHORT = v.pipe(v.string(), v.maxLength(1_000));
/** A deck's text: large decks are a few MB; 20 MB is far beyond any real lesson. */
const DECK_TEXT = v.pipe(v.string(), v.maxLength(20_000_000));
const MEDIA_PATH = v.pipe(v.string(), v.regex(/^media\/[^\0]{1,240}$/));

const couchFields = {
  _id: v.string(),
  _rev: v.optional(v.string()),
  _deleted: v.optional(v.boolean()),
  _conflicts: v.optional(v.array(v.string())),
  /** The user name the document belongs to; the server's validation checks it against the writer. */
  owner: SHORT,
};

/** One `media/...` path of a deck and the content it means. */
export const DeckMediaRef = v.object({
  path: MEDIA_PATH,
  sha256: SHA256,
  type: SHORT,
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  name: v.optional(SHORT),
});

/** `deck:<deckId>` in a lecturer's database or in the centre library. */
export const DeckDoc = v.object({
  ...couchFields,
  type: v.literal('deck'),
  deckId: SHORT,
  title: SHORT,
  markdown: DECK_TEXT,
  createdAt: ISO_INSTANT,
  updatedAt: ISO_INSTANT,
  media: v.pipe(v.array(DeckMediaRef), v.maxLength(10_000)),
  /** Centre library only: who published it and when. */
  publishedBy: v.optional(SHORT),
  publishedAt: v.optional(ISO_INSTANT),
});

/** `media:<sha256>`: the bytes as the attachment `file` (see MEDIA_ATTACHMENT). */
export const MediaDoc = v.object({
  ...couchFields,
  type: v.literal('media'),
  sha256: SHA256,
  mime: SHORT,
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  name: v.optional(SHORT),
});

/** `session:<id>`: a class taught (the store's SessionRecord plus owner). */
export const SessionDoc = v.object({
  ...couchFields,
  type: v.literal('session'),
  sessionId: SHORT,
  deckId: v.optional(SHORT),
  deckTitle: SHORT,
  date: CALENDAR_DATE,
  className: SHORT,
  cohort: SHORT,
  learners: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
  minutes: v.pipe(v.number(), v.minValue(0), v.maxValue(100_000)),
  place: v.optional(SHORT),
  notes: v.optional(v.pipe(v.string(), v.maxLength(100_000))),
  createdAt: ISO_INSTANT,
  updatedAt: ISO_INSTANT,
});

/** `cohorts`: the lecturer's cohort list (ids stable, labels optional). */
export const CohortsDoc = v.object({
  ...couchFields,
  type: v.literal('cohorts'),
  cohorts: v.pipe(
    v.array(v.object({ id: SHORT, label: v.optional(SHORT), learnerNoun: v.optional(SHORT) })),
    v.maxLength(1_000),
  ),
});

/** `lecturer:<name>` in the directory: which database holds a lecturer's records. */
export const LecturerDoc = v.object({
  ...couchFields,
  type: v.literal('lecturer'),
  name: SHORT,
  db: SHORT,
  admin: v.boolean(),
});

export type DeckMediaRef = v.InferOutput<typeof DeckMediaRef>;
export type DeckDoc = v.InferOutput<typeof DeckDoc>;
export type MediaDoc = v.InferOutput<typeof MediaDoc>;
export type SessionDoc = v.InferOutput<typeof SessionDoc>;
export type CohortsDoc = v.InferOutput<typeof CohortsDoc>;
export type LecturerDoc = v.InferOutput<typeof LecturerDoc>;

/** `checkDoc(DeckDoc, reply)` => the typed document, or undefined when it fails the schema: the
 *  app checks every document from a server without importing valibot itself. */
export function checkDoc<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> | undefined {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : undefined;
}
