// Shared by the 500 MB test and the bundle benchmark: a deck folder with one big deterministic
// asset (written in 1 MiB blocks, every block different, so hashing and CRC see real data), and
// a way to run a CLI command in a child process and read its peak RSS.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, openSync, closeSync, writeSync, writeFileSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { withMagic } from '../../support/media-magic.ts';

export const MiB = 1024 * 1024;

export function makeBigDeck(dir: string, megabytes: number, name = 'bài giảng.mp4'): { deck: string; asset: string } {
  mkdirSync(join(dir, 'media'), { recursive: true });
  const asset = join(dir, 'media', name);
  const fd = openSync(asset, 'w');
  const block = new Uint8Array(MiB);
  for (let i = 0; i < megabytes; i++) {
    for (let j = 0; j < block.length; j += 4096) block.fill((i * 131 + j / 4096) & 0xff, j, j + 4096);
    block[0] = i & 0xff;
    // The file starts as an MP4 does: pack types media by their bytes.
    if (i === 0) withMagic('mp4', block);
    writeSync(fd, block);
  }
  closeSync(fd);
  const deck = join(dir, 'deck.md');
  writeFileSync(deck, `---\ntitle: Tệp lớn\n---\n\n# Phim {background-video="media/${encodeURI(name)}"}\n\n![phim](media/${encodeURI(name)})\n`);
  return { deck, asset };
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface ChildResult { exitCode: number; ms: number; maxRssMB: number }

export function runChild(command: 'pack' | 'unpack' | 'import' | 'copy', input: string, output: string, quiet = false): ChildResult {
  const child = join(import.meta.dirname, 'large-child.ts');
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const stdout = execFileSync(tsx, [child, command, input, output], { encoding: 'utf8', stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'], maxBuffer: 16 * MiB });
  const last = stdout.trim().split('\n').at(-1)!;
  return JSON.parse(last) as ChildResult;
}
