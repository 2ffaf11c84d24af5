// `::: incremental`: every list item inside becomes a fragment.
import type { RendererExtension } from 'marked';
import { injectAttrs, renderAttrs } from '../html.ts';
import type { RenderState } from '../render-state.ts';
import { blockAttrs, type DivToken } from './fenced-div.ts';

const RE_LI = /<li(\s[^>]*)?>/g;
const FRAGMENT = { classes: ['fragment'], attributes: {} };

export function incrementalBlock(state: RenderState): RendererExtension {
  return {
    name: 'lectern-incremental',
    renderer(token) {
      const { info, tokens } = token as DivToken;
      state.incremental++;
      try {
        const inner = this.parser.parse(tokens).replace(RE_LI, (_m, attrs: string | undefined) => injectAttrs(`<li${attrs ?? ''}>`, FRAGMENT));
        return `<div${renderAttrs(blockAttrs(info, 'incremental'))}>\n${inner}</div>\n`;
      } finally {
        state.incremental--;
      }
    },
  };
}
