// Reading a file named on the command line. Anything can be named there: a folder, a typo, a
// photo, a Windows-1258 text file. Each of those becomes one InputError whose message is the
// single line the user sees (exit 2), never a stack trace.
import { readFile, stat } from 'node:fs/promises';

/** Decks are text; anything bigger than this is not a deck someone typed. */
export const MAX_DECK_BYTES = 64 * 1024 * 1024;

export type InputErrorCode = 'missing' | 'directory' | 'not-file' | 'unreadable' | 'too-large' | 'binary' | 'encoding';

/** A file that cannot be used as input; `message` is ready to print after the file name. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InputError';
  }
}

/** The file's kind, checked before reading: missing, folder, device, or a regular file of `size` bytes. */
export async function statInput(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code; // fs errors carry an errno code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError('missing', 'no such file', { cause: error });
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('unreadable', 'permission denied', { cause: error });
    throw new InputError('unreadable', `cannot be read (${code ?? 'unknown error'})`, { cause: error });
  }
  if (info.isDirectory()) throw new InputError('directory', 'is a directory, not a file');
  if (!info.isFile()) throw new InputError('not-file', 'is not a regular file');
  return info.size;
}

/**
 * Reads a deck as strict UTF-8, keeping a BOM (the deck model records it for round trips).
 * @throws InputError for a missing, unreadable, binary or non-UTF-8 file.
 */
export async function readTextInput(path: string): Promise<string> {
  const size = await statInput(path);
  if (size > MAX_DECK_BYTES) throw new InputError('too-large', `is ${size} bytes; a deck is at most ${MAX_DECK_BYTES} bytes`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code; // fs errors carry an errno code
    throw new InputError('unreadable', code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'unknown error'})`, {
      cause: error,
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError('binary', `is a binary file (NUL byte at offset ${nul}), not a Markdown deck`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    const at = firstInvalidUtf8(bytes);
    const where = at === undefined ? '' : ` at line ${at.line}, byte ${at.offset}`;
    throw new InputError('encoding', `is not valid UTF-8${where}; save it as UTF-8 and try again`, { cause: error });
  }
}

/** Where the first malformed UTF-8 sequence starts: byte offset and 1-based line. */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } | undefined {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b === 0x0a) line++;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return { offset: i, line };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { offset: i, line };
    }
    // Overlong three- and four-byte forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) {
      return { offset: i, line };
    }
    i += need + 1;
  }
  return undefined;
}
