// Store records <-> the documents of the lecturer's database on the centre server (shapes and
// schemas: @lectern/centre). One table of which record is which document; the sync engine and the
// conflict view both go through it.
//
// A record's *signature* is the part of its content that survives the round trip through the
// server (a deck's Markdown, its media paths and hashes, whether it is in the trash; every field
// of a session; the cohort list). Store and replica agree on a record when their signatures match;
// fields the receiving store sets by itself (a deck's times, an asset's first file name) are left
// out, so a deck arriving from another machine is not sent back as a change.
import * as v from 'valibot';
import { CohortsDoc, DeckDoc, SessionDoc, docId } from '@lectern/centre';
import { ABSENT, digest } from './signatures.ts';
import type { CohortSetting, DeckAssetInfo, DeckRecord, SessionRecord } from '../store/index.ts';

export { ABSENT, deckSignature } from './signatures.ts';

/** What the replica holds for a record, without CouchDB's own fields. */
export type DeckBody = Omit<DeckDoc, '_id' | '_rev' | '_deleted' | '_conflicts'>;
export type SessionBody = Omit<SessionDoc, '_id' | '_rev' | '_deleted' | '_conflicts'>;
export type CohortsBody = Omit<CohortsDoc, '_id' | '_rev' | '_deleted' | '_conflicts'>;

/** `deck:<id>`, `session:<id>`, `cohorts`: the keys the sync tracks (media are not records). */
export type RecordKey = string;

export function deckKey(deckId: string): RecordKey {
  return docId.deck(deckId);
}
export function sessionKey(sessionId: string): RecordKey {
  return docId.session(sessionId);
}
export const COHORTS_KEY: RecordKey = docId.cohorts();

export type KeyKind = { kind: 'deck'; deckId: string } | { kind: 'session'; sessionId: string } | { kind: 'cohorts' } | { kind: 'other' };

export function kindOfKey(key: string): KeyKind {
  if (key.startsWith('deck:')) return { kind: 'deck', deckId: key.slice(5) };
  if (key.startsWith('session:')) return { kind: 'session', sessionId: key.slice(8) };
  if (key === COHORTS_KEY) return { kind: 'cohorts' };
  return { kind: 'other' };
}

export function deckBody(record: DeckRecord, assets: readonly DeckAssetInfo[], owner: string): DeckBody {
  return {
    type: 'deck',
    owner,
    deckId: record.id,
    title: record.title.slice(0, 1_000),
    markdown: record.markdown,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    media: [...assets]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((a) => ({ path: a.path, sha256: a.assetId, type: a.type, size: a.size, ...(a.name ? { name: a.name.slice(0, 1_000) } : {}) })),
  };
}

export function sessionBody(record: SessionRecord, owner: string): SessionBody {
  // The document is the record's fields, its id as `sessionId`, plus type and owner.
  const { id, ...fields } = record;
  return { type: 'session', owner, sessionId: id, ...fields };
}

export function sessionRecord(doc: SessionDoc): SessionRecord {
  const { _id, _rev, _deleted, _conflicts, type: _type, owner: _owner, sessionId, ...fields } = doc;
  return { id: sessionId, ...fields };
}

export function cohortsBody(cohorts: readonly CohortSetting[], owner: string): CohortsBody {
  return { type: 'cohorts', owner, cohorts: cohorts.map((c) => ({ ...c })) };
}

export function sessionSignature(body: SessionBody | undefined): Promise<string> {
  if (!body) return Promise.resolve(ABSENT);
  const { owner: _owner, ...fields } = body;
  return digest(['session', Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1))]);
}

export function cohortsSignature(cohorts: readonly CohortSetting[] | undefined): Promise<string> {
  if (!cohorts) return Promise.resolve(ABSENT);
  return digest(['cohorts', cohorts.map((c) => [c.id, c.label ?? null, c.learnerNoun ?? null])]);
}

/** An incoming replica document, checked: a valid record of this lecturer, a deletion, or refused. */
export type Incoming =
  | { kind: 'deck'; doc: DeckDoc }
  | { kind: 'session'; doc: SessionDoc }
  | { kind: 'cohorts'; doc: CohortsDoc }
  | { kind: 'deleted'; key: KeyKind }
  | { kind: 'refused'; reason: string };

export function checkIncoming(raw: unknown, key: string, owner: string): Incoming {
  const kind = kindOfKey(key);
  if (kind.kind === 'other') return { kind: 'refused', reason: `unknown document ${key}` };
  if (typeof raw === 'object' && raw !== null && (raw as { _deleted?: unknown })._deleted === true) return { kind: 'deleted', key: kind };
  const schema = kind.kind === 'deck' ? DeckDoc : kind.kind === 'session' ? SessionDoc : CohortsDoc;
  const parsed = v.safeParse(schema, raw);
  if (!parsed.success) return { kind: 'refused', reason: `${key}: ${parsed.issues[0]?.message ?? 'invalid'}` };
  const doc = parsed.output;
  if (doc._id !== key) return { kind: 'refused', reason: `${key}: id ${doc._id}` };
  if (doc.owner !== owner) return { kind: 'refused', reason: `${key}: owner ${doc.owner}` };
  if (doc.type === 'deck') {
    if (kind.kind !== 'deck' || doc.deckId !== kind.deckId) return { kind: 'refused', reason: `${key}: deckId` };
    return { kind: 'deck', doc };
  }
  if (doc.type === 'session') {
    if (kind.kind !== 'session' || doc.sessionId !== kind.sessionId) return { kind: 'refused', reason: `${key}: sessionId` };
    return { kind: 'session', doc };
  }
  if (doc.type === 'cohorts') return { kind: 'cohorts', doc };
  return { kind: 'refused', reason: `${key}: type` };
}
