// What the three converters share: the front matter split, the fence tracker, the report (one
// entry per slide and kind), slide attributes validated by the deck's own slide rules, and the
// writer that turns converted slides into Lectern Markdown.
import { parseDocument, stringify } from 'yaml';
import { IMAGE_RULES, PLAYER_RULES, parseAttrText, validateAttrs, SLIDE_RULES, type AttrItem, type AttrProblem } from '../attrs.ts';
import { formatDiagnostic } from '../diagnostic-messages.ts';
import { deckFiles } from '../files.ts';
import { mediaKind } from '../media.ts';
import { parseDeck } from '../parse.ts';

export type ForeignTool = 'quarto' | 'marp' | 'slidev';

/** Something the original tool shows that Lectern Markdown cannot say; `slide` 0 is the deck. */
export interface ForeignReportEntry {
  /** 1-based slide in the converted deck (the title slide, when there is one, counts), 0 for the whole deck. */
  slide: number;
  /** 1-based line in the original file. */
  line: number;
  /** Stable kind: `code-execution`, `component`, `layout`, `theme`, `attribute`, … */
  kind: string;
  /** What was seen, in the original's words (`layout: two-cols`, `<Tweet>`). */
  detail: string;
}

export interface ForeignReport {
  tool: ForeignTool;
  /** Slides in the converted deck, the title slide included. */
  slides: number;
  entries: ForeignReportEntry[];
  /** Local media paths as the converted deck writes them, in order of first use. */
  media: string[];
}

export interface ForeignConversion {
  deckText: string;
  report: ForeignReport;
}

export class Reporter {
  readonly entries: ForeignReportEntry[] = [];
  private readonly seen = new Map<string, ForeignReportEntry>();

  add(slide: number, line: number, kind: string, detail: string): void {
    const key = `${slide}\u0000${kind}`;
    const entry = this.seen.get(key);
    if (entry) {
      // One entry per slide and kind: further details join the first, the line stays the first.
      if (!entry.detail.split(', ').includes(detail)) entry.detail += `, ${detail}`;
      return;
    }
    const created = { slide, line, kind, detail };
    this.seen.set(key, created);
    this.entries.push(created);
  }
}

export interface SplitFront {
  data: Record<string, unknown> | undefined;
  /** Lines of the body (after the front matter). */
  lines: string[];
  /** 1-based file line of `lines[0]`. */
  firstLine: number;
}

const RE_FENCE_LINE = /^---[ \t]*$/;

/** YAML text => a plain map, or undefined when it is not one (or does not parse). */
export function yamlMap(text: string): Record<string, unknown> | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    return undefined;
  }
  return undefined;
}

export function splitFrontMatter(text: string): SplitFront {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (all.length > 1 && RE_FENCE_LINE.test(all[0]!)) {
    for (let i = 1; i < all.length; i++) {
      if (RE_FENCE_LINE.test(all[i]!) || /^\.\.\.[ \t]*$/.test(all[i]!)) {
        const data = yamlMap(all.slice(1, i).join('\n')) ?? {};
        return { data, lines: all.slice(i + 1), firstLine: i + 2 };
      }
    }
  }
  return { data: undefined, lines: all, firstLine: 1 };
}

/** Tracks fenced code (``` and ~~~) line by line: `inside` is true for fence lines and code. */
export class FenceTracker {
  private marker = '';
  inside = false;

  /** Feeds one line; returns true when the line is code or a fence line. */
  feed(line: string): boolean {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (this.marker) {
      if (m && m[1]![0] === this.marker[0] && m[1]!.length >= this.marker.length && line.trim() === m[1]) this.marker = '';
      this.inside = this.marker !== '';
      return true;
    }
    if (m) {
      this.marker = m[1]!;
      this.inside = true;
      return true;
    }
    this.inside = false;
    return false;
  }
}

/** One converted slide before it is written out. */
export interface OutSlide {
  vertical: boolean;
  /** Slide attributes as `key="value"` items for `<!-- .slide: … -->`. */
  attrs: string[];
  body: string[];
  notes: string[];
  /** 1-based line in the original file where the slide starts. */
  line: number;
}

export function newSlide(line: number, vertical = false): OutSlide {
  return { vertical, attrs: [], body: [], notes: [], line };
}

function quoteAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Pandoc-style attribute text (`.smaller background="#123" transition=slide`) => the items Lectern
 * accepts on a slide, as `key="value"`; the rest is reported and dropped. `background` alone is a
 * colour or an image in Quarto, so it is mapped to the one it is.
 */
/** An attribute problem in words (English: the conversion report is read with the original file). */
export function attrProblemText(problem: AttrProblem): string {
  return formatDiagnostic({ code: 'attr-invalid', message: '', params: problem.params }, 'en');
}

export function slideAttrItems(text: string, report: (detail: string) => void): string[] {
  const parsed = parseAttrText(text);
  for (const problem of parsed.problems) report(attrProblemText(problem));
  const items: AttrItem[] = [];
  for (const item of parsed.items) {
    if (item.kind === 'pair' && item.key.toLowerCase() === 'background') {
      const isColour = /^(#|rgb|hsl|[a-z]+$)/i.test(item.value) && !/\.\w{2,4}$/.test(item.value);
      items.push({ ...item, key: isColour ? 'background-color' : 'background-image' });
    } else items.push(item);
  }
  const valid = validateAttrs({ items, problems: [] }, SLIDE_RULES);
  for (const problem of valid.problems) report(attrProblemText(problem).replace(/^unknown attribute /, 'attribute '));
  const out: string[] = [];
  if (valid.id) out.push(`id="${quoteAttr(valid.id)}"`);
  if (valid.classes.length > 0) out.push(`class="${quoteAttr(valid.classes.join(' '))}"`);
  for (const [key, value] of Object.entries(valid.values)) out.push(`${key}="${quoteAttr(value)}"`);
  return out;
}

// Bounded runs ({0,N}) keep a hostile line (`![![![…` a megabyte long) linear: an unbounded run
// would be scanned again from every opening.
const RE_IMAGE_ATTRS = /(!\[[^\]\n]{0,1000}\]\(\s*<?([^)\s>]{1,2000})>?(?:\s+"[^"\n]{0,1000}")?\s*\))\{([^{}\n]{0,1000})\}/g;

/**
 * `![](x.png){.absolute top=170 width=400}` => `![](x.png){.absolute width=400}`: the attributes
 * Lectern's image (or player) rules accept stay; the others are reported and dropped, so the
 * converted deck carries no attribute it would warn about.
 */
export function filterMediaAttrs(line: string, report: (detail: string) => void): string {
  return line.replace(RE_IMAGE_ATTRS, (whole, image: string, path: string, attrs: string) => {
    const parsed = parseAttrText(attrs);
    const valid = validateAttrs(parsed, mediaKind(path) === 'image' ? IMAGE_RULES : PLAYER_RULES);
    if (valid.problems.length === 0) return whole;
    for (const problem of valid.problems) report(attrProblemText(problem).replace(/^unknown attribute /, 'attribute '));
    const kept = withoutItemsAt(attrs, valid.problems.map((p) => p.offset));
    return kept !== '' ? `${image}{${kept}}` : image;
  });
}

/** Attribute text without the items that start at `offsets`, the others as written. */
export function withoutItemsAt(attrs: string, offsets: readonly number[]): string {
  const bad = new Set(offsets);
  return parseAttrText(attrs)
    .items.filter((item) => !bad.has(item.offset))
    .map((item) => attrs.slice(item.offset).match(/^[^\s="']+(?:=(?:"[^"]*"|'[^']*'|\S*))?/)?.[0] ?? '')
    .join(' ');
}

/** Lines that would mean something else in Lectern Markdown outside code: a lone `--` splits a
 *  vertical slide and `Note:` starts notes. They are written so they read as before. */
export function guardLine(line: string): string {
  if (/^--[ \t]*$/.test(line)) return '\\-\\-';
  return line.replace(/^(notes?):/i, '$1&#58;');
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}

/** Writes the deck: front matter, then slides joined by `---` (or `--` under a section). */
export function writeDeck(meta: Record<string, unknown>, slides: OutSlide[]): string {
  const parts: string[] = [];
  if (Object.keys(meta).length > 0) parts.push(`---\n${stringify(meta).trimEnd()}\n---\n`);
  slides.forEach((slide, i) => {
    const lines: string[] = [];
    if (i > 0) lines.push(slide.vertical ? '--' : '---', '');
    if (slide.attrs.length > 0) lines.push(`<!-- .slide: ${slide.attrs.join(' ')} -->`);
    lines.push(...trimBlank(slide.body));
    const notes = trimBlank(slide.notes);
    if (notes.length > 0) lines.push('', '::: notes', ...notes, ':::');
    parts.push(`${lines.join('\n')}\n`);
  });
  return parts.join('\n');
}

/** Plain text of a YAML value that may be a string, a list of names or `{ name: … }` objects. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const names = value.map(textOf).filter((v): v is string => v !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && 'name' in value) return textOf((value as { name: unknown }).name);
  return undefined;
}

/** The local files the converted deck names, as it writes them: the deck's own list (deckFiles),
 *  so backgrounds, posters and HTML media count exactly as they do everywhere else. */
export function writtenMedia(deckText: string): string[] {
  const written = new Set<string>();
  for (const file of deckFiles(parseDeck(deckText))) for (const use of file.uses) written.add(use.written);
  return [...written];
}
