// Opening a bundle from someone else's machine. Every check runs before the caller stores or
// writes anything: container and directory, limits (declared sizes, before inflating), paths,
// manifest, the deck's UTF-8, then every asset's size, CRC and SHA-256 while it streams past.
// Only then does the caller get a Bundle, whose assets it can stream again (or slice, when they
// are stored) to keep them.

import type { ByteSource } from './byte-source.ts';
import { entryChunks, readEntryBytes, type Crc32 } from './entry-data.ts';
import { BundleError } from './errors.ts';
import { defaultHashFactory, type HashFactory } from './hash.ts';
import { resolveLimits, type ReadLimits } from './limits.ts';
import { parseManifest, type Manifest, type ManifestAsset } from './manifest.ts';
import { DECK_NAME, MANIFEST_NAME, MEDIA_DIR } from './paths.ts';
import { readZipDirectory, type ZipEntry } from './zip-directory.ts';
import { METHOD_STORE } from './zip-format.ts';

export interface ReadProgress {
  entry: string;
  /** Bytes of all assets checked so far, and in all. */
  done: number;
  total: number;
}

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  hash?: HashFactory;
  /** A faster CRC-32 than the built-in pure-JS one (Node: zlib.crc32). */
  crc32?: Crc32;
  /** Called as assets stream through the check (every few MiB). */
  onProgress?: (progress: ReadProgress) => void;
  /** false: skip the SHA-256/CRC pass over assets (a quick preview); everything else is checked.
   *  Streaming an asset with `chunks()` still checks it. Default true. */
  verifyAssets?: boolean;
}

export interface BundleAsset extends ManifestAsset {
  /** Where a stored (uncompressed) asset's bytes lie in the source: a browser can keep
   *  `file.slice(offset, offset + length)` without copying. Absent for deflated assets. */
  range?: { offset: number; length: number };
  /** Streams the asset again, checking size, CRC-32 and SHA-256 as it goes. Each chunk is valid
   *  until the next is requested (buffers are reused): write it out or copy it.
   *  @throws BundleError if the source no longer matches (changed since it was read). */
  chunks(): AsyncIterable<Uint8Array>;
}

export interface Bundle {
  manifest: Manifest;
  /** manifest.json exactly as stored (UTF-8 text). */
  manifestText: string;
  /** deck.md exactly as stored: a BOM, if present, is kept as U+FEFF so it round-trips. */
  deck: string;
  assets: BundleAsset[];
  /** Sum of asset sizes in bytes. */
  mediaSize: number;
}

const strictUtf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function* verifiedChunks(source: ByteSource, entry: ZipEntry, asset: ManifestAsset, hash: HashFactory, crc32?: Crc32): AsyncGenerator<Uint8Array> {
  const hasher = hash();
  for await (const chunk of entryChunks(source, entry, crc32)) {
    hasher.update(chunk);
    yield chunk;
  }
  const digest = await hasher.digest();
  if (digest !== asset.sha256) {
    throw new BundleError('asset-hash-mismatch', `its SHA-256 is ${digest}, the manifest says ${asset.sha256}: the file was altered or damaged`, { entry: asset.path });
  }
}

/**
 * Reads and fully checks a bundle.
 * @throws BundleError with a `code` naming the reason and `entry` naming the file.
 */
export async function readBundle(source: ByteSource, options: ReadOptions = {}): Promise<Bundle> {
  const limits = resolveLimits(options.limits);
  const hash = options.hash ?? defaultHashFactory;
  const entries = await readZipDirectory(source, limits);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));

  const manifestEntry = byName.get(MANIFEST_NAME);
  if (!manifestEntry || manifestEntry.isDirectory) {
    throw new BundleError('manifest-missing', 'the bundle has no manifest.json: it was not made by Lectern, or is damaged');
  }
  if (manifestEntry.size > limits.maxManifestSize) {
    throw new BundleError('limit-entry-size', `is ${manifestEntry.size} bytes; the limit is ${limits.maxManifestSize}`, { entry: MANIFEST_NAME });
  }
  let manifestText: string;
  let json: unknown;
  try {
    manifestText = strictUtf8().decode(await readEntryBytes(source, manifestEntry, options.crc32));
  } catch (cause) {
    if (cause instanceof BundleError) throw cause;
    throw new BundleError('manifest-json', 'is not UTF-8 text', { entry: MANIFEST_NAME, cause });
  }
  try {
    json = JSON.parse(manifestText.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new BundleError('manifest-json', `is not valid JSON (${(cause as Error).message})`, { entry: MANIFEST_NAME, cause });
  }
  const manifest = parseManifest(json, MANIFEST_NAME);

  const declared = new Map(manifest.assets.map((asset) => [asset.path, asset]));
  for (const entry of entries) {
    if (entry.name === MANIFEST_NAME || entry.name === DECK_NAME || declared.has(entry.name)) continue;
    // Folder entries that some zip tools add are harmless under media/ (they create nothing new).
    if (entry.isDirectory && entry.name.startsWith(MEDIA_DIR)) continue;
    throw new BundleError('entry-undeclared', 'the bundle holds a file its manifest does not list', { entry: entry.name });
  }
  const assetEntries = manifest.assets.map((asset) => {
    const entry = byName.get(asset.path);
    if (!entry || entry.isDirectory) throw new BundleError('asset-missing', 'the manifest lists this file but the bundle does not hold it', { entry: asset.path });
    if (entry.size !== asset.size) {
      throw new BundleError('asset-size-mismatch', `the manifest says ${asset.size} bytes, the bundle holds ${entry.size}`, { entry: asset.path });
    }
    return { asset, entry };
  });

  const deckEntry = byName.get(DECK_NAME);
  if (!deckEntry || deckEntry.isDirectory) throw new BundleError('deck-missing', 'the bundle has no deck.md');
  if (deckEntry.size > limits.maxDeckSize) {
    throw new BundleError('limit-entry-size', `is ${deckEntry.size} bytes; the limit is ${limits.maxDeckSize}`, { entry: DECK_NAME });
  }
  const deckBytes = await readEntryBytes(source, deckEntry, options.crc32);
  let deck: string;
  try {
    deck = strictUtf8().decode(deckBytes);
  } catch (cause) {
    throw new BundleError('deck-encoding', 'is not valid UTF-8 text (saved in another encoding?)', { entry: DECK_NAME, cause });
  }

  const mediaSize = manifest.assets.reduce((sum, asset) => sum + asset.size, 0);
  if (options.verifyAssets !== false) {
    let done = 0;
    let reported = 0;
    for (const { asset, entry } of assetEntries) {
      for await (const chunk of verifiedChunks(source, entry, asset, hash, options.crc32)) {
        done += chunk.length;
        if (options.onProgress && done - reported >= 8 * 1024 * 1024) {
          reported = done;
          options.onProgress({ entry: asset.path, done, total: mediaSize });
        }
      }
    }
    options.onProgress?.({ entry: '', done, total: mediaSize });
  }

  const assets: BundleAsset[] = assetEntries.map(({ asset, entry }) => ({
    ...asset,
    ...(entry.method === METHOD_STORE ? { range: { offset: entry.dataOffset, length: entry.size } } : {}),
    chunks: () => verifiedChunks(source, entry, asset, hash, options.crc32),
  }));
  return { manifest, manifestText, deck, assets, mediaSize };
}
