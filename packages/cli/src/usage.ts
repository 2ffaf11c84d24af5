// Bad usage: one line saying what is wrong, then the usage text, on stderr; exit 2. And the
// argument rules shared by the commands that read one deck and write to -o.
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_USAGE, langOf, type CliIO } from './io.ts';
import { cliMessages } from './messages.ts';
import { untrusted } from './terminal-text.ts';

export function usageError(io: CliIO, command: string, problem: string, usage: string): number {
  io.stderr(`lectern ${command}: ${problem}\n\n${usage}`);
  return EXIT_USAGE;
}

/**
 * The opening of import, pack and unpack: `--help`/`-h` anywhere wins (the usage, exit 0), as for
 * check and build; otherwise `parse` reads the arguments and a problem it names (a sentence in the
 * run's language, possibly quoting what was typed) is a usage error. Returns the exit status when
 * the command must stop here.
 */
export function commandArgs<T extends object>(io: CliIO, command: string, usage: string, args: string[], parse: (args: string[]) => T | string): T | number {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(usage);
    return EXIT_OK;
  }
  const parsed = parse(args);
  return typeof parsed === 'string' ? usageError(io, command, untrusted(parsed), usage) : parsed;
}

type ExtraOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** What `lectern <command> DECK.md -o OUT [options]` was given. */
export interface DeckCommandArgs {
  /** The deck as typed (for messages). */
  deck: string;
  out: string;
  /** The command's own options (`--theme`, `--json`…) as parseArgs read them. */
  values: Record<string, string | boolean | undefined>;
}

/**
 * The arguments of a command that reads one deck and writes to `-o OUT` (build, export): strict
 * parsing, `--help` (printed, exit 0), exactly one deck, `-o` required. Returns the exit status
 * when the command must stop here.
 */
export function parseDeckCommandArgs(io: CliIO, command: string, usage: string, args: string[], options: ExtraOptions, missingOut: string): DeckCommandArgs | number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usageError(io, command, (error as Error).message, usage); // parseArgs throws TypeErrors with a readable message
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return EXIT_OK;
  }
  const m = cliMessages(langOf(io));
  if (positionals.length !== 1) return usageError(io, command, positionals.length === 0 ? m.noDeck : m.oneDeck, usage);
  if (typeof values.out !== 'string' || values.out === '') return usageError(io, command, missingOut, usage);
  return { deck: positionals[0]!, out: values.out, values };
}
