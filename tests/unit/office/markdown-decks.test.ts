// Decks written for Quarto/Pandoc, Marp and Slidev (tests/fixtures/other-decks, written in each
// tool's documented syntax) become Lectern decks with the same slides, notes and fragments;
// what has no equivalent is reported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck, renderDeck } from '@lectern/deck';
import { detectMarkdownDeck, importMarkdownDeck } from '@lectern/office';

const deck = (path: string) => readFileSync(`tests/fixtures/other-decks/${path}`, 'utf8');

function convert(path: string) {
  const result = importMarkdownDeck(deck(path), path.split('/').pop())!;
  const parsed = parseDeck(result.deckText);
  const html = renderDeck(parsed).slides.map((s) => s.html);
  return { result, parsed, html };
}

describe('recognising decks of other tools', () => {
  it('should tell Quarto, Marp and Slidev apart and leave a Lectern deck alone', () => {
    expect(detectMarkdownDeck(deck('quarto/bai-giang.qmd'), 'bai-giang.qmd')).toBe('quarto');
    expect(detectMarkdownDeck('---\nformat: revealjs\n---\n# A\n', 'a.md')).toBe('quarto');
    expect(detectMarkdownDeck(deck('marp/bai-giang.md'), 'bai-giang.md')).toBe('marp');
    expect(detectMarkdownDeck(deck('slidev/slides.md'), 'slides.md')).toBe('slidev');
    expect(detectMarkdownDeck(readFileSync('slides/syntax-tour/deck.md', 'utf8'), 'deck.md')).toBeUndefined();
    expect(importMarkdownDeck('# Chỉ là Lectern\n', 'deck.md')).toBeUndefined();
  });
});

describe('Quarto / Pandoc', () => {
  it('should split at headings, stack ## slides under their # section, and keep notes, classes and backgrounds', () => {
    const { parsed, result } = convert('quarto/bai-giang.qmd');
    // h counts from 1: Quarto's title slide (titleSlide: true) is h 0.
    expect(parsed.slides.map((s) => [s.h, s.v, s.title])).toEqual([
      [1, 0, 'Hàng hoá'], [1, 1, 'Hai thuộc tính của hàng hoá'], [1, 2, 'Lượng giá trị'],
      [2, 0, 'Thị trường'], [2, 1, 'Chức năng của thị trường'], [3, 0, undefined],
    ]);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.meta).toMatchObject({ title: 'Kinh tế chính trị Mác – Lênin', author: 'Nguyễn Văn An', titleSlide: true });
    expect(parsed.slides[1]!.attrs.classes).toEqual(['smaller']);
    expect(parsed.slides[2]!.attrs.attributes['data-background-image']).toBe('media/nen.png');
    expect(parsed.slides[2]!.notes?.trim()).toBe('Nhắc lại khái niệm thời gian lao động xã hội cần thiết.');
    expect(result.localMedia).toEqual([{ from: 'img/nen.png', path: 'media/nen.png' }, { from: 'img/so-do.png', path: 'media/so-do.png' }]);
  });

  it('should turn `. . .` into a fragment and show executable chunks as code, reported', () => {
    const { html, result } = convert('quarto/bai-giang.qmd');
    expect(html[1]).toMatch(/<div class="fragment">\s*<p>Hai thuộc tính thống nhất và mâu thuẫn\.<\/p>/);
    expect(html[4]).toContain('print(&quot;Cung và cầu&quot;)');
    expect(result.report.entries).toContainEqual(expect.objectContaining({ kind: 'code-not-run', slide: 5, detail: 'python' }));
  });
});

describe('Marp', () => {
  it('should apply spot and global directives, make comments notes, ![bg] a background and w: a width', () => {
    const { parsed, html, result } = convert('marp/bai-giang.md');
    expect(parsed.slides.map((s) => s.title)).toEqual(['Triết học Mác – Lênin', 'Vật chất và ý thức', 'Phép biện chứng']);
    expect(parsed.slides[0]!.attrs.attributes.class ?? parsed.slides[0]!.attrs.classes.join(' ')).toContain('lead');
    expect(parsed.slides[0]!.notes?.trim()).toBe('Giới thiệu giảng viên và mục tiêu buổi học.');
    // A global directive holds for the slides after it; a spot one (_class) only for its own.
    expect(parsed.slides[1]!.attrs.attributes['data-background-color']).toBe('#fff8e7');
    expect(parsed.slides[2]!.attrs.attributes['data-background-color']).toBe('#fff8e7');
    expect(html[2]).not.toContain('lead');
    expect(parsed.slides[1]!.attrs.attributes['data-background-image']).toBe('media/nen.jpg');
    expect(html[1]).toMatch(/<img src="media\/so-do\.png"[^>]*width="300"/);
    expect(result.report.entries.map((e) => e.detail)).toEqual(expect.arrayContaining(['theme', 'paginate', 'footer']));
  });
});

describe('Slidev', () => {
  it('should read per-slide front matter, v-click(s) as fragments, the last comment as notes, and report layouts and components', () => {
    const { parsed, html, result } = convert('slidev/slides.md');
    expect(parsed.slides.map((s) => s.title)).toEqual(['Tư tưởng Hồ Chí Minh', 'Nguồn gốc', 'Giá trị']);
    expect(parsed.slides[0]!.notes?.trim()).toBe('Chào lớp.');
    expect(parsed.slides[1]!.attrs.attributes['data-transition']).toBe('fade');
    expect(html[1]).toMatch(/<li class="fragment">Truyền thống dân tộc<\/li>/);
    expect(html[2]).toMatch(/<div class="fragment">\s*<p>Soi đường cho cách mạng Việt Nam\.<\/p>/);
    expect(html[2]).not.toContain('Tweet');
    expect(result.report.entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'directive-dropped', slide: 2, detail: 'layout' }),
      expect.objectContaining({ kind: 'component-dropped', slide: 3, detail: 'Tweet' }),
    ]));
    expect(result.localMedia).toEqual([{ from: '/anh-bac.png', path: 'media/anh-bac.png' }]);
  });
});
