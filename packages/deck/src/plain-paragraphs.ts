// Speaker notes written as plain prose -- the common case: sentences of Vietnamese text with
// everyday punctuation -- turned into the HTML marked would give them, without marked. The notes
// are a second marked call on every slide that has them (a lexer pass, a token tree and a parser
// pass over text that is, for marked, one paragraph or a few): about a fifth of a full render of
// the generated deck. Only text in which no character can start anything but a paragraph of
// plain text is taken; anything else (a list, a heading, emphasis, a link, code, HTML, an entity,
// a URL, a hard line break, an indented line, a tab, a `\r`) returns undefined and goes to marked
// as before. tests/unit/deck/plain-paragraphs.test.ts holds every accepted text against marked.

/** What an ASCII character may be in plain prose: 0 not allowed, 1 anywhere, 2 anywhere but at
 *  a line's start (`-` could start a list, a setext underline or a thematic break; a space an
 *  indentation; punctuation nothing, but a line starting with it is rare enough to leave to
 *  marked). Not allowed: `&<>` (entities, HTML), `*_~\`` and `\\` (emphasis, code, escapes),
 *  `[]!` (links, images), `#=+|{}@` (headings, setext, lists, tables, attributes, e-mail
 *  autolinks), tabs and `\r`. `"` and `'` are escaped as marked escapes them. */
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = 1; // digits: ordered lists are checked apart
for (let c = 65; c <= 90; c++) ASCII[c] = 1;
for (let c = 97; c <= 122; c++) ASCII[c] = 1;
for (const c of '"\'(') ASCII[c.charCodeAt(0)] = 1;
for (const c of ' ,.;:?)%/-') ASCII[c.charCodeAt(0)] = 2;

/** Characters above ASCII taken as plain text: the Latin letters Vietnamese is written with
 *  (precomposed: Latin-1, Extended-A/B, Extended Additional), combining marks (decomposed
 *  Vietnamese), dashes, curly quotes and the ellipsis. Other scripts go to marked (still right,
 *  only not on this path). 1 = may start a line, 2 = may not. */
function wide(c: number): number {
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : 1;
  if (c >= 0x1e00 && c <= 0x1eff) return 1;
  if (c >= 0x300 && c <= 0x36f) return 2;
  if (c === 0x2018 || c === 0x201c) return 1;
  if (c === 0x2013 || c === 0x2014 || c === 0x2019 || c === 0x201d || c === 0x2026) return 2;
  return 0;
}

const NL = 10;
const SPACE = 32;
const COLON = 58;
const SLASH = 47;
const DOT = 46;

const RE_QUOTES = /["']/g;
const quote = (c: string) => (c === '"' ? '&quot;' : '&#39;');

/** Whether a GFM autolink starts at the `www.` ending at `dot` (any case). */
function isWww(text: string, dot: number, from: number): boolean {
  if (dot - from < 3) return false;
  for (let k = dot - 3; k < dot; k++) if ((text.charCodeAt(k) | 32) !== 119) return false;
  return true;
}

/** What scanPlain found in plain text: -1 when it is not plain, else QUOTES when it holds `"`
 *  or `'` and BLANK when it holds a blank line (flags). */
const NOT_PLAIN = -1;
const QUOTES = 1;
const BLANK = 2;

/** What scanPlain's loop does with a UTF-16 unit: PLAIN goes on, SPECIAL is looked at (a line
 *  break, `:`, `.`, quotes), anything else is not plain. One table for every unit up to the last
 *  one wide() takes: a load per character instead of wide()'s ranges (scanPlain reads every
 *  note and opening heading; it was 2 % of a full render). */
const PLAIN = 1;
const SPECIAL = 2;
const LAST_WIDE = 0x2026;
const KIND = new Uint8Array(LAST_WIDE + 1);
for (let c = 0; c <= LAST_WIDE; c++) KIND[c] = (c < 128 ? ASCII[c]! : wide(c)) === 0 ? 0 : PLAIN;
for (const c of '\n:."\'') KIND[c.charCodeAt(0)] = SPECIAL;

/** Whether the line starting at `i` may start that way in plain text: not with a character that
 *  may not start a line (kind 2), nor with `1.` or `2045)`, which would start an ordered list. */
function plainLineStart(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if ((c < 128 ? ASCII[c]! : wide(c)) === 2) return false;
  if (c >= 48 && c <= 57) {
    let k = i + 1;
    while (k < end && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const after = text.charCodeAt(k);
    if (after === DOT || after === 41) return false;
  }
  return true;
}

/**
 * Reads `text` from `start` to `end` (no leading or trailing line breaks): NOT_PLAIN as soon as a
 * character could be Markdown to marked, else the flags. `block`: line starts and ends are read
 * as marked's block lexer reads them (a `-`, a space or `1.` starting a line, a space ending it);
 * without it the text is one line of inline text (a heading's).
 */
function scanPlain(text: string, start: number, end: number, block: boolean): number {
  let flags = 0;
  if (block && !plainLineStart(text, start, end)) return NOT_PLAIN;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const kind = c <= LAST_WIDE ? KIND[c]! : 0;
    if (kind === PLAIN) continue;
    if (kind === 0) return NOT_PLAIN;
    if (c === NL) {
      if (!block) return NOT_PLAIN;
      // A line may not end with a space: two make a hard break, one is trimmed by marked.
      if (text.charCodeAt(i - 1) === SPACE) return NOT_PLAIN;
      // (A text never ends with a line break here: `end` is before the last one.)
      if (text.charCodeAt(i + 1) === NL) flags |= BLANK;
      else if (!plainLineStart(text, i + 1, end)) return NOT_PLAIN;
    } else if (c === COLON) {
      // `::` is Lectern's `:::` blocks; `://` a URL marked links.
      const next = text.charCodeAt(i + 1);
      if (next === COLON || (next === SLASH && text.charCodeAt(i + 2) === SLASH)) return NOT_PLAIN;
    } else if (c === DOT) {
      if (isWww(text, i, start)) return NOT_PLAIN;
    } else flags |= QUOTES;
  }
  if (block && text.charCodeAt(end - 1) === SPACE) return NOT_PLAIN;
  return flags;
}

/**
 * `text` as marked would render it (`<p>…</p>\n` per paragraph, paragraphs split on blank lines,
 * line breaks inside a paragraph kept), or undefined when the text is anything but plain
 * paragraphs and marked must render it.
 */
export function plainParagraphsHtml(text: string): string | undefined {
  // Leading blank lines (`Note:` alone on its line) and the slide's final line breaks are no part
  // of any paragraph.
  let start = 0;
  while (text.charCodeAt(start) === NL) start++;
  let end = text.length;
  while (end > start && text.charCodeAt(end - 1) === NL) end--;
  if (start === end) return undefined;
  const flags = scanPlain(text, start, end, true);
  if (flags === NOT_PLAIN) return undefined;
  const body = start === 0 && end === text.length ? text : text.slice(start, end);
  const escaped = flags & QUOTES ? body.replace(RE_QUOTES, quote) : body;
  if (!(flags & BLANK)) return `<p>${escaped}</p>\n`;
  let html = '';
  for (const paragraph of escaped.split(/\n{2,}/)) html += `<p>${paragraph}</p>\n`;
  return html;
}

/** One line of inline text (a heading's, trimmed) as marked renders it, or undefined when any
 *  character in it could be Markdown. */
export function plainInlineHtml(text: string): string | undefined {
  if (text === '') return undefined;
  const flags = scanPlain(text, 0, text.length, false);
  if (flags === NOT_PLAIN) return undefined;
  return flags & QUOTES ? text.replace(RE_QUOTES, quote) : text;
}
