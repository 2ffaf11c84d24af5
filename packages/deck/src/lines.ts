// The line scanner under everything: where lines start, which lines are fenced code, and how
// `:::` blocks nest. Slides are split on this structure, never on marked's, so a `---` inside a
// code block or a `:::` block can never split a slide. Lines inside fenced code are only ever
// classified as code here; nothing else looks at them.

export interface Lines {
  text: string;
  /** How many lines: the arrays below are longer (scratch space), only the first `count` hold lines. */
  count: number;
  /** Offset of the first character of each line. */
  starts: Int32Array;
  /** Offset just past each line's content (before `\r\n` or `\n`). */
  ends: Int32Array;
  /** Offset just past each line's line break (the next line's start, or text.length). */
  nexts: Int32Array;
}

/** splitLines' arrays, reused from call to call (grown when a text has more lines): a deck's
 *  parse splits every slide, and three new arrays a slide were a tenth of its garbage. */
let scratchStarts = new Int32Array(256);
let scratchEnds = new Int32Array(256);
let scratchNexts = new Int32Array(256);

/** The lines of `text`. The arrays are shared scratch space, valid until the next call: read
 *  them before splitting another text (scanSlide does). */
export function splitLines(text: string): Lines {
  const n = text.length;
  let count = 0;
  let pos = 0;
  if (n > 0) {
    for (;;) {
      if (count === scratchStarts.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        scratchStarts = grow(scratchStarts);
        scratchEnds = grow(scratchEnds);
        scratchNexts = grow(scratchNexts);
      }
      const nl = text.indexOf('\n', pos);
      scratchStarts[count] = pos;
      if (nl < 0) {
        scratchEnds[count] = n > pos && text.charCodeAt(n - 1) === 13 ? n - 1 : n;
        scratchNexts[count] = n;
        count++;
        break;
      }
      scratchEnds[count] = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      scratchNexts[count] = nl + 1;
      count++;
      pos = nl + 1;
      if (pos >= n) break;
    }
  }
  return { text, count, starts: scratchStarts, ends: scratchEnds, nexts: scratchNexts };
}

export function lineText(lines: Lines, i: number): string {
  return lines.text.slice(lines.starts[i], lines.ends[i]);
}

export interface Fence {
  /** Line index of the opening fence. */
  open: number;
  /** Line index of the closing fence, -1 when unclosed. */
  close: number;
  /** 0-based column of the fence characters. */
  column: number;
}

export interface Div extends Fence {
  /** Text after the colons: `discussion {minutes=10}`, `{.notes}`. */
  info: string;
  /** 0-based column where `info` starts. */
  infoColumn: number;
  /** Index of the enclosing div in `divs`, -1 at top level. */
  parent: number;
}

export interface Structure {
  /** 1 for candidate lines that are fenced code, fence lines included (index = candidate index);
   *  a zero-length array when the text has no fences. */
  code: Uint8Array;
  fences: Fence[];
  divs: Div[];
}

/** No fences: every lookup is undefined (falsy). Length 0, so nothing can be written to it. */
const NO_CODE = new Uint8Array(0);
const BACKTICK = 96;
const TILDE = 126;
const COLON = 58;
const SPACE = 32;
const TAB = 9;

/** 0-based column of the first non-blank character, or -1 for a blank line. */
function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return i - start;
    i++;
  }
  return -1;
}

function runLength(text: string, at: number, end: number, code: number): number {
  let i = at;
  while (i < end && text.charCodeAt(i) === code) i++;
  return i - at;
}

/** Opening code fence on this line: its character and length, or undefined. */
function fenceAt(text: string, start: number, end: number): { char: number; len: number; col: number } | undefined {
  const col = indentOf(text, start, end);
  if (col < 0) return undefined;
  const at = start + col;
  const c = text.charCodeAt(at);
  if (c !== BACKTICK && c !== TILDE) return undefined;
  const len = runLength(text, at, end, c);
  if (len < 3) return undefined;
  // A backtick fence's info string may not contain a backtick (CommonMark).
  if (c === BACKTICK) {
    for (let i = at + len; i < end; i++) if (text.charCodeAt(i) === BACKTICK) return undefined;
  }
  return { char: c, len, col };
}

function isFenceClose(text: string, start: number, end: number, char: number, len: number): boolean {
  const col = indentOf(text, start, end);
  if (col < 0) return false;
  const at = start + col;
  if (text.charCodeAt(at) !== char) return false;
  const run = runLength(text, at, end, char);
  if (run < len) return false;
  return indentOf(text, at + run, end) < 0;
}

/** `---` or `--` exactly (line break excluded). */
export function separatorKind(text: string, start: number, end: number): 0 | 2 | 3 {
  const len = end - start;
  if (len !== 2 && len !== 3) return 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 45) return 0;
  return len as 2 | 3;
}

/** True for a line (without its line break) that starts a slide (`---`) or a vertical slide
 *  (`--`) when it stands outside code and `:::` blocks. The editor highlights with it. */
export function isSlideSeparatorLine(line: string): boolean {
  return separatorKind(line, 0, line.length) !== 0;
}

/** A `:::` line: 'open' with info, 'close', or undefined. Up to three spaces of indentation. */
function divAt(text: string, start: number, end: number): { col: number; info: string; infoCol: number } | 'close' | undefined {
  const col = indentOf(text, start, end);
  if (col < 0 || col > 3) return undefined;
  const at = start + col;
  if (text.charCodeAt(at) !== COLON) return undefined;
  const run = runLength(text, at, end, COLON);
  if (run < 3) return undefined;
  const infoOff = indentOf(text, at + run, end);
  if (infoOff < 0) return 'close';
  let infoEnd = end;
  // Pandoc allows trailing colons after the attributes: `::: notes :::`.
  while (infoEnd > at + run + infoOff && (text.charCodeAt(infoEnd - 1) === COLON || text.charCodeAt(infoEnd - 1) === SPACE)) infoEnd--;
  const infoStart = at + run + infoOff;
  return { col, info: text.slice(infoStart, infoEnd), infoCol: infoStart - start };
}

/**
 * Finds fenced code and `:::` blocks among the first `count` candidate lines (`starts`/`ends`: every line of a
 * slide, or only the lines that can matter -- first non-blank character one of `~:- -- when
 * splitting a whole deck). Indexes in the result are candidate indexes. An unclosed code fence
 * runs to the candidate before the next slide separator (so one forgotten fence does not swallow
 * the rest of the lesson); an unclosed `:::` block is left open (close = -1) and ends with its
 * slide.
 */
export function scanStructure(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, count = starts.length): Structure {
  let code = NO_CODE;
  const fences: Fence[] = [];
  const divs: Div[] = [];
  const stack: number[] = [];
  // Per fence character: the earliest line from which a search for a closer of at least this
  // length already failed, so repeated unclosed fences do not rescan to the end (quadratic).
  let failedBacktick: { from: number; len: number } | undefined;
  let failedTilde: { from: number; len: number } | undefined;
  let i = 0;
  while (i < count) {
    const s = starts[i]!;
    const e = ends[i]!;
    // Cheap reject: only lines whose first non-blank character is ` ~ : can matter.
    let k = s;
    while (k < e && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k++;
    const c = k < e ? text.charCodeAt(k) : 0;
    if (c === BACKTICK || c === TILDE) {
      const f = fenceAt(text, s, e);
      if (f) {
        let close = -1;
        const known = f.char === BACKTICK ? failedBacktick : failedTilde;
        if (!(known && i >= known.from && f.len >= known.len)) {
          for (let j = i + 1; j < count; j++) {
            if (isFenceClose(text, starts[j]!, ends[j]!, f.char, f.len)) {
              close = j;
              break;
            }
          }
          if (close < 0) {
            if (f.char === BACKTICK) failedBacktick = { from: i, len: f.len };
            else failedTilde = { from: i, len: f.len };
          }
        }
        fences.push({ open: i, close, column: f.col });
        let last = close;
        if (close < 0) {
          last = count - 1;
          for (let j = i + 1; j < count; j++) {
            if (separatorKind(text, starts[j]!, ends[j]!)) {
              last = j - 1;
              break;
            }
          }
        }
        if (code === NO_CODE) code = new Uint8Array(count);
        for (let j = i; j <= last; j++) code[j] = 1;
        i = last + 1;
        continue;
      }
    } else if (c === COLON) {
      const d = divAt(text, s, e);
      if (d === 'close') {
        const open = stack.pop();
        if (open !== undefined) divs[open]!.close = i;
      } else if (d) {
        divs.push({ open: i, close: -1, column: d.col, info: d.info, infoColumn: d.infoCol, parent: stack.length > 0 ? stack[stack.length - 1]! : -1 });
        stack.push(divs.length - 1);
      }
    }
    i++;
  }
  return { code, fences, divs };
}

/** Whether the line starting at `pos` is one candidateLines keeps: it starts with `-`, or its
 *  first non-blank character is a backtick, `~` or `:`. */
export function isCandidateLine(text: string, pos: number): boolean {
  let c = text.charCodeAt(pos);
  if (c === 45) return true;
  let k = pos;
  while (c === SPACE || c === TAB) c = text.charCodeAt(++k);
  return c === BACKTICK || c === TILDE || c === COLON;
}

/**
 * The lines of `text` that can open or close fences, `:::` blocks or slides: first non-blank
 * character one of ` ~ : or a `-` in the first column. One indexOf pass, nothing stored for other
 * lines, so splitting a large deck after every keystroke stays cheap.
 */
export function candidateLines(text: string): { starts: number[]; ends: number[]; nexts: number[]; lineNos: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const nexts: number[] = [];
  const lineNos: number[] = [];
  const n = text.length;
  let pos = 0;
  let line = 0;
  while (pos < n) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? n : nl + 1;
    if (isCandidateLine(text, pos)) {
      let end = nl < 0 ? n : nl;
      if (end > pos && text.charCodeAt(end - 1) === 13) end--;
      starts.push(pos);
      ends.push(end);
      nexts.push(next);
      lineNos.push(line);
    }
    pos = next;
    line++;
  }
  return { starts, ends, nexts, lineNos };
}
