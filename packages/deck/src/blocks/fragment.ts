// `::: fragment` / `::: {.fragment .fade-up index=2}`: content revealed step by step.
import type { RendererExtension } from 'marked';
import { renderAttrs } from '../html.ts';
import { blockAttrs, type DivToken } from './fenced-div.ts';

export const fragmentBlock: RendererExtension = {
  name: 'lectern-fragment',
  renderer(token) {
    const { info, tokens } = token as DivToken;
    const index = info.attrs.values['index'];
    const attrs = blockAttrs(info, 'fragment', index === undefined ? {} : { 'data-fragment-index': index });
    return `<div${renderAttrs(attrs)}>\n${this.parser.parse(tokens)}</div>\n`;
  },
};
