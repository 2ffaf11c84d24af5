// The plain-prose path for speaker notes (plain-paragraphs.ts) must give marked's HTML byte for
// byte: every text it accepts is rendered by marked too and compared, over the notes corpus, the
// sample decks' and the generated deck's notes, and random texts built from the characters that
// matter (plain ones and every character that starts Markdown syntax).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parseDeck, renderDeck } from '../../../packages/deck/src/index.ts';
import { plainInlineHtml, plainParagraphsHtml } from '../../../packages/deck/src/plain-paragraphs.ts';
import { generateDeck, rng } from './generate-deck.ts';
import { NOTES_CORPUS } from './notes-corpus.ts';

const marked = new Marked({ gfm: true, breaks: false });
const byMarked = (text: string) => marked.parse(text) as string;

/** Every accepted text must render as marked renders it; returns how many were accepted. */
function checkAll(texts: readonly string[]): number {
  let accepted = 0;
  for (const text of texts) {
    const html = plainParagraphsHtml(text);
    if (html === undefined) continue;
    accepted++;
    expect(html, JSON.stringify(text)).toBe(byMarked(text));
  }
  return accepted;
}

const root = join(import.meta.dirname, '../../..');
function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

describe('plain-prose speaker notes', () => {
  it('renders plain Vietnamese prose as marked does, quotes escaped, paragraphs split on blank lines', () => {
    const note = 'Hỏi lớp: "Ai đã đọc?" -- đếm (khoảng 30%), ghi lên bảng; đồng chí\'s ý kiến.\nDòng hai.\n\n\nĐoạn hai.\n';
    expect(plainParagraphsHtml(note)).toBe(
      '<p>Hỏi lớp: &quot;Ai đã đọc?&quot; -- đếm (khoảng 30%), ghi lên bảng; đồng chí&#39;s ý kiến.\nDòng hai.</p>\n<p>Đoạn hai.</p>\n',
    );
    expect(plainParagraphsHtml(note)).toBe(byMarked(note));
    // Leading line breaks (`Note:` alone on its line) and decomposed Vietnamese.
    expect(checkAll(['\nNghi\u0323 quyê\u0301t.\n\n'])).toBe(1);
  });

  it('leaves every text with Markdown syntax to marked', () => {
    for (const text of [
      '- ý một',
      '1. bước',
      'Dòng\n2. bước',
      '# Tiêu đề',
      'Tiêu đề\n===',
      'Chữ **đậm**',
      'Chữ _nghiêng_',
      'a `mã`',
      '[liên kết](x)',
      'Xem www.example.org',
      'Xem https://example.org',
      'a & b',
      'a < b',
      'Hai dấu cách  \nxuống dòng',
      'Dòng\n  thụt lề',
      '\tTab',
      'CRLF\r\nhai',
      'a@b.vn',
      '::: notes',
      'Ảnh {width=1}',
      '   ',
    ]) {
      expect(plainParagraphsHtml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('matches marked on the notes corpus and on the notes of every sample deck, fixture and the generated deck', () => {
    expect(checkAll(NOTES_CORPUS)).toBeGreaterThan(5);
    const notes: string[] = [];
    for (const file of [...markdownFiles(join(root, 'slides')), ...markdownFiles(join(root, 'tests/fixtures'))]) {
      for (const slide of parseDeck(readFileSync(file, 'utf8')).slides) if (slide.notes !== undefined) notes.push(slide.notes, slide.raw.slice(slide.content.length).replace(/^notes?:[ \t]*/i, ''));
    }
    checkAll(notes);
    const generated = parseDeck(generateDeck(300).text).slides.map((s) => s.raw.slice(s.content.length).replace(/^notes?:[ \t]*/i, ''));
    // The generated deck's notes are plain prose: all of them take the path.
    expect(checkAll(generated)).toBe(300);
  });

  it('matches marked on random texts of plain characters and Markdown syntax', () => {
    const random = rng(19);
    const pieces = [
      'Nghị', 'quyết', 'Đảng', 'a', 'B', '1', '2045', ' ', ' ', '  ', ',', '.', ';', ':', '?', '(', ')', '%', '/', '"', "'", '-', '--',
      '\u2013', '\u201C', '\u2026', '\u0323', '\n', '\n', '\n\n', '*', '_', '~', '`', '#', '=', '+', '|', '[', ']', '!', '<', '>', '&',
      '\\', '{', '}', '@', '\t', '\r', 'www.', 'http', '://', '1.', '1)', '- ', '> ', '   ', '\u00a0', '::',
    ];
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = 1 + Math.floor(random() * 14);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)]!;
      texts.push(text);
    }
    // Plain-only texts, so that many are accepted and compared.
    const plain = pieces.filter((p) => plainParagraphsHtml(`a${p}a`) !== undefined);
    for (let i = 0; i < 20_000; i++) {
      let text = 'Đ';
      const length = 1 + Math.floor(random() * 20);
      for (let k = 0; k < length; k++) text += plain[Math.floor(random() * plain.length)]!;
      texts.push(text);
    }
    expect(checkAll(texts)).toBeGreaterThan(5_000);
  });

  it('matches marked for every UTF-16 unit inside a line, at its start and after a line break', () => {
    // The scan reads a table of every unit (plain, looked at, or not plain): each unit in each place.
    let accepted = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const u = String.fromCharCode(c);
      accepted += checkAll([`a${u}a`, `${u}a`, `a\n${u}a`]);
      const inline = plainInlineHtml(`a${u}a`);
      if (inline !== undefined) expect(`<p>${inline}</p>\n`, JSON.stringify(u)).toBe(byMarked(`a${u}a`));
    }
    expect(accepted).toBeGreaterThan(2_000);
  });

  it('gives a slide the same notes HTML through renderDeck as marked gives the note text', () => {
    const note = 'Chia lớp thành 4 nhóm. Bấm đồng hồ (phím T).\nKhi hết giờ, mời nhóm 1 trình bày.';
    const html = renderDeck(parseDeck(`# Thảo luận\n\nNote: ${note}\n`)).html;
    expect(html).toContain(`<aside class="notes">\n${byMarked(note)}</aside>`);
  });

  it('renders a slide opening with a plain heading as marked does (with the heading first or after a blank line, which marked alone sees)', () => {
    const random = rng(7);
    const headingPieces = ['Nghị', 'quyết', '1.', '2045', ' ', '  ', ':', 'x \u00a0', '"', "'", '(', ')', '-', '*', '_', '`', '#', '{', '}', '[', ']', '<', '&', '\\', '::', 'www.', '{minutes=2}', '{.dark #id}', ' ##', '\u0323', '\t'];
    const rests = [
      '', '\n', '\nĐoạn văn.\n', '\n\n- ý một\n- ý hai\n', 'Đoạn ngay sau.\n', '    mã thụt lề\n', '===\n', '---\n', '| a | b |\n| - | - |\n| 1 | 2 |\n',
      '\n## Tiêu đề hai {.x}\n', '\n![ảnh](media/a.jpg){width=50%}\n', '\n::: discussion {minutes=5}\nCâu hỏi?\n:::\n', '\n[x]: https://example.org\n\n[x]\n',
      '\n<!-- .element: class="fragment" -->\n', '\nNote: Ghi chú.\n', '\n::: notes\n# Trong ghi chú\n:::\n',
    ];
    let fast = 0;
    for (let i = 0; i < 3_000; i++) {
      let heading = '#'.repeat(1 + Math.floor(random() * 7)) + (random() < 0.9 ? ' ' : '');
      const length = 1 + Math.floor(random() * 8);
      for (let k = 0; k < length; k++) heading += headingPieces[Math.floor(random() * headingPieces.length)]!;
      const slide = `${heading}\n${rests[Math.floor(random() * rests.length)]!}`;
      const direct = renderDeck(parseDeck(slide)).html;
      // A line of spaces first: marked skips it, and the slide no longer opens with the heading.
      const throughMarked = renderDeck(parseDeck(`   \n${slide}`)).html;
      expect(direct, JSON.stringify(slide)).toBe(throughMarked);
      // Slides whose heading text is plain: the ones the fast path takes.
      const title = parseDeck(slide).slides[0]?.title;
      if (/^#{1,6} /.test(heading) && title !== undefined && plainInlineHtml(title) !== undefined && !slide.includes('<!--')) fast++;
    }
    expect(fast).toBeGreaterThan(300);
    expect(renderDeck(parseDeck('## Mở đầu: "Nghị quyết" {minutes=2 .dark}\n\nĐoạn.\n')).html).toBe(
      '<section class="dark" data-timing="120">\n<h2>Mở đầu: &quot;Nghị quyết&quot;</h2>\n<p>Đoạn.</p>\n</section>\n',
    );
  });
});
