// Decks that would make marked (18.2.1) or the deck scanner run for minutes (issue 13 item 4):
// the known quadratic patterns of Markdown parsers -- emphasis, links, nested brackets,
// backticks, `<` -- as one 16 MiB slide, the largest deck.md a bundle may hold. Each must come
// back as plain text with a diagnostic (the app, the presenter and the CLI all render through
// renderDeck). No wall-clock limit (suite rule): a quadratic path would not finish at all.
import { parseDeck, renderDeck } from '@lectern/deck';
import { describe, expect, it } from 'vitest';

const SIZE = 16 * 1024 * 1024 - 64;

const PATTERNS: Record<string, string> = {
  'emphasis *a_': '*a_',
  'emphasis _a*': '_a*',
  'strong __a': '__a',
  'strikethrough ~a': '~a',
  'links [a](': '[a](',
  'images ![': '![',
  'nested brackets [[': '[',
  'backticks `a``': '`a``',
  'angle brackets <a': '<a',
  'slide comments': '<!-- .slide: a',
};

function oneSlide(unit: string, size = SIZE): string {
  return `# Trang\n\n${unit.repeat(Math.ceil(size / unit.length)).slice(0, size)}\n`;
}

describe('pathological slides', () => {
  it.each(Object.entries(PATTERNS))('should show 16 MiB of %s as plain text with a diagnostic', { timeout: 600_000 }, (_name, unit) => {
    const rendered = renderDeck(parseDeck(oneSlide(unit)));
    expect(rendered.slides).toHaveLength(1);
    expect(rendered.slides[0]!.html).toContain('lectern-unrendered');
    expect(rendered.diagnostics.map((d) => d.code)).toContainEqual(expect.stringMatching(/^render-too-slow$|^render-failed$/));
  });

  it('should name the problem and the paragraph where it starts', () => {
    const deck = parseDeck(`# Một\n\nBình thường.\n\n---\n\n# Hai\n\nĐoạn đầu.\n\n${'*a_'.repeat(20_000)}\n`);
    const slow = renderDeck(deck).diagnostics.find((d) => d.code === 'render-too-slow');
    expect(slow).toMatchObject({ severity: 'error', line: 11 });
    expect(slow!.message).toMatch(/shown as plain text/);
  });

  it('should still render a busy real slide: bold words, links, code and fill-in blanks', () => {
    const line = 'Đồng chí **Nguyễn Văn A** đọc [Nghị quyết](https://example.org/nq) và `mã` điền ______ vào chỗ trống, *nhấn mạnh* ~~bỏ~~.\n';
    // One paragraph of 120 such lines (1,200 runs), then ten short ones and a list.
    const deck = parseDeck(`# Bài tập\n\n${line.repeat(120)}\n${`${line}\n`.repeat(10)}\n- ${line}- ${line}`);
    const rendered = renderDeck(deck);
    expect(rendered.diagnostics.filter((d) => d.code === 'render-too-slow')).toEqual([]);
    expect(rendered.slides[0]!.html).toContain('<strong>Nguyễn Văn A</strong>');
  });
});
