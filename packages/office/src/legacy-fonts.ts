// Text typed in the 8-bit Vietnamese fonts of the 1990s-2000s: TCVN3/ABC (`.VnTime`, `.VnArial`…)
// and VNI (`VNI-Times`…). The file stores the font's byte codes as Latin-1 letters ("Bµi häc"),
// which only read as Vietnamese in that font; the run's font name says which table to undo.
// The tables are vietnamese-conversion's (MIT, TCVN3 and VNI both ways, tested upstream).
import { toUnicode } from 'vietnamese-conversion';

export type LegacyCharset = 'tcvn3' | 'vni';

const RE_TCVN3 = /^\.Vn/i;
const RE_VNI = /^VNI[- ]/i;
/** TCVN3's capital-only faces (`.VnTimeH`, `.VnArialH`) draw lower-case codes as capitals. */
const RE_TCVN3_CAPS = /^\.Vn.*H$/i;

export function legacyCharsetOf(font: string | undefined): LegacyCharset | undefined {
  if (!font) return undefined;
  if (RE_TCVN3.test(font)) return 'tcvn3';
  if (RE_VNI.test(font)) return 'vni';
  return undefined;
}

/** The run's text as Unicode (NFC), as the legacy font displayed it. */
export function transcodeLegacy(text: string, font: string): string {
  const charset = legacyCharsetOf(font);
  if (!charset) return text;
  const unicode = toUnicode(text, charset).normalize('NFC');
  return RE_TCVN3_CAPS.test(font) ? unicode.toLocaleUpperCase('vi') : unicode;
}
