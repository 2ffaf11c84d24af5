// deckToPptx itself (no CLI): random decks keep every visible slide, in order, with its title in
// the title placeholder and well-formed parts; hostile text cannot break the XML; media given as
// Blobs end up in the file byte for byte; pictures inside lesson blocks are kept.
// The round trip through the project's own .pptx importer (packages/office, issue 15) is added
// when that package lands: it will re-import these same random decks and compare slide count,
// titles, text, notes and image bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blobChunks } from '@lectern/bundle';
import { parseDeck } from '@lectern/deck';
import { deckToPptx, type MediaSource } from '@lectern/office-export';
import { A, openPptx, P, paragraphs, slideTitle } from './read-pptx.ts';
import { PNG_1X1 } from '../cli/helpers.ts';

const noMedia: MediaSource = () => undefined;

async function exportBytes(markdown: string, media: MediaSource = noMedia, onProgress?: (p: { done: number; total: number }) => void) {
  const result = await deckToPptx(parseDeck(markdown), media, { modified: new Date('2026-01-02T03:04:05Z'), ...(onProgress ? { onProgress } : {}) });
  return { ...result, pptx: await openPptx(new Uint8Array(await result.blob.arrayBuffer())) };
}

const VI_WORDS = ['Đảng', 'nghị quyết', 'phát triển', 'khát vọng', 'đổi mới', 'Hồ Chí Minh', 'nhân dân', 'ưu tiên', 'giáo dục', 'Việt Nam'];
const text = fc.array(fc.constantFrom(...VI_WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

const slideArb = fc.record({
  title: text,
  vertical: fc.boolean(),
  hidden: fc.boolean(),
  body: fc.array(
    fc.oneof(
      text.map((t) => `${t}.`),
      fc.array(text, { minLength: 1, maxLength: 4 }).map((items) => items.map((t, i) => `${'  '.repeat(i % 2)}- ${t}`).join('\n')),
      fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |\n| - | - |\n| ${b} | ${a} |`),
      text.map((t) => `::: discussion {minutes=5}\n${t}\n:::`),
    ),
    { maxLength: 4 },
  ),
  notes: fc.option(text, { nil: undefined }),
});

describe('deckToPptx', () => {
  it('keeps every visible slide in order, its title in the title placeholder, its notes, with well-formed parts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(slideArb, { minLength: 1, maxLength: 8 }), async (slides) => {
        // The first slide cannot be vertical (there is nothing above it).
        const md = slides
          .map((s, i) => {
            const sep = i === 0 ? '' : s.vertical ? '\n--\n\n' : '\n---\n\n';
            const attrs = s.hidden ? ' {data-visibility=hidden}' : '';
            return `${sep}## ${s.title}${attrs}\n\n${s.body.join('\n\n')}\n${s.notes ? `\nNote:\n${s.notes}\n` : ''}`;
          })
          .join('');
        const visible = slides.filter((s) => !s.hidden);
        const { slides: count, pptx } = await exportBytes(md);
        expect(count).toBe(visible.length);
        await pptx.parseAll();
        for (const [i, s] of visible.entries()) {
          const doc = await pptx.xml(`ppt/slides/slide${i + 1}.xml`);
          expect(slideTitle(doc)).toBe(s.title);
          const body = paragraphs(doc).join('\n');
          for (const block of s.body) for (const word of block.match(/\p{L}[\p{L} ]*\p{L}/gu) ?? []) if (word !== 'discussion' && word !== 'minutes') expect(body).toContain(word);
          if (s.notes) expect(paragraphs(await pptx.xml(`ppt/notesSlides/notesSlide${i + 1}.xml`))).toContain(s.notes);
          else expect(pptx.names).not.toContain(`ppt/notesSlides/notesSlide${i + 1}.xml`);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('writes hostile text as well-formed XML and never throws on it', async () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- mức ${i}`).join('\n');
    const md = [
      '## Tiêu đề \u0000\u0001\u001f <script>alert(1)</script> ]]> & "x" \ud800 \udfff 😀',
      '',
      'Chữ ' + 'dài'.repeat(5000),
      '',
      '<div onclick="x()">HTML thô</div>',
      '',
      '[liên kết lạ](javascript:alert(1)) và [ổn](https://example.org/?a=1&b=2) và [tiếng Việt](<https://vi.wikipedia.org/wiki/Hồ Chí Minh>)',
      '',
      '---',
      '',
      deep,
    ].join('\n');
    const { pptx, losses } = await exportBytes(md);
    await pptx.parseAll();
    const first = await pptx.xml('ppt/slides/slide1.xml');
    // Control characters and lone surrogates dropped, inline HTML tags dropped (their text kept).
    expect(slideTitle(first)).toBe('Tiêu đề  alert(1) ]]> & "x"   😀');
    const rels = new TextDecoder().decode(await pptx.read('ppt/slides/_rels/slide1.xml.rels'));
    expect(rels).not.toContain('javascript:');
    expect(rels).toContain('Target="https://example.org/?a=1&amp;b=2"');
    // Relationship targets are URIs: Vietnamese letters and spaces percent-encoded.
    expect(rels).toContain('Target="https://vi.wikipedia.org/wiki/H%E1%BB%93%20Ch%C3%AD%20Minh"');
    expect(losses).toContainEqual(expect.objectContaining({ code: 'html', slide: '1' }));
    // Too deep to lay out as a list: kept as its text (as the presenter shows it).
    expect(paragraphs(await pptx.xml('ppt/slides/slide2.xml')).join('\n')).toContain('- mức 199');
  });

  it('embeds media given as Blobs byte for byte, once each, and keeps a picture written inside a lesson block', async () => {
    const video = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) & 0xff);
    const files: Record<string, Blob> = { 'media/ảnh.png': new Blob([PNG_1X1], { type: 'image/png' }), 'media/phim.mp4': new Blob([video], { type: 'video/mp4' }) };
    const media: MediaSource = (path) => {
      const blob = files[path];
      return blob && { type: blob.type, size: blob.size, blob, chunks: () => blobChunks(blob, 256 * 1024) };
    };
    const md = '## Một\n\n- [x] đã xong\n- [ ] chưa xong\n\n::: question {points=2}\nNhìn hình:\n\n![Hình](media/ảnh.png)\n:::\n\n---\n\n## Hai\n\n![Phim](media/phim.mp4#t=1:30)\n\n![Hình lại](media/ảnh.png)\n';
    const progress: { done: number; total: number }[] = [];
    const { pptx, losses } = await exportBytes(md, media, (p) => progress.push(p));
    expect(losses).toEqual([]);
    // Progress from 0 to the total, increasing, often enough to move a bar over the 3 MB video.
    expect(progress[0]?.done).toBe(0);
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
    expect(progress.at(-1)!.total).toBeGreaterThan(video.length);
    expect(progress.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.done).toBeGreaterThan(progress[i - 1]!.done);
    const stored = pptx.names.filter((n) => n.startsWith('ppt/media/'));
    expect(stored).toHaveLength(3); // the picture, the video, the video's stand-in poster
    const bytes = await Promise.all(stored.map((n) => pptx.read(n)));
    expect(bytes.filter((b) => Buffer.compare(b, PNG_1X1) === 0)).toHaveLength(1);
    expect(bytes.filter((b) => Buffer.compare(b, video) === 0)).toHaveLength(1);
    const one = await pptx.xml('ppt/slides/slide1.xml');
    expect(paragraphs(one)).toEqual(expect.arrayContaining(['Câu hỏi (2 điểm)', '[x] đã xong', '[ ] chưa xong']));
    expect(one.getElementsByTagNameNS(P, 'pic')).toHaveLength(1);
    const two = await pptx.xml('ppt/slides/slide2.xml');
    expect(two.getElementsByTagNameNS(A, 'videoFile')).toHaveLength(1);
    expect(paragraphs(await pptx.xml('ppt/notesSlides/notesSlide2.xml'))).toContain('Đoạn phát của media/phim.mp4: từ 90 (giây).');
  });
});
