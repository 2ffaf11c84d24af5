// Decks written for other Markdown slide tools, recognised and rewritten as Lectern Markdown:
//  - Quarto / Pandoc reveal.js (`format: revealjs`, `.qmd`): slides split at headings up to
//    `slide-level` (default 2), `#` section slides with their slides stacked under them,
//    `. . .` pauses as fragments, executable chunks shown as code (reported);
//  - Marp (`marp: true`): `<!-- _class: -->` and other directives as slide attributes, other
//    comments as notes, `![bg](…)` as the slide background, `![w:300](…)` sizes;
//  - Slidev (per-slide front matter, `<v-click>`): slide front matter as attributes,
//    `<v-click>`/`<v-clicks>` as fragments, the last comment as notes.
// What has no equivalent is reported like an Office import's losses. Local media paths are
// rewritten under media/; the caller copies the files (the CLI does, from the deck's folder).
import { parseDeck } from '@lectern/deck';
import { parse as parseYaml, stringify } from 'yaml';
import { slug } from './media-names.ts';
import { ReportBuilder, type ImportReport } from './report.ts';

export type MarkdownDeckKind = 'quarto' | 'marp' | 'slidev';

export interface MarkdownDeckImport {
  kind: MarkdownDeckKind;
  deckText: string;
  /** Local files the deck refers to, as written, and where the new deck expects them. */
  localMedia: Array<{ from: string; path: string }>;
  report: ImportReport;
}

interface Split { meta: Record<string, unknown>; body: string }

function splitFrontMatter(text: string): Split {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalized);
  if (!match) return { meta: {}, body: normalized };
  let meta: unknown;
  try {
    meta = parseYaml(match[1]!);
  } catch {
    meta = undefined;
  }
  return meta && typeof meta === 'object' && !Array.isArray(meta)
    ? { meta: meta as Record<string, unknown>, body: normalized.slice(match[0].length) }
    : { meta: {}, body: normalized };
}

const RE_SLIDEV_TAG = /<v-clicks?\b/;

/** Which tool a deck was written for, or undefined for a deck that is already Lectern's. */
export function detectMarkdownDeck(text: string, fileName = ''): MarkdownDeckKind | undefined {
  const { meta } = splitFrontMatter(text);
  const format = meta.format;
  if (/\.qmd$/i.test(fileName) || format === 'revealjs' || (format && typeof format === 'object' && 'revealjs' in format)) return 'quarto';
  if (meta.marp === true) return 'marp';
  if (RE_SLIDEV_TAG.test(text) || 'layout' in meta || 'drawings' in meta || 'mdc' in meta || /(^|\/)slides\.md$/i.test(fileName)) return 'slidev';
  return undefined;
}

/** Shared state of one conversion: media renaming and the report. */
class Conversion {
  readonly report = new ReportBuilder();
  readonly media = new Map<string, string>();
  private readonly used = new Set<string>();
  slide = 1;

  /** `img/x.png` => `media/x.png` (unique); remote and data URLs stay. */
  mediaPath(written: string): string {
    const path = written.trim();
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(path) || path.startsWith('media/')) return path;
    const known = this.media.get(path);
    if (known) return known;
    const base = decodeURIComponent(path.split(/[?#]/)[0]!.split('/').pop() ?? '');
    const dot = base.lastIndexOf('.');
    const stem = slug(dot > 0 ? base.slice(0, dot) : base) || 'media';
    const ext = dot > 0 ? base.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, '') : '';
    let name = `media/${stem}${ext ? `.${ext}` : ''}`;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `media/${stem}-${n}${ext ? `.${ext}` : ''}`;
    this.used.add(name.toLowerCase());
    this.media.set(path, name);
    return name;
  }

  /** Image paths in a line of Markdown, and `background-image=` attributes. */
  rewriteMedia(line: string): string {
    return line
      .replace(/(!\[[^\]]*\]\()\s*<?([^)\s>]+)>?((?:\s+"[^"]*")?\))/g, (_, a: string, path: string, b: string) => `${a}${this.mediaPath(path)}${b}`)
      .replace(/((?:data-)?background-(?:image|video)=)(["']?)([^"'\s}]+)\2/g, (_, a: string, q: string, path: string) => `${a}"${this.mediaPath(path)}"`);
  }
}

const RE_FENCE = /^\s{0,3}(`{3,}|~{3,})(.*)$/;

/** Calls `line` for each line outside fenced code; fenced lines go to `code` (the opening one with its info). */
function eachLine(body: string, line: (text: string) => void, code: (text: string, opening?: { fence: string; info: string }) => void): void {
  let fence: string | undefined;
  for (const text of body.split('\n')) {
    const match = RE_FENCE.exec(text);
    if (fence === undefined && match) {
      fence = match[1]!;
      code(text, { fence, info: match[2]!.trim() });
    } else if (fence !== undefined) {
      if (match && match[1]![0] === fence[0] && match[1]!.length >= fence.length && match[2]!.trim() === '') fence = undefined;
      code(text);
    } else {
      line(text);
    }
  }
}

function lecternMeta(meta: Record<string, unknown>, keep: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keep) {
    const value = meta[key];
    if (value === undefined || value === null) continue;
    if (key === 'author' && typeof value !== 'string') {
      const names = (Array.isArray(value) ? value : [value]).map((a) => (typeof a === 'string' ? a : (a as { name?: unknown })?.name)).filter((n): n is string => typeof n === 'string');
      if (names.length) out.author = names.join(', ');
      continue;
    }
    out[key] = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  }
  return out;
}

function finish(kind: MarkdownDeckKind, meta: Record<string, unknown>, slides: string[], conversion: Conversion): MarkdownDeckImport {
  const front = Object.keys(meta).length ? `---\n${stringify(meta, { lineWidth: 0 })}---\n\n` : '';
  const deckText = `${front}${slides.join('\n')}`.replace(/\n{3,}/g, '\n\n').replace(/\s*$/, '\n');
  // Slides, titles and lines as Lectern itself reads the result.
  const deck = parseDeck(deckText);
  return {
    kind,
    deckText,
    localMedia: [...conversion.media].map(([from, path]) => ({ from, path })),
    report: conversion.report.build(kind, deck.slides.length, deck.slides.map((slide) => slide.title ?? ''), deck.slides.map((slide) => slide.startLine)),
  };
}

// ---- Quarto / Pandoc -------------------------------------------------------------------------

function quarto(split: Split): MarkdownDeckImport {
  const c = new Conversion();
  const format = split.meta.format as Record<string, Record<string, unknown>> | string | undefined;
  const level = Number((typeof format === 'object' ? format?.revealjs?.['slide-level'] : undefined) ?? split.meta['slide-level'] ?? 2) || 2;
  const out: string[] = [];
  let started = false;
  let inSection = false;
  let pauses = 0;
  const closePauses = () => {
    while (pauses > 0) {
      out.push(':::');
      pauses--;
    }
  };
  const newSlide = (separator: '---' | '--') => {
    closePauses();
    if (started) out.push('', separator, '');
    started = true;
    c.slide++;
  };
  c.slide = 0;
  eachLine(split.body, (line) => {
    const heading = /^(#{1,6})\s/.exec(line);
    if (heading && heading[1]!.length <= level) {
      const depth = heading[1]!.length;
      newSlide(depth < level ? '---' : inSection ? '--' : '---');
      if (depth < level) inSection = true;
      out.push(c.rewriteMedia(line));
      return;
    }
    if (/^-{3,}\s*$/.test(line) && started) {
      inSection = false;
      newSlide('---');
      return;
    }
    if (/^\.\s\.\s\.\s*$/.test(line)) {
      out.push('', '::: fragment');
      pauses++;
      return;
    }
    if (!started && line.trim()) {
      started = true;
      c.slide = 1;
    }
    out.push(c.rewriteMedia(line));
  }, (line, opening) => {
    if (!started) {
      started = true;
      c.slide = 1;
    }
    const chunk = opening && /^\{([a-zA-Z0-9_+-]+)[^}]*\}$/.exec(opening.info);
    if (chunk) {
      c.report.add({ kind: 'code-not-run', slide: c.slide, detail: chunk[1]! });
      out.push(`${opening!.fence}${chunk[1]}`);
      return;
    }
    out.push(line);
  });
  closePauses();
  const meta = lecternMeta(split.meta, ['title', 'subtitle', 'author', 'date', 'lang']);
  if (meta.title) meta.titleSlide = true;
  return finish('quarto', meta, [out.join('\n')], c);
}

// ---- Marp ------------------------------------------------------------------------------------

const MARP_DROPPED = new Set(['paginate', 'header', 'footer', 'theme', 'size', 'color', 'headingDivider', 'math', 'style', 'backgroundSize', 'backgroundPosition', 'backgroundRepeat']);

function splitSlides(body: string): string[] {
  const slides: string[][] = [[]];
  eachLine(body, (line) => {
    if (/^-{3,}\s*$/.test(line) || /^\*{3,}\s*$/.test(line)) slides.push([]);
    else slides[slides.length - 1]!.push(line);
  }, (line) => slides[slides.length - 1]!.push(line));
  return slides.map((lines) => lines.join('\n'));
}

function slideAttrs(attrs: Record<string, string>): string {
  const entries = Object.entries(attrs);
  return entries.length ? `<!-- .slide: ${entries.map(([k, v]) => `${k}="${v.replace(/"/g, '')}"`).join(' ')} -->\n` : '';
}

function marp(split: Split): MarkdownDeckImport {
  const c = new Conversion();
  const global: Record<string, string> = {};
  for (const [key, value] of Object.entries(split.meta)) {
    if (key === 'class' && typeof value === 'string') global.class = value;
    else if (key === 'backgroundColor' && typeof value === 'string') global['data-background-color'] = value;
    else if (MARP_DROPPED.has(key)) c.report.add({ kind: 'directive-dropped', detail: key });
  }
  const slides = splitSlides(split.body).map((raw, i) => {
    c.slide = i + 1;
    const local: Record<string, string> = {};
    const notes: string[] = [];
    let text = raw.replace(/<!--([\s\S]*?)-->/g, (_, inner: string) => {
      const lines = inner.trim().split('\n');
      const directives = lines.map((l) => /^\s*(_?)([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(l));
      if (!directives.every((d) => d !== null)) {
        // Marp shows any other comment as the presenter's notes.
        notes.push(inner.trim());
        return '';
      }
      for (const d of directives) {
        const [, spot, key, value] = d!;
        const target = spot ? local : global;
        if (key === 'class') target.class = value!;
        else if (key === 'backgroundColor') target['data-background-color'] = value!;
        else if (key === 'backgroundImage') {
          const url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(value!)?.[1];
          if (url) target['data-background-image'] = c.mediaPath(url);
        } else c.report.add({ kind: 'directive-dropped', slide: c.slide, detail: key! });
      }
      return '';
    });
    text = text.replace(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?\s*\)/g, (whole, alt: string, path: string) => {
      const words = alt.split(/\s+/).filter(Boolean);
      if (words.includes('bg')) {
        local['data-background-image'] = c.mediaPath(path);
        return '';
      }
      const size: string[] = [];
      const rest = words.filter((w) => {
        const m = /^(w|h|width|height):(\d+(?:px|%)?)$/.exec(w);
        if (m) size.push(`${m[1]!.startsWith('w') ? 'width' : 'height'}=${m[2]!.replace(/px$/, '')}`);
        return !m;
      });
      if (!size.length) return whole.replace(path, c.mediaPath(path));
      return `![${rest.join(' ')}](${c.mediaPath(path)}){${size.join(' ')}}`;
    });
    const attrs = { ...global, ...local };
    const body = text.trim();
    const withAttrs = /^#{1,6}\s/.test(body) ? body.replace(/^(#{1,6}\s.*)$/m, `$1\n${slideAttrs(attrs).trimEnd()}`) : `${slideAttrs(attrs)}${body}`;
    return `${withAttrs.trim()}${notes.length ? `\n\n::: notes\n${notes.join('\n\n')}\n:::` : ''}`;
  });
  return finish('marp', lecternMeta(split.meta, ['title', 'author', 'date', 'lang']), slides.map((s, i) => (i ? `\n---\n\n${s}` : s)), c);
}

// ---- Slidev ----------------------------------------------------------------------------------

function slidev(split: Split): MarkdownDeckImport {
  const c = new Conversion();
  // Slidev reads `---` + `key: value` lines + `---` after a separator as that slide's front matter.
  const raws = splitSlides(split.body);
  const slides: Array<{ meta: Record<string, unknown>; text: string }> = [{ meta: split.meta, text: raws[0] ?? '' }];
  for (let i = 1; i < raws.length; i++) {
    const raw = raws[i]!;
    const lines = raw.split('\n').filter((l) => l.trim());
    const isMeta = lines.length > 0 && lines.every((l) => /^[A-Za-z][\w-]*\s*:/.test(l) || /^\s+\S/.test(l)) && i + 1 < raws.length;
    if (isMeta) {
      let meta: unknown;
      try {
        meta = parseYaml(raw);
      } catch {
        meta = undefined;
      }
      slides.push({ meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {}, text: raws[++i]! });
    } else {
      slides.push({ meta: {}, text: raw });
    }
  }
  const out = slides.map(({ meta, text }, i) => {
    c.slide = i + 1;
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(i === 0 ? {} : meta)) {
      if (key === 'class' && typeof value === 'string') attrs.class = value;
      else if (key === 'background' && typeof value === 'string') attrs['data-background-image'] = c.mediaPath(value);
      else if (key === 'transition' && typeof value === 'string') attrs['data-transition'] = value;
      else c.report.add({ kind: 'directive-dropped', slide: c.slide, detail: key });
    }
    if (i === 0 && typeof meta.layout === 'string') c.report.add({ kind: 'directive-dropped', slide: 1, detail: 'layout' });
    let body = text.trim();
    // The last comment of a slide is its presenter notes.
    let notes = '';
    const last = /<!--([\s\S]*?)-->\s*$/.exec(body);
    if (last) {
      notes = last[1]!.trim();
      body = body.slice(0, last.index).trim();
    }
    body = body
      .replace(/<v-clicks\b[^>]*>/g, '\n::: incremental\n').replace(/<\/v-clicks>/g, '\n:::\n')
      .replace(/<v-click\b[^>]*>/g, '\n::: fragment\n').replace(/<\/v-click>/g, '\n:::\n');
    for (const component of body.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) c.report.add({ kind: 'component-dropped', slide: c.slide, detail: component[1]! });
    body = body.replace(/<\/?[A-Z][A-Za-z0-9]*\b[^>]*>/g, '');
    body = body.split('\n').map((l) => c.rewriteMedia(l)).join('\n').replace(/\n{3,}/g, '\n\n').trim();
    const head = slideAttrs(attrs);
    const withAttrs = /^#{1,6}\s/.test(body) ? body.replace(/^(#{1,6}\s.*)$/m, `$1\n${head.trimEnd()}`) : `${head}${body}`;
    return `${withAttrs.trim() || `<!-- ${i + 1} -->`}${notes ? `\n\n::: notes\n${notes}\n:::` : ''}`;
  });
  for (const key of Object.keys(split.meta)) {
    if (!['title', 'author', 'date', 'lang', 'layout', 'class', 'info'].includes(key)) c.report.add({ kind: 'directive-dropped', detail: key });
  }
  return finish('slidev', lecternMeta(split.meta, ['title', 'author', 'date', 'lang']), out.map((s, i) => (i ? `\n---\n\n${s}` : s)), c);
}

/** Converts a deck written for Quarto, Marp or Slidev; undefined when it is not one of those. */
export function importMarkdownDeck(text: string, fileName = ''): MarkdownDeckImport | undefined {
  const kind = detectMarkdownDeck(text, fileName);
  if (!kind) return undefined;
  const split = splitFrontMatter(text);
  return kind === 'quarto' ? quarto(split) : kind === 'marp' ? marp(split) : slidev(split);
}
