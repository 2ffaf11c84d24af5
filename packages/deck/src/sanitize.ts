// The sanitizer every rendered deck passes through before it reaches a document (docs/security.md):
// the app's preview and presenter, the handout and the CLI's static build.
//
// DOMPurify does the parsing and the hard part (namespace confusion, mutation XSS, DOM
// clobbering of document/form properties) on its safe defaults. On top of them this file adds
// what a reveal.js deck needs and what reveal.js itself makes dangerous:
//  - <iframe> is allowed, always with a forced `sandbox` that never pairs allow-scripts with
//    allow-same-origin (that pair lets a same-origin frame remove its own sandbox);
//  - form controls, <style>, <object>, <embed>, <base>, <meta>, <link> are removed, except the
//    disabled checkbox GFM renders for a task list (`- [x] done`);
//  - blob: URLs (the app serves media as Blob URLs) are allowed, but only where media loads
//    (img/video/audio/source/track src, poster, reveal.js background image/video), never as
//    a link or a frame: a Blob URL is same-origin, so an SVG or HTML blob opened as a document
//    would run with the app's origin and its IndexedDB;
//  - reveal.js reads URLs from data-* attributes that DOMPurify lets through unchecked
//    (data-src, data-background-*, data-preview-*), and turns `data-notes` into innerHTML:
//    those get the same scheme rules as src/href; `data-notes` and `data-markdown` are dropped
//    (Lectern writes notes as <aside class="notes">, sanitized like any other element);
//  - `style` attributes are kept (decks use them for layout; CSS cannot run script in current
//    browsers) unless they smuggle a script URL or a legacy script hook.
//
// No module state: each window gets its own DOMPurify instance with its own hooks, so a jsdom
// window in the CLI and the browser's window never share configuration.
import DOMPurify, { type Config, type RemovedAttribute, type RemovedElement, type WindowLike } from 'dompurify';
import type { RemovedItem, SanitizeResult, Sanitizer } from './types.ts';

export type { WindowLike as SanitizerWindow } from 'dompurify';

/** DOMPurify's default URI check with `blob:` added; blob: is then narrowed to media below. */
const RE_ALLOWED_URI =
  /^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix|blob):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i;
/** What browsers ignore inside a URL attribute (DOMPurify strips the same set before checking). */
const RE_URL_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
const RE_SCHEME = /^([a-z][a-z0-9+.\-]*):/i;
const RE_HTTP = /^https?:/i;
/** data: media a browser only ever decodes, never runs: raster and SVG images (an <img> or a CSS
 *  background does not run SVG scripts), video, audio. Never text/html, never script types. */
const RE_SAFE_DATA_MEDIA = /^data:(?:image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|svg\+xml)|video\/[a-z0-9.+-]+|audio\/[a-z0-9.+-]+)[;,]/i;
/** CSS constructs that have run script in some browser, or url() pointing at a script scheme. */
const RE_CSS_DANGER = /expression\s*\(|-moz-binding|behavior\s*:|@import|javascript:|vbscript:|livescript:/i;
const RE_CSS_URL = /url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi;
/** CSS escapes and comments can hide `javascript:` from a naive check: decode them first. */
const RE_CSS_ESCAPE = /\\([0-9a-f]{1,6})\s?|\\(.)/gi;
const RE_CSS_COMMENT = /\/\*[\s\S]*?\*\//g;

/** Elements that must never survive, beyond DOMPurify's own list. */
const FORBID_TAGS = [
  'style', // a <style> in one slide restyles the whole app (overlays, hidden UI)
  'form', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output',
  'object', 'embed', 'applet', 'base', 'meta', 'link', 'frame', 'frameset', 'portal',
];
/** Attributes whose value something turns into HTML: Chromium (srcdoc); reveal.js (data-notes
 *  goes to innerHTML); its notes plugin (data-markdown on notes makes the speaker view run the
 *  notes through its own marked, which keeps javascript: links). Lectern renders Markdown itself. */
const DROPPED_ATTRS = new Set(['srcdoc', 'data-notes', 'data-markdown']);
/** Extra elements and attributes a reveal.js deck needs. */
const ADD_TAGS = ['iframe'];
const ADD_ATTR = [
  'sandbox', 'allowfullscreen', 'loading', 'frameborder', 'referrerpolicy', // iframe
  'controls', 'preload', 'autoplay', 'loop', 'muted', 'poster', 'playsinline', // media
  'kind', 'srclang', 'label', 'default',
];

/** Sandbox tokens an author may ask for; everything else (top navigation, escaping the sandbox,
 *  modals, downloads, forms) is dropped. */
const SANDBOX_ALLOWED = new Set(['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation']);
/** The sandbox of an iframe written without one: scripts may run, but in an opaque origin. */
const SANDBOX_DEFAULT = 'allow-scripts allow-presentation';

type UrlContext = 'media' | 'captions' | 'image' | 'frame' | 'unsandboxed-frame' | 'link';
/** A caption file carried in the page (build and Offline HTML, opened from file://): WebVTT only,
 *  which the player parses as cue text and never as HTML. */
const RE_SAFE_DATA_CAPTIONS = /^data:text\/vtt[;,]/i;

/** Tags whose `src` loads media (data: and blob: allowed). */
const MEDIA_SRC_TAGS = new Set(['img', 'video', 'audio', 'source', 'track', 'image']);

/** Which URL rule an attribute follows, or undefined when it carries no URL. */
function urlContext(tag: string, attr: string): UrlContext | undefined {
  switch (attr) {
    case 'src':
    case 'data-src':
      if (tag === 'iframe') return 'frame';
      if (tag === 'track') return 'captions';
      return MEDIA_SRC_TAGS.has(tag) ? 'media' : 'link';
    case 'poster':
    case 'data-background-image':
    case 'data-preview-image':
      return 'image';
    case 'data-background-video':
    case 'data-preview-video':
      return 'media';
    // reveal.js creates these iframes itself, without a sandbox.
    case 'data-background-iframe':
      return 'unsandboxed-frame';
    case 'href':
    case 'xlink:href':
    case 'action':
    case 'formaction':
    case 'cite':
    case 'background':
      return 'link';
    default:
      return attr.startsWith('data-') && /(?:url|href|src|link)$/.test(attr) ? 'link' : undefined;
  }
}

/** Whether `value` is acceptable as a URL in `context`. */
function isSafeUrl(value: string, context: UrlContext): boolean {
  const url = value.replace(RE_URL_WHITESPACE, '');
  if (url === '') return true;
  const scheme = RE_SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return context !== 'unsandboxed-frame' && RE_ALLOWED_URI.test(url);
  switch (context) {
    case 'unsandboxed-frame':
      return scheme === 'https' || scheme === 'http';
    case 'frame':
      // Sandboxed below; still never a script, data: or blob: document.
      return scheme === 'https' || scheme === 'http';
    case 'captions':
      if (scheme === 'data') return RE_SAFE_DATA_CAPTIONS.test(url);
      return scheme === 'https' || scheme === 'http' || scheme === 'blob';
    case 'media':
    case 'image':
      if (scheme === 'data') return RE_SAFE_DATA_MEDIA.test(url);
      return scheme === 'https' || scheme === 'http' || scheme === 'blob';
    case 'link':
      return scheme !== 'blob' && scheme !== 'data' && RE_ALLOWED_URI.test(url);
  }
}

/**
 * The URLs reveal.js takes from an attribute. Background images and videos are comma-separated
 * lists (a data: image is one URL: its comma is part of it), and reveal.js calls decodeURI() on
 * background images, which throws on a malformed escape and stops the whole presentation: such
 * a value yields a URL that no rule accepts.
 */
function revealUrls(attr: string, value: string): string[] {
  if (attr === 'data-background-video') return value.split(',');
  if (attr !== 'data-background-image' || /^\s*data:/i.test(value)) return [value];
  const urls = value.split(',');
  try {
    urls.forEach((url) => decodeURI(url.trim()));
  } catch {
    return ['javascript:'];
  }
  return urls;
}

/** Decodes CSS escapes and drops comments so that `jav\61script:` is seen for what it is. */
function decodeCss(css: string): string {
  return css.replace(RE_CSS_COMMENT, '').replace(RE_CSS_ESCAPE, (_m, hex: string | undefined, ch: string | undefined) =>
    hex !== undefined ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : (ch ?? ''),
  );
}

/** Whether a style attribute (or reveal.js `data-background`, which becomes CSS) is harmless. */
function isSafeCss(css: string): boolean {
  const decoded = decodeCss(css);
  if (RE_CSS_DANGER.test(decoded.replace(RE_URL_WHITESPACE, ''))) return false;
  for (const match of decoded.matchAll(RE_CSS_URL)) {
    if (!isSafeUrl(match[2] ?? '', 'image')) return false;
  }
  return true;
}

/** The forced sandbox: the author's allowed tokens, minus allow-same-origin when scripts run. */
function forcedSandbox(requested: string | null): string {
  if (requested === null) return SANDBOX_DEFAULT;
  const tokens = new Set(requested.toLowerCase().split(/\s+/).filter((t) => SANDBOX_ALLOWED.has(t)));
  if (tokens.has('allow-scripts')) tokens.delete('allow-same-origin');
  return [...tokens].join(' ');
}

/** `<script>`, `onerror on <img>`: how a removal is reported to the author. */
function describeRemoval(entry: RemovedElement | RemovedAttribute): string | undefined {
  if ('element' in entry) {
    const node = entry.element;
    if (node.nodeType === 8) return undefined; // comments: invisible anyway, not worth a warning
    if (node.nodeType === 3) return node.textContent?.trim() ? 'text in a forbidden place' : undefined;
    return `<${node.nodeName.toLowerCase()}>`;
  }
  const tag = entry.from.nodeName.toLowerCase();
  return entry.attribute ? `${entry.attribute.name} on <${tag}>` : `an attribute on <${tag}>`;
}

/** DOMPurify's configuration for the policy above; one object per DOMPurify instance. */
function policyConfig(): Config {
  return {
    ALLOWED_URI_REGEXP: RE_ALLOWED_URI,
    FORBID_TAGS,
    ADD_TAGS,
    ADD_ATTR,
    // Keep DOMPurify's safe defaults explicit so nobody widens them by accident.
    SAFE_FOR_XML: true,
    SANITIZE_DOM: true,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    // Without it a fragment that starts with <script>, <style> or <meta> is parsed into <head>
    // and dropped silently: the author would get no html-removed warning.
    FORCE_BODY: true,
  };
}

/**
 * The policy's own decision on one attribute, as the `uponSanitizeAttribute` hook takes it (on
 * top of DOMPurify's checks, never instead of them): false when the hook drops it. `value` as
 * DOMPurify hands it to the hook (trimmed); `getAttribute` reads the element's other attributes.
 */
export function keepsAttribute(tag: string, attr: string, value: string, getAttribute: (name: string) => string | null): boolean {
  if (DROPPED_ATTRS.has(attr)) return false;
  if (attr === 'style' || attr === 'data-background') return isSafeCss(value);
  if (attr === 'data-preview-link') {
    // reveal.js opens an unsandboxed iframe on the value when it is a URL, else on href.
    const trimmed = value.trim();
    if (trimmed === 'false') return true;
    const target = trimmed.startsWith('http') ? trimmed : trimmed === '' ? (getAttribute('href') ?? '') : '';
    return RE_HTTP.test(target.replace(RE_URL_WHITESPACE, '')) && isSafeUrl(target, 'unsandboxed-frame');
  }
  const context = urlContext(tag, attr);
  return !context || revealUrls(attr, value).every((url) => isSafeUrl(url, context));
}

/**
 * Whether the sanitizer on `window` would keep `attr="value"` on an HTML `<tag>` exactly as it is
 * written: DOMPurify (same configuration, same window, so the same DOM-clobbering answer for
 * `id`) through its own `isValidAttribute`, the policy's hook decision (`keepsAttribute`), and
 * no trimming. For a pre-check that must never accept what the sanitizer would change (the CLI's,
 * docs/security.md); says nothing about elements, whose rules the caller keeps.
 */
export function createAttributeCheck(window: WindowLike): (tag: string, attr: string, value: string, getAttribute: (name: string) => string | null) => boolean {
  const purify = DOMPurify(window);
  if (!purify.isSupported) throw new Error('createAttributeCheck needs a DOM window (a browser window or a jsdom window).');
  purify.setConfig(policyConfig());
  return (tag, attr, value, getAttribute) =>
    // DOMPurify trims every value but `value` before anything else and writes the trimmed one back.
    (attr === 'value' || value === value.trim()) && keepsAttribute(tag, attr, value, getAttribute) && purify.isValidAttribute(tag, attr, value);
}

/**
 * Creates a sanitizer bound to one DOM window (the browser's `window`, or a jsdom window in Node).
 * `createSanitizer(window)('<img src=x onerror=alert(1)>')` =>
 * `{ html: '<img src="x">', removed: [{ what: 'onerror on <img>' }] }`
 */
export function createSanitizer(window: WindowLike): Sanitizer {
  const purify = DOMPurify(window);
  if (!purify.isSupported) throw new Error('createSanitizer needs a DOM window (a browser window or a jsdom window).');
  const config = policyConfig();

  purify.addHook('uponSanitizeAttribute', (node, event) => {
    if (!keepsAttribute(node.nodeName.toLowerCase(), event.attrName, event.attrValue, (name) => node.getAttribute(name))) event.keepAttr = false;
  });

  // Removals decided by the hooks below, which DOMPurify does not list itself; per call.
  let hookRemoved: RemovedItem[] = [];
  purify.addHook('afterSanitizeAttributes', (node) => {
    const tag = node.nodeName.toLowerCase();
    if (tag === 'iframe') node.setAttribute('sandbox', forcedSandbox(node.getAttribute('sandbox')));
    if (tag === 'input') {
      if (node.getAttribute('type')?.toLowerCase() === 'checkbox') {
        node.setAttribute('disabled', ''); // a task-list tick is a display, not a control
      } else {
        hookRemoved.push({ what: '<input>' });
        node.remove(); // DOMPurify notices a node its hook detached and skips it
      }
    }
  });

  // While a batch runs (see `many`): where each fragment's wrapper was met in DOMPurify's walk,
  // as counts of the removals reported so far, so removals can be given back to their fragment.
  let batch: { marker: string; removedAt: number[]; hookAt: number[] } | undefined;
  purify.addHook('beforeSanitizeElements', (node) => {
    if (batch && node.nodeType === 1 && (node as Element).getAttribute(BATCH_ATTR)?.startsWith(batch.marker)) {
      batch.removedAt.push(purify.removed.length);
      batch.hookAt.push(hookRemoved.length);
    }
  });

  const describe = (entries: readonly (RemovedElement | RemovedAttribute)[], hooks: readonly RemovedItem[]): RemovedItem[] => {
    const removed: RemovedItem[] = [];
    for (const entry of entries) {
      const what = describeRemoval(entry);
      if (what) removed.push({ what });
    }
    removed.push(...hooks);
    return removed;
  };
  // FORCE_BODY prepends a <remove> element of DOMPurify's own and reports removing it.
  const ownEntries = () => {
    const [first, ...rest] = purify.removed;
    return first && 'element' in first && first.element.nodeName.toLowerCase() === 'remove' ? rest : purify.removed;
  };

  const batchConfig: Config & { RETURN_DOM: true } = { ...config, RETURN_DOM: true };

  const sanitizeOne = (html: string): SanitizeResult => {
    hookRemoved = [];
    const clean = purify.sanitize(html, config);
    return { html: clean, removed: describe(ownEntries(), hookRemoved) };
  };

  /**
   * Each fragment goes into a wrapper <div> marked with a random token, all are sanitized in one
   * call, and each wrapper's content is taken back. The result is accepted only when the output
   * is exactly the wrappers, in order, each with its marker and nothing else: a fragment that
   * closes its wrapper, swallows the next one (an unclosed comment, <plaintext>, <textarea>) or
   * forges a marker changes that shape, and the batch is then cleaned one fragment at a time.
   */
  const many = (htmls: readonly string[]): SanitizeResult[] => {
    if (htmls.length < 2) return htmls.map(sanitizeOne);
    const marker = `${randomToken()}:`;
    let joined = '';
    for (let i = 0; i < htmls.length; i++) joined += `<div ${BATCH_ATTR}="${marker}${i}">${htmls[i]}</div>`;
    hookRemoved = [];
    const seen = { marker, removedAt: [] as number[], hookAt: [] as number[] };
    batch = seen;
    // RETURN_DOM: the cleaned <body> itself. RETURN_DOM_FRAGMENT would move every wrapper out of
    // it into a fragment first, one DOM insertion each (5-9% of a batch on jsdom, profiled).
    let body: Element;
    try {
      body = purify.sanitize(joined, batchConfig);
    } finally {
      batch = undefined;
    }
    if (seen.removedAt.length !== htmls.length) return htmls.map(sanitizeOne);
    const children = body.childNodes;
    if (children.length !== htmls.length) return htmls.map(sanitizeOne);
    const results: SanitizeResult[] = [];
    const all = purify.removed;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType !== 1) return htmls.map(sanitizeOne);
      const el = child as Element;
      if (el.nodeName !== 'DIV' || el.attributes.length !== 1 || el.getAttribute(BATCH_ATTR) !== `${marker}${i}`) return htmls.map(sanitizeOne);
      const entries = all.slice(seen.removedAt[i], seen.removedAt[i + 1] ?? all.length);
      const hooks = hookRemoved.slice(seen.hookAt[i], seen.hookAt[i + 1] ?? hookRemoved.length);
      results.push({ html: el.innerHTML, removed: describe(entries, hooks) });
    }
    return results;
  };

  return Object.assign(sanitizeOne, { many });
}

/** The attribute that marks a batch wrapper (see `many`). */
const BATCH_ATTR = 'data-lectern-batch';

/** 128 random bits as hex: a fragment cannot guess the marker of the batch it is in. */
function randomToken(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}
