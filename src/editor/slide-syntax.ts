// The editor's Markdown grammar for Lectern decks: `@lezer/markdown` (GFM) plus two things.
//
// 1. Highlight as Lectern parses: in CommonMark `text` followed by a `---` line is a heading
//    (setext), but in a deck that line starts the next slide. Ending the paragraph before it lets
//    the line be read as the thematic break it looks like.
// 2. A `LecternSlide` block around each slide, for speed. CodeMirror parses the syntax tree again
//    on every keystroke; lezer reuses every unchanged block but still walks the top of the tree
//    and rebuilds it, and without this a 1,000-slide deck has about 4,700 top-level blocks. With a
//    block per slide the top holds one node a slide and an unchanged slide is reused whole. The
//    block has no highlighting of its own and changes no other node: it ends at a `---` or `--`
//    line at the top level, except inside fenced code (there lezer keeps reading code, so the
//    block must too). An unclosed fence keeps its slide open to the end of the text, as lezer
//    reads it; parseDeck would end that fence at the next separator, but the highlighting stays
//    what lezer made of it before this block existed. One reading did change: an HTML block or
//    comment left open at a slide break used to run on over it (hiding the next slide's heading);
//    it now ends with its slide, as parseDeck splits there.
import type { BlockContext, Line, MarkdownConfig } from '@lezer/markdown';
import { isSlideSeparatorLine } from '@lectern/deck';

const BACKTICK = 96;
const TILDE = 126;
const SLIDE = 'LecternSlide';

/** The open top-level fence of each parse (a parse is one BlockContext), found as lezer's own
 *  FencedCode parser will find it. Keyed by parse so two parses running in turns do not mix. */
const openFences = new WeakMap<BlockContext, { char: number; len: number }>();

/** lezer's opening-fence test (`isFencedCode`, not exported): the fence's length, or -1. */
function fenceLength(line: Line): number {
  const char = line.next;
  if (char !== BACKTICK && char !== TILDE) return -1;
  let end = line.pos + 1;
  while (end < line.text.length && line.text.charCodeAt(end) === char) end++;
  if (end < line.pos + 3) return -1;
  if (char === BACKTICK) for (let i = end; i < line.text.length; i++) if (line.text.charCodeAt(i) === BACKTICK) return -1;
  return end - line.pos;
}

/** lezer's closing-fence test, for a line at the top level. */
function closesFence(line: Line, fence: { char: number; len: number }): boolean {
  if (line.indent >= 4) return false;
  let end = line.pos;
  while (end < line.text.length && line.text.charCodeAt(end) === fence.char) end++;
  return end - line.pos >= fence.len && line.skipSpace(end) === line.text.length;
}

/** Whether the slide block goes on over this line. Called by lezer for every line inside it. */
function continuesSlide(cx: BlockContext, line: Line): boolean {
  const fence = openFences.get(cx);
  if (fence) {
    if (closesFence(line, fence)) openFences.delete(cx);
    return true;
  }
  return !isSlideSeparatorLine(line.text);
}

export const lecternMarkdown: MarkdownConfig = {
  defineNodes: [{ name: SLIDE, block: true, composite: continuesSlide }],
  parseBlock: [
    {
      name: SLIDE,
      before: 'IndentedCode',
      // At the top level every block opens a slide block; inside one, this parser has nothing to do.
      parse(cx, line) {
        if (cx.depth !== 1) return false;
        openFences.delete(cx);
        cx.startComposite(SLIDE, line.basePos);
        return null;
      },
    },
    {
      // Only watches: notes a fence opened directly in a slide, then lets FencedCode parse it.
      name: 'LecternFenceWatch',
      before: 'FencedCode',
      parse(cx, line) {
        if (cx.parentType().name === SLIDE) {
          const len = fenceLength(line);
          if (len >= 0) openFences.set(cx, { char: line.next, len });
        }
        return false;
      },
    },
    { name: 'LecternSlideSeparator', endLeaf: (_cx, line) => isSlideSeparatorLine(line.text) },
  ],
};
