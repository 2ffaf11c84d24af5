// The editor's grammar with a block per slide (src/editor/slide-syntax.ts) must highlight every
// character as the grammar without it did (GFM plus the slide-separator rule), fresh and after
// incremental reparses, keep a `---` inside fenced code as code, and keep list continuation on
// Enter. It must also do what it is for: one top-level node a slide, not one a Markdown block.
import { readFileSync } from 'node:fs';
import { insertNewlineContinueMarkup, markdownLanguage } from '@codemirror/lang-markdown';
import { EditorState, type Transaction } from '@codemirror/state';
import { classHighlighter, highlightTree } from '@lezer/highlight';
import { TreeFragment, type Tree } from '@lezer/common';
import type { MarkdownConfig, MarkdownParser } from '@lezer/markdown';
import { describe, expect, it } from 'vitest';
import { isSlideSeparatorLine, parseDeck } from '@lectern/deck';
import { lecternMarkdown } from '../../../src/editor/slide-syntax.ts';
import { markdown } from '@codemirror/lang-markdown';
import { generateDeck } from '../deck/generate-deck.ts';

// The grammar as it was before slide blocks: GFM and the separator rule alone.
const separatorsOnly: MarkdownConfig = {
  parseBlock: [{ name: 'LecternSlideSeparator', endLeaf: (_cx, line) => isSlideSeparatorLine(line.text) }],
};
// markdownLanguage's parser is lezer's MarkdownParser; the Language type only says Parser.
const gfm = markdownLanguage.parser as MarkdownParser;
const before = gfm.configure([separatorsOnly]);
const after = gfm.configure([lecternMarkdown]);

function highlights(tree: Tree): string[] {
  const out: string[] = [];
  highlightTree(tree, classHighlighter, (from, to, classes) => out.push(`${from}-${to} ${classes}`));
  return out;
}

function topLevel(tree: Tree): string[] {
  const names: string[] = [];
  const cursor = tree.cursor();
  if (cursor.firstChild()) do names.push(cursor.name); while (cursor.nextSibling());
  return names;
}

const sampleDecks = ['slides/syntax-tour/deck.md', 'slides/nghi-quyet-dang-vien-moi/deck.md'].map((path) => ({
  path,
  text: readFileSync(path, 'utf8'),
}));

const EDGE = [
  '---\ntitle: Bài một\ntheme: white\n---\n\n# Trang một\n\nĐoạn văn\n--\n\n## Dọc\n\nTiêu đề thật\n===\n',
  '# Mã\n\n```js\nconst a = 1;\n---\nconst b = 2;\n```\n\n---\n\n# Sau\n',
  '# Ngã\n\n~~~~\n---\n~~~\nvẫn là mã\n~~~~\n---\n# Sau\n',
  '# Chưa đóng\n\n```\nmã\n---\n# không phải tiêu đề\n',
  '# Danh sách\n\n- một\n- hai\n---\n> trích\n> dẫn\n---\n1. a\n2. b\n\n    thụt lề\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n---\n',
  '::: columns\n\n---\n\n:::\n\n**đậm** _nghiêng_ `mã` [liên kết](x.md)\n',
  '   ```\n   ---\n   ```\n---\n    ```\n---\n',
];

describe('the editor grammar with a block per slide', () => {
  it('highlights the sample decks, a generated deck and edge cases exactly as before', () => {
    const texts = [...sampleDecks.map((d) => d.text), generateDeck(300).text, ...EDGE];
    for (const text of texts) expect(highlights(after.parse(text))).toEqual(highlights(before.parse(text)));
  });

  it('puts one top-level node per slide, where parseDeck splits', () => {
    const { text } = generateDeck(1000);
    const nodes = topLevel(after.parse(text));
    const deck = parseDeck(text);
    // The front matter is a block of its own (its closing `---` starts the first slide's block).
    expect(nodes.every((n) => n === 'LecternSlide')).toBe(true);
    expect(nodes.length).toBe(deck.slides.length + 1);
    expect(topLevel(before.parse(text)).length).toBeGreaterThan(4 * nodes.length);
    for (const { text: sample } of sampleDecks) {
      const slides = parseDeck(sample).slides.length;
      expect(topLevel(after.parse(sample)).length).toBeGreaterThanOrEqual(slides);
    }
  });

  it('reads a `---` inside fenced code as code, not as a slide break', () => {
    const text = '# Mã\n\n```\na\n---\nb\n```\n---\n# Sau\n';
    const tree = after.parse(text);
    expect(topLevel(tree)).toEqual(['LecternSlide', 'LecternSlide']);
    const inner = text.indexOf('---');
    expect(tree.resolveInner(inner + 1, 1).name).toBe('CodeText');
    expect(tree.resolveInner(text.lastIndexOf('---') + 1, 1).name).toBe('HorizontalRule');
  });

  it('ends an HTML block or comment left open at a slide break, as parseDeck splits there', () => {
    // The one place the highlighting changed: before, `<!--` ran on over the break and hid the
    // next slide's heading, which the preview shows as a heading.
    const text = '<!--\n---\n# Hai\n-->\n';
    expect(before.parse(text).resolveInner(text.indexOf('Hai'), 1).name).toBe('CommentBlock');
    expect(after.parse(text).resolveInner(text.indexOf('Hai'), 1).name).toBe('ATXHeading1');
    expect(parseDeck(text).slides[1]?.title).toBe('Hai');
  });

  it('highlights as a fresh parse after incremental reparses (typing, a fence opened and closed)', () => {
    let text = generateDeck(120).text;
    let tree = after.parse(text);
    let fragments = TreeFragment.addTree(tree);
    const middle = text.indexOf('\n## ', Math.floor(text.length / 2)) + 1;
    const edits: [number, number, string][] = [
      [middle, middle, 'ă'],
      [middle + 5, middle + 5, '\n```\n'], // opens a fence that swallows the following slides
      [middle + 5, middle + 10, ''], // and removes it again
      [middle, middle, '---\n\n'], // a new slide break
      [text.length, text.length, '\n```\n---\n'],
    ];
    for (const [from, to, insert] of edits) {
      text = text.slice(0, from) + insert + text.slice(to);
      fragments = TreeFragment.applyChanges(fragments, [{ fromA: from, toA: to, fromB: from, toB: from + insert.length }]);
      tree = after.parse(text, fragments);
      fragments = TreeFragment.addTree(tree, fragments);
      expect(highlights(tree)).toEqual(highlights(after.parse(text)));
      expect(highlights(tree)).toEqual(highlights(before.parse(text)));
    }
  });

  it('continues a list on Enter inside a slide', () => {
    const doc = '# Một\n\nx\n---\n# Hai\n\n- điểm một\n- điểm hai\n---\n# Ba\n';
    const at = doc.indexOf('điểm hai') + 'điểm hai'.length;
    const state = EditorState.create({ doc, selection: { anchor: at }, extensions: [markdown({ base: markdownLanguage, extensions: [lecternMarkdown] })] });
    let result: Transaction | undefined;
    expect(insertNewlineContinueMarkup({ state, dispatch: (tr) => (result = tr) })).toBe(true);
    expect(result?.state.doc.toString()).toBe(doc.replace('- điểm hai\n', '- điểm hai\n- \n'));
  });
});
