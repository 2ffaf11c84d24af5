// `lectern`: the command line (DESIGN.md section 6). bin/lectern.mjs calls main(); tests call it
// in-process with a captured CliIO. Every failure a user can cause ends as one line on stderr
// and an exit status (0 ok, 1 errors found, 2 bad usage or unreadable input), never a stack trace.
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_USAGE, guardedIO, processIO, type CliIO } from './io.ts';
import { cliVersion } from './version.ts';

export const USAGE = `Usage: lectern <command> [options]

Commands:
  check FILE... [--json]        diagnostics for decks (.md) and bundles (.lectern)
  build DECK.md -o DIR          static offline site that presents the deck (reveal.js)
  pack DECK.md -o FILE.lectern  one bundle file with the deck and its media
  unpack FILE.lectern -o DIR    validate a bundle, then extract it
  export DECK.md -o FILE.pptx   editable PowerPoint file of the deck, with its media and notes
  import FILE.pptx|.docx -o DIR convert a PowerPoint or Word file into a deck and its media

Options:
  -h, --help      help for lectern or for one command (lectern check --help, lectern help check)
  -v, --version   print the version

Exit status: 0 ok, 1 errors found in the input, 2 bad usage or unreadable input.
`;

type Run = (args: string[], io: CliIO) => Promise<number>;

/** pack and unpack live in their own modules (the bundle code), loaded only when asked for;
 *  typed import(): TypeScript checks what they export. */
const OPTIONAL: Record<string, () => Promise<Run>> = {
  pack: async () => (await import('./commands/pack.ts')).runPack,
  unpack: async () => (await import('./commands/unpack.ts')).runUnpack,
  import: async () => (await import('./commands/import.ts')).runImport,
};

export async function main(argv: string[], rawIO: CliIO = processIO()): Promise<number> {
  const io = guardedIO(rawIO);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      // Imported when used: jsdom and the renderer take a while to load, --version should not wait.
      case 'check':
        return await (await import('./commands/check.ts')).runCheck(rest, io);
      case 'build':
        return await (await import('./commands/build.ts')).runBuild(rest, io);
      case 'export':
        return await (await import('./commands/export.ts')).runExport(rest, io);
      case undefined:
        io.stderr(USAGE);
        return EXIT_USAGE;
      case 'help':
        // `lectern help` and `lectern help check`: what people type when --help does not come to mind.
        return rest[0] === undefined ? topLevelOptions(['--help'], io) : main([rest[0], '--help'], rawIO);
    }
    const load = OPTIONAL[command];
    if (load) return await (await load())(rest, io);
    return topLevelOptions(argv, io);
  } catch (error) {
    // A bug or an environment failure (disk full, permissions mid-write): one readable line.
    // LECTERN_DEBUG=1 shows the stack for bug reports.
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`lectern ${command}: failed: ${detail}\n`);
    if (process.env.LECTERN_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

/** `lectern --help`, `lectern --version`, or an unknown command. */
function topLevelOptions(argv: string[], io: CliIO): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } }));
  } catch {
    io.stderr(`lectern: unknown command "${argv[0] ?? ''}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (values.version) {
    io.stdout(`${cliVersion()}\n`);
    return EXIT_OK;
  }
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  io.stderr(USAGE);
  return EXIT_USAGE;
}
