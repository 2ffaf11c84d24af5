// Slides without GFM syntax go to a marked instance without GFM (gfm.ts): the HTML must be the
// same byte for byte. Every text mayUseGfm lets through is rendered by marked with and without
// GFM and compared: random texts of plain words and every piece of syntax that matters, the
// sample decks' and fixtures' slides, and the generated deck.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { mayUseGfm } from '../../../packages/deck/src/gfm.ts';
import { parseDeck } from '../../../packages/deck/src/index.ts';
import { generateDeck, rng } from './generate-deck.ts';

const withGfm = new Marked({ gfm: true, breaks: false });
const withoutGfm = new Marked({ gfm: false, breaks: false });

/** Every text mayUseGfm lets through must render the same without GFM; returns how many. */
function checkAll(texts: readonly string[]): number {
  let free = 0;
  for (const text of texts) {
    if (mayUseGfm(text)) continue;
    free++;
    expect(withoutGfm.parse(text), JSON.stringify(text)).toBe(withGfm.parse(text));
  }
  return free;
}

const root = join(import.meta.dirname, '../../..');
function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

describe('slides without GFM syntax', () => {
  it('sends every text with GFM syntax to GFM', () => {
    for (const text of [
      '| a | b |\n| - | - |\n| 1 | 2 |',
      'a\n:-',
      'đầu\nthân\n-',
      'đầu\rthân\r:-',
      'đầu\r\nthân\r\n-\r\n',
      '> a\n> b\n> ---',
      '- a\n  b\n  ----',
      '~~gạch~~',
      '*a*~',
      'thư a@b.vn',
      'Xem www.example.org',
      'Xem https://example.org',
      'mailto:a',
      'xmpp:a',
      '- [ ] việc',
      '- [x] xong',
      '* [X] xong',
    ]) {
      expect(mayUseGfm(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['## Tiêu đề\n\nĐoạn **đậm** _nghiêng_.\n\n- một\n- hai\n', '![ảnh](media/a.jpg){width=60%}\n', '::: discussion {minutes=5}\nCâu hỏi?\n:::\n']) {
      expect(mayUseGfm(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('renders the sample decks, the fixtures and the generated deck the same without GFM', () => {
    const texts: string[] = [];
    for (const file of [...markdownFiles(join(root, 'slides')), ...markdownFiles(join(root, 'tests/fixtures'))]) {
      for (const slide of parseDeck(readFileSync(file, 'utf8')).slides) texts.push(slide.content, slide.raw);
    }
    checkAll(texts);
    const generated = parseDeck(generateDeck(300).text).slides.map((s) => s.content);
    expect(checkAll(generated)).toBeGreaterThan(150);
  });

  it('renders random texts of words and Markdown syntax the same without GFM', () => {
    const random = rng(23);
    const pieces = [
      'Nghị', 'quyết', 'Đảng', 'a', 'B', '1', ' ', ' ', '  ', '    ', '\t', ',', '.', ':', '(', ')', '"', "'", '\n', '\n', '\n', '\n\n', '  \n',
      '-', '- ', '--', '---', '----', ':-', '-:', ':', '::: notes\n', ':::\n', '*', '**', '_', '__', '`', '```', '~', '~~', '#', '## ', '=', '===',
      '+ ', '1. ', '2) ', '> ', '>', '|', ' | ', '[', ']', '[ ]', '[x]', '![a](b.png)', '[l](u)', '[l]', '[l]: u', '<', '>', '<div>', '</div>',
      '<!-- c -->', '<b>', '&', '&amp;', '\\', '\\|', '@', 'a@b.vn', 'www.', 'http', '://', 'https://x.vn', 'mailto:', 'xmpp:', '{.x}', '{#id}',
    ];
    const texts: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      let text = '';
      const length = 1 + Math.floor(random() * 24);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)]!;
      texts.push(text);
    }
    expect(checkAll(texts)).toBeGreaterThan(3_000);
  });

  it('renders random lines of block syntax (quotes, lists, indentation, rows of dashes) the same without GFM', () => {
    const random = rng(29);
    const prefixes = ['', '', '', '> ', '> > ', ' ', '  ', '   ', '    ', '- ', '* ', '2. ', '1) ', '> - ', '- > '];
    const contents = ['Nghị quyết', 'Đảng', 'a **b**', '_c_', '-', '--', '----', '- -', ':-', '-:', ':-:', ' - ', '=', '===', '* * *', '#', '## Mục', '```', '~~~', '`x`', '<div>', '', '', '[ ] a', 'a [x]', '1.', '::: notes', ':::'];
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 6);
      for (let k = 0; k < count; k++) lines.push(prefixes[Math.floor(random() * prefixes.length)]! + contents[Math.floor(random() * contents.length)]!);
      // marked reads `\r\n` and `\r` as line breaks too.
      texts.push(lines.reduce((text, line) => text + ['\n', '\n', '\n', '\r\n', '\r'][Math.floor(random() * 5)]! + line));
    }
    expect(checkAll(texts)).toBeGreaterThan(2_000);
  });

  it('decides in linear time on lines of dashes, list items and colons', () => {
    // Each would take minutes if a line were scanned again per dash or per colon.
    expect(mayUseGfm(`${'-'.repeat(200_000)}x`)).toBe(false);
    expect(mayUseGfm(`${'-'.repeat(200_000)}x\r\n`)).toBe(false);
    expect(mayUseGfm('- ý\n'.repeat(100_000))).toBe(false);
    expect(mayUseGfm('- ý\r\n'.repeat(100_000))).toBe(false);
    expect(mayUseGfm(':'.repeat(200_000))).toBe(false);
    expect(mayUseGfm(`${'- ý\n'.repeat(100_000)}-`)).toBe(true);
  });
});
