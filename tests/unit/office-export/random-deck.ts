// Random Vietnamese decks for the .pptx tests (fast-check), shared by the writer test and the
// round trip through the importer. Each block carries, beside its Markdown, what a reader of the
// exported slide must find again: its plain text pieces in order, list item levels, table cells,
// bold/italic/link runs and the pictures it shows.
import fc from 'fast-check';
import { deflateSync } from 'node:zlib';
import { crc32 } from '@lectern/bundle';

const VI_WORDS = ['Đảng', 'nghị quyết', 'phát triển', 'khát vọng', 'đổi mới', 'Hồ Chí Minh', 'nhân dân', 'ưu tiên', 'giáo dục', 'Việt Nam', 'quốc phòng', 'dân chủ', 'kỷ luật', 'Đại hội XIII', 'năm 2045'];

/** A few Vietnamese words (NFC, with diacritics), one space between them. */
export const viText = fc.array(fc.constantFrom(...VI_WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

/** Words a slide shows literally although Markdown gives their characters a meaning: as written
 *  in the deck (escaped) and as read on the slide. */
const SPECIAL: { md: string; text: string }[] = [
  { md: '50%', text: '50%' },
  { md: 'A & B', text: 'A & B' },
  { md: '\\*nhấn\\*', text: '*nhấn*' },
  { md: '\\#1', text: '#1' },
  { md: '\\[trích\\]', text: '[trích]' },
  { md: 'điểm\\_số', text: 'điểm_số' },
  { md: '1 \\< 2', text: '1 < 2' },
  { md: 'C:\\\\thư mục', text: 'C:\\thư mục' },
  { md: '"dân chủ"', text: '"dân chủ"' },
  { md: '\\- gạch', text: '- gạch' },
  { md: '2045\\.', text: '2045.' },
  { md: 'a \\| b', text: 'a | b' },
  { md: '\\+ cộng', text: '+ cộng' },
  { md: '\\:::', text: ':::' },
  { md: 'Note\\:', text: 'Note:' },
  { md: '\\`mã\\`', text: '`mã`' },
  { md: '\\~\\~gạch\\~\\~', text: '~~gạch~~' },
  { md: '&amp;lt;', text: '&lt;' },
];

/** Vietnamese text that may hold Markdown's special characters: `md` for the deck, `text` as shown. */
export const viLiteral = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VI_WORDS).map((w) => ({ md: w, text: w })) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) }), { minLength: 1, maxLength: 6 })
  .map((words) => ({ md: words.map((w) => w.md).join(' '), text: words.map((w) => w.text).join(' ') }));

export interface Styled {
  kind: 'bold' | 'italic' | 'link' | 'strike' | 'code';
  text: string;
  href?: string;
}

export interface BlockSpec {
  kind: 'paragraph' | 'list' | 'table' | 'code' | 'discussion' | 'excerpt' | 'question' | 'image' | 'video';
  markdown: string;
  /** The block's visible text, piece by piece, in reading order (labels the exporter adds are not here). */
  texts: string[];
  /** List items with their nesting level (0 = top). */
  items?: { text: string; level: number }[];
  /** An ordered list's first number. */
  start?: number;
  /** Table rows of cell texts, header row first, and each column's alignment. */
  rows?: string[][];
  align?: Array<'left' | 'center' | 'right' | undefined>;
  styled?: Styled[];
  /** Lines of a code block, as written. */
  code?: string[];
  /** Media path of the picture the block shows, and its alt text. */
  image?: string;
  alt?: string;
  /** Media path of the video the block shows, and its poster picture. */
  video?: string;
  poster?: string | undefined;
}

export interface SlideSpec {
  /** The heading as shown, and as written in the deck. */
  title: string;
  titleMd: string;
  vertical: boolean;
  hidden: boolean;
  body: BlockSpec[];
  /** Speaker notes: their Markdown and their paragraphs as shown. */
  notes?: { md: string; paragraphs: string[] } | undefined;
}

/** A sentence with some bold, italic and linked words. */
const inline = fc
  .array(
    fc.oneof(
      viLiteral.map((t) => ({ markdown: t.md, text: t.text, styled: undefined as Styled | undefined })),
      viText.map((t) => ({ markdown: `**${t}**`, text: t, styled: { kind: 'bold' as const, text: t } })),
      viText.map((t) => ({ markdown: `*${t}*`, text: t, styled: { kind: 'italic' as const, text: t } })),
      viText.map((t) => ({ markdown: `~~${t}~~`, text: t, styled: { kind: 'strike' as const, text: t } })),
      viText.map((t) => ({ markdown: `\`${t}\``, text: t, styled: { kind: 'code' as const, text: t } })),
      fc.tuple(viText, fc.constantFrom('https://dangcongsan.vn/', 'https://vi.wikipedia.org/wiki/H%E1%BB%93_Ch%C3%AD_Minh', 'mailto:giangvien@example.org')).map(([t, href]) => ({
        markdown: `[${t}](${href})`,
        text: t,
        styled: { kind: 'link' as const, text: t, href },
      })),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => ({
    // A soft line break after the second part: the slide shows it as a space.
    markdown: parts.map((p, i) => (i === 2 ? `\n${p.markdown}` : p.markdown)).join(', ').replace(/, \n/g, ',\n') + '.',
    text: parts.map((p) => p.text).join(', ') + '.',
    styled: parts.flatMap((p) => (p.styled ? [p.styled] : [])),
  }));

const paragraph = inline.map((s): BlockSpec => ({ kind: 'paragraph', markdown: s.markdown, texts: [s.text], styled: s.styled }));

/** Levels start at 0 and go at most one deeper than the item before. */
const list = fc
  .tuple(fc.boolean(), fc.integer({ min: 1, max: 9 }), fc.array(fc.tuple(viLiteral, fc.nat(2)), { minLength: 1, maxLength: 5 }))
  .map(([ordered, first, raw]): BlockSpec => {
    const items: { text: string; md: string; level: number }[] = [];
    for (const [t, want] of raw) items.push({ text: t.text, md: t.md, level: Math.min(want, (items.at(-1)?.level ?? -1) + 1) });
    // Ordered markers are wider (`1. `): nested items are indented by the marker width. Only the
    // first item's number counts (the list's start); one digit keeps every marker as wide.
    const markdown = items.map((it, i) => `${(ordered ? '   ' : '  ').repeat(it.level)}${ordered ? `${i === 0 ? first : 1}.` : '-'} ${it.md}`).join('\n');
    return { kind: 'list', markdown, texts: items.map((i) => i.text), items: items.map(({ text, level }) => ({ text, level })), ...(ordered ? { start: first } : {}) };
  });

const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([cols, bodyRows]) =>
    fc.tuple(
      fc.array(fc.array(viLiteral, { minLength: cols, maxLength: cols }), { minLength: bodyRows + 1, maxLength: bodyRows + 1 }),
      fc.array(fc.constantFrom(undefined, 'left', 'center', 'right'), { minLength: cols, maxLength: cols }),
    ),
  )
  .map(([rows, align]): BlockSpec => {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const delimiter = align.map((a) => (a === 'left' ? ':--' : a === 'center' ? ':-:' : a === 'right' ? '--:' : '---'));
    const markdown = [line(rows[0]!.map((c) => c.md)), line(delimiter), ...rows.slice(1).map((r) => line(r.map((c) => c.md)))].join('\n');
    const texts = rows.map((r) => r.map((c) => c.text));
    return { kind: 'table', markdown, texts: texts.flat(), rows: texts, align };
  });

const discussion = fc
  .tuple(viText, fc.integer({ min: 1, max: 30 }), fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }), fc.array(viLiteral, { maxLength: 3 }))
  .map(([t, minutes, groups, steps]): BlockSpec => ({
    kind: 'discussion',
    markdown: `::: discussion {minutes=${minutes}${groups ? ` groups=${groups}` : ''}}\n${t}?${steps.length ? `\n\n${steps.map((s) => `- ${s.md}`).join('\n')}` : ''}\n:::`,
    texts: [`${t}?`, ...steps.map((s) => s.text)],
    items: steps.map((s) => ({ text: s.text, level: 0 })),
  }));

const excerpt = fc.tuple(viText, viText, fc.constantFrom('01-NQ/TW', '24-CT/TW')).map(([quote, source, number]): BlockSpec => ({
  kind: 'excerpt',
  markdown: `::: excerpt {source="${source}" number="${number}" date=2021-02-01}\n${quote}.\n:::`,
  texts: [`${quote}.`, source, number],
}));

/** A question, with a picture to look at when the deck has pictures. */
const question = (images: readonly string[]) =>
  fc.tuple(viText, fc.integer({ min: 1, max: 10 }), images.length ? fc.option(fc.constantFrom(...images), { nil: undefined }) : fc.constant(undefined)).map(
    ([t, points, image]): BlockSpec => ({
      kind: 'question',
      markdown: `::: question {points=${points}}\n${t}?${image ? `\n\n![Hình ${points}](${image.includes(' ') ? `<${image}>` : image})` : ''}\n:::`,
      texts: [`${t}?`],
      ...(image ? { image, alt: `Hình ${points}` } : {}),
    }),
  );

const code = fc.array(fc.constantFrom('lectern export bài-giảng.md', 'const điểm = 10;', '  if (a < b && c) { return "Đảng"; }'), { minLength: 1, maxLength: 3 }).map(
  (lines): BlockSpec => ({ kind: 'code', markdown: ['```text', ...lines, '```'].join('\n'), texts: lines.map((l) => l.trim()), code: lines }),
);

/** Blocks of a slide; pictures only when the caller offers media paths. */
export function blockArb(images: readonly string[] = [], videos: readonly string[] = []): fc.Arbitrary<BlockSpec> {
  const kinds: fc.Arbitrary<BlockSpec>[] = [paragraph, list, table, code, discussion, excerpt, question(images)];
  const target = (path: string) => (path.includes(' ') ? `<${path}>` : path);
  if (images.length)
    kinds.push(
      fc.tuple(viText, fc.constantFrom(...images)).map(([alt, path]): BlockSpec => ({ kind: 'image', markdown: `![${alt}](${target(path)})`, texts: [], image: path, alt })),
    );
  if (videos.length && images.length)
    kinds.push(
      fc.tuple(viText, fc.constantFrom(...videos), fc.option(fc.constantFrom(...images), { nil: undefined })).map(([alt, path, poster]): BlockSpec => ({
        kind: 'video',
        markdown: `![${alt}](${target(path)})${poster ? `{poster="${poster}"}` : ''}`,
        texts: [],
        video: path,
        poster,
      })),
    );
  return fc.oneof(...kinds);
}

export function slideArb(images: readonly string[] = [], videos: readonly string[] = []): fc.Arbitrary<SlideSpec> {
  return fc.record({
    heading: viLiteral,
    vertical: fc.boolean(),
    hidden: fc.boolean(),
    body: fc.array(blockArb(images, videos), { maxLength: 4 }),
    notes: fc.option(
      fc.array(fc.oneof(viLiteral, viText.map((t) => ({ md: `**${t}**`, text: t }))), { minLength: 1, maxLength: 3 }).map((ps) => ({ md: ps.map((p) => p.md).join('\n\n'), paragraphs: ps.map((p) => p.text) })),
      { nil: undefined },
    ),
  }).map(({ heading, ...rest }) => ({ title: heading.text, titleMd: heading.md, ...rest }));
}

/** The deck's Markdown (the first slide is never vertical: there is nothing above it). */
export function deckMarkdown(slides: SlideSpec[]): string {
  return slides
    .map((s, i) => {
      const sep = i === 0 ? '' : s.vertical ? '\n--\n\n' : '\n---\n\n';
      const attrs = s.hidden ? ' {data-visibility=hidden}' : '';
      return `${sep}## ${s.titleMd}${attrs}\n\n${s.body.map((b) => b.markdown).join('\n\n')}\n${s.notes ? `\nNote:\n${s.notes.md}\n` : ''}`;
    })
    .join('');
}

/** A valid `width`×`height` PNG of one colour: distinct colours give distinct bytes. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    out.set(data, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', new Uint8Array(0))]));
}
