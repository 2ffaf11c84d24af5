// Child process for the export benchmark's memory figures: runs one job and prints, as the last
// line of stdout, JSON { exitCode, ms, maxRssMB } for this process alone (peak resident set from
// process.resourceUsage(), kept by the kernel: no sampling gaps).
//   tsx tests/bench/export-child.ts export DECK.md OUT.pptx   `lectern export`
//   tsx tests/bench/export-child.ts zip DECK_DIR OUT.zip      baseline: the deck's media/ files
//       streamed into a plain stored zip with fflate (the same bytes, no slides)
import { open, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Zip, ZipPassThrough } from 'fflate';
import { fileChunks } from '../../packages/cli/src/commands/bundle-io.ts';
import { runExport } from '../../packages/cli/src/commands/export.ts';

const [command, input, output] = process.argv.slice(2);
if (!command || !input || !output) throw new Error('usage: export-child.ts export|zip INPUT OUTPUT');

async function plainZip(dir: string, to: string): Promise<number> {
  const handle = await open(to, 'wx');
  let writing = Promise.resolve();
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    const copy = chunk; // fflate hands over a fresh array per chunk
    writing = writing.then(async () => void (await handle.write(copy)));
  });
  for (const name of (await readdir(join(dir, 'media'))).sort()) {
    const file = join(dir, 'media', name);
    const entry = new ZipPassThrough(`media/${name}`);
    zip.add(entry);
    for await (const chunk of fileChunks(file, (await stat(file)).size)) {
      entry.push(chunk.slice());
      await writing; // as the export's sink does: wait for the disk before reading on
    }
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  await writing;
  await handle.close();
  return 0;
}

const start = performance.now();
const exitCode =
  command === 'export'
    ? await runExport([input, '-o', output], { stdout: () => undefined, stderr: () => undefined, cwd: dirname(input) })
    : await plainZip(input, output);
const ms = performance.now() - start;
process.stdout.write(`\n${JSON.stringify({ exitCode, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
