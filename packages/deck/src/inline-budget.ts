// A bound on marked's inline work per slide (issue 13 item 4). marked 18.2.1's inline lexer is
// quadratic in the delimiter runs of one block of text when they cannot pair up: emphasis
// (`*a_` or `_a*` repeated: 12 KB took 4-7 s; `__a`, `**a`, `~a`), links and images (`[`,
// `![`), backticks of mismatched lengths, `<`. Its nesting is caught by MAX_NESTING (render.ts);
// this is the other half. Before marked sees a slide, one linear pass counts the runs of those
// characters per block (lines up to a blank line, fenced code skipped) and sums their squares;
// a slide over the budget is shown as plain text with a diagnostic. Runs that pair up cost marked
// little, but telling them apart would mean parsing: the budget (2,000 runs in one paragraph) is
// above any real slide -- 120 lines of bold, links, code and blanks in one paragraph use 1,700 --
// and keeps the worst pattern near half a second per slide (measured), whatever its size.

/** Sum of squared delimiter runs per block above which a slide is not given to marked. */
export const INLINE_BUDGET = 4_000_000;

const STAR = 42;
const UNDERSCORE = 95;
const TILDE = 126;
const BRACKET = 91;
const BACKTICK = 96;
const LESS = 60;
const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const CR = 13;

/** Emphasis, strikethrough and code delimiters act as runs (`***`, `` ``` `` are one each). */
const isRunDelimiter = (c: number) => c === STAR || c === UNDERSCORE || c === TILDE || c === BACKTICK;
/** Brackets and `<` act one by one (`[[[` opens three links). */
const isSingleDelimiter = (c: number) => c === BRACKET || c === LESS;

/** Most slides: nothing to count (one shared answer, no object per slide). */
const NO_WORK: { readonly work: number; readonly line: number } = Object.freeze({ work: 0, line: 0 });

/** The inline work marked would do on `text`, in squared delimiter runs summed over its blocks,
 *  and the 0-based line where the costliest block starts. Stops counting past `limit`. */
export function inlineWork(text: string, limit = INLINE_BUDGET): { work: number; line: number } {
  // The sum of squares is at most the square of the characters: most slides need no pass at all.
  if (text.length * text.length <= limit) return NO_WORK;
  let work = 0;
  let worst = 0;
  let worstLine = 0;
  let runs = 0;
  let blockLine = 0;
  let line = 0;
  let fence = 0;
  let fenceLen = 0;
  const n = text.length;
  const close = () => {
    const cost = runs * runs;
    work += cost;
    if (cost > worst) {
      worst = cost;
      worstLine = blockLine;
    }
    runs = 0;
  };
  for (let start = 0; start <= n && work <= limit; line++) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = n;
    let i = start;
    while (i < nl && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    const first = i < nl ? text.charCodeAt(i) : NEWLINE;
    if (first === BACKTICK || first === TILDE) {
      let run = 0;
      while (i + run < nl && text.charCodeAt(i + run) === first) run++;
      if (fence === 0 && run >= 3) {
        close();
        fence = first;
        fenceLen = run;
        start = nl + 1;
        continue;
      }
      if (fence === first && run >= fenceLen) {
        fence = 0;
        start = nl + 1;
        blockLine = line + 1;
        continue;
      }
    }
    if (fence !== 0) {
      start = nl + 1;
      continue;
    }
    if (first === NEWLINE || first === CR) {
      close();
      blockLine = line + 1;
      start = nl + 1;
      continue;
    }
    let previous = 0;
    for (let k = i; k < nl; k++) {
      const c = text.charCodeAt(k);
      if (isSingleDelimiter(c) || (c !== previous && isRunDelimiter(c))) runs++;
      previous = c;
    }
    start = nl + 1;
  }
  close();
  return { work, line: worstLine };
}
