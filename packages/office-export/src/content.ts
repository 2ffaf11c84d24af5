// A slide's Markdown (as @lectern/deck lexes it) => the blocks the export lays out: text with
// paragraphs and bullet levels, tables, framed lesson blocks, columns, media. What has no place
// in a .pptx is listed as a loss (the CLI prints them, the app shows them), never silently dropped.
import { lexMarkdown, mediaKind, mediaTokenAttrs, splitMediaPath, type DivToken, type MediaKind } from '@lectern/deck';
import type { Token, Tokens } from 'marked';
import type { Language } from './labels.ts';
import type { Lose } from './losses.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  href?: string;
  /** A line break inside the paragraph. */
  br?: boolean;
}

export type ParaStyle = 'body' | 'heading' | 'code' | 'quote' | 'label' | 'cite';

export interface Para {
  runs: Run[];
  /** 0-based list level. */
  level: number;
  bullet?: { ordered: false } | { ordered: true; start: number };
  style: ParaStyle;
}

export interface MediaBlock {
  kind: 'media';
  media: MediaKind;
  /** As written, without the `#t=` fragment. */
  path: string;
  alt: string;
  clip?: { start: number; end?: number };
  poster?: string;
  /** Fraction of the box's width, from `{width=60%}`. */
  width?: number;
}

export type Block =
  | { kind: 'text'; paras: Para[] }
  | { kind: 'table'; header: Run[][]; rows: Run[][][] }
  | { kind: 'frame'; frame: 'discussion' | 'excerpt' | 'question'; paras: Para[] }
  | { kind: 'columns'; columns: { width?: number; blocks: Block[] }[] }
  | MediaBlock;

export interface SlideContent {
  title?: Run[];
  blocks: Block[];
}

const RE_SAFE_LINK = /^(?:https?:|mailto:)/i;
const RE_TAG = /<[^>]*>/g;

/** Builds blocks; losses go to `lose` (one line each, without the slide number). */
export class ContentReader {
  constructor(
    private readonly language: Language,
    private readonly lose: Lose,
  ) {}

  slide(markdown: string): SlideContent {
    const tokens = lexMarkdown(markdown);
    let title: Run[] | undefined;
    const rest: Token[] = [];
    for (const token of tokens) {
      if (title === undefined && token.type === 'heading') title = this.inline((token as Tokens.Heading).tokens);
      else rest.push(token);
    }
    const content: SlideContent = { blocks: this.blocks(rest) };
    if (title !== undefined) content.title = title;
    return content;
  }

  /** Speaker notes: paragraphs only (a notes page has one text body). */
  notes(markdown: string): Para[] {
    const paras: Para[] = [];
    for (const block of this.blocks(lexMarkdown(markdown))) this.flatten(block, paras);
    return paras;
  }

  private flatten(block: Block, into: Para[]): void {
    switch (block.kind) {
      case 'text':
      case 'frame':
        into.push(...block.paras);
        break;
      case 'table':
        for (const row of [block.header, ...block.rows]) into.push({ runs: joinCells(row), level: 0, style: 'body' });
        break;
      case 'columns':
        for (const column of block.columns) for (const inner of column.blocks) this.flatten(inner, into);
        break;
      case 'media':
        into.push({ runs: [{ text: block.alt || block.path }], level: 0, style: 'body' });
    }
  }

  blocks(tokens: Token[]): Block[] {
    const out: Block[] = [];
    const text = (): Para[] => {
      const last = out[out.length - 1];
      if (last?.kind === 'text') return last.paras;
      const block: Block = { kind: 'text', paras: [] };
      out.push(block);
      return block.paras;
    };
    for (const token of tokens) {
      switch (token.type) {
        case 'space':
        case 'hr':
        case 'def':
        case 'lectern-notes': // in the slide's notes already (Slide.notes)
          break;
        case 'heading':
          text().push({ runs: this.inline((token as Tokens.Heading).tokens), level: 0, style: 'heading' });
          break;
        case 'paragraph':
          this.paragraph((token as Tokens.Paragraph).tokens, 0, undefined, 'body', text, out);
          break;
        case 'text': {
          const t = token as Tokens.Text;
          this.paragraph(t.tokens ?? [{ type: 'text', raw: t.raw, text: t.text } as Token], 0, undefined, 'body', text, out);
          break;
        }
        case 'list':
          this.list(token as Tokens.List, 0, text, out);
          break;
        case 'code':
          text().push(...codeParas((token as Tokens.Code).text));
          break;
        case 'blockquote':
          for (const inner of this.blocks((token as Tokens.Blockquote).tokens)) {
            if (inner.kind === 'text') text().push(...inner.paras.map((p) => ({ ...p, style: 'quote' as const })));
            else out.push(inner);
          }
          break;
        case 'table':
          out.push(this.table(token as Tokens.Table));
          break;
        case 'html': {
          const plain = (token as Tokens.HTML).text.replace(RE_TAG, '').trim();
          this.lose({ code: 'html', message: `HTML written in the slide is not exported${plain ? ' (its text is kept)' : ''}` });
          if (plain) text().push({ runs: [{ text: plain }], level: 0, style: 'body' });
          break;
        }
        case 'lectern-discussion':
        case 'lectern-excerpt':
        case 'lectern-question':
          out.push(...this.frame(token as DivToken));
          break;
        case 'lectern-columns':
          out.push(this.columns(token as DivToken));
          break;
        case 'lectern-column':
          out.push({ kind: 'columns', columns: [this.column(token as DivToken)] });
          break;
        case 'lectern-fragment':
        case 'lectern-incremental':
        case 'lectern-div':
          // Fragments are shown all at once (no animations in the export); other divs keep their content.
          out.push(...this.blocks((token as DivToken).tokens));
          break;
        default: {
          const children = (token as { tokens?: Token[] }).tokens;
          if (children) out.push(...this.blocks(children));
          else if ('text' in token && typeof token.text === 'string' && token.text.trim()) text().push({ runs: [{ text: token.text }], level: 0, style: 'body' });
        }
      }
    }
    // A text block may have ended up empty (a paragraph that held only an image).
    return out.filter((block) => block.kind !== 'text' || block.paras.length > 0);
  }

  /** A paragraph's runs; images in it become media blocks after the text so far. */
  private paragraph(tokens: Token[], level: number, bullet: Para['bullet'], style: ParaStyle, text: () => Para[], out: Block[]): void {
    const media: MediaBlock[] = [];
    const runs = this.inline(tokens, {}, media);
    if (runs.some((run) => run.text.trim() !== '' || run.br)) text().push({ runs: trimRuns(runs), level, ...(bullet ? { bullet } : {}), style });
    else if (bullet && media.length === 0) text().push({ runs: [], level, bullet, style });
    out.push(...media);
  }

  private list(list: Tokens.List, level: number, text: () => Para[], out: Block[]): void {
    let number = typeof list.start === 'number' ? list.start : 1;
    for (const item of list.items) {
      let first = true;
      const bullet: Para['bullet'] = list.ordered ? { ordered: true, start: number } : { ordered: false };
      // A task item's box ([x] / [ ]) is written as text: Office fonts have no checkbox glyph.
      let box = '';
      for (const child of item.tokens) {
        if (child.type === 'checkbox') box = (child as Tokens.Checkbox).checked ? '[x] ' : '[ ] ';
        else if (child.type === 'list') this.list(child as Tokens.List, level + 1, text, out);
        else if (child.type === 'text' || child.type === 'paragraph') {
          const inline = (child as Tokens.Text).tokens ?? [{ type: 'text', raw: child.raw, text: (child as Tokens.Text).text } as Token];
          if (box) inline.unshift({ type: 'text', raw: box, text: box } as Token);
          box = '';
          this.paragraph(inline, first ? level : level + 1, first ? bullet : undefined, 'body', text, out);
          first = false;
        } else if (child.type !== 'space') {
          for (const block of this.blocks([child])) {
            if (block.kind === 'text') text().push(...block.paras.map((p) => ({ ...p, level: p.level + level + 1 })));
            else out.push(block);
          }
        }
      }
      if (first) text().push({ runs: [], level, bullet, style: 'body' });
      number++;
    }
  }

  private table(table: Tokens.Table): Block {
    const cell = (c: Tokens.TableCell) => {
      const media: MediaBlock[] = [];
      const runs = trimRuns(this.inline(c.tokens, {}, media));
      for (const m of media) this.lose({ code: 'media-in-table', subject: m.path, message: `${m.path}: media inside a table cell is not exported` });
      return runs;
    };
    return { kind: 'table', header: table.header.map(cell), rows: table.rows.map((row) => row.map(cell)) };
  }

  /** The framed box, then any media written inside it (a text box cannot hold pictures). */
  private frame(token: DivToken): Block[] {
    const { labels, number } = this.language;
    const values = token.info.attrs.values;
    const inner: Para[] = [];
    const media: Block[] = [];
    for (const block of this.blocks(token.tokens)) {
      if (block.kind === 'text' || block.kind === 'frame') inner.push(...block.paras);
      else if (block.kind === 'media') media.push(block);
      else this.flatten(block, inner);
    }
    const num = (key: string) => (values[key] !== undefined && Number.isFinite(Number(values[key])) ? number(Number(values[key])) : undefined);
    if (token.type === 'lectern-excerpt') {
      const cite = ['source', 'number', 'issuer', 'ref', 'date'].map((key) => values[key]).filter((v): v is string => !!v);
      const paras: Para[] = inner.map((p) => ({ ...p, style: 'quote' as const }));
      if (cite.length) paras.push({ runs: [{ text: `— ${cite.join(', ')}` }], level: 0, style: 'cite' });
      return [{ kind: 'frame', frame: 'excerpt', paras }, ...media];
    }
    if (token.type === 'lectern-discussion') {
      const parts = [labels.discussion];
      const minutes = num('minutes');
      const groups = num('groups');
      if (minutes) parts.push(labels.minutes(minutes));
      if (groups) parts.push(labels.groups(groups));
      return [{ kind: 'frame', frame: 'discussion', paras: [{ runs: [{ text: parts.join(' · '), bold: true }], level: 0, style: 'label' }, ...inner] }, ...media];
    }
    const points = num('points');
    const label = points ? `${labels.question} (${labels.points(points)})` : labels.question;
    return [{ kind: 'frame', frame: 'question', paras: [{ runs: [{ text: label, bold: true }], level: 0, style: 'label' }, ...inner] }, ...media];
  }

  private column(token: DivToken): { width?: number; blocks: Block[] } {
    const written = token.info.attrs.values['width'];
    const m = written === undefined ? null : /^(\d+(?:\.\d+)?)%?$/.exec(written.trim());
    const width = m ? Number(m[1]) / 100 : undefined;
    if (written !== undefined && !m) this.lose({ code: 'column-width', subject: written, message: `column width "${written}" is not a percentage: columns share the width` });
    const column: { width?: number; blocks: Block[] } = { blocks: this.blocks(token.tokens) };
    if (width !== undefined && width > 0 && width <= 1) column.width = width;
    return column;
  }

  private columns(token: DivToken): Block {
    const columns: { width?: number; blocks: Block[] }[] = [];
    const loose: Token[] = [];
    for (const child of token.tokens) {
      if (child.type === 'lectern-column') columns.push(this.column(child as DivToken));
      else if (child.type !== 'space') loose.push(child);
    }
    if (loose.length) columns.push({ blocks: this.blocks(loose) });
    return { kind: 'columns', columns };
  }

  /** Inline tokens => runs; images are collected into `media` (they become their own shapes). */
  inline(tokens: Token[] | undefined, style: Omit<Run, 'text'> = {}, media?: MediaBlock[]): Run[] {
    const runs: Run[] = [];
    for (const token of tokens ?? []) {
      switch (token.type) {
        case 'strong':
          runs.push(...this.inline((token as Tokens.Strong).tokens, { ...style, bold: true }, media));
          break;
        case 'em':
          runs.push(...this.inline((token as Tokens.Em).tokens, { ...style, italic: true }, media));
          break;
        case 'del':
          runs.push(...this.inline((token as Tokens.Del).tokens, { ...style, strike: true }, media));
          break;
        case 'codespan':
          runs.push({ ...style, code: true, text: decodeEntities((token as Tokens.Codespan).text) });
          break;
        case 'br':
          runs.push({ ...style, text: '', br: true });
          break;
        case 'link': {
          const link = token as Tokens.Link;
          const inner = this.inline(link.tokens, style, media);
          const href = safeLink(link.href);
          if (href) for (const run of inner) run.href = href;
          runs.push(...inner);
          break;
        }
        case 'image': {
          const image = token as Tokens.Image;
          const split = splitMediaPath(image.href);
          const attrs = mediaTokenAttrs(image);
          const block: MediaBlock = { kind: 'media', media: mediaKind(split.path), path: split.path, alt: image.text };
          if (split.clip) block.clip = split.clip;
          if (attrs['poster']) block.poster = splitMediaPath(attrs['poster']).path;
          const width = attrs['width'] ? /^(\d+(?:\.\d+)?)%$/.exec(attrs['width']) : null;
          if (width) block.width = Math.min(1, Number(width[1]) / 100);
          if (media) media.push(block);
          else if (image.text) runs.push({ ...style, text: image.text });
          break;
        }
        case 'html':
          // Inline tags (<br>, <span>…) are dropped; their text stays.
          if (/^<br\s*\/?>$/i.test((token as Tokens.HTML).text.trim())) runs.push({ ...style, text: '', br: true });
          break;
        case 'escape':
        case 'text': {
          const t = token as Tokens.Text;
          if (t.tokens?.length) runs.push(...this.inline(t.tokens, style, media));
          else runs.push({ ...style, text: decodeEntities(t.text) });
          break;
        }
        default: {
          const children = (token as { tokens?: Token[] }).tokens;
          if (children) runs.push(...this.inline(children, style, media));
          else if ('text' in token && typeof token.text === 'string') runs.push({ ...style, text: decodeEntities(token.text) });
        }
      }
    }
    return runs;
  }
}

/** An http(s)/mailto link as a valid URI (Vietnamese letters and spaces percent-encoded, as
 *  PowerPoint requires in a relationship target); undefined for other schemes and broken URLs. */
function safeLink(written: string): string | undefined {
  const trimmed = written.trim();
  if (!RE_SAFE_LINK.test(trimmed)) return undefined;
  try {
    return new URL(trimmed).href;
  } catch {
    return undefined;
  }
}

/** marked escapes &, <, >, ", ' in text tokens (for HTML); the file wants the characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? _m);
}

function trimRuns(runs: Run[]): Run[] {
  const out = runs.filter((run) => run.text !== '' || run.br);
  if (out[0] && !out[0].br) out[0] = { ...out[0], text: out[0].text.replace(/^\s+/, '') };
  const last = out.length - 1;
  if (out[last] && !out[last].br) out[last] = { ...out[last], text: out[last].text.replace(/\s+$/, '') };
  return out;
}

function joinCells(cells: Run[][]): Run[] {
  const runs: Run[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) runs.push({ text: ' | ' });
    runs.push(...cell);
  });
  return runs;
}

/** Leading spaces kept on a code line: real code never needs more, and the over-deep text that
 *  lexMarkdown returns as code (thousands of indented lines) would otherwise make megabytes of
 *  spaces. */
const MAX_CODE_INDENT = 64;

/** A code block is one paragraph, its lines joined by line breaks (one run each). */
function codeParas(code: string): Para[] {
  const runs: Run[] = [];
  code.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) runs.push({ text: '', br: true });
    const indent = line.length - line.trimStart().length;
    const text = indent > MAX_CODE_INDENT ? line.slice(indent - MAX_CODE_INDENT) : line;
    if (text) runs.push({ text, code: true });
  });
  return [{ runs, level: 0, style: 'code' }];
}

export function plainText(runs: Run[]): string {
  return runs.map((run) => (run.br ? '\n' : run.text)).join('');
}
