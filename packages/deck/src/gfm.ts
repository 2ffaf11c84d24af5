// Which slides need marked's GFM rules. marked's GFM inline text rule looks ahead at every
// character for an e-mail address, a URL, `www.` and `~`, which makes its inline lexing of plain
// prose much slower than CommonMark's (measured on the generated deck's slide bodies: 8.4 ms with
// GFM, 6.0 ms without). GFM changes what marked makes of a text only through: tables (a `|`, or a
// delimiter row of `-` and `:`, which also cuts a paragraph before the row above it), strikethrough
// and the emphasis rules around `~`, autolinks (`@`, `://`, `www.`, and `mailto:` / `xmpp:`), and
// task list items (`[ ]`, `[x]`, `[X]`). A text with none of these renders the same both ways, and
// is given to a marked instance without GFM. tests/unit/deck/gfm.test.ts holds the two to the
// same HTML over random texts.

/** Whether the text holds `[ ]`, `[x]` or `[X]` (a task list's box): what /\[[ xX]\]/ finds, from
 *  each `[` on (the expression scanned every slide with a picture, 1 % of rendering them). */
function mayHoldTaskBox(markdown: string): boolean {
  for (let i = markdown.indexOf('['); i >= 0; i = markdown.indexOf('[', i + 1)) {
    const c = markdown.charCodeAt(i + 1);
    if ((c === 32 || c === 120 || c === 88) && markdown.charCodeAt(i + 2) === 93) return true;
  }
  return false;
}

/** The same as mayHoldDelimiterRow's loop, for texts with `\r`. The marks before the first dash
 *  are matched by a class without the dash, so no line makes the expression backtrack more than
 *  its length. */
const RE_DELIMITER_ROW = /^[\t >*+:\d.)]*-[-\t >*+:\d.)]*$/m;

/** What may stand on a table's delimiter row once block quote marks, list markers and
 *  indentation are taken off, besides its dashes: colons, blanks and those marks. */
function isRowMark(c: number): boolean {
  // \t space ) * + - . 0-9 : >
  return c === 9 || c === 32 || c === 41 || c === 42 || c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 58) || c === 62;
}

/** Whether a line with a `-` holds nothing but dashes, colons, blanks and those marks: it could be
 *  a table's delimiter row. Each line with a dash is read from its start until a character that
 *  cannot be on such a row (a list item's text stops it at once). */
function mayHoldDelimiterRow(text: string): boolean {
  let dash = text.indexOf('-');
  if (dash < 0) return false;
  // marked reads `\r` as a line break too; so does a multiline regular expression's `^` and `$`.
  if (text.indexOf('\r') >= 0) return RE_DELIMITER_ROW.test(text);
  while (dash >= 0) {
    let i = text.lastIndexOf('\n', dash) + 1;
    let end = text.indexOf('\n', dash);
    if (end < 0) end = text.length;
    while (i < end && isRowMark(text.charCodeAt(i))) i++;
    if (i === end) return true;
    dash = text.indexOf('-', end);
  }
  return false;
}

/** Whether a `:` in `markdown` starts `://` or ends `mailto:` or `xmpp:`. */
function mayHoldLinkScheme(markdown: string): boolean {
  for (let i = markdown.indexOf(':'); i >= 0; i = markdown.indexOf(':', i + 1)) {
    if (markdown.charCodeAt(i + 1) === 47 && markdown.charCodeAt(i + 2) === 47) return true;
    if (markdown.startsWith('mailto', i - 6) || markdown.startsWith('xmpp', i - 4)) return true;
  }
  return false;
}

/** Whether marked's GFM rules could render `markdown` differently from CommonMark's. Native
 *  searches first: most slides are decided by a few of them. */
export function mayUseGfm(markdown: string): boolean {
  if (markdown.indexOf('|') >= 0 || markdown.indexOf('~') >= 0 || markdown.indexOf('@') >= 0 || markdown.indexOf('www.') >= 0) return true;
  if (mayHoldLinkScheme(markdown)) return true;
  if (mayHoldTaskBox(markdown)) return true;
  return mayHoldDelimiterRow(markdown);
}
