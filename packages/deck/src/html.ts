// Small HTML helpers for the renderer: every author-supplied text goes through escapeHtml, every
// attribute through renderAttrs. Attribute names reaching here were validated by attrs.ts.

const RE_HTML_ESCAPE = /[&<>"']/;
const RE_HTML_ESCAPE_G = /[&<>"']/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `a < b & "c"` => `a &lt; b &amp; &quot;c&quot;` */
export function escapeHtml(text: string): string {
  return RE_HTML_ESCAPE.test(text) ? text.replace(RE_HTML_ESCAPE_G, (c) => ESCAPES[c]!) : text;
}

/** Attributes of an element: id, classes, then the rest in insertion order. */
export interface ElementAttrs {
  id?: string;
  classes: string[];
  /** name => value; '' renders a boolean attribute (`autoplay`). */
  attributes: Record<string, string>;
}

/** `{ id: 'a', classes: ['x'], attributes: { 'data-x': '1', muted: '' } }` => ` id="a" class="x" data-x="1" muted` */
export function renderAttrs(attrs: ElementAttrs, booleans?: ReadonlySet<string>): string {
  let out = '';
  if (attrs.id) out += ` id="${escapeHtml(attrs.id)}"`;
  if (attrs.classes.length > 0) out += ` class="${escapeHtml(attrs.classes.join(' '))}"`;
  for (const name in attrs.attributes) {
    const value = attrs.attributes[name]!;
    if (value === '' && (!booleans || booleans.has(name))) out += ` ${name}`;
    else out += ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

const RE_FIRST_TAG = /^(\s*<[a-zA-Z][\w-]*)([^>]*?)(\/?>)/;
const RE_CLASS_ATTR = /\sclass="([^"]*)"/;

/** Adds attributes to the first tag of `html` (merging classes): `<p>x</p>` + `.fragment` =>
 *  `<p class="fragment">x</p>`. Used for `<!-- .element: -->` and `{...}` on headings. */
export function injectAttrs(html: string, attrs: ElementAttrs): string {
  const m = RE_FIRST_TAG.exec(html);
  if (!m) return html;
  let rest = m[2]!;
  let classes = attrs.classes;
  const existing = RE_CLASS_ATTR.exec(rest);
  if (existing && classes.length > 0) {
    const merged = existing[1]!.split(' ').filter(Boolean);
    for (const c of classes) if (!merged.includes(escapeHtml(c))) merged.push(escapeHtml(c));
    rest = rest.replace(RE_CLASS_ATTR, ` class="${merged.join(' ')}"`);
    classes = [];
  }
  if (attrs.id && /\sid="/.test(rest)) rest = rest.replace(/\sid="[^"]*"/, '');
  const added = renderAttrs({ id: attrs.id, classes, attributes: attrs.attributes });
  return m[1]! + rest + added + m[3]! + html.slice(m[0].length);
}
