// A deterministic generated deck for the 5,000-slide test and the benchmarks: Vietnamese text
// (precomposed), lists, images, video clips, notes, tables, code, discussions, excerpts and
// questions, about 320 bytes a slide. Same `n` and `seed` => byte-identical text.

const WORDS = (
  'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng xác định mục tiêu phát triển đất nước ' +
  'đến năm 2030 tầm nhìn 2045 học tập quán triệt vận dụng vào công tác chi bộ đảng viên mới quần chúng ' +
  'ưu tú nâng cao năng lực lãnh đạo sức chiến đấu xây dựng chỉnh đốn Đảng trong sạch vững mạnh ' +
  'phát huy sức mạnh khối đại đoàn kết toàn dân tộc kinh tế xã hội văn hóa con người Việt Nam'
).split(' ');

/** A seeded pseudo-random source (mulberry32): the same seed gives the same numbers. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedDeck {
  text: string;
  /** 1-based file line where each slide starts (the first slide starts with the blank line
   *  after the front matter; the others with their heading, right after the separator). */
  slideLines: number[];
}

/** A deck of `n` slides with front matter; every 10th slide starts a vertical pair (`--`). */
export function generateDeck(n: number, seed = 42): GeneratedDeck {
  const random = rng(seed);
  const words = (count: number) => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!);
    return out.join(' ');
  };
  const lines: string[] = ['---', 'title: Học tập Nghị quyết Đại hội XIII', 'author: Ban Tuyên giáo', 'lang: vi', '---', ''];
  const slideLines: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) lines.push(i % 10 === 5 ? '--' : '---');
    slideLines.push(i === 0 ? lines.length : lines.length + 1);
    lines.push(`## ${i + 1}. ${words(4)} {minutes=1}`, '');
    switch (i % 6) {
      case 0:
        lines.push(`${words(18)} **${words(2)}** _${words(2)}_.`, '', `- ${words(5)}`, `- ${words(6)}`, `- ${words(4)}`);
        break;
      case 1:
        lines.push(`![${words(3)}](media/anh-${i}.jpg){width=60%}`, '', words(16));
        break;
      case 2:
        lines.push(`| Nội dung | Ghi chú |`, `| --- | --- |`, `| ${words(3)} | ${words(3)} |`, `| ${words(2)} | ${words(4)} |`);
        break;
      case 3:
        lines.push('```text', `${words(3)}`, '---', `${words(2)}`, '```', '', words(10));
        break;
      case 4:
        lines.push('::: discussion {minutes=5 groups=4}', `${words(14)}?`, ':::');
        break;
      default:
        lines.push(`::: excerpt {source="Nghị quyết Đại hội XIII" ref="Phần ${(i % 9) + 1}"}`, words(16), ':::', '', `![clip](media/clip.mp4#t=${i % 60},${(i % 60) + 30})`);
    }
    lines.push('', `Note: ${words(12)}`);
  }
  return { text: `${lines.join('\n')}\n`, slideLines };
}

/** The same text with one character changed in the middle slide's heading; each `variant`
 *  changes it to a different character. */
export function editMiddleSlide(deck: GeneratedDeck, variant = 0): string {
  // The middle slide is never the first, so its first line is its heading.
  const line = deck.slideLines[Math.floor(deck.slideLines.length / 2)]!;
  let offset = 0;
  for (let l = 1; l < line; l++) offset = deck.text.indexOf('\n', offset) + 1;
  const at = offset + 3; // first digit of the slide number after '## '
  // Every variant gives a different text (the render cache must not have seen it before).
  const replacement = variant === 0 ? 'X' : variant === 1 ? 'Y' : String.fromCharCode(0x4e00 + variant);
  return deck.text.slice(0, at) + replacement + deck.text.slice(at + 1);
}
