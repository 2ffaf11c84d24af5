// Reads a zip's table of contents from the tail of the input without touching entry data: the
// end-of-central-directory record, then the central directory, then each local header (to find
// where the data starts and to check it agrees with the directory). Everything here is bounds
// checked, because every number in it was written by someone we do not trust.

import type { ByteSource } from './byte-source.ts';
import { BundleError } from './errors.ts';
import type { ReadLimits } from './limits.ts';
import { assertSafePath, foldPath } from './paths.ts';
import {
  CENTRAL_HEADER_SIZE, EOCD_SIZE, FLAG_ENCRYPTED, FLAG_STRONG_ENCRYPTION, HOST_OSX, HOST_UNIX,
  LOCAL_HEADER_SIZE, MAX_COMMENT, METHOD_DEFLATE, METHOD_STORE, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG,
  SIG_CENTRAL, SIG_EOCD, SIG_LOCAL, SIG_ZIP64_LOCATOR,
} from './zip-format.ts';

export interface ZipEntry {
  name: string;
  isDirectory: boolean;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Declared uncompressed size (checked again while inflating). */
  size: number;
  localOffset: number;
  /** Where the entry's (compressed) bytes start; set once the local header is read. */
  dataOffset: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readSlice(source: ByteSource, offset: number, length: number, entry?: string, into?: Uint8Array): Promise<Uint8Array> {
  try {
    const bytes = await source.read(offset, length, into);
    if (bytes.length !== length) throw new Error(`short read: ${bytes.length} of ${length} bytes at ${offset}`);
    return bytes;
  } catch (cause) {
    throw new BundleError('read-failed', 'the file could not be read', { cause, ...(entry === undefined ? {} : { entry }) });
  }
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

interface EndRecord { entries: number; cdSize: number; cdOffset: number; eocdOffset: number }

async function findEndRecord(source: ByteSource, limits: ReadLimits): Promise<EndRecord> {
  const size = source.size;
  const head = size >= 4 ? await readSlice(source, 0, 4) : new Uint8Array(0);
  const looksLikeZip = head.length === 4 && view(head).getUint32(0, true) === SIG_LOCAL;
  const notFound = () =>
    looksLikeZip
      ? new BundleError('truncated', 'the file is cut short: its zip directory is missing (incomplete download or copy?)')
      : new BundleError('not-a-zip', 'this is not a Lectern bundle (not a zip file)');
  if (size < EOCD_SIZE) throw notFound();
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = await readSlice(source, tailStart, tailLength);
  const dv = view(tail);
  // Scan backwards for the record whose comment ends exactly at the end of the file: a crafted
  // comment may contain the signature too.
  for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
    if (dv.getUint32(i, true) !== SIG_EOCD) continue;
    if (i + EOCD_SIZE + dv.getUint16(i + 20, true) !== tailLength) continue;
    const disk = dv.getUint16(i + 4, true);
    const cdDisk = dv.getUint16(i + 6, true);
    const entriesHere = dv.getUint16(i + 8, true);
    const entries = dv.getUint16(i + 10, true);
    const cdSize = dv.getUint32(i + 12, true);
    const cdOffset = dv.getUint32(i + 16, true);
    const eocdOffset = tailStart + i;
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff ||
        (i >= 20 && dv.getUint32(i - 20, true) === SIG_ZIP64_LOCATOR)) {
      throw new BundleError('zip-unsupported', 'ZIP64 archives are not supported (bundles are limited to 4 GiB)');
    }
    if (disk !== 0 || cdDisk !== 0 || entriesHere !== entries) {
      throw new BundleError('zip-unsupported', 'multi-part (split) zip archives are not supported');
    }
    if (entries > limits.maxEntries) {
      throw new BundleError('limit-entries', `the bundle declares ${entries} entries; the limit is ${limits.maxEntries}`);
    }
    if (cdOffset + cdSize !== eocdOffset) {
      throw new BundleError('zip-invalid', 'the zip directory is not where the file says it is');
    }
    return { entries, cdSize, cdOffset, eocdOffset };
  }
  throw notFound();
}

function checkLimits(entries: ZipEntry[], limits: ReadLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.size > limits.maxEntrySize) {
      throw new BundleError('limit-entry-size', `declares ${entry.size} bytes; the limit per entry is ${limits.maxEntrySize}`, { entry: entry.name });
    }
    total += entry.size;
    if (total > limits.maxTotalSize) {
      throw new BundleError('limit-total-size', `the entries add up to more than the limit of ${limits.maxTotalSize} bytes`, { entry: entry.name });
    }
    if (entry.method === METHOD_STORE && entry.compressedSize !== entry.size) {
      throw new BundleError('zip-invalid', 'a stored entry whose sizes disagree', { entry: entry.name });
    }
    if (entry.method === METHOD_DEFLATE && entry.size > limits.ratioFloor &&
        entry.size > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1)) {
      throw new BundleError(
        'limit-ratio',
        `expands ${entry.compressedSize} bytes to ${entry.size} (more than ${limits.maxCompressionRatio}x): a zip bomb`,
        { entry: entry.name },
      );
    }
  }
}

/** A file named like another entry's folder (`media/a` and `media/a/b.png`) cannot both be
 *  written to a disk: refused like any other collision (case and Unicode form ignored). */
export function assertNoFileFolderClash(files: readonly string[]): void {
  const folders = new Set<string>();
  for (const name of files) {
    const parts = foldPath(name).split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  for (const name of files) {
    if (folders.has(foldPath(name))) throw new BundleError('path-duplicate', 'a file has the same name as a folder of another entry', { entry: name });
  }
}

/** Reads and checks the directory. Entry data is not read. */
export async function readZipDirectory(source: ByteSource, limits: ReadLimits): Promise<ZipEntry[]> {
  const end = await findEndRecord(source, limits);
  const cd = await readSlice(source, end.cdOffset, end.cdSize);
  const dv = view(cd);
  const entries: ZipEntry[] = [];
  const seen = new Map<string, string>();
  let p = 0;
  for (let n = 0; n < end.entries; n++) {
    if (p + CENTRAL_HEADER_SIZE > cd.length || dv.getUint32(p, true) !== SIG_CENTRAL) {
      throw new BundleError('zip-invalid', `the zip directory is damaged at entry ${n + 1}`);
    }
    const madeBy = dv.getUint16(p + 4, true);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const externalAttrs = dv.getUint32(p + 38, true);
    const localOffset = dv.getUint32(p + 42, true);
    const recordEnd = p + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (recordEnd > cd.length) throw new BundleError('zip-invalid', `the zip directory is damaged at entry ${n + 1}`);
    let name: string;
    try {
      name = utf8.decode(cd.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLength));
    } catch (cause) {
      throw new BundleError('path-encoding', `entry ${n + 1} has a name that is not valid UTF-8`, { cause });
    }
    p = recordEnd;

    assertSafePath(name);
    const host = madeBy >>> 8;
    const mode = (externalAttrs >>> 16) & S_IFMT;
    if ((host === HOST_UNIX || host === HOST_OSX) && mode !== 0) {
      if (mode === S_IFLNK) throw new BundleError('path-symlink', 'symbolic links are not allowed in a bundle', { entry: name });
      if (mode !== S_IFREG && mode !== S_IFDIR) {
        throw new BundleError('path-invalid', 'only plain files and folders are allowed in a bundle', { entry: name });
      }
    }
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
      throw new BundleError('zip-unsupported', 'encrypted entries are not supported', { entry: name });
    }
    if (method !== METHOD_STORE && method !== METHOD_DEFLATE) {
      throw new BundleError('zip-unsupported', `compression method ${method} is not supported (only store and deflate)`, { entry: name });
    }
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new BundleError('zip-unsupported', 'ZIP64 entries are not supported', { entry: name });
    }
    const key = foldPath(name.endsWith('/') ? name.slice(0, -1) : name);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new BundleError(
        'path-duplicate',
        other === name ? 'the bundle holds two entries with this name' : `collides with "${other}" (same name ignoring case or Unicode form)`,
        { entry: name },
      );
    }
    seen.set(key, name);
    const isDirectory = name.endsWith('/') || mode === S_IFDIR || (externalAttrs & 0x10) !== 0;
    if (isDirectory && (size !== 0 || !name.endsWith('/'))) {
      throw new BundleError('zip-invalid', 'a folder entry that holds data', { entry: name });
    }
    entries.push({ name, isDirectory, method, flags, crc, compressedSize, size, localOffset, dataOffset: -1 });
  }
  if (p !== cd.length) throw new BundleError('zip-invalid', 'the zip directory has trailing bytes');
  assertNoFileFolderClash(entries.filter((entry) => !entry.isDirectory).map((entry) => entry.name));
  checkLimits(entries, limits);
  await locateData(source, entries, end.cdOffset);
  return entries;
}

/** Reads each local header; checks it agrees with the directory and that no two entries overlap
 *  (overlapping entries are how the "non-recursive" zip bombs multiply their output). */
async function locateData(source: ByteSource, entries: ZipEntry[], cdOffset: number): Promise<void> {
  const encoder = new TextEncoder();
  for (const entry of entries) {
    const nameBytes = encoder.encode(entry.name);
    if (entry.localOffset + LOCAL_HEADER_SIZE + nameBytes.length > cdOffset) {
      throw new BundleError('zip-invalid', 'the entry points outside the file', { entry: entry.name });
    }
    const header = await readSlice(source, entry.localOffset, LOCAL_HEADER_SIZE + nameBytes.length, entry.name);
    const dv = view(header);
    if (dv.getUint32(0, true) !== SIG_LOCAL) throw new BundleError('zip-invalid', 'the entry header is missing', { entry: entry.name });
    const flags = dv.getUint16(6, true);
    const method = dv.getUint16(8, true);
    const nameLength = dv.getUint16(26, true);
    const extraLength = dv.getUint16(28, true);
    const localName = header.subarray(LOCAL_HEADER_SIZE);
    if (nameLength !== nameBytes.length || !localName.every((byte, i) => byte === nameBytes[i])) {
      throw new BundleError('zip-invalid', 'the entry header names another file than the zip directory', { entry: entry.name });
    }
    if (method !== entry.method || (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION))) {
      throw new BundleError('zip-invalid', 'the entry header disagrees with the zip directory', { entry: entry.name });
    }
    entry.dataOffset = entry.localOffset + LOCAL_HEADER_SIZE + nameLength + extraLength;
    if (entry.dataOffset + entry.compressedSize > cdOffset) {
      throw new BundleError('zip-invalid', 'the entry data runs past the end of the file', { entry: entry.name });
    }
  }
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!;
    const next = byOffset[i]!;
    if (prev.dataOffset + prev.compressedSize > next.localOffset) {
      throw new BundleError('zip-invalid', `overlaps the entry "${prev.name}" (a crafted zip)`, { entry: next.name });
    }
  }
}
