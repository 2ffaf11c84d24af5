// Bad usage: one line saying what is wrong, then the usage text, on stderr; exit 2.
import { EXIT_USAGE, type CliIO } from './io.ts';

export function usageError(io: CliIO, command: string, problem: string, usage: string): number {
  io.stderr(`lectern ${command}: ${problem}\n\n${usage}`);
  return EXIT_USAGE;
}
