// Any zip from a stranger (a `.pptx`, a `.docx`), read with the same directory checks, limits
// and streaming inflater as a `.lectern` bundle, but without the bundle's manifest rules: the
// Office importer needs the parts by name, and must not carry a second zip reader.

import type { ByteSource } from './byte-source.ts';
import { entryChunks, readEntryBytes, type Crc32 } from './entry-data.ts';
import { BundleError } from './errors.ts';
import { resolveLimits, type ReadLimits } from './limits.ts';
import { readZipDirectory, type ZipEntry } from './zip-directory.ts';
import { METHOD_STORE } from './zip-format.ts';

export interface ZipArchiveEntry {
  name: string;
  /** Declared uncompressed size (checked again while inflating). */
  size: number;
  isDirectory: boolean;
}

export interface ZipArchive {
  /** Files only (folder entries left out), in directory order. */
  entries: ZipArchiveEntry[];
  has(name: string): boolean;
  size(name: string): number | undefined;
  /** One entry whole, refused with `limit-entry-size` when it is larger than `maxSize`.
   *  @throws BundleError `asset-missing` when there is no such file. */
  readBytes(name: string, maxSize: number): Promise<Uint8Array>;
  /** Streams one entry; each chunk is valid until the next is requested (copy what you keep). */
  chunks(name: string): AsyncIterable<Uint8Array>;
  /** Where a stored (uncompressed) entry's bytes lie in the source, so a browser can keep
   *  `file.slice(offset, offset + length)` without copying; undefined for deflated entries.
   *  The slice is not CRC-checked: stream it with chunks() when that matters. */
  range(name: string): { offset: number; length: number } | undefined;
}

export interface OpenZipOptions {
  limits?: Partial<ReadLimits>;
  crc32?: Crc32;
}

/** Reads and checks the zip's directory (entry data is read only when asked for). */
export async function openZip(source: ByteSource, options: OpenZipOptions = {}): Promise<ZipArchive> {
  const entries = await readZipDirectory(source, resolveLimits(options.limits));
  const files = new Map<string, ZipEntry>();
  for (const entry of entries) if (!entry.isDirectory) files.set(entry.name, entry);
  const get = (name: string): ZipEntry => {
    const entry = files.get(name);
    if (!entry) throw new BundleError('asset-missing', 'the file refers to this part but does not hold it', { entry: name });
    return entry;
  };
  return {
    entries: [...files.values()].map(({ name, size, isDirectory }) => ({ name, size, isDirectory })),
    has: (name) => files.has(name),
    size: (name) => files.get(name)?.size,
    async readBytes(name, maxSize) {
      const entry = get(name);
      if (entry.size > maxSize) throw new BundleError('limit-entry-size', `is ${entry.size} bytes; the limit is ${maxSize}`, { entry: name });
      return readEntryBytes(source, entry, options.crc32);
    },
    chunks: (name) => entryChunks(source, get(name), options.crc32),
    range(name) {
      const entry = get(name);
      return entry.method === METHOD_STORE ? { offset: entry.dataOffset, length: entry.size } : undefined;
    },
  };
}
