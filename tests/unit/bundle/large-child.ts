// Child process for memory measurements: runs one CLI bundle command and prints, as the last
// line of stdout, JSON { exitCode, ms, maxRssMB } for this process alone (peak resident set,
// from process.resourceUsage(), which the kernel keeps: no sampling gaps).
//   tsx tests/unit/bundle/large-child.ts pack DECK.md OUT.lectern
//   tsx tests/unit/bundle/large-child.ts unpack FILE.lectern OUTDIR
//   tsx tests/unit/bundle/large-child.ts import FILE.pptx OUTDIR   (lectern import, for bench import)
//   tsx tests/unit/bundle/large-child.ts copy FILE COPY        (the baseline: a streamed copy)
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileChunks, fileSink } from '../../../packages/cli/src/commands/bundle-io.ts';
import { runPack } from '../../../packages/cli/src/commands/pack.ts';
import { runUnpack } from '../../../packages/cli/src/commands/unpack.ts';
import { runImport } from '../../../packages/cli/src/commands/import.ts';
import type { CliIO } from '../../../packages/cli/src/io.ts';

const [command, input, output] = process.argv.slice(2);
if (!command || !input || !output) throw new Error('usage: large-child.ts pack|unpack|import|copy INPUT OUTPUT');

async function copy(from: string, to: string): Promise<number> {
  const handle = await open(to, 'wx');
  const sink = fileSink(handle);
  for await (const chunk of fileChunks(from, Number.MAX_SAFE_INTEGER)) await sink.write(chunk);
  await handle.close();
  return 0;
}
const io: CliIO = { stdout: () => undefined, stderr: (t) => void process.stderr.write(t), cwd: dirname(input) };
const start = performance.now();
const exitCode =
  command === 'pack' ? await runPack([input, '-o', output], io)
  : command === 'unpack' ? await runUnpack([input, '-o', output], io)
  : command === 'import' ? await runImport([input, '-o', output], io)
  : await copy(input, output);
const ms = performance.now() - start;
process.stdout.write(`\n${JSON.stringify({ exitCode, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
