// How `lectern check` and `lectern build` print diagnostics: one line per problem on stdout in
// the compiler format editors and CI annotators understand, or one JSON array with `--json`.
import type { DiagnosticParams, Severity } from '@lectern/deck';

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
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message.replace(RE_LINE_BREAKS, ' ')}`;
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `2 files checked: 1 error, 3 warnings, 0 info` */
export function summarize(files: number, counts: Counts, unreadable = 0): string {
  const parts = [plural(counts.error, 'error', 'errors'), plural(counts.warning, 'warning', 'warnings'), `${counts.info} info`];
  const skipped = unreadable > 0 ? `, ${plural(unreadable, 'file', 'files')} could not be read` : '';
  return `${plural(files, 'file', 'files')} checked: ${parts.join(', ')}${skipped}`;
}
