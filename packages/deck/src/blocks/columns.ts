// `:::: columns` holding `::: column {width=40%}` blocks (Quarto's layout, as reveal.js themes
// from Quarto style `.columns` / `.column`).
import type { RendererExtension } from 'marked';
import { renderAttrs } from '../html.ts';
import { blockAttrs, type DivToken } from './fenced-div.ts';

export const columnsBlock: RendererExtension = {
  name: 'lectern-columns',
  renderer(token) {
    const { info, tokens } = token as DivToken;
    return `<div${renderAttrs(blockAttrs(info, 'columns'))}>\n${this.parser.parse(tokens)}</div>\n`;
  },
};

export const columnBlock: RendererExtension = {
  name: 'lectern-column',
  renderer(token) {
    const { info, tokens } = token as DivToken;
    const width = info.attrs.values['width'];
    // A bare number is a percentage, as in Quarto.
    const style: Record<string, string> = width === undefined ? {} : { style: `width:${/\d$/.test(width) ? `${width}%` : width};` };
    return `<div${renderAttrs(blockAttrs(info, 'column', style))}>\n${this.parser.parse(tokens)}</div>\n`;
  },
};
