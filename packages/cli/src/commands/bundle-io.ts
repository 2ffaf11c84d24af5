// Node adapters for @lectern/bundle (which does no IO of its own): a bundle file read through
// positional reads on one handle, files streamed in 1 MiB chunks, a sink that writes to a file
// and waits for each write (so a slow disk slows the reader, instead of filling memory), and
// node:crypto's SHA-256. Shared by pack, unpack and check-bundle.
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import * as zlib from 'node:zlib';
import { crc32 as jsCrc32, type BundleSink, type ByteSource, type Crc32, type HashFactory } from '@lectern/bundle';

export const CHUNK = 1024 * 1024;

export const nodeHash: HashFactory = () => {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), digest: () => hash.digest('hex') };
};

// zlib.crc32 arrived in Node 20.15 / 22.2; the pure-JS one is the fallback (about 3x slower).
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
export const nodeCrc32: Crc32 = zlibCrc32 ? (bytes, previous) => zlibCrc32(bytes, previous) : jsCrc32;

/** Opens `path` as a ByteSource; close the handle when done. */
export async function openFileSource(path: string): Promise<{ source: ByteSource; close: () => Promise<void> }> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  const source: ByteSource = {
    size,
    async read(offset, length, into) {
      // Reuse the reader's buffer when it offers one; otherwise allocUnsafe (the read overwrites
      // the bytes at once, so the zero fill would be wasted).
      const out = into && into.length >= length ? into.subarray(0, length) : Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(out, done, length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === length ? out : out.subarray(0, done);
    },
  };
  return { source, close: () => handle.close() };
}

/** A file's bytes in 1 MiB chunks through one reused buffer: each chunk is valid only until the
 *  consumer asks for the next (writeBundle hashes and writes it before pulling again). */
export async function* fileChunks(path: string, expectedSize: number): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(CHUNK);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
      if (position > expectedSize) break;
    }
  } finally {
    await handle.close();
  }
}

/** A sink writing to an open file handle, in order, each write awaited. */
export function fileSink(handle: FileHandle): BundleSink {
  return {
    async write(bytes) {
      let done = 0;
      while (done < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
        done += bytesWritten;
      }
    },
  };
}

/** `1536` => `1.5 KB` (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Writes a progress line to stderr every 10 % for work above `threshold` bytes. */
export function progressReporter(stderr: (text: string) => void, verb: string, threshold = 16 * 1024 * 1024) {
  let lastTenth = -1;
  return ({ done, total }: { done: number; total: number }) => {
    if (total < threshold) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    stderr(`${verb} ${formatBytes(done)} of ${formatBytes(total)} (${tenth * 10}%)\n`);
  };
}
