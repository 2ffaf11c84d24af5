// An excerpt from the library, written into a deck as a `::: excerpt {...}` block (DESIGN.md 2).
import type { ExcerptRecord } from '../store/types.ts';

type ExcerptFields = Pick<ExcerptRecord, 'text' | 'source' | 'number' | 'issuer' | 'ref' | 'date'>;

const ATTR_KEYS = ['source', 'number', 'issuer', 'ref', 'date'] as const;

/** Attribute values are always double-quoted; a quote inside becomes a typographic one so the
 *  attribute block never ends early (the text stays readable). */
function quoteAttr(value: string): string {
  return `"${value.replace(/\s+/g, ' ').trim().replace(/"/g, '”')}"`;
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
  // A line that is exactly ":::" inside the text would close the block early: indent it.
  const body = excerpt.text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (/^\s*:{3,}/.test(line) ? ` ${line}` : line))
    .join('\n');
  const open = attrs.length ? `::: excerpt {${attrs.join(' ')}}` : '::: excerpt';
  return `${open}\n${body}\n:::\n`;
}
