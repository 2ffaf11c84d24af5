// `::: notes` (or `::: {.notes}`): speaker notes in the middle of a slide. Rendered into the
// slide's `<aside class="notes">`, not in place.
import type { RendererExtension } from 'marked';
import type { RenderState } from '../render-state.ts';
import type { DivToken } from './fenced-div.ts';

export function notesBlock(state: RenderState): RendererExtension {
  return {
    name: 'lectern-notes',
    renderer(token) {
      state.notes.push(this.parser.parse((token as DivToken).tokens));
      return '';
    },
  };
}
