// Excerpt text is untrusted (excerpts arrive inside bundles): inserting one must never change the
// deck around it. Checked through the deck parser the app, the presenter and the CLI all use.
import { parseDeck, renderDeck } from '@lectern/deck';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExcerptBlock } from '../../../src/excerpts/excerpt-block.ts';

const BEFORE = '---\ntitle: Bài 3\n---\n\n# Mở đầu\n\nĐoạn văn của tác giả.\n';
const AFTER = '\nNote: ghi chú của giảng viên\n\n---\n\n# Phần hai\n\nNội dung.\n';

/** The deck as the editor leaves it after inserting the block below the author's paragraph. */
function insert(block: string): string {
  return `${BEFORE}\n${block}${AFTER}`;
}

const base = parseDeck(insert(''));

function expectInsideItsBlock(block: string): void {
  const deck = parseDeck(insert(block));
  expect(deck.slides.length).toBe(base.slides.length);
  const [first, second] = deck.slides;
  expect(first!.title).toBe(base.slides[0]!.title);
  expect(first!.notes).toBe(base.slides[0]!.notes);
  expect(first!.attrs).toEqual(base.slides[0]!.attrs);
  expect(first!.excerpts).toHaveLength(1);
  // The block ends at our closing `:::`: its text is exactly the body we wrote.
  const body = block.slice(block.indexOf('\n') + 1, block.length - ':::\n'.length).trimEnd();
  expect(first!.excerpts[0]!.text).toBe(body);
  expect(second!.raw).toBe(base.slides[1]!.raw);
  expect(deck.diagnostics.filter((d) => d.code === 'fence-unclosed')).toEqual([]);
}

/** Text made of the pieces of the deck grammar (and of Markdown) that could end a block early. */
const hostileLine = fc.oneof(
  fc.constantFrom(':::', ' :::', '   :::', '\t:::', '::::', '::: notes', '::: {.notes}', '---', '--', '- - -', '```', '~~~', ' ```js', '````',
    'Note:', 'notes: x', 'NOTE: y', '# Tiêu đề giả', '<!-- .slide: data-background-color="red" -->', '<!--', '-->', '<script>', '<pre>',
    '    code', '> trích', '===', '', ' ', '\\', '&amp;', '&lt;', '{', '}', '"'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(':', '-', '`', '~', ' ', '\t', '#', '<', '!', '\r', 'N', 'o', 't', 'e', 'đ', 'ệ'), maxLength: 12 }),
);
const hostileText = fc.array(hostileLine, { maxLength: 12 }).map((lines) => lines.join('\n'));
const attrValue = fc.option(fc.string({ unit: fc.constantFrom('a', 'Đ', '"', '{', '}', ' ', '\n', ':', '=', '#', '.'), maxLength: 12 }), { nil: undefined });

describe('formatExcerptBlock', () => {
  it('should keep any excerpt text inside its block: same slides, title, notes and attributes', () => {
    fc.assert(
      fc.property(hostileText, attrValue, attrValue, (text, source, ref) => {
        expectInsideItsBlock(formatExcerptBlock({ text, source, ref }));
      }),
      { numRuns: 2000 },
    );
  });

  it('should keep the excerpt of the issue (---, Note: and an indented :::) in one slide, the author\'s text not made notes', () => {
    const text = 'Đoạn một.\n :::\n---\nNote: đây vẫn là trích dẫn\n```\nĐoạn cuối.';
    const block = formatExcerptBlock({ text, source: 'Nghị quyết {XIII}', ref: 'Phần "III"' });
    expectInsideItsBlock(block);
    const deck = parseDeck(insert(block));
    expect(deck.slides[0]!.excerpts[0]).toMatchObject({ source: 'Nghị quyết ｛XIII｝', ref: 'Phần ”III”' });
    expect(deck.slides[0]!.notes).toBe('ghi chú của giảng viên');
  });

  it('should show the reader the excerpt\'s characters, not markup', () => {
    const text = ':::\n# không phải tiêu đề\n<b>đậm?</b> &amp; ---\nNote: vẫn hiện';
    const html = renderDeck(parseDeck(insert(formatExcerptBlock({ text })))).slides[0]!.html;
    const quote = html.slice(html.indexOf('<blockquote'), html.indexOf('</blockquote>'));
    expect(quote).toContain(':::');
    expect(quote).toContain('# không phải tiêu đề');
    expect(quote).toContain('&lt;b&gt;đậm?&lt;/b&gt; &amp;amp; ---');
    expect(quote).toContain('Note: vẫn hiện');
    expect(quote).not.toContain('<h1');
  });
});
