// Untrusted text (front-matter keys, media paths, a bundle's title, names inside a zip) reaches
// the terminal through the CLI's output. Raw ESC, BEL, CR or C1 controls there let a deck set the
// terminal's title, erase lines or print a fake "bundle is safe"; bidi controls reorder what is
// shown. Such characters are written as visible `\uXXXX` escapes: readable in a terminal, and in
// JSON output the same escape JSON itself uses, so `--json` still parses to the original text.

/** C0 controls (but line feed and tab), DEL, C1 controls, and the Unicode bidi/line controls. */
const RE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, line feed and tab included: for a value that must stay on its line. */
const RE_CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What the CLI writes, as a terminal may show it: line feeds and tabs kept, other controls visible. */
export function terminalSafe(text: string): string {
  return text.replace(RE_CONTROL, visible);
}

/** One untrusted value inside a line of output (a title, a path): its line breaks visible too,
 *  so it can never start a line of its own. */
export function untrusted(value: string): string {
  return value.replace(RE_CONTROL_OR_BREAK, visible);
}
