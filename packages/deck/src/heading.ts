// ATX headings and their trailing attribute block: `## Thảo luận {minutes=15 .dark}`.
// Shared by the parser (slide title and attributes) and the marked heading tokenizer.

const RE_ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const RE_TRAILING_ATTRS = /[ \t]*\{([^{}]*)\}$/;
const RE_CLOSING_HASHES = /(?:^|[ \t]+)#+$/;

export interface AtxHeading {
  depth: number;
  /** Heading text without the attribute block and closing hashes. */
  text: string;
  /** Text inside `{...}`, when present. */
  attrs?: string;
  /** Offset of the text inside `{...}` in the line. */
  attrsOffset: number;
}

/** `## Mở đầu {#intro}` => depth 2, text 'Mở đầu', attrs '#intro'. */
export function parseAtxHeading(line: string): AtxHeading | undefined {
  const m = RE_ATX.exec(line);
  if (!m) return undefined;
  let text = m[2] ?? '';
  const textOffset = text === '' ? line.length : line.indexOf(text, m[1]!.length + line.indexOf('#'));
  const a = RE_TRAILING_ATTRS.exec(text);
  if (a) {
    const attrsOffset = textOffset + a.index + a[0].indexOf('{') + 1;
    return { depth: m[1]!.length, text: text.slice(0, a.index), attrs: a[1]!, attrsOffset };
  }
  text = text.replace(RE_CLOSING_HASHES, '');
  return { depth: m[1]!.length, text, attrsOffset: -1 };
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
