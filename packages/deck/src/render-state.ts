// The per-render state the marked extensions share. One object per marked instance, reset before
// each slide: marked is synchronous, so a slide's extensions see only that slide's state.
import type { ElementAttrs } from './html.ts';
import type { RenderOptions } from './types.ts';

export interface RenderState {
  options: RenderOptions;
  /** > 0 inside `::: incremental`: list items become fragments. */
  incremental: number;
  /** The slide's first heading carries the slide's attributes, not its own. */
  headingSeen: boolean;
  /** HTML of `::: notes` blocks met so far, for the slide's `<aside class="notes">`. */
  notes: string[];
  /** The deck's language (front matter `lang`): captions with no language in their name are in it. */
  lang: string;
}

export function createRenderState(options: RenderOptions): RenderState {
  return { options, incremental: 0, headingSeen: false, notes: [], lang: 'vi' };
}

/** Extra attributes attached to marked tokens (by `{...}` or `<!-- .element: -->`). */
export interface WithAttrs {
  lecternAttrs?: ElementAttrs;
}

export function addTokenAttrs(token: object, attrs: ElementAttrs): void {
  const t = token as WithAttrs;
  if (!t.lecternAttrs) {
    t.lecternAttrs = { id: attrs.id, classes: [...attrs.classes], attributes: { ...attrs.attributes } };
    return;
  }
  if (attrs.id) t.lecternAttrs.id = attrs.id;
  for (const c of attrs.classes) if (!t.lecternAttrs.classes.includes(c)) t.lecternAttrs.classes.push(c);
  Object.assign(t.lecternAttrs.attributes, attrs.attributes);
}
