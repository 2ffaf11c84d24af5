// `lectern`: the command line (docs/cli.md). bin/lectern.mjs calls main(); tests call it
// in-process with a captured CliIO. Every failure a user can cause ends as one line on stderr
// and an exit status (0 ok, 1 errors found, 2 bad usage or unreadable input), never a stack trace.
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_USAGE, guardedIO, langOf, processIO, type CliIO } from './io.ts';
import { cliMessages, takeLangOption } from './messages.ts';
import { cliVersion } from './version.ts';

type Run = (args: string[], io: CliIO) => Promise<number>;

/** pack and unpack live in their own modules (the bundle code), loaded only when asked for;
 *  typed import(): TypeScript checks what they export. */
const OPTIONAL: Record<string, () => Promise<Run>> = {
  pack: async () => (await import('./commands/pack.ts')).runPack,
  unpack: async () => (await import('./commands/unpack.ts')).runUnpack,
  import: async () => (await import('./commands/import.ts')).runImport,
  centre: async () => (await import('./commands/centre.ts')).runCentre,
};

/** The top-level usage text, in the language asked for. */
export const usageText = (io: CliIO): string => cliMessages(langOf(io)).usage;

export async function main(argvWithLang: string[], rawIO: CliIO = processIO()): Promise<number> {
  // --lang is every command's option: taken here, once, before the command reads its arguments.
  const taken = takeLangOption(argvWithLang);
  const io = guardedIO({ ...rawIO, lang: taken.lang ?? langOf(rawIO), ...(taken.lang ? { langOption: taken.lang } : {}) });
  const m = cliMessages(langOf(io));
  if (taken.problem !== undefined) {
    io.stderr(`lectern: ${m.badLang(taken.problem)}\n\n${m.usage}`);
    return EXIT_USAGE;
  }
  const argv = taken.args;
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
        io.stderr(m.usage);
        return EXIT_USAGE;
      case 'help':
        // `lectern help` and `lectern help check`: what people type when --help does not come to mind.
        return rest[0] === undefined ? topLevelOptions(['--help'], io) : main([rest[0], '--help'], { ...rawIO, lang: langOf(io) });
    }
    const load = OPTIONAL[command];
    if (load) return await (await load())(rest, io);
    return topLevelOptions(argv, io);
  } catch (error) {
    // A bug or an environment failure (disk full, permissions mid-write): one readable line.
    // LECTERN_DEBUG=1 shows the stack for bug reports.
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`lectern ${command}: ${m.failed(detail)}\n`);
    if (process.env.LECTERN_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

/** `lectern --help`, `lectern --version`, or an unknown command. */
function topLevelOptions(argv: string[], io: CliIO): number {
  const m = cliMessages(langOf(io));
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } }));
  } catch {
    io.stderr(`lectern: ${m.unknownCommand(argv[0] ?? '')}\n\n${m.usage}`);
    return EXIT_USAGE;
  }
  if (values.version) {
    io.stdout(`${cliVersion()}\n`);
    return EXIT_OK;
  }
  if (values.help) {
    io.stdout(m.usage);
    return EXIT_OK;
  }
  io.stderr(m.usage);
  return EXIT_USAGE;
}
