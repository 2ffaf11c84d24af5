// Decks written for Lectern's tests in each tool's documented syntax, with Vietnamese lesson text
// (tests/fixtures/other-decks): the same slides, notes and fragments; what has no equivalent is
// reported. Ported from the first converter's tests when the two converters became one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertForeignDeck, detectForeignDeck, parseDeck, renderDeck } from '../../../packages/deck/src/index.ts';

const deck = (path: string) => readFileSync(`tests/fixtures/other-decks/${path}`, 'utf8');

function convert(path: string) {
  const result = convertForeignDeck(deck(path), path.split('/').pop())!;
  const parsed = parseDeck(result.deckText);
  const html = renderDeck(parsed).slides.map((s) => s.html);
  return { result, parsed, html };
}

describe('recognising decks of other tools', () => {
  it('should tell Quarto, Marp and Slidev apart and leave a Lectern deck alone', () => {
    expect(detectForeignDeck(deck('quarto/bai-giang.qmd'), 'bai-giang.qmd')?.tool).toBe('quarto');
    expect(detectForeignDeck('---\nformat: revealjs\n---\n# A\n', 'a.md')?.tool).toBe('quarto');
    expect(detectForeignDeck(deck('marp/bai-giang.md'), 'bai-giang.md')?.tool).toBe('marp');
    expect(detectForeignDeck(deck('slidev/slides.md'), 'slides.md')?.tool).toBe('slidev');
    expect(detectForeignDeck(readFileSync('slides/syntax-tour/deck.md', 'utf8'), 'deck.md')).toBeUndefined();
    expect(convertForeignDeck('# Chỉ là Lectern\n', 'deck.md')).toBeUndefined();
  });
});

describe('Quarto / Pandoc', () => {
  it('should split at headings, stack ## slides under their # section, and keep notes, classes and backgrounds', () => {
    const { parsed, result } = convert('quarto/bai-giang.qmd');
    // h counts from 1: Quarto's title slide (titleSlide: true) is h 0.
    expect(parsed.slides.map((s) => [s.h, s.v, s.title])).toEqual([
      [1, 0, 'Hàng hoá'], [1, 1, 'Hai thuộc tính của hàng hoá'], [1, 2, 'Lượng giá trị'],
      [2, 0, 'Thị trường'], [2, 1, 'Chức năng của thị trường'], [2, 2, undefined],
    ]);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.meta).toMatchObject({ title: 'Kinh tế chính trị Mác – Lênin', author: 'Nguyễn Văn An', titleSlide: true });
    expect(parsed.slides[1]!.attrs.classes).toEqual(['smaller']);
    expect(parsed.slides[2]!.attrs.attributes['data-background-image']).toBe('img/nen.png');
    expect(parsed.slides[2]!.notes?.trim()).toBe('Nhắc lại khái niệm thời gian lao động xã hội cần thiết.');
    expect(result.report.media).toEqual(['img/nen.png', 'img/so-do.png']);
    expect(result.report.entries).toContainEqual(expect.objectContaining({ kind: 'option', slide: 0, detail: 'revealjs.theme' }));
  });

  it('should turn `. . .` into a fragment and show executable chunks as code, reported', () => {
    const { html, result } = convert('quarto/bai-giang.qmd');
    expect(html[1]).toMatch(/<div class="fragment">\s*<p>Hai thuộc tính thống nhất và mâu thuẫn\.<\/p>/);
    expect(html[4]).toContain('print(&quot;Cung và cầu&quot;)');
    // Slide 6 on screen: the title slide, then five before it.
    expect(result.report.entries).toContainEqual(expect.objectContaining({ kind: 'code-execution', slide: 6, detail: '{python}', line: 35 }));
  });
});

describe('Marp', () => {
  it('should apply spot and global directives, make comments notes, ![bg] a background and w: a width', () => {
    const { parsed, html, result } = convert('marp/bai-giang.md');
    expect(parsed.slides.map((s) => s.title)).toEqual(['Triết học Mác – Lênin', 'Vật chất và ý thức', 'Phép biện chứng']);
    expect(parsed.slides[0]!.attrs.classes).toContain('lead');
    expect(parsed.slides[0]!.notes?.trim()).toBe('Giới thiệu giảng viên và mục tiêu buổi học.');
    // A global directive holds for the slides after it; a spot one (_class) only for its own.
    expect(parsed.slides[0]!.attrs.attributes['data-background-color']).toBeUndefined();
    expect(parsed.slides[1]!.attrs.attributes['data-background-color']).toBe('#fff8e7');
    expect(parsed.slides[2]!.attrs.attributes['data-background-color']).toBe('#fff8e7');
    expect(html[2]).not.toContain('lead');
    expect(parsed.slides[1]!.attrs.attributes['data-background-image']).toBe('nen.jpg');
    expect(html[1]).toMatch(/<img src="so-do\.png"[^>]*width="300"/);
    expect(result.report.entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ slide: 0, kind: 'theme', detail: 'theme: gaia' }),
      expect.objectContaining({ slide: 0, kind: 'option', detail: 'paginate' }),
      expect.objectContaining({ slide: 3, kind: 'directive', detail: 'footer: Chương 2' }),
    ]));
  });
});

describe('Slidev', () => {
  it('should read per-slide front matter, v-click(s) as fragments, the last comment as notes, and report layouts and components', () => {
    const { parsed, html, result } = convert('slidev/slides.md');
    expect(parsed.slides.map((s) => s.title)).toEqual(['Tư tưởng Hồ Chí Minh', 'Nguồn gốc', 'Giá trị']);
    expect(parsed.slides[0]!.notes?.trim()).toBe('Chào lớp.');
    expect(parsed.slides[1]!.attrs.attributes['data-transition']).toBe('fade');
    expect(parsed.slides[1]!.attrs.classes).toEqual(['text-center']);
    expect(html[1]).toMatch(/<li class="fragment">Truyền thống dân tộc<\/li>/);
    expect(html[2]).toMatch(/<div class="fragment">\s*<p>Soi đường cho cách mạng Việt Nam\.<\/p>/);
    expect(html[2]).not.toContain('Tweet');
    expect(result.report.entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'layout', slide: 2, detail: 'layout: two-cols' }),
      expect.objectContaining({ kind: 'component', slide: 3, detail: '<Tweet>' }),
    ]));
    expect(result.report.media).toEqual(['/anh-bac.png']);
  });
});
