// The argument shape pack, unpack and import share: one input file, `-o`/`--output`/`--output=`
// naming the result, and a few boolean flags. Returns the problem as a sentence for usageError,
// in the run's language.
import type { CliMessages } from './messages.ts';

export interface FileArgs {
  input: string | undefined;
  output: string | undefined;
  /** The canonical names of the flags given (`--force` for `-f` too). */
  flags: Set<string>;
}

export interface FileArgsSpec {
  /** Canonical flag name => every spelling accepted (`{ '--force': ['--force', '-f'] }`). */
  flags?: Record<string, readonly string[]>;
  /** What -o names, for its message: 'file' or 'folder'. */
  output: 'file' | 'folder';
  /** What the input is, for the "one at a time" message. */
  input: 'deck' | 'bundle' | 'file';
  /** `-` is a file name (standard input), not an option. */
  dashIsFile?: boolean;
}

export function parseFileArgs(args: readonly string[], spec: FileArgsSpec, m: CliMessages): FileArgs | string {
  let input: string | undefined;
  let output: string | undefined;
  const flags = new Set<string>();
  const spelling = new Map<string, string>();
  for (const [name, spellings] of Object.entries(spec.flags ?? {})) for (const s of spellings) spelling.set(s, name);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-o' || arg === '--output') {
      output = args[++i];
      if (output === undefined) return spec.output === 'file' ? m.needsFile(arg) : m.needsFolder(arg);
    } else if (arg.startsWith('--output=')) {
      output = arg.slice('--output='.length);
    } else if (spelling.has(arg)) {
      flags.add(spelling.get(arg)!);
    } else if (arg.startsWith('-') && !(spec.dashIsFile && arg === '-')) {
      return m.unknownOption(arg);
    } else if (input === undefined) {
      input = arg;
    } else {
      return m.oneAtATime[spec.input](input, arg);
    }
  }
  return { input, output, flags };
}
