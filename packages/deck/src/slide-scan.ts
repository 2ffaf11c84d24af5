// One slide's source => its model: title, attributes, notes, discussion/excerpt/question blocks,
// media, and diagnostics with absolute positions. Works on the slide's own text only, so a slide
// whose text did not change can be reused with its line numbers shifted (parse.ts).
import { ELEMENT_RULES, IMAGE_RULES, PLAYER_RULES, SLIDE_RULES, attrsFor, type AttrProblem } from './attrs.ts';
import { numberAttr, parseDivInfo } from './blocks/divs.ts';
import { diagnostic, sortDiagnostics } from './diagnostics.ts';
import { parseAtxHeading, plainText } from './heading.ts';
import { lineText, scanStructure, splitLines } from './lines.ts';
import { isRemote, mediaKind, splitMediaPath } from './media.ts';
import type { Diagnostic, Discussion, Excerpt, MediaRef, Question, SlideAttrs } from './types.ts';

export interface SlideScan {
  title?: string;
  attrs: SlideAttrs;
  notes?: string;
  content: string;
  discussions: Discussion[];
  excerpts: Excerpt[];
  questions: Question[];
  media: MediaRef[];
  diagnostics: Diagnostic[];
}

/**
 * Where the notes' text starts on a `Note:` / `Notes:` line (any case) running from `start` to
 * `end`: just after the colon and the spaces and tabs that follow it; -1 when the line does not
 * start with the marker. The one rule for the marker, read by the parse (where the notes start)
 * and by the render (the notes' Markdown).
 */
export function noteTextStart(text: string, start: number, end: number): number {
  if (end - start < 5) return -1;
  for (let k = 0; k < 4; k++) if ((text.charCodeAt(start + k) | 32) !== 'note'.charCodeAt(k)) return -1;
  let i = start + 4;
  if ((text.charCodeAt(i) | 32) === 115) i++; // s
  if (i >= end || text.charCodeAt(i) !== 58) return -1; // :
  i++;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}
/** Shared by slides without `:::` blocks; length 0, so never written. */
const NO_BLOCKS = new Uint8Array(0);
// No match attempt below can scan past the start of the next attempt's construct (a comment stops
// at the next `<!--`, alt text and a bare path at the next bracket), so a line of `![![![…` or
// `<!-- .slide:` repeated costs linear time: with unbounded scans a 200 KB line of `![` took 50 s.
// (A path stops at the next `(`, which every following `](` holds.)
const RE_SLIDE_COMMENT = /<!--\s*\.slide:\s*((?:(?!<!--|-->)[^]){0,4096}?)\s*-->/g;
const RE_ELEMENT_COMMENT = /<!--\s*\.element:\s*((?:(?!<!--|-->)[^]){0,4096}?)\s*-->/g;
/** `![alt](path "title"){attrs}` on one line; alt and path allow backslash escapes (brackets in
 *  the alt text only escaped). */
const RE_IMAGE =
  /!\[((?:\\.|[^\\\][]){0,1024})\]\(\s*(<[^<>\n]{0,4096}>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\]){0,4096}\)){1,4096})(?:\s+(?:"(?:\\.|[^"\\]){0,4096}"|'(?:\\.|[^'\\]){0,4096}'|\((?:\\.|[^()\\]){0,4096}\)))?\s*\)(?:\{([^{}\n]{0,4096})\})?/g;
/** Background attributes whose value reveal.js loads as media. */
const BACKGROUND_MEDIA: Record<string, 'image' | 'video'> = {
  'data-background-image': 'image',
  'data-background-video': 'video',
};

/** A media element written as HTML in the slide (`<img src>`, `<video poster>`, `<source src>`). */
const RE_HTML_MEDIA_TAG = /<(img|video|audio|source)\b[^>]*>/gi;
const RE_HTML_MEDIA_START = /<(?:img|video|audio|source)\b/i;
/** The attributes through which such an element loads a file. */
const RE_HTML_MEDIA_ATTR = /\s(src|poster|data-src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** The line with its code spans blanked (CommonMark: a run of n backticks closes at the next run
 *  of exactly n). One pass over the backtick runs, each run's closer found through a per-length
 *  list, so lines of mismatched runs cost linear time. */
function maskCodeSpans(line: string): string {
  if (line.indexOf('`') < 0) return line;
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = line.indexOf('`'); i >= 0; i = line.indexOf('`', i)) {
    let j = i;
    while (line.charCodeAt(j) === 96) j++;
    starts.push(i);
    lengths.push(j - i);
    i = j;
  }
  const byLength = new Map<number, number[]>();
  const place: number[] = [];
  for (let r = 0; r < starts.length; r++) {
    let list = byLength.get(lengths[r]!);
    if (!list) byLength.set(lengths[r]!, (list = []));
    place.push(list.length);
    list.push(r);
  }
  let out = '';
  let copied = 0;
  for (let r = 0; r < starts.length; ) {
    const closer = byLength.get(lengths[r]!)![place[r]! + 1];
    if (closer === undefined) {
      r++;
      continue;
    }
    const from = starts[r]!;
    const to = starts[closer]! + lengths[closer]!;
    out += line.slice(copied, from) + ' '.repeat(to - from);
    copied = to;
    r = closer + 1;
  }
  return out + line.slice(copied);
}

interface ScanContext {
  diagnostics: Diagnostic[];
  startLine: number;
  attrs: SlideAttrs;
  media: MediaRef[];
}

function report(ctx: ScanContext, problems: readonly AttrProblem[], line: number, baseColumn: number): void {
  for (const p of problems) ctx.diagnostics.push(diagnostic('attr-invalid', ctx.startLine + line, baseColumn + p.offset + 1, p.params));
}

function applySlideAttrs(ctx: ScanContext, text: string, line: number, column: number): void {
  const { attrs } = ctx;
  const valid = attrsFor(text, SLIDE_RULES);
  report(ctx, valid.problems, line, column);
  if (valid.id) attrs.id = valid.id;
  for (const c of valid.classes) if (!attrs.classes.includes(c)) attrs.classes.push(c);
  for (const key in valid.values) {
    const value = valid.values[key]!;
    const col = column + valid.offsets[key]! + 1;
    if (key === 'minutes') {
      attrs.minutes = Number(value);
      attrs.minutesAt = { line: ctx.startLine + line, column: col };
      continue;
    }
    attrs.attributes[key] = value;
    const kind = BACKGROUND_MEDIA[key];
    if (kind && value) {
      const split = splitMediaPath(value);
      ctx.media.push({ path: split.path, kind, remote: isRemote(split.path), line: ctx.startLine + line, column: col, from: 'background' });
    }
  }
}

/** Files named by media elements written as HTML on one line (`line` is the file line). */
function htmlMedia(text: string, line: number, media: MediaRef[]): void {
  if (!RE_HTML_MEDIA_START.test(text)) return;
  // No tag can close after the last `>`: scanning only up to it keeps a line of a hundred
  // thousand `<img` openings linear (each failed attempt would otherwise run to the line's end).
  const closed = text.slice(0, text.lastIndexOf('>') + 1);
  for (const tag of closed.matchAll(RE_HTML_MEDIA_TAG)) {
    const element = tag[1]!.toLowerCase();
    for (const attr of tag[0].matchAll(RE_HTML_MEDIA_ATTR)) {
      const value = (attr[2] ?? attr[3] ?? attr[4] ?? '').trim();
      if (value === '') continue;
      const split = splitMediaPath(value);
      const name = attr[1]!.toLowerCase();
      const kind = name === 'poster' || element === 'img' ? 'image' : element === 'source' ? mediaKind(split.path) : (element as 'video' | 'audio');
      const ref: MediaRef = { path: split.path, kind, remote: isRemote(split.path), line, column: tag.index + attr.index + 2, from: name === 'poster' ? 'poster' : 'html' };
      if (split.clip) ref.clip = split.clip;
      media.push(ref);
    }
  }
}

/** Scans one slide. `startLine` is the 1-based file line of the slide's first line. */
export function scanSlide(raw: string, startLine: number): SlideScan {
  const diagnostics: Diagnostic[] = [];
  const lines = splitLines(raw);
  const count = lines.count;
  const st = scanStructure(raw, lines.starts, lines.ends, count);
  const { code, divs, fences } = st;

  const attrs: SlideAttrs = { classes: [], attributes: {} };
  const media: MediaRef[] = [];
  const ctx: ScanContext = { diagnostics, startLine, attrs, media };

  for (const f of fences) {
    if (f.close < 0) {
      const fenceChars = lineText(lines, f.open).trim().slice(0, 3);
      diagnostics.push(diagnostic('fence-unclosed', startLine + f.open, f.column + 1, { variant: 'code', fence: fenceChars }));
    }
  }

  // Depth of `:::` nesting per line (an unclosed block runs to the end of the slide), and which
  // lines sit inside a `::: notes` block (their headings are not the slide's title).
  // (Allocated only when the slide has blocks: most slides have none.)
  const depth = divs.length > 0 ? new Int16Array(count + 1) : NO_BLOCKS;
  const inNotes = divs.length > 0 ? new Uint8Array(count) : NO_BLOCKS;
  if (divs.length > 0) {
    for (const d of divs) {
      const last = d.close >= 0 ? d.close : count - 1;
      depth[d.open]!++;
      depth[last + 1]!--;
    }
    for (let i = 1; i < count; i++) depth[i]! += depth[i - 1]!;
  }

  // `Note:` at the start of a top-level line: notes run to the end of the slide.
  let noteLine = count;
  for (let i = 0; i < count; i++) {
    if (code[i] || depth[i]) continue;
    const c = raw.charCodeAt(lines.starts[i]!);
    if ((c === 78 || c === 110) && noteTextStart(raw, lines.starts[i]!, lines.ends[i]!) >= 0) {
      noteLine = i;
      break;
    }
  }
  const contentEnd = noteLine < count ? lines.starts[noteLine]! : raw.length;
  const content = raw.slice(0, contentEnd);
  const notesParts: string[] = [];

  const discussions: Discussion[] = [];
  const excerpts: Excerpt[] = [];
  const questions: Question[] = [];
  for (const d of divs) {
    if (d.open >= noteLine) break;
    const info = parseDivInfo(d.info);
    const base = d.infoColumn;
    if (d.close < 0) {
      diagnostics.push(diagnostic('fence-unclosed', startLine + d.open, d.column + 1, { variant: 'block', info: d.info }));
    }
    if (info.unknown !== undefined) {
      diagnostics.push(diagnostic('directive-unknown', startLine + d.open, base + info.wordOffset + 1, { name: info.unknown }));
    }
    report(ctx, info.extra, d.open, base);
    report(ctx, info.attrs.problems, d.open, base + info.attrsOffset);
    const textStart = lines.nexts[d.open]!;
    const textEnd = d.close >= 0 ? lines.starts[d.close]! : Math.min(contentEnd, raw.length);
    const text = raw.slice(textStart, Math.max(textStart, textEnd)).trimEnd();
    const line = startLine + d.open;
    switch (info.kind) {
      case 'discussion': {
        const item: Discussion = { text, line };
        const minutes = numberAttr(info.attrs, 'minutes');
        const groups = numberAttr(info.attrs, 'groups');
        if (minutes !== undefined) {
          item.minutes = minutes;
          item.minutesAt = { line, column: base + info.attrsOffset + info.attrs.offsets['minutes']! + 1 };
        }
        if (groups !== undefined) item.groups = groups;
        discussions.push(item);
        break;
      }
      case 'excerpt': {
        const item: Excerpt = { text, line };
        for (const key of ['source', 'number', 'issuer', 'ref', 'date'] as const) {
          const value = info.attrs.values[key];
          if (value !== undefined) item[key] = value;
        }
        excerpts.push(item);
        break;
      }
      case 'question': {
        const item: Question = { text, line };
        const points = numberAttr(info.attrs, 'points');
        if (points !== undefined) item.points = points;
        questions.push(item);
        break;
      }
      case 'notes': {
        notesParts.push(text);
        const last = d.close >= 0 ? d.close : count - 1;
        for (let i = d.open; i <= last; i++) inNotes[i] = 1;
        break;
      }
      default:
        break;
    }
  }

  // Headings, reveal.js comments and media, line by line, never inside fenced code.
  let title: string | undefined;
  let headingSeen = false;
  const hasComment = raw.indexOf('<!--') >= 0;
  const hasImage = raw.indexOf('![') >= 0;
  // One search per slide for a media element written as HTML; most slides have none.
  const hasTag = raw.indexOf('<') >= 0 && RE_HTML_MEDIA_START.test(raw);
  for (let i = 0; i < count; i++) {
    if (code[i]) continue;
    const s = lines.starts[i]!;
    const e = lines.ends[i]!;
    const first = raw.charCodeAt(s);
    const beforeNotes = i < noteLine && !inNotes[i];
    if (beforeNotes && (first === 35 || first === 32)) {
      const h = raw.indexOf('#', s) < e ? parseAtxHeading(raw.slice(s, e)) : undefined;
      if (h) {
        if (!headingSeen) {
          headingSeen = true;
          title = plainText(h.text);
          if (h.attrs !== undefined) applySlideAttrs(ctx, h.attrs, i, h.attrsOffset);
        } else if (h.attrs !== undefined) {
          report(ctx, attrsFor(h.attrs, ELEMENT_RULES).problems, i, h.attrsOffset);
        }
        continue;
      }
    }
    if (beforeNotes && !headingSeen && first === 61 && i > 0 && /^=+[ \t]*$/.test(raw.slice(s, e))) {
      // Setext heading: the previous line is the title.
      const prev = raw.slice(lines.starts[i - 1], lines.ends[i - 1]).trim();
      if (prev !== '' && !code[i - 1]) {
        headingSeen = true;
        title = plainText(prev);
      }
      continue;
    }
    if (!hasComment && !hasTag && !hasImage) continue;
    const line = raw.slice(s, e);
    if (hasTag && line.indexOf('<') >= 0) htmlMedia(maskCodeSpans(line), startLine + i, media);
    if (hasComment && line.indexOf('<!--') >= 0) {
      for (const m of line.matchAll(RE_SLIDE_COMMENT)) {
        applySlideAttrs(ctx, m[1]!, i, m.index + m[0].indexOf(m[1]!));
      }
      for (const m of line.matchAll(RE_ELEMENT_COMMENT)) {
        const offset = m.index + m[0].indexOf(m[1]!);
        report(ctx, attrsFor(m[1]!, ELEMENT_RULES).problems, i, offset);
      }
    }
    if (hasImage && line.indexOf('![') >= 0) {
      // exec in a loop, not matchAll: matchAll copies the regular expression on every call.
      const masked = maskCodeSpans(line);
      RE_IMAGE.lastIndex = 0;
      for (let m = RE_IMAGE.exec(masked); m !== null; m = RE_IMAGE.exec(masked)) {
        let href = m[2]!;
        if (href.startsWith('<')) href = href.slice(1, -1);
        if (href.indexOf('\\') >= 0) href = href.replace(/\\(.)/g, '$1');
        const split = splitMediaPath(href);
        const kind = mediaKind(split.path);
        const ref: MediaRef = { path: split.path, kind, remote: isRemote(split.path), line: startLine + i, column: m.index + 1, from: 'markdown' };
        if (split.clip) ref.clip = split.clip;
        media.push(ref);
        if (m[3] !== undefined) {
          const offset = m.index + m[0].length - m[3].length - 1;
          const valid = attrsFor(m[3], kind === 'image' ? IMAGE_RULES : PLAYER_RULES);
          report(ctx, valid.problems, i, offset);
          if (kind === 'video' && valid.values['captions'] !== undefined) ref.captions = valid.values['captions'];
          // A video's still is a file the deck needs too (check, build, pack, the media screen).
          const poster = valid.values['poster'];
          if (poster) {
            const at = splitMediaPath(poster).path;
            media.push({ path: at, kind: 'image', remote: isRemote(at), line: startLine + i, column: offset + valid.offsets['poster']! + 1, from: 'poster' });
          }
        }
      }
    }
  }

  if (noteLine < count) {
    notesParts.push(raw.slice(noteTextStart(raw, lines.starts[noteLine]!, lines.ends[noteLine]!)).trimEnd());
  }
  const scan: SlideScan = { attrs, content, discussions, excerpts, questions, media, diagnostics };
  if (title !== undefined) scan.title = title;
  if (notesParts.length > 0) scan.notes = notesParts.length === 1 ? notesParts[0]! : notesParts.filter(Boolean).join('\n\n');
  if (diagnostics.length > 1) sortDiagnostics(diagnostics);
  return scan;
}
