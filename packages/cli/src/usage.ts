// Bad usage: one line saying what is wrong, then the usage text, on stderr; exit 2. And the
// argument rules shared by the commands that read one deck and write to -o.
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_USAGE, type CliIO } from './io.ts';

export function usageError(io: CliIO, command: string, problem: string, usage: string): number {
  io.stderr(`lectern ${command}: ${problem}\n\n${usage}`);
  return EXIT_USAGE;
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
  if (positionals.length !== 1) return usageError(io, command, positionals.length === 0 ? 'no DECK.md given' : 'give exactly one deck', usage);
  if (typeof values.out !== 'string' || values.out === '') return usageError(io, command, missingOut, usage);
  return { deck: positionals[0]!, out: values.out, values };
}
