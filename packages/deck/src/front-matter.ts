// Front matter: the YAML block between `---` lines at the very start of a deck. Known keys are
// normalised into DeckMeta; unknown keys are kept in `extra` and reported as info; YAML errors
// and values of the wrong type become `frontmatter-invalid` at their line in the file.
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import { diagnostic } from './diagnostics.ts';
import type { DeckMeta, Diagnostic } from './types.ts';

export function emptyMeta(): DeckMeta {
  return { lang: 'vi', objectives: { knowledge: [], skills: [], attitude: [] }, tags: [], references: [], titleSlide: false, extra: {} };
}

const STRING_KEYS = ['title', 'subtitle', 'author', 'organization', 'course', 'module', 'lesson', 'audience', 'theme', 'date', 'lang'] as const;
const KNOWN_KEYS = new Set<string>([...STRING_KEYS, 'duration', 'objectives', 'tags', 'references', 'titleSlide']);
const OBJECTIVE_KEYS = ['knowledge', 'skills', 'attitude'] as const;

export interface FrontMatterResult {
  meta: DeckMeta;
  data: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/**
 * Parses the YAML between the fences. `firstLine` is the file line of the YAML's first line
 * (the line after the opening `---`).
 */
export function parseFrontMatter(yamlText: string, firstLine: number): FrontMatterResult {
  const meta = emptyMeta();
  const diagnostics: Diagnostic[] = [];
  const simple = plainMapping(yamlText);
  if (simple) {
    const positions = new Map<string, { line: number; column: number }>();
    for (const entry of simple.entries) {
      positions.set(entry.key, { line: firstLine + entry.line, column: entry.valueColumn });
      if (!KNOWN_KEYS.has(entry.key)) diagnostics.push(diagnostic('frontmatter-unknown-key', firstLine + entry.line, 1, { key: entry.key }));
    }
    return readMeta(meta, simple.data, positions, diagnostics, firstLine);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  for (const error of doc.errors) {
    const pos = at(error.pos[0]);
    const message = error.message.split('\n')[0] ?? error.message;
    diagnostics.push(diagnostic('frontmatter-invalid', pos.line, pos.column, { variant: 'yaml', detail: message }));
  }
  if (doc.errors.length > 0) return { meta, data: {}, diagnostics };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return { meta, data: {}, diagnostics };
  }
  if (!isMap(contents)) {
    const pos = at(contents.range?.[0]);
    diagnostics.push(diagnostic('frontmatter-invalid', pos.line, pos.column, { variant: 'not-map' }));
    return { meta, data: {}, diagnostics };
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    diagnostics.push(diagnostic('frontmatter-invalid', firstLine, 1, { variant: 'yaml', detail: (error as Error).message }));
    return { meta, data: {}, diagnostics };
  }
  const positions = new Map<string, { line: number; column: number }>();
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const node = (pair.value ?? pair.key) as Node | null;
    positions.set(key, at(node?.range?.[0] ?? (pair.key as Node | null)?.range?.[0]));
    if (!KNOWN_KEYS.has(key)) {
      const keyPos = at((pair.key as Node | null)?.range?.[0]);
      diagnostics.push(diagnostic('frontmatter-unknown-key', keyPos.line, keyPos.column, { key }));
    }
  }
  return readMeta(meta, data, positions, diagnostics, firstLine);
}

/** The known keys of the front matter's data into `meta`; values of the wrong type become
 *  `frontmatter-invalid` at their key's position. */
function readMeta(
  meta: DeckMeta,
  data: Record<string, unknown>,
  positions: ReadonlyMap<string, { line: number; column: number }>,
  diagnostics: Diagnostic[],
  firstLine: number,
): FrontMatterResult {
  // `problem` names a sentence of diagnostic-messages.ts (text, minutes, boolean, list...).
  const bad = (key: string, problem: string): void => {
    const pos = positions.get(key.split('.')[0]!) ?? { line: firstLine, column: 1 };
    diagnostics.push(diagnostic('frontmatter-invalid', pos.line, pos.column, { variant: 'key', key, problem }));
  };
  for (const [key, value] of Object.entries(data)) {
    if (!KNOWN_KEYS.has(key)) {
      meta.extra[key] = value;
      continue;
    }
    if (value === null || value === undefined) continue;
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof value === 'string' || typeof value === 'number') {
        (meta as unknown as Record<string, unknown>)[key] = String(value);
      } else if (value instanceof Date) {
        (meta as unknown as Record<string, unknown>)[key] = value.toISOString().slice(0, 10);
      } else bad(key, 'text');
    } else if (key === 'duration') {
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) meta.duration = value;
      else bad(key, 'minutes');
    } else if (key === 'titleSlide') {
      if (typeof value === 'boolean') meta.titleSlide = value;
      else bad(key, 'boolean');
    } else if (key === 'tags' || key === 'references') {
      const list = stringList(value);
      if (list) meta[key] = list;
      else bad(key, 'list');
    } else if (key === 'objectives') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        bad(key, 'objectives');
        continue;
      }
      for (const [sub, items] of Object.entries(value as Record<string, unknown>)) {
        const list = stringList(items);
        if ((OBJECTIVE_KEYS as readonly string[]).includes(sub) && list) meta.objectives[sub as (typeof OBJECTIVE_KEYS)[number]] = list;
        else bad(`objectives.${sub}`, (OBJECTIVE_KEYS as readonly string[]).includes(sub) ? 'list' : 'objective-kind');
      }
    }
  }
  return { meta, data, diagnostics };
}

/** Words YAML 1.2's core schema reads as null or a boolean, not as text. */
const RE_YAML_WORD = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const RE_PLAIN_KEY = /^[A-Za-z][\w-]*$/;

/** Whether `c` may stand in a plain value that plainMapping reads itself: letters, digits, the
 *  space, everyday punctuation, and any character from U+00A0 up but the line and paragraph
 *  separators, the byte order mark, surrogates (an emoji goes to the parser) and non-characters. Not `:` and `#` (a key, a comment), nor
 *  `[]{}&*|>%@\`` and the like. */
function isPlainValueChar(c: number): boolean {
  if (c >= 0xa0) return c !== 0x2028 && c !== 0x2029 && c !== 0xfeff && c < 0xfffe && (c < 0xd800 || c > 0xdfff);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 32 || c === 46 || c === 44 || c === 59 || c === 40 || c === 41 || c === 45 || c === 47 || c === 39 || c === 34 || c === 63 || c === 33;
}

/**
 * The front matter as YAML reads it when it is nothing but `key: text` lines -- as most decks'
 * are (title, author, lang) -- without the YAML parser, which runs once a parse and so rarely
 * that V8 never optimises it (1.5-2 % of a full render at 1,000 slides, for three lines). Each
 * line: a key of letters, digits, `_` and `-` at the line's start, `: `, and a value that starts
 * with a letter, is no null or boolean word, and holds only isPlainValueChar characters (the
 * trailing spaces are not part of it). Anything else (numbers, lists, quotes, comments, blank or
 * indented lines, tabs, `\r`, a key twice) returns undefined and goes to the YAML parser.
 * tests/unit/deck/front-matter.test.ts holds it to the parser.
 */
export function plainMapping(
  yamlText: string,
): { data: Record<string, string>; entries: { key: string; line: number; valueColumn: number }[] } | undefined {
  const data: Record<string, string> = {};
  const entries: { key: string; line: number; valueColumn: number }[] = [];
  const n = yamlText.length;
  if (n === 0 || yamlText.charCodeAt(n - 1) !== 10) return undefined;
  for (let start = 0, line = 0; start < n; line++) {
    const end = yamlText.indexOf('\n', start);
    const colon = yamlText.indexOf(': ', start);
    if (colon < 0 || colon > end) return undefined;
    const key = yamlText.slice(start, colon);
    if (!RE_PLAIN_KEY.test(key) || RE_YAML_WORD.test(key) || Object.hasOwn(data, key)) return undefined;
    let v = colon + 2;
    while (yamlText.charCodeAt(v) === 32) v++;
    let e = end;
    while (e > v && yamlText.charCodeAt(e - 1) === 32) e--;
    const first = yamlText.charCodeAt(v);
    // A value starts with a letter: no number, quote, indicator or empty value.
    if (e === v || !((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || (first >= 0xc0 && isPlainValueChar(first)))) return undefined;
    for (let i = v; i < e; i++) if (!isPlainValueChar(yamlText.charCodeAt(i))) return undefined;
    const value = yamlText.slice(v, e);
    if (RE_YAML_WORD.test(value)) return undefined;
    data[key] = value;
    entries.push({ key, line, valueColumn: v - start + 1 });
    start = end + 1;
  }
  return { data, entries };
}

/** `'a'` => `['a']`; `['a', 2]` => `['a', '2']`; anything else => undefined. */
function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const v of value) {
    if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    else return undefined;
  }
  return out;
}
