// Attributes attached to block tokens (by `<!-- .element: -->`, see reveal-comments.ts) reach
// the element's first tag here; inside `::: incremental` every list item also gets `fragment`.
import { Renderer, type MarkedExtension, type RendererObject, type Tokens } from 'marked';
import { injectAttrs } from '../html.ts';
import type { RenderState, WithAttrs } from '../render-state.ts';

type BlockName = 'paragraph' | 'list' | 'blockquote' | 'table' | 'code' | 'hr';

export function elementAttrs(state: RenderState): MarkedExtension {
  const renderer: RendererObject = {
    listitem(item: Tokens.ListItem) {
      const attrs = (item as WithAttrs).lecternAttrs;
      if (!attrs && state.incremental === 0) return false;
      const html = Renderer.prototype.listitem.call(this, item);
      const merged = attrs ?? { classes: [], attributes: {} };
      return injectAttrs(html, state.incremental > 0 ? { ...merged, classes: ['fragment', ...merged.classes] } : merged);
    },
  };
  for (const name of ['paragraph', 'list', 'blockquote', 'table', 'code', 'hr'] as BlockName[]) {
    // Each default renderer takes its own token type; the cast names the one method called here.
    const base = Renderer.prototype[name] as (this: Renderer, token: Tokens.Generic) => string;
    (renderer as Record<BlockName, (this: Renderer, token: Tokens.Generic) => string | false>)[name] = function (token) {
      const attrs = (token as WithAttrs).lecternAttrs;
      if (!attrs) return false;
      return injectAttrs(base.call(this, token), attrs);
    };
  }
  return { renderer };
}
