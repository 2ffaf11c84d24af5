// The list a slide most often holds -- `- ` bullets at the line's start, one line each, plain
// words after the bullet, a blank line (or the end) after the last -- tokenized without marked's
// general list tokenizer, which builds a regular expression per list and runs half a dozen per
// line to find where each item ends. The tokens are the ones marked 18 builds for such a list
// (its Tokenizer.list), the items' contents lexed by marked itself; for anything else it returns
// false and marked's own tokenizer runs. tests/unit/deck/simple-list.test.ts holds the two
// to the same HTML over random lists and their neighbours.
import type { Tokenizer, Tokens } from 'marked';

/** What may follow `- ` as an item's first character here: a Latin letter, as Vietnamese is
 *  written (precomposed). Digits, punctuation, `[` (a task box), marks of other blocks and
 *  every kind of space are left to marked. */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

/** What a line after the list's blank lines may start with for the list to have ended there: not
 *  white space (the last item's continuation, or a line marked reads as blank), nor `-` (the
 *  same list going on, loose). Another bullet or a number starts a list of its own in marked too. */
function endsList(c: number): boolean {
  return !isTrimmed(c) && c !== DASH;
}

/** What String#trim removes (JavaScript's white space and line terminators): marked trims the
 *  last item, and reads a line of these alone as a blank one. */
function isTrimmed(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const NL = 10;
const DASH = 45;
const SPACE = 32;

/** marked's Tokenizer#list for the simple case, else false (marked's own then runs: a tokenizer given to marked.use falls back on false, not on undefined). */
export function simpleList(this: Tokenizer, src: string): Tokens.List | false {
  if (src.charCodeAt(0) !== DASH || src.charCodeAt(1) !== SPACE || this.options.pedantic) return false;
  const lines: number[] = [];
  let pos = 0;
  for (;;) {
    // A line `- ` + a letter + the rest, without tab, `\r` or white space at its end.
    if (!isLetter(src.charCodeAt(pos + 2))) return false;
    const nl = src.indexOf('\n', pos);
    const end = nl < 0 ? src.length : nl;
    const tab = src.indexOf('\t', pos);
    if (tab >= 0 && tab < end) return false;
    const cr = src.indexOf('\r', pos);
    if (cr >= 0 && cr < end) return false;
    if (isTrimmed(src.charCodeAt(end - 1))) return false;
    lines.push(pos, end);
    if (nl < 0) break;
    pos = nl + 1;
    if (src.charCodeAt(pos) === DASH && src.charCodeAt(pos + 1) === SPACE) continue;
    // The list ends at a blank line, then at the end or a line that cannot continue it.
    if (src.charCodeAt(pos) !== NL) return false;
    let next = pos;
    while (src.charCodeAt(next) === NL) next++;
    if (next < src.length && !endsList(src.charCodeAt(next))) return false;
    break;
  }
  const last = lines[lines.length - 1]!;
  const list: Tokens.List = { type: 'list', raw: src.slice(0, last), ordered: false, start: '', loose: false, items: [] };
  for (let i = 0; i < lines.length; i += 2) {
    const start = lines[i]!;
    const end = lines[i + 1]!;
    // An item's raw holds its line break, the last one's not (marked trims the last item).
    list.items.push({
      type: 'list_item',
      raw: src.slice(start, end === last ? end : end + 1),
      task: false,
      loose: false,
      text: src.slice(start + 2, end),
      tokens: [],
    });
  }
  for (const item of list.items) {
    this.lexer.state.top = false;
    item.tokens = this.lexer.blockTokens(item.text, []);
    // As marked: a blank line inside an item makes the list loose (one line each: never here,
    // but the contents are marked's to judge).
    if (!list.loose) list.loose = item.tokens.some((t) => t.type === 'space' && /\n.*\n/.test(t.raw));
  }
  if (list.loose) {
    for (const item of list.items) {
      item.loose = true;
      for (const token of item.tokens) if (token.type === 'text') token.type = 'paragraph';
    }
  }
  return list;
}
