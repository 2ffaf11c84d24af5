// parseDeck: a Lectern deck's text => Deck. Line-based and position-keeping: the front matter is
// cut off first, then the body is split into slides on `---` / `--` lines that are outside fenced
// code and outside `:::` blocks (lines.ts), then each slide is scanned on its own (slide-scan.ts).
// With `previous`, slides whose text is unchanged are reused with their line numbers shifted,
// so an edit costs one slide's scan plus one pass over the line starts.
import { diagnostic, shiftDiagnostics, sortDiagnostics } from './diagnostics.ts';
import { orNone } from './empty.ts';
import { emptyMeta, parseFrontMatter } from './front-matter.ts';
import { revisionOf } from './hash.ts';
import { candidateLines, isCandidateLine, scanStructure, separatorKind } from './lines.ts';
import { slidePlannedMinutes, validMinutes } from './plan.ts';
import { scanSlide } from './slide-scan.ts';
import type { Deck, DeckEdit, Diagnostic, FrontMatter, Slide, SourcePos } from './types.ts';

interface Chunk {
  separator: string;
  /** The text `raw` was cut from (the deck's source) and where in it: the revision is hashed there. */
  source: string;
  at: number;
  /** 2 for `--` (vertical), 3 for `---`, 0 for the first slide. */
  kind: 0 | 2 | 3;
  raw: string;
  startLine: number;
  endLine: number;
}

const RE_YAML_KEY = /^[\w-]+\s*:/;

/** Where the front matter ends: the offset after its closing line, or -1 when there is none. */
function findFrontMatter(text: string): { end: number; lines: number; closed: boolean } {
  const firstEnd = text.indexOf('\n');
  const first = (firstEnd < 0 ? text : text.slice(0, firstEnd)).replace(/\r$/, '');
  if (first !== '---') return { end: -1, lines: 0, closed: false };
  let pos = firstEnd < 0 ? text.length : firstEnd + 1;
  let line = 1;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const content = text.slice(pos, nl < 0 ? text.length : nl).replace(/\r$/, '');
    line++;
    if (content === '---' || content === '...') return { end, lines: line, closed: true };
    pos = end;
  }
  return { end: -1, lines: 0, closed: false };
}

/** Whether `text` has a line break between `start` and `end`. */
function hasLineBreak(text: string, start: number, end: number): boolean {
  const nl = text.indexOf('\n', start);
  return nl >= 0 && nl < end;
}

/** Line breaks in `text` before offset `end`. */
function countNewlines(text: string, end = text.length): number {
  let n = 0;
  for (let p = text.indexOf('\n'); p >= 0 && p < end; p = text.indexOf('\n', p + 1)) n++;
  return n;
}

/** Splits the body into slide chunks. `lineOffset` = number of file lines before the body;
 *  `source` is the deck's text and `offset` where the body starts in it. */
function splitBody(body: string, lineOffset: number, source: string, offset: number): Chunk[] {
  const { starts, ends, nexts, lineNos } = candidateLines(body);
  const count = starts.length;
  const st = scanStructure(body, starts, ends);
  // Closed `:::` blocks hold their separators; unclosed ones end with their slide.
  const delta = new Int32Array(count + 1);
  for (const d of st.divs) {
    if (d.close >= 0) {
      delta[d.open]!++;
      delta[d.close]!--;
    }
  }
  const chunks: Chunk[] = [];
  let chunkStart = 0; // offset in body
  let chunkLine = 0; // 0-based line in body
  let separator = '';
  let kind: 0 | 2 | 3 = 0;
  let depth = 0;
  for (let i = 0; i < count; i++) {
    depth += delta[i]!;
    if (depth !== 0 || st.code[i]) continue;
    const s = starts[i]!;
    if (body.charCodeAt(s) !== 45) continue;
    const sep = separatorKind(body, s, ends[i]!);
    if (!sep) continue;
    const line = lineNos[i]!;
    chunks.push({
      separator,
      source,
      at: offset + chunkStart,
      kind,
      raw: body.slice(chunkStart, s),
      startLine: lineOffset + chunkLine + 1,
      endLine: lineOffset + Math.max(chunkLine + 1, line),
    });
    separator = body.slice(s, nexts[i]);
    kind = sep;
    chunkStart = nexts[i]!;
    chunkLine = line + 1;
  }
  const raw = body.slice(chunkStart);
  // A final line break ends the last line; it does not start another.
  const lastLine = chunkLine + countNewlines(raw, raw.length - 1);
  chunks.push({ separator, source, at: offset + chunkStart, kind, raw, startLine: lineOffset + chunkLine + 1, endLine: lineOffset + lastLine + 1 });
  return chunks;
}

function shiftSlide(prev: Slide, chunk: Chunk, index: number, h: number, v: number): Slide {
  const delta = chunk.startLine - prev.startLine;
  if (delta === 0 && prev.index === index && prev.h === h && prev.v === v && prev.separator === chunk.separator) return prev;
  if (delta === 0) return { ...prev, index, h, v, separator: chunk.separator };
  const shift = <T extends { line: number }>(item: T): T => ({ ...item, line: item.line + delta });
  const attrs = prev.attrs.minutesAt ? { ...prev.attrs, minutesAt: shift(prev.attrs.minutesAt) } : prev.attrs;
  return {
    ...prev,
    index,
    h,
    v,
    separator: chunk.separator,
    startLine: chunk.startLine,
    endLine: chunk.endLine,
    attrs,
    discussions: prev.discussions.map((d) => (d.minutesAt ? { ...shift(d), minutesAt: shift(d.minutesAt) } : shift(d))),
    excerpts: prev.excerpts.map(shift),
    questions: prev.questions.map(shift),
    media: prev.media.map(shift),
    diagnostics: shiftDiagnostics(prev.diagnostics, delta),
  };
}

function newSlide(chunk: Omit<Chunk, 'kind'>, index: number, h: number, v: number): Slide {
  const scan = scanSlide(chunk.raw, chunk.startLine);
  const slide: Slide = {
    index,
    h,
    v,
    raw: chunk.raw,
    startLine: chunk.startLine,
    endLine: chunk.endLine,
    revision: revisionOf(chunk.source, chunk.at, chunk.at + chunk.raw.length),
    attrs: scan.attrs,
    discussions: orNone(scan.discussions),
    excerpts: orNone(scan.excerpts),
    questions: orNone(scan.questions),
    media: orNone(scan.media),
    diagnostics: orNone(scan.diagnostics),
    separator: chunk.separator,
    content: scan.content,
    // Always present (undefined when absent) so every slide has one object shape: code reading
    // slides stays monomorphic in V8.
    title: scan.title,
    notes: scan.notes,
  };
  return slide;
}

/** Previous slides that can be reused for each chunk: same text; matched from both ends first. */
function matchPrevious(chunks: Chunk[], previous: readonly Slide[]): (Slide | undefined)[] {
  const out: (Slide | undefined)[] = new Array(chunks.length);
  let head = 0;
  while (head < chunks.length && head < previous.length && chunks[head]!.raw === previous[head]!.raw) {
    out[head] = previous[head];
    head++;
  }
  let tail = 0;
  while (
    tail < chunks.length - head &&
    tail < previous.length - head &&
    chunks[chunks.length - 1 - tail]!.raw === previous[previous.length - 1 - tail]!.raw
  ) {
    out[chunks.length - 1 - tail] = previous[previous.length - 1 - tail];
    tail++;
  }
  const middleEnd = chunks.length - tail;
  if (head < middleEnd) {
    const byRaw = new Map<string, Slide>();
    for (let i = head; i < previous.length - tail; i++) byRaw.set(previous[i]!.raw, previous[i]!);
    for (let i = head; i < middleEnd; i++) out[i] = byRaw.get(chunks[i]!.raw);
  }
  return out;
}

/** Planned minutes (slidePlannedMinutes, the one rule) summed in order, past the lesson's duration:
 *  the warning points at the `minutes=` that first takes the total over. */
function timingDiagnostic(slides: readonly Slide[], duration: number | undefined): Diagnostic | undefined {
  if (duration === undefined) return undefined;
  let total = 0;
  let over: SourcePos | undefined;
  for (const slide of slides) {
    const planned = slidePlannedMinutes(slide);
    if (!over && total + planned > duration) over = overAt(slide, duration - total);
    total += planned;
  }
  if (!over) return undefined;
  return diagnostic(
    'timing-over-duration',
    over.line,
    over.column,
    { total, duration },
  );
}

/** Where on `slide` the plan passes the `left` minutes still free: its own `minutes=`, or the
 *  discussion whose minutes cross the line. */
function overAt(slide: Slide, left: number): SourcePos {
  if (slide.attrs.minutes !== undefined) return slide.attrs.minutesAt ?? { line: slide.startLine, column: 1 };
  let sum = 0;
  for (const d of slide.discussions) {
    sum += validMinutes(d.minutes) ?? 0;
    if (sum > left) return d.minutesAt ?? { line: d.line, column: 1 };
  }
  return { line: slide.startLine, column: 1 };
}

/** The deck's line break style, from its first line. */
function eolOf(text: string): Deck['eol'] {
  const firstNl = text.indexOf('\n');
  return firstNl > 0 && text.charCodeAt(firstNl - 1) === 13 ? '\r\n' : '\n';
}

/** The front matter's diagnostics of an earlier parse, for front matter that did not change. */
function frontMatterDiagnostics(previous: Deck, frontMatter: FrontMatter): Diagnostic[] {
  return previous.diagnostics.filter(
    (d) => d.line <= frontMatter.endLine && (d.code === 'frontmatter-invalid' || d.code === 'frontmatter-unknown-key'),
  );
}

/** Adds the slides' diagnostics and the timing check to the deck-level ones, in order.
 *  `diagnosed` (the editor's path) lists the slides that have any, so that the other slides
 *  need not be read. */
function finishDiagnostics(
  diagnostics: Diagnostic[],
  slides: readonly Slide[],
  duration: number | undefined,
  diagnosed?: readonly number[],
): void {
  if (diagnosed) {
    for (const i of diagnosed) diagnostics.push(...slides[i]!.diagnostics);
  } else for (const slide of slides) if (slide.diagnostics.length > 0) diagnostics.push(...slide.diagnostics);
  const timing = timingDiagnostic(slides, duration);
  if (timing) diagnostics.push(timing);
  sortDiagnostics(diagnostics);
}

/** Lines that can change how a deck splits into slides: separators (`---`, `--`) and lines whose
 *  first non-blank character is ` ~ or : (code fences and `:::` blocks). Nothing else can. */
function structuralLines(raw: string): string[] {
  const { starts, ends } = candidateLines(raw);
  const out: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    if (raw.charCodeAt(s) === 45 && !separatorKind(raw, s, e)) continue; // a list item, not a separator
    out.push(raw.slice(s, e));
  }
  return out;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Length of the common start of `a` and `b` from `from` (known equal before it) up to `max`:
 *  compares blocks that double while they match and halve when they do not, so a long equal
 *  text costs a few flat memory compares, not a character loop. */
function commonPrefix(a: string, b: string, from: number, max: number): number {
  let i = from;
  let block = 1024;
  while (block >= 32) {
    if (i + block <= max && a.slice(i, i + block) === b.slice(i, i + block)) {
      i += block;
      block *= 2;
    } else block >>= 1;
  }
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  let block = 1024;
  const la = a.length;
  const lb = b.length;
  while (block >= 32) {
    if (i + block <= max && a.slice(la - i - block, la - i) === b.slice(lb - i - block, lb - i)) {
      i += block;
      block *= 2;
    } else block >>= 1;
  }
  while (i < max && a.charCodeAt(la - i - 1) === b.charCodeAt(lb - i - 1)) i++;
  return i;
}

/** Whether an editor's change span can describe `before` => `source`: inside both texts, after
 *  the front matter (`off`), and the same length of unchanged text after it in both. */
function fitsEdit(edit: DeckEdit, before: string, source: string, off: number): boolean {
  const { from, toOld, toNew } = edit;
  return (
    Number.isInteger(from) &&
    Number.isInteger(toOld) &&
    Number.isInteger(toNew) &&
    from >= off &&
    toOld >= from &&
    toNew >= from &&
    toOld <= before.length &&
    toNew <= source.length &&
    before.length - toOld === source.length - toNew
  );
}

/**
 * What the editor's path needs to know of a deck's slides without reading them: where each ends
 * in `source` and which have diagnostics. Between keystrokes the slide objects are cold in the
 * processor's caches (a preview, an autosave or a full render ran in between), and reading every
 * Slide, its `raw` and `separator` and its `diagnostics` was most of an edit's parse at 1,000
 * slides; an array of small integers is read in a few cache lines (plain arrays: a typed
 * array's separate backing store cost more to make on every keystroke). Made at a deck's first
 * edit and carried to the deck the edit makes. Never changed once made: a deck the edit makes
 * shares its arrays with the deck before when they stay the same (an edit that keeps the
 * text's length, one that leaves the slide's diagnostics as they were), so such an edit copies
 * neither.
 */
interface EditIndex {
  /** Offset in `source` after each slide's text. */
  ends: number[];
  /** The slides that have diagnostics, in order (few: most slides have none). */
  diagnosed: number[];
  /** Set by an edit that moved no line: the deck's `slides` are `from` with the slide at `index`
   *  replaced, every other slide the same object at the same place (see slideReplacedSince). */
  replaced?: { from: readonly Slide[]; slides: readonly Slide[]; index: number };
}

/**
 * When `deck` was made by parseDeck from a deck whose slides were `earlier`, by an edit that
 * replaced one slide and moved no line: that slide's index; otherwise -1. The render through a
 * cache then takes every other slide from its last render without comparing the two arrays
 * (after a full render they are out of the processor's caches: comparing them was a tenth of an
 * edit). Relies on parseDeck's arrays not being changed in place afterwards (no code does).
 */
export function slideReplacedSince(deck: Deck, earlier: readonly Slide[]): number {
  const replaced = editIndexes.get(deck)?.replaced;
  return replaced !== undefined && replaced.from === earlier && replaced.slides === deck.slides && earlier.length === deck.slides.length
    ? replaced.index
    : -1;
}

const editIndexes = new WeakMap<Deck, EditIndex>();

/** The deck's EditIndex; `start` is where its first slide's separator starts (after BOM and front matter). */
function editIndexOf(deck: Deck, start: number): EditIndex {
  const slides = deck.slides;
  const known = editIndexes.get(deck);
  if (known !== undefined && known.ends.length === slides.length) return known;
  const ends: number[] = [];
  const diagnosed: number[] = [];
  let end = start;
  for (let i = 0; i < slides.length; i++) {
    const slide = slides[i]!;
    end += slide.separator.length + slide.raw.length;
    ends.push(end);
    if (slide.diagnostics.length > 0) diagnosed.push(i);
  }
  const index = { ends, diagnosed };
  editIndexes.set(deck, index);
  return index;
}

/** The first slide whose text ends at or after `at`, or `ends.length` when none does. */
function slideEndingAtOrAfter(ends: readonly number[], at: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The editor's path: one keystroke changes the text of one slide. When exactly one slide's text
 * differs from `previous` and its structural lines (separators, fences, `:::` lines) are the same,
 * every slide boundary is where it was, so only that slide is scanned again and the slides after
 * it are shifted by the lines it gained or lost. The changed span is found from the common start
 * and end of the old and new text (flat memory compares, no split of the whole text), and its
 * slide from the slides' lengths. Returns undefined whenever one slide cannot be shown to hold
 * the whole change, and the caller parses in full.
 */
function reparseOneSlide(source: string, previous: Deck, edit: DeckEdit | undefined): Deck | undefined {
  const slides = previous.slides;
  const n = slides.length;
  if (n === 0 || previous.blankBody !== undefined) return undefined;
  const bom = source.charCodeAt(0) === 0xfeff;
  if (bom !== previous.bom) return undefined;
  let off = bom ? 1 : 0;
  const fm = previous.frontMatter;
  if (fm) off += fm.raw.length;
  else if (source.startsWith('---', off)) {
    // An unclosed front matter can be closed by a `...` line anywhere: parse in full.
    return undefined;
  }
  const before = previous.source;
  let prefix: number;
  let suffix: number;
  if (edit && fitsEdit(edit, before, source, off)) {
    // The span starts after the front matter (and BOM), so they are unchanged.
    prefix = edit.from;
    suffix = before.length - edit.toOld;
  } else {
    // The front matter (and BOM) unchanged: the deck's settings and line offset stay.
    if (before.slice(0, off) !== source.slice(0, off)) return undefined;
    const max = Math.min(before.length, source.length);
    prefix = commonPrefix(before, source, off, max);
    if (prefix === before.length && prefix === source.length) {
      // The same text: nothing to parse again.
      return { ...previous, source, slides: [...slides], diagnostics: [...previous.diagnostics], reparsed: [] };
    }
    suffix = commonSuffix(before, source, max - prefix);
  }
  const changedEnd = before.length - suffix; // end of the replaced text in `before`
  // The slide holding the change, by where the slides end (numbers only).
  const index = editIndexOf(previous, off);
  const k = slideEndingAtOrAfter(index.ends, prefix);
  if (k === n) return undefined;
  if (k > 0) off = index.ends[k - 1]!;
  const old = slides[k]!;
  const rawStart = off + old.separator.length;
  const oldEnd = rawStart + old.raw.length;
  // The index must describe these slides (nobody changed the deck since): one slide's text compared.
  if (oldEnd !== index.ends[k] || !before.startsWith(old.raw, rawStart)) return undefined;
  // The change must lie inside the slide's text: a changed separator changes the structure.
  if (prefix < rawStart || changedEnd > oldEnd) return undefined;
  // A separator on the last line without a line break: text typed after it joins its line.
  if (old.separator !== '' && old.separator.charCodeAt(old.separator.length - 1) !== 10) return undefined;
  const end = oldEnd + source.length - before.length;
  const raw = source.slice(rawStart, end);
  const last = k === n - 1;
  // A slide other than the last must still end with a line break, or the next separator would
  // no longer start a line; an empty first slide would put a separator on the deck's first line.
  if (!last && raw !== '' && raw.charCodeAt(raw.length - 1) !== 10) return undefined;
  if (k === 0 && raw === '' && !fm) return undefined;
  // A deck whose only slide became blank has no slides at all (blankBody).
  if (n === 1 && !/\S/.test(raw)) return undefined;
  const startLine = old.startLine;
  let delta: number;
  let endLine: number;
  // Typing within a line (no line break removed or typed) changes that line only: the slide's
  // structure is the same unless that line is, or becomes, one that can shape it; its lines
  // neither move nor change in number. Read the one line, not the slide.
  const newEnd = end - (oldEnd - changedEnd); // end of the replacing text in `source`
  const withinLine = !hasLineBreak(before, prefix, changedEnd) && !hasLineBreak(source, prefix, newEnd);
  const lineStart = withinLine && prefix > 0 ? before.lastIndexOf('\n', prefix - 1) + 1 : 0;
  if (withinLine && lineStart >= rawStart && !isCandidateLine(before, lineStart) && !isCandidateLine(source, lineStart) && !last) {
    delta = 0;
    endLine = old.endLine;
  } else {
    if (!sameLines(structuralLines(old.raw), structuralLines(raw))) return undefined;
    delta = countNewlines(raw) - countNewlines(old.raw);
    endLine = last ? startLine + countNewlines(raw, raw.length - 1) : Math.max(startLine, startLine - 1 + countNewlines(raw));
  }
  const fresh = newSlide({ separator: old.separator, source, at: rawStart, raw, startLine, endLine }, k, old.h, old.v);
  let out: Slide[];
  if (delta === 0) {
    // The other slides stay as they are: copy the array, not slide by slide.
    out = slides.slice();
    out[k] = fresh;
  } else {
    out = slides.slice(0, k);
    out.push(fresh);
    for (let i = k + 1; i < n; i++) {
      const prev = slides[i]!;
      out.push(shiftSlide(prev, { separator: prev.separator, source: prev.raw, at: 0, kind: 0, raw: prev.raw, startLine: prev.startLine + delta, endLine: prev.endLine + delta }, i, prev.h, prev.v));
    }
  }
  // Shifting keeps a slide's diagnostics (their lines move), so only slide k's entry changes.
  const grown = source.length - before.length;
  let ends = index.ends;
  if (grown !== 0) {
    ends = ends.slice();
    for (let i = k; i < n; i++) ends[i]! += grown;
  }
  let diagnosed = index.diagnosed;
  const was = diagnosed.indexOf(k);
  if ((was >= 0) !== fresh.diagnostics.length > 0) {
    diagnosed = was >= 0 ? diagnosed.filter((i) => i !== k) : [...diagnosed, k].sort((a, b) => a - b);
  }

  // Most decks have no diagnostics: with none before, none on the new slide and no duration to
  // check the plan against, there are none now.
  const duration = previous.meta.duration;
  const diagnostics: Diagnostic[] = [];
  if (previous.diagnostics.length > 0 || diagnosed.length > 0 || duration !== undefined) {
    if (fm) diagnostics.push(...frontMatterDiagnostics(previous, fm));
    finishDiagnostics(diagnostics, out, duration, diagnosed);
  }
  const eol = eolOf(bom ? source.slice(1) : source);
  const deck: Deck = { source, bom, eol, meta: previous.meta, slides: out, diagnostics, reparsed: [k] };
  if (fm) deck.frontMatter = fm;
  editIndexes.set(deck, delta === 0 ? { ends, diagnosed, replaced: { from: slides, slides: out, index: k } } : { ends, diagnosed });
  return deck;
}

/**
 * Parses a deck. Never throws on author input: problems become diagnostics.
 * `previous` (the last parse of the same document) lets unchanged slides be reused; `edit` (what
 * changed since `previous`, when the caller knows it) spares comparing the two texts.
 */
export function parseDeck(source: string, previous?: Deck, edit?: DeckEdit): Deck {
  const inPlace = previous ? reparseOneSlide(source, previous, edit) : undefined;
  if (inPlace) return inPlace;
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  const eol = eolOf(text);
  const diagnostics: Diagnostic[] = [];

  let meta = emptyMeta();
  let frontMatter: FrontMatter | undefined;
  let bodyOffset = 0;
  let lineOffset = 0;
  const fm = findFrontMatter(text);
  if (fm.end >= 0) {
    const raw = text.slice(0, fm.end);
    const yamlStart = text.indexOf('\n') + 1;
    const yamlEnd = raw.lastIndexOf('\n', raw.length - 2) + 1;
    const yamlText = text.slice(yamlStart, Math.max(yamlStart, yamlEnd));
    if (previous?.frontMatter && previous.frontMatter.raw === raw) {
      frontMatter = previous.frontMatter;
      meta = previous.meta;
      diagnostics.push(...frontMatterDiagnostics(previous, previous.frontMatter));
    } else {
      const parsed = parseFrontMatter(yamlText, 2);
      meta = parsed.meta;
      diagnostics.push(...parsed.diagnostics);
      frontMatter = { raw, startLine: 1, endLine: fm.lines, data: parsed.data };
    }
    bodyOffset = fm.end;
    lineOffset = fm.lines;
  } else if (/^---\r?\n/.test(text) && RE_YAML_KEY.test(text.slice(text.indexOf('\n') + 1))) {
    diagnostics.push(diagnostic('frontmatter-invalid', 1, 1, { variant: 'unclosed' }));
  }

  const body = text.slice(bodyOffset);
  const deck: Deck = { source, bom, eol, meta, slides: [], diagnostics };
  if (frontMatter) deck.frontMatter = frontMatter;
  if (!/\S/.test(body)) {
    if (body !== '') deck.blankBody = body;
  } else {
    const chunks = splitBody(body, lineOffset, source, (bom ? 1 : 0) + bodyOffset);
    const reuse = previous ? matchPrevious(chunks, previous.slides) : [];
    const reparsed: number[] = [];
    let h = meta.titleSlide ? 0 : -1;
    let v = 0;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      if (chunk.kind === 2 && i > 0) v++;
      else {
        h++;
        v = 0;
      }
      const prev = reuse[i];
      if (prev) deck.slides.push(shiftSlide(prev, chunk, i, h, v));
      else {
        reparsed.push(i);
        deck.slides.push(newSlide(chunk, i, h, v));
      }
    }
    deck.reparsed = reparsed;
  }
  finishDiagnostics(diagnostics, deck.slides, meta.duration);
  return deck;
}

/** The exact text the deck was parsed from, rebuilt from its parts (BOM and line breaks kept). */
export function serializeDeck(deck: Deck): string {
  let out = deck.bom ? '\uFEFF' : '';
  if (deck.frontMatter) out += deck.frontMatter.raw;
  if (deck.blankBody !== undefined) out += deck.blankBody;
  for (const slide of deck.slides) out += slide.separator + slide.raw;
  return out;
}
