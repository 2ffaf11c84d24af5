// simple-list.ts against marked's own list tokenizer: random texts built from lines that sit on
// every boundary of the simple case (bullets, spacing, continuations, blank lines, other blocks,
// task boxes, Vietnamese and other first letters), rendered by marked with and without the
// override, with and without GFM: the HTML must be the same, and the fast path must be taken.
import { describe, expect, it } from 'vitest';
import { Marked, type Tokenizer, type Tokens } from 'marked';
import { simpleList } from '../../../packages/deck/src/simple-list.ts';
import { rng } from './generate-deck.ts';

const LINES = [
  '- Đảng viên gương mẫu',
  '- đoàn kết **thống nhất** _vững mạnh_',
  '- học tập [nghị quyết](https://example.org)',
  '- Nam',
  '- a',
  '- ưu tiên 2045',
  '- word  ',
  '- word\\',
  '-  two spaces',
  '- ',
  '-',
  '- 1. nested number',
  '- 2045 bộ hội',
  '- [ ] task',
  '- [x] done',
  '- - -',
  '- # heading',
  '- > quote',
  '- <b>html</b>',
  '- a | b',
  '- ~~del~~',
  '- `code`',
  '* star item',
  '+ plus item',
  '1. ordered',
  '2) ordered',
  '  continuation',
  '    indented code',
  '\tTabbed',
  '  - nested item',
  '',
  '',
  '',
  'paragraph text',
  'Note: ghi chú',
  '# Heading',
  '---',
  '===',
  '> - quoted item',
  '> quote',
  '```',
  '| a | b |',
  '| --- | --- |',
  '<div>',
  '[ref]: https://example.org',
  '- see [ref]',
  '- x\u00a0',
  '- \u00a0nbsp',
  '- Ωmega',
  '- ắ',
];

/** Lists weighted in: most texts hold a simple list and something around it. */
function text(next: () => number): string {
  const out: string[] = [];
  const count = 1 + Math.floor(next() * 9);
  for (let i = 0; i < count; i++) {
    out.push(next() < 0.45 ? LINES[Math.floor(next() * 6)]! : LINES[Math.floor(next() * LINES.length)]!);
  }
  return out.join('\n') + (next() < 0.5 ? '\n' : '');
}

function instances(gfm: boolean) {
  let taken = 0;
  const withFastPath = new Marked({ gfm });
  withFastPath.use({
    tokenizer: {
      list(this: Tokenizer, src: string): Tokens.List | false {
        const token = simpleList.call(this, src);
        if (token) taken++;
        return token;
      },
    },
  });
  return { plain: new Marked({ gfm }), withFastPath, taken: () => taken };
}

describe('simple-list: the same HTML as marked’s own list tokenizer', () => {
  for (const gfm of [true, false]) {
    it(`should render 30,000 random texts the same way, GFM ${gfm ? 'on' : 'off'}`, () => {
      const next = rng(gfm ? 19 : 20);
      const { plain, withFastPath, taken } = instances(gfm);
      for (let i = 0; i < 30_000; i++) {
        const md = text(next);
        const expected = plain.parse(md) as string;
        const actual = withFastPath.parse(md) as string;
        if (actual !== expected) expect({ case: i, md, html: actual }).toEqual({ case: i, md, html: expected });
      }
      // The fast path is not a no-op: most simple lists went through it.
      expect(taken()).toBeGreaterThan(5_000);
    });
  }

  it('should take a slide’s usual list and leave the rest to marked', () => {
    const { withFastPath, taken } = instances(true);
    expect(withFastPath.parse('- Đảng\n- đoàn kết\n\nĐoạn văn.\n')).toBe('<ul>\n<li>Đảng</li>\n<li>đoàn kết</li>\n</ul>\n<p>Đoạn văn.</p>\n');
    expect(taken()).toBe(1);
    // A loose list, a lazy line, a task box: marked's own tokenizer.
    withFastPath.parse('- a\n\n- b\n');
    withFastPath.parse('- a\nlazy\n');
    withFastPath.parse('- [ ] box\n');
    expect(taken()).toBe(1);
  });
});
