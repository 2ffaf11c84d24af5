// A deck diagnostic's text in the UI language, made when shown (the catalogue is the deck
// package's), so the problems list and the lint markers follow a language switch.
import { formatDiagnostic, type Diagnostic } from '@lectern/deck';
import { getLang } from '../app/i18n.ts';

export function diagnosticText(d: Diagnostic): string {
  return formatDiagnostic(d, getLang());
}
