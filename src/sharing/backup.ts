// Whole-library backup and restore (`.lectern-backup`, format in packages/bundle/src/backup.ts):
// every deck as a complete `.lectern` bundle with its media and excerpts, plus the excerpt
// library and the classes taught (sessions). Built from the stored Blobs without copying them.
//
// Restore checks the WHOLE file first: the backup's structure, every deck's bundle (every rule,
// every SHA-256), every excerpt and session record. Only then does it store, deck by deck, each
// deck in one transaction. Decks already in the library (same id) are skipped by default, or
// kept both / replaced as the user chooses; excerpts and sessions already present are not
// duplicated, so restoring the same backup twice changes nothing.
import { blobChunks, blobSource, BundleError, readBackup, readBundle, writeBackup, type Backup, type Bundle } from '@lectern/bundle';
import { parseDeck, slideNumbering } from '@lectern/deck';
import type { ExcerptInput, ExcerptRecord, SessionInput, SessionRecord, Store } from '../store/index.ts';
import { bundleHash } from './bundle-hash.ts';
import { exportDeck, downloadBlob, GENERATOR } from './export-deck.ts';
import { importBundle, SharingError, type BundlePreview } from './import-bundle.ts';

export interface LibraryExport {
  blob: Blob;
  fileName: string;
  decks: number;
  excerpts: number;
  sessions: number;
}

/** `lectern-2026-03-02.lectern-backup` (the local calendar day). */
export function backupFileName(date = new Date()): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `lectern-${day}.lectern-backup`;
}

export async function exportLibrary(store: Store, options: { onProgress?: (decksDone: number, decks: number) => void } = {}): Promise<LibraryExport> {
  const summaries = await store.listDecks();
  const decks = [];
  for (const [i, summary] of summaries.entries()) {
    const { blob } = await exportDeck(store, summary.id);
    decks.push({ id: summary.id, size: blob.size, blob, chunks: () => blobChunks(blob) });
    options.onProgress?.(i + 1, summaries.length);
  }
  const excerpts = await store.listExcerpts();
  const sessions = await store.listSessions();
  const parts: BlobPart[] = [];
  await writeBackup(
    {
      createdAt: new Date().toISOString(),
      generator: GENERATOR,
      decks,
      excerpts: excerpts as unknown as Record<string, unknown>[],
      sessions: sessions as unknown as Record<string, unknown>[],
    },
    { write: (bytes) => void parts.push(bytes as Uint8Array<ArrayBuffer>), writeBlob: (blob) => void parts.push(blob) },
  );
  const blob = new Blob(parts, { type: 'application/vnd.lectern-backup+zip' });
  return { blob, fileName: backupFileName(), decks: decks.length, excerpts: excerpts.length, sessions: sessions.length };
}

export async function exportLibraryAndDownload(store: Store): Promise<void> {
  const { blob, fileName } = await exportLibrary(store);
  downloadBlob(blob, fileName);
}

export interface BackupDeckPreview {
  id: string;
  title: string;
  slideCount: number;
  mediaSize: number;
  /** A deck with this id is already in the library. */
  exists: boolean;
  preview: BundlePreview;
}

export interface BackupPreview {
  fileName: string;
  createdAt: string;
  decks: BackupDeckPreview[];
  excerpts: ExcerptInput[];
  sessions: SessionInput[];
}

export type RestoreChoice = 'skip' | 'keep-both' | 'replace';

export interface RestoreResult {
  created: number;
  keptBoth: number;
  replaced: number;
  skipped: number;
  excerpts: number;
  sessions: number;
}

const RE_DAY = /^\d{4}-\d{2}-\d{2}$/;
const str = (value: unknown): value is string => typeof value === 'string';
const optionalStr = (value: unknown) => value === undefined || typeof value === 'string';

function excerptInput(record: Record<string, unknown>, at: number): ExcerptInput {
  const ok = str(record.text) && ['source', 'number', 'issuer', 'ref', 'date'].every((key) => optionalStr(record[key])) &&
    (record.tags === undefined || (Array.isArray(record.tags) && record.tags.every(str)));
  if (!ok) throw new BundleError('manifest-schema', `excerpt ${at + 1} is not a valid excerpt`, { entry: 'backup.json' });
  const out: ExcerptInput = { text: record.text as string };
  for (const key of ['source', 'number', 'issuer', 'ref', 'date'] as const) if (str(record[key])) out[key] = record[key] as string;
  if (record.tags) out.tags = record.tags as string[];
  return out;
}

function sessionInput(record: Record<string, unknown>, at: number): SessionInput {
  const { date, learners, minutes } = record;
  const ok = str(date) && RE_DAY.test(date) && typeof learners === 'number' && Number.isInteger(learners) && learners >= 0 &&
    typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 &&
    str(record.className) && str(record.cohort) && str(record.deckTitle) &&
    optionalStr(record.deckId) && optionalStr(record.place) && optionalStr(record.notes);
  if (!ok) throw new BundleError('manifest-schema', `session ${at + 1} is not a valid class record`, { entry: 'backup.json' });
  const out: SessionInput = {
    date: date as string, learners: learners as number, minutes: minutes as number,
    className: record.className as string, cohort: record.cohort as string, deckTitle: record.deckTitle as string,
  };
  for (const key of ['deckId', 'place', 'notes'] as const) if (str(record[key])) out[key] = record[key] as string;
  return out;
}

const excerptKey = (e: Pick<ExcerptRecord, 'text' | 'source' | 'number'> | ExcerptInput) => JSON.stringify([e.text.trim(), e.source?.trim() ?? '', e.number?.trim() ?? '']);
const sessionKey = (s: SessionInput | SessionRecord) => JSON.stringify([s.date, s.className, s.cohort, s.deckTitle, s.learners, s.minutes]);

/**
 * Checks a whole backup; stores nothing.
 * @throws SharingError with the reason's code and, in its details, the backup and deck file.
 */
export async function previewLibraryBackup(store: Store, file: Blob): Promise<BackupPreview> {
  const fileName = typeof (file as File).name === 'string' ? (file as File).name : 'backup.lectern-backup';
  try {
    const backup: Backup = await readBackup(blobSource(file));
    const decks: BackupDeckPreview[] = [];
    for (const entry of backup.decks) {
      const slice = file.slice(entry.range.offset, entry.range.offset + entry.range.length);
      let bundle: Bundle;
      try {
        bundle = await readBundle(blobSource(slice), { hash: await bundleHash() });
      } catch (error) {
        if (error instanceof BundleError) {
          throw new SharingError(error.code, { file: fileName, backup: true, entry: entry.file }, { cause: error });
        }
        throw error;
      }
      const existing = await store.getDeck(bundle.manifest.id);
      const live = existing !== undefined && existing.deletedAt === undefined;
      const slideCount = slideNumbering(parseDeck(bundle.deck)).count;
      const preview: BundlePreview = {
        fileName: entry.file, file: slice, bundle, title: bundle.manifest.title, slideCount,
        mediaCount: bundle.assets.length, mediaSize: bundle.mediaSize, excerptCount: bundle.manifest.excerpts.length,
        action: live ? 'conflict' : 'create',
      };
      decks.push({ id: bundle.manifest.id, title: bundle.manifest.title, slideCount, mediaSize: bundle.mediaSize, exists: live, preview });
    }
    return {
      fileName,
      createdAt: backup.manifest.createdAt,
      decks,
      excerpts: backup.manifest.excerpts.map(excerptInput),
      sessions: backup.manifest.sessions.map(sessionInput),
    };
  } catch (error) {
    if (error instanceof SharingError) throw error;
    if (error instanceof BundleError) throw new SharingError(error.code, { file: fileName, backup: true }, { cause: error });
    throw new SharingError('store', { file: fileName, backup: true }, { cause: error });
  }
}

/** Restores a backup (a File, or its preview). @throws SharingError */
export async function restoreLibrary(store: Store, input: Blob | BackupPreview, options: { onConflict?: RestoreChoice } = {}): Promise<RestoreResult> {
  const preview = input instanceof Blob ? await previewLibraryBackup(store, input) : input;
  const choice = options.onConflict ?? 'skip';
  const result: RestoreResult = { created: 0, keptBoth: 0, replaced: 0, skipped: 0, excerpts: 0, sessions: 0 };
  // Sessions point at decks by id; a deck restored under a new id (keep both) takes them along.
  const newIds = new Map<string, string>();
  for (const deck of preview.decks) {
    if (deck.exists && choice === 'skip') {
      result.skipped++;
      continue;
    }
    const done = await importBundle(store, deck.preview, { onConflict: choice === 'replace' ? 'replace' : 'keep-both' });
    if (done.action === 'created') result.created++;
    else if (done.action === 'kept-both') result.keptBoth++;
    else result.replaced++;
    if (done.deck.id !== deck.id) newIds.set(deck.id, done.deck.id);
  }
  try {
    const excerpts = new Set((await store.listExcerpts()).map(excerptKey));
    for (const excerpt of preview.excerpts) {
      if (excerpts.has(excerptKey(excerpt))) continue;
      excerpts.add(excerptKey(excerpt));
      await store.createExcerpt(excerpt);
      result.excerpts++;
    }
    const sessions = new Set((await store.listSessions()).map(sessionKey));
    for (const session of preview.sessions) {
      if (sessions.has(sessionKey(session))) continue;
      sessions.add(sessionKey(session));
      const deckId = session.deckId !== undefined ? (newIds.get(session.deckId) ?? session.deckId) : undefined;
      await store.createSession({ ...session, ...(deckId !== undefined ? { deckId } : {}) });
      result.sessions++;
    }
  } catch (error) {
    throw new SharingError('store', { file: preview.fileName, backup: true }, { cause: error });
  }
  return result;
}
