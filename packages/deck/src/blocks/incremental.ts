// `::: incremental`: every list item inside becomes a fragment (element-attrs.ts adds the class
// while `state.incremental` is raised).
import type { RendererExtension } from 'marked';
import { renderAttrs } from '../html.ts';
import type { RenderState } from '../render-state.ts';
import { blockAttrs, type DivToken } from './fenced-div.ts';

export function incrementalBlock(state: RenderState): RendererExtension {
  return {
    name: 'lectern-incremental',
    renderer(token) {
      const { info, tokens } = token as DivToken;
      state.incremental++;
      try {
        return `<div${renderAttrs(blockAttrs(info, 'incremental'))}>\n${this.parser.parse(tokens)}</div>\n`;
      } finally {
        state.incremental--;
      }
    },
  };
}
