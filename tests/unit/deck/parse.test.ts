// What an instructor notices about parsing: how many slides, where they start, which slide
// carries which notes and attributes, and exactly where each problem is reported.
import { describe, expect, it } from 'vitest';
import { parseDeck, serializeDeck, type Deck } from '../../../packages/deck/src/index.ts';

const codes = (deck: Deck) => deck.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);

describe('slides', () => {
  it('should split on --- and nest -- as vertical slides', () => {
    const deck = parseDeck('# A\n---\n# B\n--\n# B1\n--\n# B2\n---\n# C\n');
    expect(deck.slides.map((s) => [s.title, s.h, s.v, s.startLine, s.endLine])).toEqual([
      ['A', 0, 0, 1, 1],
      ['B', 1, 0, 3, 3],
      ['B1', 1, 1, 5, 5],
      ['B2', 1, 2, 7, 7],
      ['C', 2, 0, 9, 9],
    ]);
  });

  it('should not split on --- inside fenced code of either kind, with longer fences', () => {
    const md = '# A\n\n````md\n```\n---\n```\n````\n\n~~~\n---\n--\n~~~\n---\n# B\n';
    const deck = parseDeck(md);
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides[1]!.startLine).toBe(14);
    expect(deck.diagnostics).toEqual([]);
  });

  it('should not split on --- inside a ::: block, nested ones included', () => {
    const deck = parseDeck(':::: columns\n::: column\na\n\n---\n\nb\n:::\n::::\n---\n# B\n');
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides[0]!.raw).toContain('---');
  });

  it('should keep `* ---` and `> ---` in one slide (only a bare --- line splits)', () => {
    expect(parseDeck('a\n* ---\n> ---\n--- \n - --\n').slides).toHaveLength(1);
  });

  it('should make no slide from a deck of front matter only', () => {
    const deck = parseDeck('---\ntitle: X\n---\n\n\n');
    expect(deck.slides).toEqual([]);
    expect(deck.meta.title).toBe('X');
    expect(serializeDeck(deck)).toBe('---\ntitle: X\n---\n\n\n');
  });

  it('should count lines from the top of the file, front matter included', () => {
    const deck = parseDeck('---\ntitle: X\n---\n\n# Một\n\n---\n\n# Hai\n');
    expect(deck.frontMatter).toMatchObject({ startLine: 1, endLine: 3 });
    expect(deck.slides.map((s) => s.startLine)).toEqual([4, 8]);
  });

  it('should keep CRLF, a BOM and NFD text byte for byte', () => {
    const nfd = '# Đảng viên mới\r\n\r\n---\r\n\r\nNghị quyết'.normalize('NFD');
    const md = `\uFEFF${nfd}`;
    const deck = parseDeck(md);
    expect(deck.bom).toBe(true);
    expect(deck.eol).toBe('\r\n');
    expect(serializeDeck(deck)).toBe(md);
    expect(deck.slides[0]!.title).toBe('Đảng viên mới'.normalize('NFD'));
    expect(deck.slides[1]!.startLine).toBe(4);
  });
});

describe('notes', () => {
  it('should take Note:/Notes: (any case) to the end of the slide and ::: notes blocks', () => {
    const deck = parseDeck('# A\nx\nnote: một\nhai\n---\n# B\n::: notes\nba\n:::\ny\n---\n# C\n```\nNotes: code\n```\n');
    expect(deck.slides.map((s) => s.notes)).toEqual(['một\nhai', 'ba', undefined]);
    expect(deck.slides[0]!.content).toBe('# A\nx\n');
  });
});

describe('attributes', () => {
  it('should read slide attributes from the first heading and from <!-- .slide: -->', () => {
    const deck = parseDeck('## Thảo luận {#tl .dark minutes=15 background-image="media/bg.jpg"}\n<!-- .slide: data-background-color="#123" -->\n');
    const slide = deck.slides[0]!;
    expect(slide.title).toBe('Thảo luận');
    expect(slide.attrs).toMatchObject({
      id: 'tl',
      classes: ['dark'],
      minutes: 15,
      attributes: { 'data-background-image': 'media/bg.jpg', 'data-background-color': '#123' },
    });
    expect(slide.media).toMatchObject([{ path: 'media/bg.jpg', kind: 'image', from: 'background', line: 1 }]);
  });

  it('should report unknown or unsafe attributes at their column and drop them', () => {
    const deck = parseDeck('# T {onclick=x minutes=abc}\n');
    expect(codes(deck)).toEqual(['1:6 warning attr-invalid', '1:16 warning attr-invalid']);
    expect(deck.slides[0]!.attrs.minutes).toBeUndefined();
  });
});

describe('blocks', () => {
  it('should collect discussions, excerpts and questions with their lines', () => {
    const md = [
      '# A',
      '::: discussion {minutes=10 groups=4}',
      'Hỏi?',
      ':::',
      '::: {.excerpt source="Nghị quyết XIII" number="01-NQ/TW" ref="Phần III" date=2021-02-01}',
      'Trích.',
      ':::',
      '::: question {points=3}',
      'Câu hỏi.',
      ':::',
    ].join('\n');
    const slide = parseDeck(md).slides[0]!;
    expect(slide.discussions).toEqual([{ minutes: 10, groups: 4, text: 'Hỏi?', line: 2, minutesAt: { line: 2, column: 17 } }]);
    expect(slide.excerpts).toEqual([{ source: 'Nghị quyết XIII', number: '01-NQ/TW', ref: 'Phần III', date: '2021-02-01', text: 'Trích.', line: 5 }]);
    expect(slide.questions).toEqual([{ points: 3, text: 'Câu hỏi.', line: 8 }]);
  });

  it('should warn about an unknown block kind at the kind word', () => {
    expect(codes(parseDeck('x\n\n:::  hoithao\ny\n:::\n'))).toEqual(['3:6 warning directive-unknown']);
  });
});

describe('diagnostics', () => {
  it('should report an unclosed ``` at its fence and still split the following slides', () => {
    const deck = parseDeck('# A\n\n  ```js\ncode\n---\n# B\n---\n# C\n');
    expect(codes(deck)).toEqual(['3:3 error fence-unclosed']);
    expect(deck.slides.map((s) => s.title)).toEqual(['A', 'B', 'C']);
  });

  it('should report an unclosed ::: block and end it with its slide', () => {
    const deck = parseDeck('# A\n::: discussion\nx\n---\n# B\n');
    expect(codes(deck)).toEqual(['2:1 error fence-unclosed']);
    expect(deck.slides).toHaveLength(2);
  });

  it('should map YAML errors to file lines', () => {
    const deck = parseDeck('---\ntitle: a\nduration: [45\nx: 1\n---\n# A\n');
    expect(deck.diagnostics[0]).toMatchObject({ code: 'frontmatter-invalid', severity: 'error', line: 4 });
    expect(deck.slides).toHaveLength(1);
  });

  it('should keep unknown front matter keys and report them as info', () => {
    const deck = parseDeck('---\ntitle: a\nphong: A1\n---\n# A\n');
    expect(codes(deck)).toEqual(['3:1 info frontmatter-unknown-key']);
    expect(deck.meta.extra).toEqual({ phong: 'A1' });
  });

  it('should warn where slide and discussion minutes first exceed the duration', () => {
    const md = '---\nduration: 20\n---\n# A {minutes=15}\n---\n# B\n::: discussion {minutes=10}\nx\n:::\n';
    expect(codes(parseDeck(md))).toEqual(['7:17 warning timing-over-duration']);
    expect(codes(parseDeck(md.replace('20', '25')))).toEqual([]);
  });

  it('should count a slide’s own minutes once, its discussion inside them', () => {
    const md = '---\nduration: 20\n---\n# A {minutes=15}\n::: discussion {minutes=15}\nx\n:::\n---\n# B {minutes=5}\n';
    expect(codes(parseDeck(md))).toEqual([]);
    expect(codes(parseDeck(md.replace('minutes=5}', 'minutes=6}')))).toEqual(['9:6 warning timing-over-duration']);
  });

  it('should never throw on hostile text', () => {
    const inputs = ['---', '---\n', ':::', '```', '\u0000\n---\n\u0000', '---\n:\n---', '{'.repeat(10000), ':::\n'.repeat(2000), '```\n'.repeat(2001), '\r\n\r', '\uFEFF'];
    for (const md of inputs) {
      const deck = parseDeck(md);
      expect(serializeDeck(deck)).toBe(md);
    }
  });
});
