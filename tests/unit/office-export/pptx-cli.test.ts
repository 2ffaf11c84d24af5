// `lectern export DECK.md -o FILE.pptx`: the file is opened by LibreOffice (converted to PDF, read
// back with pdftotext) and by the bundle package's strict zip reader; every XML part is parsed.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lossLine, type PptxLoss } from '@lectern/office-export';
import { convertToPdf, pdfPageCount, pdfPages } from '../../support/libreoffice.ts';
import { removeScratch, runCli, scratch, STACK_FRAME } from '../cli/helpers.ts';
import { openPptx as openBytes, paragraphs, slideTitle } from './read-pptx.ts';

const openPptx = async (file: string) => openBytes(new Uint8Array(await readFile(file)));

const MEDIA = join(import.meta.dirname, '../../../slides/syntax-tour/media');

const DECK = `---
title: Học tập Nghị quyết Đại hội XIII
author: ThS. Trần Thị Minh Hằng
course: Lý luận chính trị
subtitle: Chuyên đề bồi dưỡng đảng viên mới
titleSlide: true
---

## Mở đầu: vì sao phải học?

Nghị quyết là **ý chí chung** của toàn Đảng, *được thảo luận dân chủ*. Xem [trang Đảng](https://dangcongsan.vn).

- Đảng viên hiểu, tin
  - rồi làm theo
- Học để làm

Note:
Ghi chú cho giảng viên: nhấn mạnh chữ "làm".

---

## Bảng so sánh

| Nội dung | Thời hạn |
| --- | --- |
| Công nghiệp hoá | Năm 2030 |
| Nước phát triển | Năm 2045 |

\`\`\`text
lectern export bài-giảng.md
\`\`\`

--

## Trang dọc: các khối bài học

::: discussion {minutes=15 groups=4}
Ở chi bộ của đồng chí, nghị quyết được học tập thế nào?
:::

::: excerpt {source="Văn kiện Đại hội XIII" number="01-NQ/TW" issuer="Ban Chấp hành Trung ương" ref="Phần III" date="2021-02-01"}
Khơi dậy khát vọng phát triển đất nước phồn vinh, hạnh phúc.
:::

::: question {points=5}
Nêu nhiệm vụ của đảng viên về học tập nghị quyết.
:::

---

## Hai cột song song {data-background-color="#fdf6e3"}

:::: columns
::: column {width=40%}
![Ảnh phân hình đẹp](media/ảnh-phân-hình.png)
:::
::: column {width=60%}
- Cột phải thứ nhất
- Cột phải thứ hai
:::
::::

---

## Phim tư liệu {background-image="media/ảnh-phân-hình.png"}

![Đoạn phim ngắn](media/phim.mp4#t=2,5){poster="media/áp-phích.png" width=60%}

---

## Trang ẩn {data-visibility=hidden}

Không được xuất.

---

## Tổng kết

Học để hiểu đúng — tin để hành động.
`;

/** What each PDF page must show, in this order (the title slide first; the hidden slide absent). */
const PAGES: string[][] = [
  ['Học tập Nghị quyết Đại hội XIII', 'Chuyên đề bồi dưỡng đảng viên mới', 'ThS. Trần Thị Minh Hằng'],
  ['Mở đầu: vì sao phải học?', 'Nghị quyết là ý chí chung của toàn Đảng, được thảo luận dân chủ', 'trang Đảng', 'Đảng viên hiểu, tin', 'rồi làm theo', 'Học để làm'],
  ['Bảng so sánh', 'Nội dung', 'Thời hạn', 'Công nghiệp hoá', 'Năm 2030', 'Nước phát triển', 'Năm 2045', 'lectern export bài-giảng.md'],
  ['Trang dọc: các khối bài học', 'Thảo luận · 15 phút · 4 nhóm', 'Ở chi bộ của đồng chí, nghị quyết được học tập thế nào?',
    'Khơi dậy khát vọng phát triển đất nước phồn vinh, hạnh phúc.', 'Văn kiện Đại hội XIII, 01-NQ/TW, Ban Chấp hành Trung ương, Phần III, 2021-02-01',
    'Câu hỏi (5 điểm)', 'Nêu nhiệm vụ của đảng viên về học tập nghị quyết.'],
  ['Hai cột song song', 'Cột phải thứ nhất', 'Cột phải thứ hai'],
  ['Phim tư liệu'],
  ['Tổng kết', 'Học để hiểu đúng — tin để hành động.'],
];

let dir: string;
let media: Record<string, Uint8Array>;

beforeAll(async () => {
  media = {
    'media/ảnh-phân-hình.png': await readFile(join(MEDIA, 'fractal.png')),
    'media/áp-phích.png': await readFile(join(MEDIA, 'poster.png')),
    'media/phim.mp4': await readFile(join(MEDIA, 'clip.mp4')),
  };
  dir = await scratch({ 'bài giảng.md': DECK, ...media });
});

afterAll(removeScratch);

describe('lectern export', () => {
  it('writes a .pptx that LibreOffice opens: every slide in order, Vietnamese intact, one page per visible slide', async () => {
    const run = await runCli(['export', 'bài giảng.md', '-o', 'Bài giảng XIII.pptx', '--json'], dir);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    const report = JSON.parse(run.stdout) as { output: string; slides: number; losses: PptxLoss[] };
    expect(report.losses).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.slides).toBe(PAGES.length);
    expect(report.output).toBe(join(dir, 'Bài giảng XIII.pptx'));

    const pdf = await convertToPdf(report.output, dir);
    expect(await pdfPageCount(pdf)).toBe(PAGES.length);
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(PAGES.length);
    PAGES.forEach((expected, i) => {
      // pdftotext breaks long lines where the slide wraps them: compare with spaces collapsed.
      const text = pages[i]!.replace(/\s+/g, ' ');
      let at = 0;
      for (const line of expected) {
        const found = text.indexOf(line, at);
        expect(found, `page ${i + 1} should show "${line}" after position ${at}:\n${text}`).toBeGreaterThanOrEqual(0);
        at = found + line.length;
      }
    });
    expect(pages.join('\n')).not.toContain('Không được xuất');
  }, 240_000);

  it('passes the strict zip reader, with well-formed parts, the media bytes, notes and document properties', async () => {
    const run = await runCli(['export', 'bài giảng.md', '-o', 'zip.pptx'], dir);
    expect(run.code).toBe(0);
    const pptx = await openPptx(join(dir, 'zip.pptx'));
    const { names } = pptx;
    expect(names[0]).toBe('[Content_Types].xml');
    await pptx.parseAll();

    // Each media file once, byte for byte.
    const stored = await Promise.all(names.filter((n) => n.startsWith('ppt/media/')).map((n) => pptx.read(n)));
    for (const bytes of Object.values(media)) expect(stored.filter((s) => Buffer.compare(s, bytes) === 0)).toHaveLength(1);

    const core = await pptx.xml('docProps/core.xml');
    const dc = 'http://purl.org/dc/elements/1.1/';
    expect(core.getElementsByTagNameNS(dc, 'title')[0]?.textContent).toBe('Học tập Nghị quyết Đại hội XIII');
    expect(core.getElementsByTagNameNS(dc, 'creator')[0]?.textContent).toBe('ThS. Trần Thị Minh Hằng');
    expect(core.getElementsByTagNameNS(dc, 'subject')[0]?.textContent).toBe('Lý luận chính trị');

    // The heading is the title placeholder; slide 2 is "Mở đầu" (slide 1 is the title slide).
    const slide2 = await pptx.xml('ppt/slides/slide2.xml');
    expect(slideTitle(slide2)).toBe('Mở đầu: vì sao phải học?');
    // Nested list: the sub-item is one level deeper.
    const levels = [...slide2.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/main', 'pPr')].map((p) => p.getAttribute('lvl'));
    expect(levels).toContain('1');
    // Bold and the link survive as run properties.
    expect(slide2.querySelector('rPr[b="1"]')?.parentElement?.textContent).toBe('ý chí chung');
    const rels = new TextDecoder().decode(await pptx.read('ppt/slides/_rels/slide2.xml.rels'));
    expect(rels).toContain('Target="https://dangcongsan.vn/" TargetMode="External"');

    // Notes: the speaker notes, and the clip range of the video slide.
    expect(paragraphs(await pptx.xml('ppt/notesSlides/notesSlide2.xml'))).toContain('Ghi chú cho giảng viên: nhấn mạnh chữ "làm".');
    expect(paragraphs(await pptx.xml('ppt/notesSlides/notesSlide6.xml')).join('\n')).toContain('Đoạn phát của media/phim.mp4: từ 2 đến 5 (giây).');
    // The table is a PowerPoint table, the video a video with its poster.
    expect((await pptx.xml('ppt/slides/slide3.xml')).getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/main', 'tbl')).toHaveLength(1);
    const videoRels = new TextDecoder().decode(await pptx.read('ppt/slides/_rels/slide6.xml.rels'));
    expect(videoRels).toMatch(/relationships\/video" Target="\.\.\/media\/media\d\.mp4"/);
    // Background colour of the columns slide.
    expect((await pptx.xml('ppt/slides/slide5.xml')).querySelector('bg srgbClr')?.getAttribute('val')).toBe('FDF6E3');
  }, 120_000);

  it('lists what it could not keep (exit 1, --json), and still writes a file LibreOffice opens', async () => {
    const deck = [
      '## Bài có chỗ mất',
      '',
      '![Phim webm](media/phim.webm)',
      '',
      '![Sơ đồ](media/sơ-đồ.svg)',
      '',
      '![Ảnh trên mạng](https://example.org/a.png)',
      '',
      '![Không có](media/không-có.png)',
      '',
      '![Ngoài thư mục](../bí-mật.png)',
      '',
      '::: fragment',
      'Hiện dần \u0001 với ký tự điều khiển \ud800',
      ':::',
    ].join('\n');
    const here = await scratch({ 'mất.md': deck, 'media/phim.webm': new Uint8Array(16), 'media/sơ-đồ.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    const run = await runCli(['export', 'mất.md', '-o', 'mất.pptx', '--json'], here);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    const report = JSON.parse(run.stdout) as { losses: PptxLoss[] };
    const losses = report.losses.map(lossLine);
    expect(report.losses).toContainEqual({ code: 'media', slide: '1', subject: 'media/phim.webm', reason: 'format', message: expect.stringContaining('PowerPoint cannot show .webm') });
    expect(losses).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^slide 1: media\/phim\.webm: PowerPoint cannot show \.webm/),
        expect.stringMatching(/^slide 1: media\/sơ-đồ\.svg: PowerPoint cannot show \.svg/),
        expect.stringMatching(/^slide 1: https:\/\/example\.org\/a\.png: is on the network/),
        'slide 1: media/không-có.png: not found; not embedded',
        expect.stringMatching(/^slide 1: \.\.\/bí-mật\.png: goes outside the deck's folder.*; not embedded$/),
        'fragments are shown all at once: the export has no animations',
      ]),
    );
    for (const loss of losses) expect(run.stderr).toContain(loss);
    const pptx = await openPptx(join(here, 'mất.pptx'));
    const slide = await pptx.xml('ppt/slides/slide1.xml');
    expect(paragraphs(slide).join('\n')).toContain('Hiện dần  với ký tự điều khiển ');
    const pdf = await convertToPdf(join(here, 'mất.pptx'), here);
    expect(await pdfPageCount(pdf)).toBe(1);
    expect((await pdfPages(pdf))[0]).toContain('[Không có tệp: Không có (media/không-có.png)]');
  }, 240_000);

  it('finds media as lectern build does: a decomposed Vietnamese name on disk is found, a link out of the folder is refused', async () => {
    const here = await scratch({ 'bài.md': '## Ảnh\n\n![Một](media/ảnh-một.png)\n\n![Hai](media/lối-tắt.png)\n', 'bí-mật.png': media['media/áp-phích.png']! });
    const outside = await scratch({ 'ngoài.png': media['media/áp-phích.png']! });
    await mkdir(join(here, 'media'));
    // As macOS writes names: decomposed; the deck has them composed.
    await writeFile(join(here, 'media', 'ảnh-một.png'.normalize('NFD')), media['media/ảnh-phân-hình.png']!);
    await symlink(join(outside, 'ngoài.png'), join(here, 'media', 'lối-tắt.png'));
    const run = await runCli(['export', 'bài.md', '-o', 'bài.pptx', '--json'], here);
    expect(run.code).toBe(1);
    const { losses } = JSON.parse(run.stdout) as { losses: PptxLoss[] };
    expect(losses).toEqual([
      { code: 'media', slide: '1', subject: 'media/lối-tắt.png', reason: 'unsafe', message: "media/lối-tắt.png: is a link to a file outside the deck's folder; not embedded" },
    ]);
    const pptx = await openPptx(join(here, 'bài.pptx'));
    const stored = await Promise.all(pptx.names.filter((n) => n.startsWith('ppt/media/')).map((n) => pptx.read(n)));
    expect(stored.map((b) => Buffer.compare(b, media['media/ảnh-phân-hình.png']!) === 0)).toEqual([true]);
  });

  it('exits 2 with one line for bad usage and unreadable decks, and writes nothing', async () => {
    const here = await scratch({ 'ok.md': '## A\n', 'ảnh.png': new Uint8Array([0xff, 0xfe, 0x00, 0x01]) });
    for (const args of [['export', 'ok.md'], ['export', 'ok.md', '-o', 'x.ppt'], ['export', 'không-có.md', '-o', 'x.pptx'], ['export', 'ảnh.png', '-o', 'x.pptx'], ['export', '-o', 'x.pptx'], ['export', 'ok.md', '-o', 'không-có/x.pptx']]) {
      const run = await runCli(args, here);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^lectern export: /);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
