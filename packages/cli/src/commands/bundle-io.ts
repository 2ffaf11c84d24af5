// Node adapters for @lectern/bundle (which does no IO of its own): a bundle file read through
// positional reads on one handle, files streamed in 1 MiB chunks, a sink that writes to a file
// and waits for each write (so a slow disk slows the reader, instead of filling memory), and
// node:crypto's SHA-256. Shared by pack, unpack, import and check-bundle.
import { EXIT_USAGE, langOf, type CliIO } from '../io.ts';
import { cliMessages, formatCliNumber, type CliLang, type ProgressVerb } from '../messages.ts';
import { InputError, inputErrorText, statInput } from '../read-input.ts';
import { untrusted } from '../terminal-text.ts';
import { createHash } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import * as zlib from 'node:zlib';
import { BUNDLE_ERROR_TEXT, crc32 as jsCrc32, type BundleErrorCode, type BundleSink, type ByteSource, type Crc32, type HashFactory } from '@lectern/bundle';

export const CHUNK = 1024 * 1024;

export const nodeHash: HashFactory = () => {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), digest: () => hash.digest('hex') };
};

// zlib.crc32 arrived in Node 20.15 / 22.2; the pure-JS one is the fallback (about 3x slower).
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
export const nodeCrc32: Crc32 = zlibCrc32 ? (bytes, previous) => zlibCrc32(bytes, previous) : jsCrc32;

export interface OpenedFile { source: ByteSource; close: () => Promise<void> }

/** Opens `path` as a ByteSource; close the handle when done. */
export async function openFileSource(path: string): Promise<OpenedFile> {
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

/**
 * Opens the file a command reads (a bundle, an Office file) after the checks every input gets
 * (missing, a folder, a device: read-input.ts), or says why it cannot on one line and returns
 * the exit status (2).
 */
export async function openCommandInput(io: CliIO, command: string, file: string): Promise<OpenedFile | number> {
  try {
    await statInput(file);
    return await openFileSource(file).catch((error: unknown) => {
      throw new InputError('unreadable', { errno: (error as NodeJS.ErrnoException).code }, { cause: error }); // fs errors carry an errno code
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`lectern ${command}: ${untrusted(file)}: ${inputErrorText(error, langOf(io))}\n`);
    return EXIT_USAGE;
  }
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

/**
 * Streams `chunks` into the new file `path` (`deck.md`, `media/…`, `/`-separated) under `root`,
 * creating its folders: every file import and unpack write. The callers' readers already refused
 * unsafe names; this is the belt to their braces: a path that would land outside `root` throws,
 * and an existing file is never overwritten.
 */
export async function writeChunksInside(root: string, path: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void> {
  const target = resolve(root, ...path.split('/'));
  const rel = relative(root, target);
  if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') throw new Error(`refusing to write outside the folder: ${path}`);
  await mkdir(dirname(target), { recursive: true });
  const handle = await open(target, 'wx');
  try {
    const sink = fileSink(handle);
    for await (const chunk of chunks) await sink.write(chunk);
  } finally {
    await handle.close();
  }
}

/** `1536` => `1.5 KB` (decimal units, as file managers show them). */
export function formatBytes(bytes: number, lang: CliLang = 'en'): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < units.length - 1);
  const digits = value < 10 ? 1 : 0;
  return `${formatCliNumber(value, lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${units[unit]}`;
}

/** Writes a progress line to stderr every 10 % for work above `threshold` bytes. */
export function progressReporter(stderr: (text: string) => void, verb: ProgressVerb, lang: CliLang = 'en', threshold = 16 * 1024 * 1024) {
  const m = cliMessages(lang);
  let lastTenth = -1;
  return ({ done, total }: { done: number; total: number }) => {
    if (total < threshold) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    stderr(`${m.progressLine(m.progress[verb], formatBytes(done, lang), formatBytes(total, lang), tenth * 10)}\n`);
  };
}

/** A refused bundle, in the chosen language (the bundle package's sentences, without the final stop). */
export function bundleErrorText(code: BundleErrorCode, lang: CliLang): string {
  return BUNDLE_ERROR_TEXT[lang][code].replace(/\.$/, '');
}
