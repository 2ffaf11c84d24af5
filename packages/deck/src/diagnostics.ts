// Diagnostics: stable codes with fixed severities (docs/deck-format.md). Author mistakes are data,
// never exceptions: every problem found while parsing or rendering becomes one of these.
import type { Diagnostic, DiagnosticCode, DiagnosticParams, Severity } from './types.ts';
import { formatDiagnostic } from './diagnostic-messages.ts';

export const SEVERITY: Record<DiagnosticCode, Severity> = {
  'frontmatter-invalid': 'error',
  'fence-unclosed': 'error',
  'media-missing': 'error',
  'nesting-too-deep': 'error',
  'render-too-slow': 'error',
  'render-failed': 'error',
  'captions-invalid': 'error',
  'directive-unknown': 'warning',
  'attr-invalid': 'warning',
  'timing-over-duration': 'warning',
  'html-removed': 'warning',
  'remote-media': 'info',
  'frontmatter-unknown-key': 'info',
};

/** A diagnostic with its params; `message` is its English text (screens translate when shown). */
export function diagnostic(code: DiagnosticCode, line: number, column: number, params: DiagnosticParams = {}): Diagnostic {
  return { code, severity: SEVERITY[code], line, column, message: formatDiagnostic({ code, message: code, params }, 'en'), params };
}

/** Every code there is, in the order of SEVERITY (whose type lists them all). */
export const DIAGNOSTIC_CODES = Object.keys(SEVERITY) as DiagnosticCode[];

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}

/** Sorted by line then column; the sort is stable, so same-place diagnostics keep their order. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(compareDiagnostics);
}

export function shiftDiagnostics(list: readonly Diagnostic[], delta: number): Diagnostic[] {
  return delta === 0 ? list.slice() : list.map((d) => ({ ...d, line: d.line + delta }));
}
