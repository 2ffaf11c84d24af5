// A whole-library backup (`.lectern-backup`): one zip holding `backup.json` and one complete
// `.lectern` bundle per deck under `decks/`, stored uncompressed so each can be read in place as
// a slice of the backup file and checked with readBundle like any bundle from a colleague.
//
//   backup.json  {"format":"lectern-backup","version":1,"createdAt":ISO,"generator":"…",
//                 "decks":[{"id":"…","file":"decks/<id>.lectern"}],
//                 "excerpts":[{…}],"sessions":[{…}]}
//
// Excerpt and session records are checked here only for shape and size (objects, bounded); the
// app validates their fields as it stores them (the store owns those records).

import * as v from 'valibot';
import type { ByteSource } from './byte-source.ts';
import type { Crc32 } from './entry-data.ts';
import { readEntryBytes } from './entry-data.ts';
import { BundleError } from './errors.ts';
import { resolveLimits, type ReadLimits } from './limits.ts';
import { readZipDirectory } from './zip-directory.ts';
import { dosDateTime, METHOD_STORE } from './zip-format.ts';
import { crc32 as jsCrc32 } from './crc32.ts';
import { ZipWriter, type BundleSink } from './write-bundle.ts';
import { noHash } from './hash.ts';

export const BACKUP_FORMAT = 'lectern-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_MANIFEST = 'backup.json';
const RE_DECK_FILE = /^decks\/[A-Za-z0-9._-]{1,200}\.lectern$/;

const BackupSchemaV1 = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  generator: v.optional(v.pipe(v.string(), v.maxLength(200))),
  decks: v.pipe(
    v.array(v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)), file: v.pipe(v.string(), v.regex(RE_DECK_FILE)) })),
    v.maxLength(100_000),
  ),
  excerpts: v.pipe(v.array(v.record(v.string(), v.unknown())), v.maxLength(100_000)),
  sessions: v.pipe(v.array(v.record(v.string(), v.unknown())), v.maxLength(1_000_000)),
});

export type BackupManifest = v.InferOutput<typeof BackupSchemaV1>;

export interface BackupDeckEntry {
  id: string;
  file: string;
  /** Where the deck's bundle lies in the backup: read it with readBundle over this slice. */
  range: { offset: number; length: number };
}

export interface Backup {
  manifest: BackupManifest;
  decks: BackupDeckEntry[];
}

/** Backups hold whole libraries: the per-entry limit is the per-bundle one, the total is what a
 *  classic zip can address. */
const BACKUP_DEFAULTS: Partial<ReadLimits> = { maxEntrySize: 2048 * 1024 * 1024, maxTotalSize: 0xffffffff, maxManifestSize: 256 * 1024 * 1024 };

/**
 * Reads and checks a backup's structure and backup.json (decks themselves: readBundle each range).
 * @throws BundleError
 */
export async function readBackup(source: ByteSource, options: { limits?: Partial<ReadLimits>; crc32?: Crc32 } = {}): Promise<Backup> {
  const limits = resolveLimits({ ...BACKUP_DEFAULTS, ...options.limits });
  const entries = await readZipDirectory(source, limits);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const head = byName.get(BACKUP_MANIFEST);
  if (!head || head.isDirectory) throw new BundleError('manifest-missing', 'the file has no backup.json: it is not a Lectern library backup');
  if (head.size > limits.maxManifestSize) throw new BundleError('limit-entry-size', `is ${head.size} bytes; the limit is ${limits.maxManifestSize}`, { entry: BACKUP_MANIFEST });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readEntryBytes(source, head, options.crc32)));
  } catch (cause) {
    if (cause instanceof BundleError) throw cause;
    throw new BundleError('manifest-json', 'is not UTF-8 JSON', { entry: BACKUP_MANIFEST, cause });
  }
  const envelope = v.safeParse(v.object({ format: v.string(), version: v.number() }), json);
  if (envelope.success && envelope.output.format !== BACKUP_FORMAT) {
    throw new BundleError('unsupported-format', `format "${envelope.output.format.slice(0, 100)}" is not "${BACKUP_FORMAT}"`, { entry: BACKUP_MANIFEST });
  }
  if (envelope.success && envelope.output.version > BACKUP_VERSION) {
    throw new BundleError('unsupported-version', `backup version ${envelope.output.version} was made by a newer Lectern`, { entry: BACKUP_MANIFEST });
  }
  const parsed = v.safeParse(BackupSchemaV1, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((item) => String(item.key)).join('.') ?? '';
    throw new BundleError('manifest-schema', where ? `${where}: ${issue.message}` : issue.message, { entry: BACKUP_MANIFEST });
  }
  const manifest = parsed.output;
  const declared = new Set(manifest.decks.map((deck) => deck.file));
  if (declared.size !== manifest.decks.length) throw new BundleError('path-duplicate', 'backup.json lists a deck file twice', { entry: BACKUP_MANIFEST });
  for (const entry of entries) {
    if (entry.name !== BACKUP_MANIFEST && !declared.has(entry.name) && !(entry.isDirectory && entry.name === 'decks/')) {
      throw new BundleError('entry-undeclared', 'the backup holds a file backup.json does not list', { entry: entry.name });
    }
  }
  const decks = manifest.decks.map(({ id, file }) => {
    const entry = byName.get(file);
    if (!entry || entry.isDirectory) throw new BundleError('asset-missing', 'backup.json lists this deck but the backup does not hold it', { entry: file });
    if (entry.method !== METHOD_STORE) throw new BundleError('zip-unsupported', 'deck bundles in a backup must be stored, not compressed', { entry: file });
    return { id, file, range: { offset: entry.dataOffset, length: entry.size } };
  });
  return { manifest, decks };
}

export interface WriteBackupInput {
  createdAt: string;
  generator: string;
  /** Each deck's complete bundle (writeBundleToBlob) or its bytes as chunks. */
  decks: { id: string; size: number; chunks(): AsyncIterable<Uint8Array>; blob?: Blob }[];
  excerpts: Record<string, unknown>[];
  sessions: Record<string, unknown>[];
}

/** Writes a backup to `sink`. @throws BundleError limit-total-size past 4 GiB. */
export async function writeBackup(input: WriteBackupInput, sink: BundleSink, options: { crc32?: Crc32 } = {}): Promise<BackupManifest> {
  const writer = new ZipWriter(sink, dosDateTime(new Date(input.createdAt)), options.crc32 ?? jsCrc32);
  const decks: BackupManifest['decks'] = [];
  // The file name is derived from the id but limited to safe characters; a counter keeps it unique.
  const used = new Set<string>();
  for (const [i, deck] of input.decks.entries()) {
    let base = deck.id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 180) || `deck-${i}`;
    if (used.has(base.toLowerCase())) base = `${base}-${i}`;
    used.add(base.toLowerCase());
    const file = `decks/${base}.lectern`;
    // No need for a SHA-256 here: the bundle inside carries its own for every asset.
    await writer.addStored({ path: file, type: 'application/zip', ...deck }, noHash, () => undefined);
    decks.push({ id: deck.id, file });
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: input.createdAt, generator: input.generator,
    decks, excerpts: input.excerpts, sessions: input.sessions,
  };
  await writer.addDeflated(BACKUP_MANIFEST, new TextEncoder().encode(`${JSON.stringify(manifest)}\n`), 6);
  await writer.finish();
  return manifest;
}
