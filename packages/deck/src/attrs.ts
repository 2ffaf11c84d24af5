// Attribute blocks: Pandoc's `{#id .class key=value key="quoted value" flag}` and the HTML-style
// `key="value"` list of reveal.js comments (`<!-- .slide: data-background-color="#123" -->`).
// Parsing keeps the offset of every item so diagnostics point at the exact column; validation is
// per context (a slide, a media element, a `:::` block) and drops what is unknown or unsafe.
import type { DiagnosticParams } from './types.ts';

export interface AttrItem {
  kind: 'id' | 'class' | 'pair' | 'flag';
  key: string;
  value: string;
  /** Offset of the item in the attribute text (0-based). */
  offset: number;
}

export interface AttrProblem {
  offset: number;
  /** The `attr-invalid` diagnostic's params (its sentence is in diagnostic-messages.ts). */
  params: DiagnosticParams;
}

export interface ParsedAttrs {
  items: AttrItem[];
  problems: AttrProblem[];
}

const RE_KEY = /^[A-Za-z_][\w:.-]*$/;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** `#intro .fragment minutes=15 title="Mở đầu"` => items in order; bad pieces become problems. */
export function parseAttrText(text: string): ParsedAttrs {
  const items: AttrItem[] = [];
  const problems: AttrProblem[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    const first = text[i];
    if (first === '#' || first === '.') {
      i++;
      while (i < n && !isSpace(text.charCodeAt(i))) i++;
      const name = text.slice(start + 1, i);
      if (!/^[\p{L}\p{N}_-][\p{L}\p{N}_:.-]*$/u.test(name)) {
        problems.push({ offset: start, params: { variant: 'selector', key: text.slice(start, i), kind: first === '#' ? 'id' : 'class' } });
      } else {
        items.push({ kind: first === '#' ? 'id' : 'class', key: first === '#' ? 'id' : 'class', value: name, offset: start });
      }
      continue;
    }
    while (i < n && !isSpace(text.charCodeAt(i)) && text[i] !== '=') i++;
    const key = text.slice(start, i);
    if (text[i] !== '=') {
      if (RE_KEY.test(key)) items.push({ kind: 'flag', key, value: '', offset: start });
      else problems.push({ offset: start, params: { variant: 'name', key } });
      continue;
    }
    i++; // '='
    let value: string;
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, i + 1);
      if (close < 0) {
        problems.push({ offset: start, params: { variant: 'quote', key, quote } });
        break;
      }
      value = text.slice(i + 1, close);
      i = close + 1;
    } else {
      const vStart = i;
      while (i < n && !isSpace(text.charCodeAt(i))) i++;
      value = text.slice(vStart, i);
    }
    if (!RE_KEY.test(key)) problems.push({ offset: start, params: { variant: 'name', key } });
    else items.push({ kind: 'pair', key, value, offset: start });
  }
  return { items, problems };
}

/** What a context accepts beyond id, classes and `data-*`. */
export interface AttrRules {
  /** Key => value kind. `number`: a non-negative number; `int`: a positive integer; `text`: any
   *  text; `size`: `60%`, `320px`, `20em`, `480`; `url`: a safe URL; `flag`: no value. */
  keys: Record<string, 'number' | 'int' | 'text' | 'size' | 'url' | 'flag'>;
  /** Keys that are accepted without their `data-` prefix (reveal.js slide attributes). */
  dataAliases?: (key: string) => boolean;
  /** Whether `data-*` attributes are accepted. */
  data: boolean;
}

export interface ValidAttrs {
  id?: string;
  classes: string[];
  /** Validated key/values (numbers as written); flags have the value ''. */
  values: Record<string, string>;
  /** Offset of each accepted key, for positions of e.g. `minutes=`. */
  offsets: Record<string, number>;
  problems: AttrProblem[];
}

const RE_NUMBER = /^\d+(?:\.\d+)?$/;
const RE_INT = /^[1-9]\d*$/;
const RE_SIZE = /^\d+(?:\.\d+)?(?:%|px|em|rem|vw|vh|cm|mm|in|pt)?$/;
/** URL schemes a deck may name; everything else (javascript:, data:, vbscript: …) is refused. */
const RE_URL_SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'blob']);
/** Data attributes whose value reveal.js loads as a URL. */
const RE_DATA_URL = /^data-(?:background-(?:image|video|iframe)|src|preview-(?:image|video|link))$/;

/** `media/bg.jpg`, `https://…` => true; `javascript:alert(1)` => false. */
export function isSafeUrl(value: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme: strip them before checking.
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const m = RE_URL_SCHEME.exec(compact);
  return !m || SAFE_SCHEMES.has(m[1]!.toLowerCase());
}

/** The kind of value `value` fails to be (a sentence key of diagnostic-messages.ts), if any. */
function checkValue(kind: AttrRules['keys'][string], value: string): string | undefined {
  switch (kind) {
    case 'number':
      return RE_NUMBER.test(value) ? undefined : 'number';
    case 'int':
      return RE_INT.test(value) ? undefined : 'int';
    case 'size':
      return RE_SIZE.test(value) ? undefined : 'size';
    case 'url':
      return isSafeUrl(value) ? undefined : 'url';
    case 'flag':
      return value === '' ? undefined : 'flag';
    default:
      return undefined;
  }
}

/** Validates parsed items for one context. Unknown or unsafe attributes become problems. */
export function validateAttrs(parsed: ParsedAttrs, rules: AttrRules): ValidAttrs {
  const out: ValidAttrs = { classes: [], values: {}, offsets: {}, problems: [...parsed.problems] };
  for (const item of parsed.items) {
    if (item.kind === 'id') {
      out.id = item.value;
      continue;
    }
    if (item.kind === 'class') {
      if (!out.classes.includes(item.value)) out.classes.push(item.value);
      continue;
    }
    const key = item.key.toLowerCase();
    if (key.startsWith('on')) {
      out.problems.push({ offset: item.offset, params: { variant: 'event', key: item.key } });
      continue;
    }
    if (key === 'id' && item.kind === 'pair') {
      out.id = item.value;
      continue;
    }
    if (key === 'class' && item.kind === 'pair') {
      for (const c of item.value.split(/\s+/)) if (c && !out.classes.includes(c)) out.classes.push(c);
      continue;
    }
    let name = key;
    let kind = rules.keys[key];
    if (!kind && rules.dataAliases?.(key)) {
      name = `data-${key}`;
      kind = RE_DATA_URL.test(name) ? 'url' : 'text';
    }
    if (!kind && rules.data && /^data-[a-z0-9][a-z0-9_.-]*$/.test(key)) kind = RE_DATA_URL.test(key) ? 'url' : 'text';
    if (!kind) {
      out.problems.push({ offset: item.offset, params: { variant: 'unknown', key: item.key } });
      continue;
    }
    if (item.kind === 'flag' && kind !== 'flag' && kind !== 'text') {
      out.problems.push({ offset: item.offset, params: { variant: 'needs-value', key: item.key } });
      continue;
    }
    const problem = checkValue(kind, item.value);
    if (problem) {
      out.problems.push({ offset: item.offset, params: { variant: 'value', key: item.key, kind: problem } });
      continue;
    }
    out.values[name] = item.value;
    out.offsets[name] = item.offset;
  }
  return out;
}

/** Results of attrsFor by rules, then by text; emptied when it holds this many texts. */
const VALID_CACHE_SIZE = 512;
const validCache = new Map<AttrRules, Map<string, ValidAttrs>>();

/**
 * validateAttrs(parseAttrText(text), rules), kept for texts met before: a deck repeats the same
 * few attribute blocks (`{minutes=5}`, `{width=60%}`) on slide after slide, and parsing and
 * validating each again made objects for the garbage collector on every one. The result is
 * shared between callers: read it, never change it.
 */
export function attrsFor(text: string, rules: AttrRules): Readonly<ValidAttrs> {
  let byText = validCache.get(rules);
  if (!byText) validCache.set(rules, (byText = new Map()));
  let valid = byText.get(text);
  if (!valid) {
    if (byText.size >= VALID_CACHE_SIZE) byText.clear();
    valid = validateAttrs(parseAttrText(text), rules);
    byText.set(text, valid);
  }
  return valid;
}

/** reveal.js slide attributes that authors write without `data-` (`background-image=…`). */
export function isRevealSlideAlias(key: string): boolean {
  return (
    key.startsWith('background') ||
    key.startsWith('auto-animate') ||
    key === 'transition' ||
    key === 'transition-speed' ||
    key === 'visibility' ||
    key === 'timing' ||
    key === 'state' ||
    key === 'autoslide'
  );
}

export const SLIDE_RULES: AttrRules = { keys: { minutes: 'number' }, dataAliases: isRevealSlideAlias, data: true };
/** Attributes on elements other than the slide: `{#id .class}` on a heading, `.element:` comments. */
export const ELEMENT_RULES: AttrRules = { keys: { style: 'text', title: 'text' }, data: true };
export const IMAGE_RULES: AttrRules = {
  keys: { width: 'size', height: 'size', title: 'text', style: 'text', loading: 'text' },
  data: true,
};
export const PLAYER_RULES: AttrRules = {
  keys: {
    width: 'size',
    height: 'size',
    title: 'text',
    style: 'text',
    autoplay: 'flag',
    loop: 'flag',
    muted: 'flag',
    playsinline: 'flag',
    controls: 'flag',
    poster: 'url',
    preload: 'text',
    captions: 'url',
  },
  data: true,
};
