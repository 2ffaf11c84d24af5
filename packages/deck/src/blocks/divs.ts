// The `:::` block kinds Lectern knows, and how an opening line names one: `::: discussion
// {minutes=10}`, Pandoc's `::: {.discussion minutes=10}`, or a plain `::: {.my-class}` div.
// Shared by the parser (model + diagnostics) and the renderer (fenced-div.ts).
import { parseAttrText, validateAttrs, type AttrProblem, type AttrRules, type ValidAttrs } from '../attrs.ts';

export type DivKind =
  | 'notes'
  | 'fragment'
  | 'incremental'
  | 'columns'
  | 'column'
  | 'discussion'
  | 'excerpt'
  | 'question'
  /** A Pandoc div with classes only (`::: {.my-class}`) or an unknown kind (`::: foo`). */
  | 'div';

const RULES: Record<DivKind, AttrRules> = {
  notes: { keys: {}, data: true },
  fragment: { keys: { index: 'int' }, data: true },
  incremental: { keys: {}, data: true },
  columns: { keys: {}, data: true },
  column: { keys: { width: 'size' }, data: true },
  discussion: { keys: { minutes: 'number', groups: 'int' }, data: true },
  excerpt: { keys: { source: 'text', number: 'text', issuer: 'text', ref: 'text', date: 'text' }, data: true },
  question: { keys: { points: 'number' }, data: true },
  div: { keys: { style: 'text', title: 'text' }, data: true },
};

const KNOWN = new Set<string>(['notes', 'fragment', 'incremental', 'columns', 'column', 'discussion', 'excerpt', 'question']);

export interface DivInfo {
  kind: DivKind;
  /** The kind word as written when it is not a known kind (`::: foo` => 'foo'). */
  unknown?: string;
  /** Offset of the kind word (or of the unknown word) in the info text. */
  wordOffset: number;
  attrs: ValidAttrs;
  /** Offset of the text inside `{...}` in the info text, when there is one. */
  attrsOffset: number;
  /** Problems with the opening line itself (text that is neither a word nor `{...}`). */
  extra: AttrProblem[];
}

const RE_INFO = /^([\p{L}\p{N}_-]+)?\s*(?:\{([^{}]*)\})?\s*(.*)$/su;

/** Opening lines read lately: the parser reads each block's line for the model and the renderer
 *  reads it again for the HTML, and a deck repeats the same few (`::: notes`, `::: discussion
 *  {minutes=10}`). Bounded, as any text may be an opening line. */
const recentInfos = new Map<string, DivInfo>();
const RECENT_INFOS = 256;

/** `discussion {minutes=10 groups=4}` => kind discussion, attrs minutes/groups. The result is
 *  shared between callers (see recentInfos): read it, never change it. */
export function parseDivInfo(info: string): DivInfo {
  let known = recentInfos.get(info);
  if (known === undefined) {
    known = readDivInfo(info);
    if (recentInfos.size >= RECENT_INFOS) recentInfos.clear();
    recentInfos.set(info, known);
  }
  return known;
}

function readDivInfo(info: string): DivInfo {
  const m = RE_INFO.exec(info)!;
  const word = m[1];
  const braces = m[2];
  const rest = m[3] ?? '';
  const attrsOffset = braces === undefined ? info.length : info.indexOf('{') + 1;
  const parsed = parseAttrText(braces ?? '');
  let kind: DivKind = 'div';
  let unknown: string | undefined;
  if (word !== undefined) {
    if (KNOWN.has(word.toLowerCase())) kind = word.toLowerCase() as DivKind;
    else unknown = word;
  } else {
    // Pandoc's brace form: the first class that names a known kind is the kind; the class is
    // consumed so `{.fragment .fade-up}` renders as class="fragment fade-up" only once.
    let index = -1;
    for (let i = 0; i < parsed.items.length && index < 0; i++) {
      const item = parsed.items[i]!;
      if (item.kind === 'class' && KNOWN.has(item.value.toLowerCase())) index = i;
    }
    if (index >= 0) {
      kind = parsed.items[index]!.value.toLowerCase() as DivKind;
      parsed.items.splice(index, 1);
    }
  }
  const attrs = validateAttrs(parsed, RULES[kind]);
  const extra: AttrProblem[] = [];
  if (rest.trim() !== '') extra.push({ offset: info.length - rest.length, params: { variant: 'extra-text', text: rest.trim() } });
  return { kind, unknown, wordOffset: 0, attrs, attrsOffset, extra };
}

/** Numbers written in attributes: `'7.5'` => 7.5; missing => undefined. */
export function numberAttr(attrs: ValidAttrs, key: string): number | undefined {
  const value = attrs.values[key];
  return value === undefined ? undefined : Number(value);
}
