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
