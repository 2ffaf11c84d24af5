// Writing a static build into its output folder without letting the deck or the folder's old
// contents redirect a write (issue 13 item 2):
//  - names are compared as the file systems decks are opened on compare them: case-insensitively
//    after Unicode normalisation (macOS, Windows), a segment's trailing dots and spaces ignored
//    and anything from a `:` on (Windows: `index.html.` and `index.html::$DATA` are index.html);
//  - every write goes through writeInside/copyInside: a symlink (or anything else) found where a
//    folder or file of the build belongs is removed -- the link, never what it points at -- and the
//    file is created exclusively (O_EXCL), which never follows a symlink;
//  - the caller writes the runtime after the deck's media, so on a case-insensitive disk the
//    runtime is what stays even if a name slipped through.
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { foldPath } from '@lectern/bundle';
import { RUNTIME_DIR } from './runtime.ts';

/** The name a case-insensitive, normalising file system would see: `_Lectern/Start.js.` => `_lectern/start.js`. */
export function outputKey(path: string): string {
  return path
    .split('/')
    .map((segment) => foldPath(segment).replace(/:.*$/s, '').replace(/[. ]+$/, ''))
    .join('/');
}

const OWN_KEY = outputKey(RUNTIME_DIR);

/** `index.html`, `_lectern` and anything under it, however spelled. */
export function isBuildOwnName(path: string): boolean {
  const key = outputKey(path);
  return key === 'index.html' || key === OWN_KEY || key.startsWith(`${OWN_KEY}/`);
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code; // fs errors carry an errno code

/** Makes `root/segments...` a real folder, replacing a symlink or file in the way (not its target). */
async function realFolder(root: string, segments: readonly string[]): Promise<string> {
  let at = root;
  for (const segment of segments) {
    at = join(at, segment);
    let info;
    try {
      info = await lstat(at);
    } catch (error) {
      if (errno(error) !== 'ENOENT') throw error;
    }
    if (info && !info.isDirectory()) {
      // lstat never follows: a symlink to a folder is not a directory here, and unlink removes the link.
      await unlink(at);
      info = undefined;
    }
    if (!info) await mkdir(at);
  }
  return at;
}

/** Clears the way for a new file at `target`: an old file or symlink is unlinked, an old folder removed. */
async function clearTarget(target: string): Promise<void> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if (errno(error) === 'ENOENT') return;
    throw error;
  }
  if (info.isDirectory()) await rm(target, { recursive: true });
  else await unlink(target);
}

async function prepare(root: string, path: string): Promise<string> {
  const segments = path.split('/');
  const folder = await realFolder(root, segments.slice(0, -1));
  const target = join(folder, segments[segments.length - 1]!);
  await clearTarget(target);
  return target;
}

/** Writes `root/path` as a new file, never through a symlink. */
export async function writeInside(root: string, path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(await prepare(root, path), data, { flag: 'wx' });
}

/** Copies `from` to `root/path` as a new file, never through a symlink. */
export async function copyInside(root: string, path: string, from: string): Promise<void> {
  await copyFile(from, await prepare(root, path), constants.COPYFILE_EXCL);
}
