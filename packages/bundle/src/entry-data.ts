// Streams one entry's uncompressed bytes out of the source, slice by slice, checking as they
// pass: never more bytes than declared (a lying size stops at the first excess chunk, not after
// inflating a bomb), exactly as many at the end, and the CRC-32 the directory recorded.

import { Inflate } from 'fflate';
import type { ByteSource } from './byte-source.ts';
import { crc32 as jsCrc32 } from './crc32.ts';
import { BundleError } from './errors.ts';
import { readSlice, type ZipEntry } from './zip-directory.ts';
import { METHOD_STORE } from './zip-format.ts';

/** Stored data is read in large slices (throughput); deflated input in small ones, so that one
 *  pushed chunk can inflate to at most ~16 MiB before the size check sees it. */
const STORED_CHUNK = 1024 * 1024;
const DEFLATED_CHUNK = 16 * 1024;

/** `crc32(bytes, previous)`: the pure-JS one by default; Node passes zlib.crc32 (about 3x faster). */
export type Crc32 = (bytes: Uint8Array, previous: number) => number;

/** Yields the entry's bytes; a chunk is only valid until the next one is requested (the
 *  buffer is reused): copy what you keep. */
export async function* entryChunks(source: ByteSource, entry: ZipEntry, crc32: Crc32 = jsCrc32): AsyncGenerator<Uint8Array> {
  let crc = 0;
  let produced = 0;
  if (entry.method === METHOD_STORE) {
    // One buffer for the whole entry: each chunk is valid until the consumer asks for the next.
    const buffer = new Uint8Array(Math.min(STORED_CHUNK, entry.compressedSize));
    for (let done = 0; done < entry.compressedSize; ) {
      const length = Math.min(STORED_CHUNK, entry.compressedSize - done);
      const chunk = await readSlice(source, entry.dataOffset + done, length, entry.name, buffer);
      done += length;
      produced += length;
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } else {
    let pending: Uint8Array[] = [];
    let failure: unknown;
    const inflate = new Inflate((chunk) => {
      pending.push(chunk);
    });
    const lie = () =>
      new BundleError('entry-size-lie', `inflates to more than the ${entry.size} bytes it declares (a crafted zip)`, { entry: entry.name });
    for (let done = 0; done < entry.compressedSize || done === 0; ) {
      const length = Math.min(DEFLATED_CHUNK, entry.compressedSize - done);
      const input = length > 0 ? await readSlice(source, entry.dataOffset + done, length, entry.name) : new Uint8Array(0);
      done += length;
      const final = done >= entry.compressedSize;
      try {
        inflate.push(input, final);
      } catch (cause) {
        failure = cause;
      }
      for (const chunk of pending) {
        produced += chunk.length;
        if (produced > entry.size) throw lie();
        crc = crc32(chunk, crc);
        yield chunk;
      }
      pending = [];
      if (failure !== undefined) {
        throw new BundleError('entry-corrupt', 'the compressed data is damaged', { entry: entry.name, cause: failure });
      }
      if (final) break;
    }
  }
  if (produced !== entry.size) {
    throw new BundleError('entry-size-lie', `holds ${produced} bytes but declares ${entry.size}`, { entry: entry.name });
  }
  if (crc !== entry.crc) {
    throw new BundleError('entry-corrupt', 'the data does not match its checksum (CRC-32): the file is damaged', { entry: entry.name });
  }
}

/** A small entry (manifest, deck) whole. Callers check `entry.size` against a limit first. */
export async function readEntryBytes(source: ByteSource, entry: ZipEntry, crc32?: Crc32): Promise<Uint8Array> {
  const out = new Uint8Array(entry.size);
  let at = 0;
  for await (const chunk of entryChunks(source, entry, crc32)) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
