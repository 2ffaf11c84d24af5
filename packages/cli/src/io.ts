// How a CLI command talks to the world: injected so tests can run commands in-process.
import { langFromEnv, type CliLang } from './messages.ts';
import { terminalSafe } from './terminal-text.ts';
export interface CliIO {
  /** Output that scripts read (results, JSON). */
  stdout: (text: string) => void;
  /** Progress and human messages. */
  stderr: (text: string) => void;
  /** A file format written to stdout (CSV): byte for byte, CRLF included, not made terminal-safe.
   *  Absent: `stdout` as given (in-process tests capture it). */
  stdoutData?: (text: string) => void;
  cwd: string;
  /** Language of the messages; main() sets it from --lang, else this, else English. */
  lang?: CliLang;
  /** The language `--lang` named, when it was given: besides the messages it chooses the built
   *  site's interface language (lectern build), which otherwise follows the deck, not the locale. */
  langOption?: CliLang;
}

/** Exit codes of every command (docs/cli.md). */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** The IO every command gets from main(): whatever a command prints (messages, JSON, names from
 *  a deck or a bundle) goes out with its control characters made visible (terminal-text.ts). */
export function guardedIO(io: CliIO): CliIO {
  return {
    ...io,
    stdout: (text) => io.stdout(terminalSafe(text)),
    stderr: (text) => io.stderr(terminalSafe(text)),
    stdoutData: io.stdoutData ?? io.stdout,
  };
}

export const processIO = (): CliIO => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutData: (text) => process.stdout.write(text),
  cwd: process.cwd(),
  lang: langFromEnv(process.env),
});

/** The language this run speaks. */
export const langOf = (io: CliIO): CliLang => io.lang ?? 'en';
