// parseAtxHeading (heading.ts) is a character scan that replaced three regular expressions; it
// must read every line exactly as they did. The regular-expression version is kept here as the
// reference and both read the same random lines built from the characters that matter.
import { describe, expect, it } from 'vitest';
import { parseAtxHeading, type AtxHeading } from '../../../packages/deck/src/heading.ts';
import { rng } from './generate-deck.ts';

const RE_ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const RE_TRAILING_ATTRS = /[ \t]*\{([^{}]*)\}$/;
const RE_CLOSING_HASHES = /(?:^|[ \t]+)#+$/;

function byRegex(line: string): AtxHeading | undefined {
  const m = RE_ATX.exec(line);
  if (!m) return undefined;
  let text = m[2] ?? '';
  const textOffset = text === '' ? line.length : line.indexOf(text, m[1]!.length + line.indexOf('#'));
  const a = RE_TRAILING_ATTRS.exec(text);
  if (a) {
    const attrsOffset = textOffset + a.index + a[0].indexOf('{') + 1;
    return { depth: m[1]!.length, text: text.slice(0, a.index), attrs: a[1]!, attrsOffset };
  }
  text = text.replace(RE_CLOSING_HASHES, '');
  return { depth: m[1]!.length, text, attrsOffset: -1 };
}

describe('parseAtxHeading', () => {
  it('reads headings, attribute blocks and closing hashes', () => {
    expect(parseAtxHeading('## Mở đầu {#intro .dark minutes=5}')).toEqual({ depth: 2, text: 'Mở đầu', attrs: '#intro .dark minutes=5', attrsOffset: 11 });
    expect(parseAtxHeading('### Kết luận ###  ')).toEqual({ depth: 3, text: 'Kết luận', attrsOffset: -1 });
    expect(parseAtxHeading('####### bảy')).toBeUndefined();
    expect(parseAtxHeading('#không phải')).toBeUndefined();
    expect(parseAtxHeading('    # mã')).toBeUndefined();
  });

  it('reads random lines exactly as the regular expressions it replaced', () => {
    const random = rng(31);
    const pieces = ['#', '##', '###', ' ', '  ', '\t', 'a', 'Đề', '{', '}', '{x}', '{minutes=5}', ' {', '} ', '\r', '\n', '\u2028', '=', '.', '#x', ' #', '\u00a0'];
    for (let i = 0; i < 50_000; i++) {
      let line = random() < 0.5 ? ' '.repeat(Math.floor(random() * 5)) + '#'.repeat(Math.floor(random() * 8)) : '';
      const length = Math.floor(random() * 9);
      for (let k = 0; k < length; k++) line += pieces[Math.floor(random() * pieces.length)]!;
      expect(parseAtxHeading(line), JSON.stringify(line)).toEqual(byRegex(line));
    }
  });
});
