// How `lectern check` and `lectern build` print diagnostics: one line per problem on stdout in
// the compiler format editors and CI annotators understand, or one JSON array with `--json`.
import { formatDiagnostic as diagnosticText, type DiagnosticCode, type DiagnosticParams, type Severity } from '@lectern/deck';
import { cliMessages, type CliLang } from './messages.ts';
import { untrusted } from './terminal-text.ts';

/** A diagnostic as the CLI prints it: the deck's, the bundle checker's or the CLI's own. */
export interface CliDiagnostic {
  /** The path as the user typed it, so the line can be pasted back into a shell or editor. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
  /** For a deck diagnostic: what its text is made from, to print it in the chosen language. */
  params?: DiagnosticParams;
}

const RE_LINE_BREAKS = /\s*[\r\n]+\s*/g;

/** `slides/bai-1.md:12:3 error media-missing media/anh.png: no such file` */
export function formatDiagnostic(d: CliDiagnostic): string {
  return `${untrusted(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${untrusted(d.message.replace(RE_LINE_BREAKS, ' '))}`;
}

/** The diagnostic with its message in `lang`, made from its params (a deck diagnostic); others
 *  (bundle-level ones, written in the chosen language by the checker) as they are. */
export function localize(withParams: CliDiagnostic, lang: CliLang): CliDiagnostic {
  const { params, ...d } = withParams;
  if (params) {
    const english = diagnosticText({ code: d.code as DiagnosticCode, message: d.message, params }, 'en');
    // A prefix the caller put before the text (`deck.md: ` for a bundle's deck) stays.
    const prefix = d.message.endsWith(english) ? d.message.slice(0, d.message.length - english.length) : '';
    return { ...d, message: prefix + diagnosticText({ code: d.code as DiagnosticCode, message: d.message, params }, lang) };
  }
  return d;
}

/** Sorts in reading order: file as given, then line, then column. */
export function sortDiagnostics(list: CliDiagnostic[]): CliDiagnostic[] {
  return list.sort((a, b) => a.line - b.line || a.column - b.column);
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countSeverities(list: readonly CliDiagnostic[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}

/** `2 files checked: 1 error, 3 warnings, 0 info` */
export function summarize(files: number, counts: Counts, unreadable = 0, lang: CliLang = 'en'): string {
  return cliMessages(lang).summary(files, counts.error, counts.warning, counts.info, unreadable);
}
