// Child process for the import benchmark's memory figure: runs `lectern import` (or, as the
// baseline, a streamed copy of the same file) and prints, as the last line of stdout, JSON
// { exitCode, ms, maxRssMB } for this process alone (process.resourceUsage(): the kernel's peak).
//   tsx tests/bench/import/import-child.ts import FILE.pptx OUTDIR
//   tsx tests/bench/import/import-child.ts copy FILE COPY
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileChunks, fileSink } from '../../../packages/cli/src/commands/bundle-io.ts';
import { runImport } from '../../../packages/cli/src/commands/import.ts';
import type { CliIO } from '../../../packages/cli/src/io.ts';

const [command, input, output] = process.argv.slice(2);
if (!command || !input || !output) throw new Error('usage: import-child.ts import|copy INPUT OUTPUT');

async function copy(from: string, to: string): Promise<number> {
  const handle = await open(to, 'wx');
  const sink = fileSink(handle);
  for await (const chunk of fileChunks(from, Number.MAX_SAFE_INTEGER)) await sink.write(chunk);
  await handle.close();
  return 0;
}
const io: CliIO = { stdout: () => undefined, stderr: () => undefined, cwd: dirname(input) };
const start = performance.now();
const exitCode = command === 'import' ? await runImport([input, '-o', output], io) : await copy(input, output);
const ms = performance.now() - start;
process.stdout.write(`\n${JSON.stringify({ exitCode, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
