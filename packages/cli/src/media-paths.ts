// Which media paths in a deck name a file the CLI may read and copy. A deck may come from anyone
// (a colleague's bundle, unpacked), so `../../.ssh/id_rsa.png`, `/etc/passwd.png`, `C:\x.png` or
// a symlink pointing out of the deck's folder must never be read or copied into a build.
import { realpath, stat } from 'node:fs/promises';
import { realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { MediaPathProblem } from '@lectern/deck';

const RE_SCHEME = /^[a-z][a-z0-9+.\-]*:/i;
const RE_DRIVE = /^[a-z]:/i;

export type MediaPath =
  | { kind: 'remote' }
  | { kind: 'local'; /** POSIX path relative to the deck's folder, percent-decoded. */ path: string }
  | { kind: 'unsafe'; reason: MediaPathProblem };

/** `media/ảnh%201.png#t=3` => `{ kind: 'local', path: 'media/ảnh 1.png' }`; `../x.png` => unsafe. */
export function classifyMediaPath(written: string): MediaPath {
  const trimmed = written.trim();
  if (trimmed.startsWith('//') || (RE_SCHEME.test(trimmed) && !RE_DRIVE.test(trimmed))) return { kind: 'remote' };
  const bare = trimmed.replace(/[?#].*$/s, '');
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    // A stray % is part of the name as written.
  }
  if (decoded === '') return { kind: 'unsafe', reason: 'empty' };
  if (decoded.includes('\0')) return { kind: 'unsafe', reason: 'nul' };
  if (decoded.includes('\\')) return { kind: 'unsafe', reason: 'backslash' };
  if (decoded.startsWith('/') || RE_DRIVE.test(decoded)) return { kind: 'unsafe', reason: 'absolute' };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { kind: 'unsafe', reason: 'goes-outside' };
  if (segments.length === 0) return { kind: 'unsafe', reason: 'no-name' };
  return { kind: 'local', path: segments.join('/') };
}

export type LocalMediaState = { state: 'ok'; /** The path as it exists on disk. */ found: string } | { state: 'missing' | 'outside' };

/**
 * Where a local media path leads: a file inside the deck's folder, nothing, or (through a
 * symlink) somewhere outside it. Vietnamese names may be composed (NFC) in the deck and
 * decomposed (NFD, as macOS writes them) on disk, or the other way round: all three spellings
 * are tried. Synchronous: renderDeck's mediaExists is a plain predicate.
 */
export function localMediaState(deckDir: string, path: string): LocalMediaState {
  let realDir = deckDir;
  try {
    realDir = realpathSync(deckDir);
  } catch {
    return { state: 'missing' };
  }
  for (const candidate of new Set([path, path.normalize('NFC'), path.normalize('NFD')])) {
    let real: string;
    try {
      real = realpathSync(join(deckDir, candidate));
      if (!statSync(real).isFile()) continue;
    } catch {
      continue;
    }
    return isInside(realDir, real) ? { state: 'ok', found: candidate } : { state: 'outside' };
  }
  return { state: 'missing' };
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !RE_DRIVE.test(rel);
}

/**
 * The file to copy for `path`, after following symlinks, or a reason not to copy it.
 * `deckRealDir` is the deck folder's realpath.
 */
export async function resolveCopySource(deckRealDir: string, path: string): Promise<{ file: string } | { reason: MediaPathProblem }> {
  let real: string;
  try {
    real = await realpath(join(deckRealDir, path));
  } catch {
    return { reason: 'no-file' };
  }
  if (!isInside(deckRealDir, real)) return { reason: 'link-outside' };
  if (!(await stat(real)).isFile()) return { reason: 'not-file' };
  return { file: real };
}
