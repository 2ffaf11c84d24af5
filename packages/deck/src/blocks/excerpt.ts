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
    let cite = '';
    for (const key of CITE_PARTS) {
      const value = info.attrs.values[key];
      if (value) cite += `${cite ? ', ' : ''}<span class="excerpt-${key}">${escapeHtml(value)}</span>`;
    }
    if (cite) cite = `<cite>${cite}</cite>\n`;
    return `<blockquote${renderAttrs(blockAttrs(info, 'excerpt'))}>\n${this.parser.parse(tokens)}${cite}</blockquote>\n`;
  },
};
