// Which slides need marked's GFM rules. marked's GFM inline text rule looks ahead at every
// character for an e-mail address, a URL, `www.` and `~`, which makes its inline lexing of plain
// prose much slower than CommonMark's (measured on the generated deck's slide bodies: 8.4 ms with
// GFM, 6.0 ms without). GFM changes what marked makes of a text only through: tables (a `|`, or a
// delimiter row of `-` and `:`, which also cuts a paragraph before the row above it), strikethrough
// and the emphasis rules around `~`, autolinks (`@`, `://`, `www.`, and `mailto:` / `xmpp:`), and
// task list items (`[ ]`, `[x]`, `[X]`). A text with none of these renders the same both ways, and
// is given to a marked instance without GFM. tests/unit/deck/gfm.test.ts holds the two to the
// same HTML over random texts.

/** A line that could be a table's delimiter row once block quote marks, list markers and
 *  indentation are taken off: nothing but dashes, colons, blanks and those marks. */
const RE_DELIMITER_ROW = /^[ \t>*+:\-\d.)]*-[ \t>*+:\-\d.)]*$/m;
const RE_TASK = /\[[ xX]\]/;

/** Whether marked's GFM rules could render `markdown` differently from CommonMark's. Native
 *  searches first: most slides are decided by a few of them. */
export function mayUseGfm(markdown: string): boolean {
  if (markdown.indexOf('|') >= 0 || markdown.indexOf('~') >= 0 || markdown.indexOf('@') >= 0 || markdown.indexOf('www.') >= 0) return true;
  if (markdown.indexOf(':') >= 0 && (markdown.indexOf('://') >= 0 || markdown.indexOf('mailto:') >= 0 || markdown.indexOf('xmpp:') >= 0)) return true;
  if (markdown.indexOf('[') >= 0 && RE_TASK.test(markdown)) return true;
  return markdown.indexOf('-') >= 0 && RE_DELIMITER_ROW.test(markdown);
}
