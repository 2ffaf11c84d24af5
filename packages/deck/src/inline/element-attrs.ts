// Attributes for elements marked's renderer knows nothing about: `<!-- .element: -->` targets
// (reveal-comments.ts) are wrapped in a `lectern-attrs` token whose renderer adds the attributes
// to the first tag of the wrapped element. A list item is marked with a `lectern-li` token at the
// start of its content, and the list's wrapper moves the attributes onto that `<li>`.
// No override of marked's common renderers: paragraphs and lists render at marked's own speed.
import type { RendererExtension, Token, Tokens } from 'marked';
import { injectAttrs, type ElementAttrs } from '../html.ts';

interface AttrsToken extends Tokens.Generic {
  type: 'lectern-attrs';
  inner: Token;
  attrs?: ElementAttrs;
  /** Attributes for list items, by marker id. */
  items?: ElementAttrs[];
}

interface ItemMarker extends Tokens.Generic {
  type: 'lectern-li';
  id: number;
}

/** Private-use characters: never in author text that reaches here (markers exist only while a
 *  list renders and are replaced before its HTML leaves the wrapper). */
const RE_MARKED_ITEM = /<li>((?:<input [^>]*> ?)?)\uE000(\d+)\uE001/g;

/** Replaces `tokens[index]` with a wrapper that renders it with `attrs` on its first tag. */
export function wrapWithAttrs(tokens: Token[], index: number, attrs: ElementAttrs): void {
  const inner = tokens[index]!;
  if (inner.type === 'lectern-attrs') {
    const wrapper = inner as AttrsToken;
    wrapper.attrs = wrapper.attrs ? mergeAttrs(wrapper.attrs, attrs) : attrs;
    return;
  }
  const wrapper: AttrsToken = { type: 'lectern-attrs', raw: inner.raw, inner, attrs };
  tokens[index] = wrapper;
}

/** Gives list items attributes: `items` pairs each item token of the list at `tokens[index]`
 *  with its attributes. */
export function wrapListItems(tokens: Token[], index: number, items: Map<Tokens.ListItem, ElementAttrs>): void {
  const inner = tokens[index]!;
  const wrapper: AttrsToken = inner.type === 'lectern-attrs' ? (inner as AttrsToken) : { type: 'lectern-attrs', raw: inner.raw, inner };
  wrapper.items ??= [];
  for (const [item, attrs] of items) {
    const marker: ItemMarker = { type: 'lectern-li', raw: '', id: wrapper.items.length };
    wrapper.items.push(attrs);
    item.tokens.unshift(marker);
  }
  tokens[index] = wrapper;
}

export function mergeAttrs(a: ElementAttrs, b: ElementAttrs): ElementAttrs {
  const classes = [...a.classes];
  for (const c of b.classes) if (!classes.includes(c)) classes.push(c);
  return { id: b.id ?? a.id, classes, attributes: { ...a.attributes, ...b.attributes } };
}

export const elementAttrs: RendererExtension[] = [
  {
    name: 'lectern-attrs',
    renderer(token) {
      const t = token as AttrsToken;
      let html = this.parser.parse([t.inner]);
      if (t.items) {
        const items = t.items;
        html = html.replace(RE_MARKED_ITEM, (_m, checkbox: string, id: string) => `${injectAttrs('<li>', items[Number(id)]!)}${checkbox}`);
      }
      return t.attrs ? injectAttrs(html, t.attrs) : html;
    },
  },
  {
    name: 'lectern-li',
    renderer(token) {
      return `\uE000${(token as ItemMarker).id}\uE001`;
    },
  },
];
