// The CLI's fast path in front of the sanitizer (issue 19, docs/security.md, docs/performance-io.md):
// DOMPurify on jsdom stays the sanitizer, but most of its time on an ordinary slide is jsdom
// building a DOM that DOMPurify then leaves untouched. So each fragment is first parsed with
// parse5 itself (jsdom's own HTML parser, the same version, the same options: the same tree) into
// plain objects, and a conservative verifier walks that tree. When every node is one the policy
// provably keeps unchanged (a short list of the elements and attributes Lectern's renderer
// writes, every attribute value through DOMPurify's own `isValidAttribute` and the policy's hook
// decision, on the same jsdom window), the fragment is serialized with parse5's serializer, which
// is what jsdom's `innerHTML` runs, and nothing is reported removed. Anything else, down to one
// unknown attribute or one `<` in text, goes to DOMPurify on jsdom exactly as before, so the
// pre-check can only skip work, never decide anything DOMPurify would decide differently.
//
// Node only: the browser's DOM is fast, and parse5 stays out of the app bundle.
import { defaultTreeAdapter, parse, serialize, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';
import { createAttributeCheck, type SanitizeResult, type Sanitizer, type SanitizerWindow } from '@lectern/deck';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** What jsdom's DOMParser passes parse5 (a scripting-disabled document), and its innerHTML too. */
const PARSE5_OPTIONS = { scriptingEnabled: false } as const;

/** Elements the renderer writes (and a few plain ones authors write in raw HTML), each kept by
 *  DOMPurify as it is: allowed by default, not forbidden by the policy, HTML-only names (no SVG or
 *  MathML twin), no hook of the policy's touches them. Not here on purpose: anything with a
 *  special parse or a hook (iframe, input, template, noscript, style, script, svg, math, form
 *  controls, custom elements). */
const ELEMENTS: ReadonlySet<string> = new Set([
  'section', 'div', 'span', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'aside', 'blockquote',
  'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'br', 'hr',
  'cite', 'q', 'code', 'pre', 'kbd', 'samp', 'var', 'abbr',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'a', 'img', 'video', 'audio', 'source', 'track',
]);
/** Attributes on any of ELEMENTS. Each value still goes through the full attribute check. */
const GLOBAL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id', 'class', 'style', 'title', 'lang', 'dir', 'role',
  // reveal.js and Lectern's own (slide timing, backgrounds, fragments, lesson blocks).
  'data-timing', 'data-transition', 'data-transition-speed', 'data-state', 'data-auto-animate',
  'data-background-color', 'data-background-image', 'data-background-video', 'data-background-opacity',
  'data-background-size', 'data-background-position', 'data-background-repeat', 'data-background-transition',
  'data-fragment-index', 'data-minutes', 'data-groups', 'data-points',
  'aria-label', 'aria-hidden', 'aria-describedby', 'aria-labelledby',
]);
const ELEMENT_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href']),
  img: new Set(['src', 'alt', 'width', 'height', 'loading']),
  video: new Set(['src', 'controls', 'preload', 'poster', 'autoplay', 'muted', 'loop', 'playsinline', 'width', 'height']),
  audio: new Set(['src', 'controls', 'preload', 'autoplay', 'muted', 'loop']),
  source: new Set(['src', 'type']),
  track: new Set(['src', 'kind', 'srclang', 'label', 'default']),
  th: new Set(['align', 'colspan', 'rowspan']),
  td: new Set(['align', 'colspan', 'rowspan']),
  ol: new Set(['start']),
};
/** The lists, for the test that runs every element and attribute on them past DOMPurify. */
export const PRECHECK_LISTS = { elements: ELEMENTS, globalAttributes: GLOBAL_ATTRIBUTES, elementAttributes: ELEMENT_ATTRIBUTES };
/** Deeper than this goes to jsdom: the walk here is iterative, but parse5's serializer recurses. */
const MAX_DEPTH = 256;

/** What the pre-check did since the sanitizer was made (for the bench and the tests). */
export interface PrecheckStats {
  /** Fragments serialized from parse5's tree without jsdom. */
  accepted: number;
  /** Fragments handed to DOMPurify on jsdom. */
  rejected: number;
}

export interface PrecheckedSanitizer extends Sanitizer {
  many: (htmls: readonly string[]) => SanitizeResult[];
  stats: PrecheckStats;
}

/**
 * `sanitize` (createSanitizer on `window`) with the pre-check in front: the same results, one
 * call or `many`, with jsdom only for the fragments the verifier does not accept.
 */
export function withPrecheck(window: SanitizerWindow, sanitize: Sanitizer): PrecheckedSanitizer {
  const verify = createVerifier(window);
  const stats: PrecheckStats = { accepted: 0, rejected: 0 };

  const one = (html: string): SanitizeResult => {
    // Without a `<` DOMPurify returns the string itself, unparsed: leave that to it.
    const clean = html.includes('<') ? verify(html) : undefined;
    if (clean === undefined) {
      stats.rejected++;
      return sanitize(html);
    }
    stats.accepted++;
    return { html: clean, removed: [] };
  };

  const many = (htmls: readonly string[]): SanitizeResult[] => {
    const results: (SanitizeResult | undefined)[] = [];
    const rest: number[] = [];
    for (let i = 0; i < htmls.length; i++) {
      // A fragment without `<` is left to jsdom here too: its `many` returns it parsed, or as it
      // is when the batch falls back to one call a slide, a choice that depends on the others.
      const html = htmls[i]!;
      const clean = html.includes('<') ? verify(html) : undefined;
      if (clean === undefined) rest.push(i);
      else results[i] = { html: clean, removed: [] };
    }
    stats.accepted += htmls.length - rest.length;
    stats.rejected += rest.length;
    if (rest.length > 0) {
      const dirty = rest.map((i) => htmls[i]!);
      const cleaned = sanitize.many ? sanitize.many(dirty) : dirty.map((html) => sanitize(html));
      rest.forEach((index, k) => (results[index] = cleaned[k]!));
    }
    return results as SanitizeResult[];
  };

  return Object.assign(one, { many, stats });
}

/**
 * The verifier: the fragment's clean HTML when DOMPurify with the policy would leave it exactly
 * as it is, else undefined. Mirrors DOMPurify's string path: with FORCE_BODY it parses
 * `<remove></remove>` + the fragment as a whole document, walks <body> and removes its own
 * <remove> element; the result is the body's innerHTML.
 */
export function createVerifier(window: SanitizerWindow): (html: string) => string | undefined {
  const keepsAttribute = createAttributeCheck(window);

  const acceptsElement = (el: Element): boolean => {
    if (el.namespaceURI !== HTML_NS || !ELEMENTS.has(el.tagName)) return false;
    const attrs = el.attrs;
    const own = ELEMENT_ATTRIBUTES[el.tagName];
    const getAttribute = (name: string) => attrs.find((a) => a.name === name)?.value ?? null;
    for (const attr of attrs) {
      if (attr.namespace !== undefined || attr.prefix !== undefined) return false;
      const name = attr.name;
      if (!GLOBAL_ATTRIBUTES.has(name) && !own?.has(name)) return false;
      const value = attr.value;
      // SAFE_FOR_XML removes values that could close an element or a comment; no markup at all here.
      if (value.includes('<') || value.includes('>')) return false;
      if (!keepsAttribute(el.tagName, name, value, getAttribute)) return false;
    }
    return true;
  };

  /** Every node under `parent`, iteratively (a hostile fragment can nest deep). */
  const acceptsChildren = (parent: ParentNode): boolean => {
    const stack: { node: Node; depth: number }[] = [];
    for (let i = parent.childNodes.length - 1; i >= 0; i--) stack.push({ node: parent.childNodes[i]!, depth: 1 });
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (node.nodeName === '#text') {
        // SAFE_FOR_XML removes an element whose text looks like markup: no `<` at all here.
        if ((node as DefaultTreeAdapterTypes.TextNode).value.includes('<')) return false;
        continue;
      }
      // Comments (DOMPurify removes them), and anything else that is not an element.
      if (!('tagName' in node)) return false;
      if (depth > MAX_DEPTH || !acceptsElement(node)) return false;
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1 });
    }
    return true;
  };

  // Foster parenting (content misplaced in a table, moved in front of it) is where jsdom's tree
  // and parse5's own part: jsdom's adapter appends fostered text at the END of the parent instead
  // of before the table (jsdom 28, html.js insertTextBefore). A fragment whose parse fosters
  // anything is left to jsdom, whatever jsdom makes of it.
  let fostered = false;
  const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    insertBefore(parent, node, reference) {
      fostered = true;
      defaultTreeAdapter.insertBefore(parent, node, reference);
    },
    insertTextBefore(parent, text, reference) {
      fostered = true;
      defaultTreeAdapter.insertTextBefore(parent, text, reference);
    },
  };
  const parseOptions = { ...PARSE5_OPTIONS, treeAdapter };

  const verify = (html: string): string | undefined => {
    fostered = false;
    const doc = parse(`<remove></remove>${html}`, parseOptions);
    if (fostered) return undefined;
    // The shape DOMPurify's walk relies on: <html><head></head><body><remove></remove>… and nothing
    // outside <body> (a comment after </html>, say, which DOMPurify would drop without a word).
    if (doc.childNodes.length !== 1) return undefined;
    const root = doc.childNodes[0]!;
    if (!('tagName' in root) || root.tagName !== 'html' || root.attrs.length > 0 || root.childNodes.length !== 2) return undefined;
    const [head, body] = root.childNodes as [Node, Node];
    if (!('tagName' in head) || head.tagName !== 'head' || head.attrs.length > 0 || head.childNodes.length > 0) return undefined;
    if (!('tagName' in body) || body.tagName !== 'body' || body.attrs.length > 0) return undefined;
    const first = body.childNodes[0];
    if (!first || !('tagName' in first) || first.tagName !== 'remove' || first.attrs.length > 0 || first.childNodes.length > 0) return undefined;
    body.childNodes.shift();
    if (!acceptsChildren(body)) return undefined;
    return serialize(body, PARSE5_OPTIONS);
  };
  return (html: string): string | undefined => {
    try {
      return verify(html);
    } catch {
      // Whatever went wrong here, DOMPurify on jsdom is still there to decide.
      return undefined;
    }
  };
}
