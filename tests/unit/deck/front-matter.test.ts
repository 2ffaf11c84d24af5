// Front matter of `key: text` lines is read without the YAML parser (plainMapping in
// front-matter.ts). Whatever it accepts must be what the parser reads: the same data, and each
// value where the parser puts it. Random front matters mix such lines with everything that is
// not plain text to YAML (numbers, null and boolean words, quotes, comments, flow collections,
// indicators, indentation, blank lines, duplicate keys, tabs, `\r`).
import { LineCounter, isMap, isScalar, parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, plainMapping } from '../../../packages/deck/src/front-matter.ts';
import { rng } from './generate-deck.ts';

describe('plain front matter', () => {
  it('reads a deck of title, author and lang lines without the parser, as the parser does', () => {
    const text = 'title: Học tập Nghị quyết Đại hội XIII\nauthor: Ban Tuyên giáo, Tỉnh ủy\nlang: vi\ncolor: xanh\n';
    expect(plainMapping(text)?.data).toEqual(parse(text));
    const result = parseFrontMatter(text, 2);
    expect(result.meta.title).toBe('Học tập Nghị quyết Đại hội XIII');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'frontmatter-unknown-key', line: 5, column: 1 })]);
  });

  it('reads every front matter it accepts as the YAML parser does, values at the same places', () => {
    const random = rng(31);
    const keys = ['title', 'author', 'lang', 'subtitle', 'x-y', 'Tag_2', 'duration', 'true', 'null', 'a b', '#c', ' title', 'title', '"q"', '-k'];
    const separators = [': ', ': ', ':  ', ':', ': \t', ' : ', ':\t'];
    const values = [
      'Học tập Nghị quyết', 'vi', 'Ban Tuyên giáo, Tỉnh ủy', 'null', 'Null', 'NULL', 'true', 'False', 'yes', 'no', 'on', 'Y', '45', '1e3', '.inf', '0x1F', '-1',
      'a: b', 'a:b', 'a #b', 'a#b', "'q'", '"q"', "đồng chí's", 'x "y"', 'x,y', '(a)', 'a  ', 'a\t', '[a]', '{a}', 'a [b]', '&a', '*a', '!a', 'a!', '|', '>', '-a',
      'a-b', '?a', 'a?', 'ý', 'Ý kiến', '\u00a0x', 'x\u2028y', 'é', 'x\ud83d\ude00', '%a', '@a', '`a', 'a`b', 'a\\b', '~', 'a ~', '', ' ',
    ];
    const extras = ['', '# chú thích', '  tiếp', '\t', '- a', 'title: lặp', '...x', '\r'];
    let accepted = 0;
    for (let i = 0; i < 30_000; i++) {
      let text = '';
      const count = 1 + Math.floor(random() * 5);
      for (let k = 0; k < count; k++) {
        const r = random();
        if (r < 0.06) text += `${extras[Math.floor(random() * extras.length)]!}\n`;
        else if (r < 0.55) text += `${keys[Math.floor(random() * 5)]!}: ${values[Math.floor(random() * 3)]!}\n`;
        else text += `${keys[Math.floor(random() * keys.length)]!}${separators[Math.floor(random() * separators.length)]!}${values[Math.floor(random() * values.length)]!}\n`;
      }
      const plain = plainMapping(text);
      if (!plain) continue;
      accepted++;
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
      expect(doc.errors, JSON.stringify(text)).toEqual([]);
      expect(plain.data, JSON.stringify(text)).toEqual(parse(text));
      const contents = doc.contents;
      if (!isMap(contents)) throw new Error(`not a map: ${JSON.stringify(text)}`);
      expect(contents.items.map((pair) => (isScalar(pair.key) ? pair.key.value : undefined))).toEqual(plain.entries.map((e) => e.key));
      contents.items.forEach((pair, k) => {
        const at = lineCounter.linePos(isScalar(pair.value) ? pair.value.range![0] : -1);
        expect({ line: at.line - 1, valueColumn: at.col }, JSON.stringify(text)).toEqual({ line: plain.entries[k]!.line, valueColumn: plain.entries[k]!.valueColumn });
      });
    }
    expect(accepted).toBeGreaterThan(5_000);
  });
});
