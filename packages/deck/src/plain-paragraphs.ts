// Speaker notes written as plain prose -- the common case: sentences of Vietnamese text with
// everyday punctuation -- turned into the HTML marked would give them, without marked. The notes
// are a second marked call on every slide that has them (a lexer pass, a token tree and a parser
// pass over text that is, for marked, one paragraph or a few): about a fifth of a full render of
// the generated deck. Only text in which no character can start anything but a paragraph of
// plain text is taken; anything else (a list, a heading, emphasis, a link, code, HTML, an entity,
// a URL, a hard line break, an indented line, a tab, a `\r`) returns undefined and goes to marked
// as before. tests/unit/deck/plain-paragraphs.test.ts holds every accepted text against marked.

/**
 * Characters that are plain text wherever they stand in a line for marked 18 with GFM: letters and
 * combining marks (precomposed and decomposed Vietnamese), digits, the space, and punctuation that
 * no block or inline rule of marked reads (`:` and `/` are checked for URLs separately, `"` and
 * `'` are escaped as marked escapes them). Not here: `&<>` (entities, HTML), `*_~\`` and `\\`
 * (emphasis, code, escapes), `[]!` (links, images), `#=+|{}@` (headings, setext, lists, tables,
 * attributes, e-mail autolinks), tabs and `\r`.
 */
const RE_PLAIN = /^[\p{L}\p{M}\p{N} ,.;:?()%/"'\-\n\u2013\u2014\u2018\u2019\u201C\u201D\u2026]*$/u;
/** A line may start only with a letter, a digit or an opening quote or parenthesis (`-` could
 *  start a list, a setext underline or a thematic break, a space an indentation)... */
const RE_LINE_START = /\n(?![\p{L}\p{N}"'(\u2018\u201C\n]|$)/u;
const RE_FIRST_START = /^[\p{L}\p{N}"'(\u2018\u201C]/u;
/** ...and digits only when no `.` or `)` follows them (`1.`, `2045)` start ordered lists). */
const RE_ORDERED = /(?:^|\n)[0-9]+[.)]/;
/** GFM autolinks (`www.x`, `https://x`) and `:::` (Lectern's blocks). */
const RE_LINK_OR_BLOCK = /www\.|:\/\/|::/i;
const RE_QUOTES = /["']/g;

const quote = (c: string) => (c === '"' ? '&quot;' : '&#39;');

/**
 * `text` as marked would render it (`<p>…</p>\n` per paragraph, paragraphs split on blank lines,
 * line breaks inside a paragraph kept), or undefined when the text is anything but plain
 * paragraphs and marked must render it.
 */
export function plainParagraphsHtml(text: string): string | undefined {
  // Leading blank lines (`Note:` alone on its line) and the slide's final line breaks are no part
  // of any paragraph.
  let start = 0;
  while (text.charCodeAt(start) === 10) start++;
  let end = text.length;
  while (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (start === end) return undefined;
  const body = start === 0 && end === text.length ? text : text.slice(start, end);
  if (!RE_PLAIN.test(body)) return undefined;
  // The first line's start, then every line's start; a line may not end with a space (two
  // spaces make a hard break, one is trimmed by marked).
  if (!RE_FIRST_START.test(body) || RE_LINE_START.test(body) || RE_ORDERED.test(body)) return undefined;
  if (body.charCodeAt(body.length - 1) === 32 || body.indexOf(' \n') >= 0) return undefined;
  if (RE_LINK_OR_BLOCK.test(body)) return undefined;
  const escaped = body.indexOf('"') >= 0 || body.indexOf("'") >= 0 ? body.replace(RE_QUOTES, quote) : body;
  if (escaped.indexOf('\n\n') < 0) return `<p>${escaped}</p>\n`;
  let html = '';
  for (const paragraph of escaped.split(/\n{2,}/)) html += `<p>${paragraph}</p>\n`;
  return html;
}
