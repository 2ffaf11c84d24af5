// Editing a deck's front matter from the lesson-plan form without breaking what the author wrote
// by hand. The YAML is parsed with the `yaml` package's Document API (comments, key order, quoting
// and unknown keys are kept) and only the keys the form changed are set; the rest of the deck's
// text is left byte for byte as it was.
import { isMap, isSeq, parseDocument, type Document } from 'yaml';

export interface PlanFields {
  title: string;
  audience: string;
  /** Minutes; undefined when empty. */
  duration: number | undefined;
  objectives: { knowledge: string[]; skills: string[]; attitude: string[] };
  tags: string[];
}

export type ObjectiveKind = keyof PlanFields['objectives'];
export const OBJECTIVE_KINDS: readonly ObjectiveKind[] = ['knowledge', 'skills', 'attitude'];

// `m` so an empty block (`---\n---`) matches; the match must still start at offset 0.
const RE_FRONT = /^(\uFEFF?)---[ \t]*(\r?\n)([\s\S]*?)(?:^|\r?\n)---[ \t]*(?:\r?\n|$)/m;

export interface FrontMatterBlock {
  /** Offset of the opening `---` (after a BOM) and offset just past the closing line. */
  from: number;
  to: number;
  yaml: string;
  eol: '\n' | '\r\n';
}

/** Finds the front matter block at the very start of a deck. */
export function findFrontMatter(source: string): FrontMatterBlock | undefined {
  const match = RE_FRONT.exec(source);
  if (!match || match.index !== 0) return undefined;
  const bom = match[1] ?? '';
  return {
    from: bom.length,
    to: match[0].length,
    yaml: match[3] ?? '',
    eol: match[2] === '\r\n' ? '\r\n' : '\n',
  };
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asString).filter(Boolean);
  if (typeof value === 'string' && value.trim()) return value.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}

/** Reads the form's fields from a deck (tolerant: broken YAML reads as empty fields). */
export function readPlanFields(source: string): PlanFields & { yamlError?: string } {
  const block = findFrontMatter(source);
  const empty: PlanFields = {
    title: '', audience: '', duration: undefined,
    objectives: { knowledge: [], skills: [], attitude: [] }, tags: [],
  };
  if (!block) return empty;
  const doc = parseDocument(block.yaml);
  if (doc.errors.length) return { ...empty, yamlError: doc.errors[0]?.message ?? 'YAML' };
  const data: unknown = doc.toJS();
  if (!data || typeof data !== 'object' || Array.isArray(data)) return empty;
  const record = data as Record<string, unknown>;
  const objectives = (record.objectives && typeof record.objectives === 'object' ? record.objectives : {}) as Record<string, unknown>;
  const duration = Number(record.duration);
  return {
    title: asString(record.title),
    audience: asString(record.audience),
    duration: record.duration !== undefined && record.duration !== null && Number.isFinite(duration) ? duration : undefined,
    objectives: {
      knowledge: asList(objectives.knowledge),
      skills: asList(objectives.skills),
      attitude: asList(objectives.attitude),
    },
    tags: asList(record.tags),
  };
}

function sameList(a: unknown, b: string[]): boolean {
  const list = asList(a);
  return list.length === b.length && list.every((item, i) => item === b[i]);
}

/** Sets or deletes one key, leaving the node (and its comments) alone when the value is equal. */
/** Returns true when it changed the document. */
function setScalar(doc: Document, path: string[], value: string | number | undefined): boolean {
  const current: unknown = doc.getIn(path);
  const empty = value === undefined || value === '';
  if (empty) {
    if (!doc.hasIn(path)) return false;
    doc.deleteIn(path);
    return true;
  }
  if (current === value || (typeof value === 'number' && Number(current) === value && current !== '')) return false;
  doc.setIn(path, value);
  return true;
}

/** Returns true when it changed the document. */
function setList(doc: Document, path: string[], value: string[]): boolean {
  if (value.length === 0) {
    if (!doc.hasIn(path)) return false;
    doc.deleteIn(path);
    return true;
  }
  const node = doc.getIn(path, true);
  if (isSeq(node) && sameList(node.toJSON(), value)) return false;
  if (isSeq(node)) {
    // Keep the sequence node (its flow/block style and comments); replace items one by one,
    // so unchanged items keep their own comments too.
    value.forEach((item, i) => {
      if (asString(node.get(i)) !== item) node.set(i, item);
    });
    while (node.items.length > value.length) node.delete(node.items.length - 1);
    return true;
  }
  doc.setIn(path, doc.createNode(value));
  return true;
}

/**
 * Applies the form's values to the deck's front matter and returns the new deck text. Keys the
 * form does not know, comments and formatting are kept; a deck without front matter gets one.
 * @throws Error when the existing front matter is not valid YAML (the form must not guess).
 */
export function applyPlanFields(source: string, fields: Partial<PlanFields>): string {
  const block = findFrontMatter(source);
  const eol = block?.eol ?? (source.includes('\r\n') ? '\r\n' : '\n');
  // Typed as a plain Document: we replace its contents below, which the parsed type forbids.
  const doc: Document = parseDocument(block?.yaml ?? '');
  if (doc.errors.length) throw new Error(`Front matter is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  if (doc.contents === null || doc.contents === undefined || !isMap(doc.contents)) {
    if (doc.contents && !isMap(doc.contents)) throw new Error('Front matter is not a YAML mapping.');
    doc.contents = doc.createNode({});
  }
  let changed = false;
  if (fields.title !== undefined) changed = setScalar(doc, ['title'], fields.title.trim()) || changed;
  if (fields.audience !== undefined) changed = setScalar(doc, ['audience'], fields.audience.trim()) || changed;
  if ('duration' in fields) changed = setScalar(doc, ['duration'], fields.duration) || changed;
  if (fields.objectives) {
    for (const kind of OBJECTIVE_KINDS) changed = setList(doc, ['objectives', kind], fields.objectives[kind]) || changed;
    const objectives = doc.get('objectives', true);
    if (isMap(objectives) && objectives.items.length === 0) doc.delete('objectives');
  }
  if (fields.tags) changed = setList(doc, ['tags'], fields.tags) || changed;
  // Nothing to change: return the text as it was, not the YAML library's re-printing of it.
  if (!changed && block) return source;
  let yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (isMap(doc.contents) && doc.contents.items.length === 0 && !doc.commentBefore && !doc.comment) yaml = '';
  if (eol === '\r\n') yaml = yaml.replace(/\r?\n/g, '\r\n');
  const head = yaml ? `---${eol}${yaml}${yaml.endsWith(eol) ? '' : eol}---${eol}` : '';
  if (block) return source.slice(0, block.from) + head + source.slice(block.to);
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + head + source.slice(bom.length);
}
