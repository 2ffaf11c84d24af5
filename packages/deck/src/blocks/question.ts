// `::: question {points=3}`: an essay or review question, collected into the handout.
import type { RendererExtension } from 'marked';
import { renderAttrs } from '../html.ts';
import { blockAttrs, type DivToken } from './fenced-div.ts';

export const questionBlock: RendererExtension = {
  name: 'lectern-question',
  renderer(token) {
    const { info, tokens } = token as DivToken;
    const points = info.attrs.values['points'];
    return `<div${renderAttrs(blockAttrs(info, 'question', points === undefined ? {} : { 'data-points': points }))}>\n${this.parser.parse(tokens)}</div>\n`;
  },
};
