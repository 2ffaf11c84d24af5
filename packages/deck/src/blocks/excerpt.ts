// `::: excerpt {source="Nghị quyết Đại hội XIII" number="…" issuer="…" ref="Phần III" date=…}`:
// a quotation from a document, rendered as a blockquote with its citation.
import type { RendererExtension } from 'marked';
import { escapeHtml, renderAttrs } from '../html.ts';
import { blockAttrs, type DivToken } from './fenced-div.ts';

const CITE_PARTS = ['source', 'number', 'issuer', 'ref', 'date'] as const;

export const excerptBlock: RendererExtension = {
  name: 'lectern-excerpt',
  renderer(token) {
    const { info, tokens } = token as DivToken;
    const parts = CITE_PARTS.filter((key) => info.attrs.values[key]).map(
      (key) => `<span class="excerpt-${key}">${escapeHtml(info.attrs.values[key]!)}</span>`,
    );
    const cite = parts.length > 0 ? `<cite>${parts.join(', ')}</cite>\n` : '';
    return `<blockquote${renderAttrs(blockAttrs(info, 'excerpt'))}>\n${this.parser.parse(tokens)}${cite}</blockquote>\n`;
  },
};
