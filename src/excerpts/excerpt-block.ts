// An excerpt from the library, written into a deck as a `::: excerpt {...}` block (docs/deck-format.md).
// Excerpt text is untrusted (it arrives inside bundles too), so it is escaped by the deck
// grammar's own rules (packages/deck lines.ts + slide-scan.ts): whatever it holds, the inserted
// block ends at our closing `:::`, adds no slide and changes neither the slide's title, notes nor
// attributes.
import type { ExcerptRecord } from '../store/types.ts';

type ExcerptFields = Pick<ExcerptRecord, 'text' | 'source' | 'number' | 'issuer' | 'ref' | 'date'>;

const ATTR_KEYS = ['source', 'number', 'issuer', 'ref', 'date'] as const;

/** Attribute values are always double-quoted; a quote inside becomes a typographic one so the
 *  attribute block never ends early, and braces become full-width ones so the `{...}` of the
 *  opening line is never cut short (the text stays readable). */
function quoteAttr(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim().replace(/"/g, '”').replace(/\{/g, '｛').replace(/\}/g, '｝');
  return `"${text}"`;
}

/** Characters that, first on a line, make the line structure for the deck's line scanner:
 *  `:::` opens/closes blocks, ``` and ~~~ open code fences that would hide our closing `:::`,
 *  `#` would become the slide's title. */
const RE_STRUCTURAL_START = /^[:`~#]/;
/** `---` / `--` split slides outside a block, and under a paragraph they make a heading. */
const RE_DASH_LINE = /^-[-\s]*$/;
/** `Note:` starts the speaker notes at the top level of a slide. */
const RE_NOTE = /^(notes?):/i;

/** One line of excerpt text made inert: a Markdown backslash escape shows the same character. */
function escapeLine(raw: string): string {
  // Leading blanks are dropped: indentation decides nothing in a quotation, and four of them
  // would turn the line into a code block.
  const line = raw.replace(/^[ \t]+/, '');
  // An excerpt is text, never HTML: `<` as `&lt;` (a `<!-- .slide: ... -->` anywhere on a line
  // would set the slide's attributes), and an `&` that starts an entity as `&amp;`, so the reader
  // sees exactly the characters of the excerpt.
  const text = line.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;').replace(/</g, '&lt;');
  if (RE_STRUCTURAL_START.test(text) || RE_DASH_LINE.test(text)) return `\\${text}`;
  return text.replace(RE_NOTE, '$1\\:');
}

/**
 * { text: 'Đảng ta…', source: 'Nghị quyết Đại hội XII', ref: 'Phần III' } =>
 * ::: excerpt {source="Nghị quyết Đại hội XII" ref="Phần III"}
 * Đảng ta…
 * :::
 */
export function formatExcerptBlock(excerpt: ExcerptFields): string {
  const attrs = ATTR_KEYS.flatMap((key) => {
    const value = excerpt[key]?.trim();
    return value ? [`${key}=${quoteAttr(value)}`] : [];
  });
  const body = excerpt.text.replace(/\r\n?/g, '\n').trim().split('\n').map(escapeLine).join('\n');
  const open = attrs.length ? `::: excerpt {${attrs.join(' ')}}` : '::: excerpt';
  return `${open}\n${body}\n:::\n`;
}
