// Writing a bundle in one pass over the media: deck.md (deflated), each asset (stored: media is
// already compressed) with its CRC-32 and SHA-256 computed as it streams to the sink, and
// manifest.json last, once every hash is known (readers use the central directory, so order is
// free). Entries whose CRC is not known up front use a data descriptor (flag bit 3).
//
// A sink that accepts Blobs (the browser) gets each asset's Blob itself instead of its bytes, so
// the bundle Blob is assembled from slices of the stored Blobs: the video is read once to hash
// it and never copied. Other sinks (Node files) get the bytes as they stream.

import { deflateSync } from 'fflate';
import { crc32 as jsCrc32 } from './crc32.ts';
import type { Crc32 } from './entry-data.ts';
import { BundleError } from './errors.ts';
import { defaultHashFactory, type HashFactory } from './hash.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.ts';
import type { InkSlide } from './ink.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, parseManifest, type Manifest, type ManifestExcerpt } from './manifest.ts';
import { assertAssetPath, DECK_NAME, foldPath, MANIFEST_NAME } from './paths.ts';
import { assertNoFileFolderClash } from './zip-directory.ts';
import {
  CENTRAL_HEADER_SIZE, dosDateTime, EOCD_SIZE, FLAG_DESCRIPTOR, FLAG_UTF8, HOST_UNIX, LOCAL_HEADER_SIZE,
  METHOD_DEFLATE, METHOD_STORE, S_IFREG, SIG_CENTRAL, SIG_DESCRIPTOR, SIG_EOCD, SIG_LOCAL,
} from './zip-format.ts';

export interface BundleAssetInput {
  /** `media/…` as the deck names it. */
  path: string;
  /** Media type, e.g. `video/mp4`. */
  type: string;
  size: number;
  /** The asset's bytes, in order; called once. */
  chunks(): AsyncIterable<Uint8Array>;
  /** The same bytes as a Blob, when there is one (the browser): see BundleSink.writeBlob. */
  blob?: Blob;
}

export interface WriteBundleInput {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** e.g. `lectern 0.1.0`. */
  generator: string;
  /** deck.md text; a leading U+FEFF is written as a UTF-8 BOM. */
  deck: string;
  assets: BundleAssetInput[];
  excerpts?: ManifestExcerpt[];
  /** Ink kept on the deck, per slide. */
  ink?: InkSlide[];
}

export interface BundleSink {
  write(bytes: Uint8Array): void | Promise<void>;
  /** Appends a whole Blob (zero-copy in the browser). When present, assets with a `blob` are
   *  only read to hash them and are passed here instead of through write(). */
  writeBlob?(blob: Blob): void | Promise<void>;
}

export interface WriteProgress { entry: string; done: number; total: number }

export interface WriteOptions {
  hash?: HashFactory;
  /** A faster CRC-32 than the built-in pure-JS one (Node: zlib.crc32). */
  crc32?: Crc32;
  onProgress?: (progress: WriteProgress) => void;
  /** Deflate level for text entries (1-9). Default 6. */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

interface CentralRecord {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const MAX_ZIP_OFFSET = 0xfffffffe;

/** The zip container writer, also used for library backups (backup.ts). */
export class ZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly sink: BundleSink,
    private readonly time: { time: number; date: number },
    private readonly crc32: Crc32,
  ) {}

  private async emit(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length;
    this.guard();
    await this.sink.write(bytes);
  }

  private guard(): void {
    if (this.offset > MAX_ZIP_OFFSET) {
      throw new BundleError('limit-total-size', 'the bundle would exceed 4 GiB, the most a zip without ZIP64 can hold');
    }
  }

  private localHeader(name: Uint8Array, flags: number, method: number, crc: number, compressedSize: number, size: number): Uint8Array {
    const out = new Uint8Array(LOCAL_HEADER_SIZE + name.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, SIG_LOCAL, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, flags, true);
    dv.setUint16(8, method, true);
    dv.setUint16(10, this.time.time, true);
    dv.setUint16(12, this.time.date, true);
    dv.setUint32(14, crc, true);
    dv.setUint32(18, compressedSize, true);
    dv.setUint32(22, size, true);
    dv.setUint16(26, name.length, true);
    out.set(name, LOCAL_HEADER_SIZE);
    return out;
  }

  /** A small entry known whole: deflated, sizes and CRC in the local header. */
  async addDeflated(path: string, data: Uint8Array, level: WriteOptions['level']): Promise<void> {
    const name = this.encoder.encode(path);
    const compressed = deflateSync(data, { level: level ?? 6 });
    const crc = this.crc32(data, 0);
    const offset = this.offset;
    await this.emit(this.localHeader(name, FLAG_UTF8, METHOD_DEFLATE, crc, compressed.length, data.length));
    await this.emit(compressed);
    this.records.push({ name, flags: FLAG_UTF8, method: METHOD_DEFLATE, crc, compressedSize: compressed.length, size: data.length, offset });
  }

  /** A stored entry streamed from `asset`; returns its SHA-256. */
  async addStored(asset: BundleAssetInput, hash: HashFactory, onBytes: (n: number) => void): Promise<string> {
    const name = this.encoder.encode(asset.path);
    const flags = FLAG_UTF8 | FLAG_DESCRIPTOR;
    const offset = this.offset;
    await this.emit(this.localHeader(name, flags, METHOD_STORE, 0, 0, 0));
    const useBlob = asset.blob !== undefined && this.sink.writeBlob !== undefined;
    const hasher = hash();
    let crc = 0;
    let size = 0;
    for await (const chunk of asset.chunks()) {
      size += chunk.length;
      if (size > asset.size) break;
      crc = this.crc32(chunk, crc);
      hasher.update(chunk);
      if (!useBlob) await this.emit(chunk);
      onBytes(chunk.length);
    }
    if (size !== asset.size) {
      throw new BundleError('asset-size-mismatch', `expected ${asset.size} bytes, read ${size} (did the file change while packing?)`, { entry: asset.path });
    }
    if (useBlob) {
      this.offset += size;
      this.guard();
      await this.sink.writeBlob!(asset.blob!);
    }
    const descriptor = new Uint8Array(16);
    const dv = new DataView(descriptor.buffer);
    dv.setUint32(0, SIG_DESCRIPTOR, true);
    dv.setUint32(4, crc, true);
    dv.setUint32(8, size, true);
    dv.setUint32(12, size, true);
    await this.emit(descriptor);
    this.records.push({ name, flags, method: METHOD_STORE, crc, compressedSize: size, size, offset });
    return hasher.digest();
  }

  async finish(): Promise<void> {
    const cdOffset = this.offset;
    const attrs = ((S_IFREG | 0o644) << 16) >>> 0;
    for (const record of this.records) {
      const out = new Uint8Array(CENTRAL_HEADER_SIZE + record.name.length);
      const dv = new DataView(out.buffer);
      dv.setUint32(0, SIG_CENTRAL, true);
      dv.setUint16(4, (HOST_UNIX << 8) | 20, true);
      dv.setUint16(6, 20, true);
      dv.setUint16(8, record.flags, true);
      dv.setUint16(10, record.method, true);
      dv.setUint16(12, this.time.time, true);
      dv.setUint16(14, this.time.date, true);
      dv.setUint32(16, record.crc, true);
      dv.setUint32(20, record.compressedSize, true);
      dv.setUint32(24, record.size, true);
      dv.setUint16(28, record.name.length, true);
      dv.setUint32(38, attrs, true);
      dv.setUint32(42, record.offset, true);
      out.set(record.name, CENTRAL_HEADER_SIZE);
      await this.emit(out);
    }
    const end = new Uint8Array(EOCD_SIZE);
    const dv = new DataView(end.buffer);
    dv.setUint32(0, SIG_EOCD, true);
    dv.setUint16(8, this.records.length, true);
    dv.setUint16(10, this.records.length, true);
    dv.setUint32(12, this.offset - cdOffset, true);
    dv.setUint32(16, cdOffset, true);
    await this.emit(end);
  }
}

function buildManifest(input: WriteBundleInput, assets: Manifest['assets']): Manifest {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: input.id,
    title: input.title,
    createdAt: input.createdAt,
    updatedAt: input.updatedAt,
    generator: input.generator,
    deck: DECK_NAME,
    assets: assets.map(({ path, type, size, sha256 }) => ({ path, type: type.toLowerCase(), size, sha256 })),
    excerpts: input.excerpts ?? [],
    ink: input.ink ?? [],
  };
}

const manifestText = (manifest: Manifest) => `${JSON.stringify(manifest, null, 2)}\n`;
const MiB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`);

/**
 * Refuses, before anything is written, a bundle that a reader with the default limits would
 * refuse, naming the limit (ReadLimits key) it would break. The manifest's size is exact: it is
 * built with placeholder hashes, which have the real hashes' length. The ratio limit needs no
 * check here: media are stored (ratio 1) and the deck and manifest inflate to at most
 * `ratioFloor`, which is bounded output, never a bomb.
 */
function assertReadable(input: WriteBundleInput, deckBytes: number, limits: ReadLimits = DEFAULT_READ_LIMITS): void {
  const entries = input.assets.length + 2;
  if (entries > limits.maxEntries) {
    throw new BundleError('limit-entries', `the bundle would hold ${entries} files; readers accept at most ${limits.maxEntries} (maxEntries)`);
  }
  if (deckBytes > limits.maxDeckSize) {
    throw new BundleError('limit-entry-size', `would be ${sizeText(deckBytes)}; readers accept at most ${sizeText(limits.maxDeckSize)} (maxDeckSize)`, { entry: DECK_NAME });
  }
  for (const asset of input.assets) {
    if (asset.size > limits.maxEntrySize) {
      throw new BundleError('limit-entry-size', `is ${sizeText(asset.size)}; readers accept at most ${sizeText(limits.maxEntrySize)} per file (maxEntrySize)`, { entry: asset.path });
    }
  }
  const manifest = new TextEncoder().encode(manifestText(buildManifest(input, input.assets.map((asset) => ({ ...asset, sha256: '0'.repeat(64) }))))).length;
  if (manifest > limits.maxManifestSize) {
    throw new BundleError(
      'limit-entry-size',
      `would be ${sizeText(manifest)} for ${input.assets.length} media files; readers accept at most ${sizeText(limits.maxManifestSize)} (maxManifestSize): use fewer media files or shorter names`,
      { entry: MANIFEST_NAME },
    );
  }
  const total = input.assets.reduce((sum, asset) => sum + asset.size, deckBytes + manifest);
  if (total > limits.maxTotalSize) {
    throw new BundleError('limit-total-size', `the files add up to ${sizeText(total)}; readers accept at most ${sizeText(limits.maxTotalSize)} in all (maxTotalSize)`);
  }
}

/**
 * Writes a bundle to `sink` and returns the manifest it wrote.
 * @throws BundleError (path-*, path-duplicate, asset-size-mismatch, limit-total-size) when an
 *   input would make a bundle that readers refuse.
 */
export async function writeBundle(input: WriteBundleInput, sink: BundleSink, options: WriteOptions = {}): Promise<Manifest> {
  const hash = options.hash ?? defaultHashFactory;
  const seen = new Map<string, string>();
  for (const asset of input.assets) {
    assertAssetPath(asset.path);
    const other = seen.get(foldPath(asset.path));
    if (other !== undefined) throw new BundleError('path-duplicate', `collides with "${other}"`, { entry: asset.path });
    seen.set(foldPath(asset.path), asset.path);
  }
  assertNoFileFolderClash(input.assets.map((asset) => asset.path));
  if (input.assets.length + 2 > 0xfffe) throw new BundleError('limit-entries', 'too many assets for one bundle');
  // Refuse, before streaming any media, a manifest that readers would refuse (bad id, dates …),
  // and a bundle over a reader's limits.
  parseManifest(buildManifest(input, input.assets.map((asset) => ({ ...asset, sha256: '0'.repeat(64) }))));
  const deck = new TextEncoder().encode(input.deck);
  assertReadable(input, deck.length);
  const writer = new ZipWriter(sink, dosDateTime(new Date(input.updatedAt)), options.crc32 ?? jsCrc32);
  await writer.addDeflated(DECK_NAME, deck, options.level);

  const total = input.assets.reduce((sum, asset) => sum + asset.size, 0);
  let done = 0;
  let reported = 0;
  const assets: Manifest['assets'] = [];
  for (const asset of input.assets) {
    const sha256 = await writer.addStored(asset, hash, (n) => {
      done += n;
      if (options.onProgress && done - reported >= 8 * 1024 * 1024) {
        reported = done;
        options.onProgress({ entry: asset.path, done, total });
      }
    });
    assets.push({ path: asset.path, type: asset.type, size: asset.size, sha256 });
  }
  options.onProgress?.({ entry: '', done, total });

  const manifest = buildManifest(input, assets);
  await writer.addDeflated(MANIFEST_NAME, new TextEncoder().encode(manifestText(manifest)), options.level);
  await writer.finish();
  return manifest;
}

/** Browser helper: the whole bundle as one Blob, assets included by reference (no copy). */
export async function writeBundleToBlob(input: WriteBundleInput, options: WriteOptions = {}): Promise<{ blob: Blob; manifest: Manifest }> {
  const parts: BlobPart[] = [];
  const manifest = await writeBundle(
    input,
    {
      write: (bytes) => void parts.push(bytes as Uint8Array<ArrayBuffer>),
      writeBlob: (blob) => void parts.push(blob),
    },
    options,
  );
  return { blob: new Blob(parts, { type: 'application/vnd.lectern+zip' }), manifest };
}

/** Async iterable over a Blob in slices (for BundleAssetInput.chunks in the browser). */
export async function* blobChunks(blob: Blob, chunkSize = 1024 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += chunkSize) {
    yield new Uint8Array(await blob.slice(at, Math.min(at + chunkSize, blob.size)).arrayBuffer());
  }
}
