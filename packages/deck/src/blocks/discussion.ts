// `::: discussion {minutes=10 groups=4}`: a question for the class. The presenter finds it by
// class and offers a countdown for data-minutes; the handout lists it with its time.
import type { RendererExtension } from 'marked';
import { renderAttrs } from '../html.ts';
import { blockAttrs, type DivToken } from './fenced-div.ts';

export const discussionBlock: RendererExtension = {
  name: 'lectern-discussion',
  renderer(token) {
    const { info, tokens } = token as DivToken;
    const data: Record<string, string> = {};
    if (info.attrs.values['minutes'] !== undefined) data['data-minutes'] = info.attrs.values['minutes'];
    if (info.attrs.values['groups'] !== undefined) data['data-groups'] = info.attrs.values['groups'];
    return `<div${renderAttrs(blockAttrs(info, 'discussion', data))}>\n${this.parser.parse(tokens)}</div>\n`;
  },
};
