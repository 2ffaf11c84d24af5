// ATX headings and their trailing attribute block: `## Thảo luận {minutes=15 .dark}`.
// Shared by the parser (slide title and attributes) and the marked heading tokenizer.

export interface AtxHeading {
  depth: number;
  /** Heading text without the attribute block and closing hashes. */
  text: string;
  /** Text inside `{...}`, when present. */
  attrs?: string;
  /** Offset of the text inside `{...}` in the line. */
  attrsOffset: number;
}

const isBlank = (c: number) => c === 32 || c === 9;

/**
 * `## Mở đầu {#intro}` => depth 2, text 'Mở đầu', attrs '#intro'. Up to three spaces, one to six
 * `#`, then the end of the line or blanks and the text; a line break inside makes it no heading.
 * The attribute block is a `{…}` without braces inside that ends the text (the blanks before it
 * are not text); without one, closing hashes after a blank (or a text of hashes only) are cut.
 * A scan of character codes, run on every slide's heading by the parse and by the render (it
 * replaced three regular expressions: tests/unit/deck/heading.test.ts holds it to them).
 */
export function parseAtxHeading(line: string): AtxHeading | undefined {
  const n = line.length;
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const hashes = i;
  while (i < n && line.charCodeAt(i) === 35) i++;
  const depth = i - hashes;
  if (depth < 1 || depth > 6 || (i < n && !isBlank(line.charCodeAt(i)))) return undefined;
  // Native searches, not a loop over the line's characters: every slide's heading passes here twice.
  if (line.indexOf('\n', i) >= 0 || line.indexOf('\r', i) >= 0 || line.indexOf('\u2028', i) >= 0 || line.indexOf('\u2029', i) >= 0) return undefined;
  let s = i;
  while (s < n && isBlank(line.charCodeAt(s))) s++;
  let e = n;
  while (e > s && isBlank(line.charCodeAt(e - 1))) e--;
  if (e > s && line.charCodeAt(e - 1) === 125) {
    const open = line.lastIndexOf('{', e - 1);
    if (open >= s && line.indexOf('}', open) === e - 1) {
      let b = open;
      while (b > s && isBlank(line.charCodeAt(b - 1))) b--;
      return { depth, text: line.slice(s, b), attrs: line.slice(open + 1, e - 1), attrsOffset: open + 1 };
    }
  }
  let t = e;
  if (t > s && line.charCodeAt(t - 1) === 35) {
    let h = t;
    while (h > s && line.charCodeAt(h - 1) === 35) h--;
    if (h === s) t = s;
    else if (isBlank(line.charCodeAt(h - 1))) {
      t = h;
      while (t > s && isBlank(line.charCodeAt(t - 1))) t--;
    }
  }
  return { depth, text: line.slice(s, t), attrsOffset: -1 };
}

/** Markdown inline text to plain text, for titles and outlines: `**Nghị quyết** [XIII](x)` => `Nghị quyết XIII`. */
const RE_MARKUP = /[!\[<*_~`\\]/;
const RE_PLAIN = /\\([!-/:-@[-`{-~])|!\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|<[^>]+>|\*\*|__|\*|_|~~|`/g;

export function plainText(markdown: string): string {
  if (!RE_MARKUP.test(markdown)) return markdown.trim();
  // One pass, so an escaped character (`1 \< 2`, `\*nhấn\*`: any ASCII punctuation, as in
  // CommonMark) is kept as the character and never taken for markup or left with its backslash.
  return markdown
    .replace(RE_PLAIN, (_, escaped?: string, image?: string, link?: string) => escaped ?? (image !== undefined ? plainText(image) : link !== undefined ? plainText(link) : ''))
    .trim();
}
