// How pack, export, import and unpack write their output: into a temporary file or folder beside
// the final name (same folder, so same disk), renamed into place only once complete. A refused
// input or a failure half-way (disk full) leaves the target as it was, never half written.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A fresh hidden name beside `output`: `.NAME.1a2b3c4d.tmp`. */
export function tempPathBeside(output: string): string {
  return join(dirname(output), `.${basename(output)}.${randomUUID().slice(0, 8)}.tmp`);
}

/** Creates an empty temporary folder beside `output` (and `output`'s parent folders). */
export async function tempFolderBeside(output: string): Promise<string> {
  await mkdir(dirname(output), { recursive: true });
  const temp = tempPathBeside(output);
  await mkdir(temp);
  return temp;
}

export async function targetState(dir: string): Promise<'absent' | 'empty' | 'full' | 'not-dir'> {
  try {
    if (!(await stat(dir)).isDirectory()) return 'not-dir';
  } catch {
    return 'absent';
  }
  return (await readdir(dir)).length === 0 ? 'empty' : 'full';
}

/** Renames the finished temporary folder to `output`, replacing what --force allowed. */
export async function placeFolder(temp: string, output: string, state: 'absent' | 'empty' | 'full'): Promise<void> {
  if (state === 'absent') {
    await rename(temp, output);
    return;
  }
  // The old folder moves aside first and is deleted only once the new one is in place.
  const aside = `${temp}.old`;
  await rename(output, aside);
  try {
    await rename(temp, output);
  } catch (error) {
    await rename(aside, output).catch(() => undefined);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}
