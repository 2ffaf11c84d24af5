// Real PowerPoint and LibreOffice files in, what an instructor would notice out: the same slides
// in the same order, titles, text, lists at the right depth, notes on the right slide, tables,
// pictures and video that load, hidden slides kept but hidden; and a deck that parses clean.
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { bytesOf, fixture, importBytes, visibleText } from './helpers.ts';

const errorsOf = (deck: { diagnostics: { severity: string; code: string }[] }) => deck.diagnostics.filter((d) => d.severity === 'error');

describe('LibreOffice lesson (Vietnamese, lists, tables, picture, group, hidden slide, notes, video)', () => {
  it('should keep the six slides in order with their Vietnamese titles, and parse with no error', async () => {
    const result = await importBytes(fixture('libreoffice-lesson.pptx'));
    expect(result.deck.slides.map((s) => s.title)).toEqual([
      'Bài 1: Chủ nghĩa duy vật biện chứng',
      'Mối quan hệ giữa vật chất và ý thức',
      'Trang ẩn: tư liệu dự phòng',
      'Các mốc lịch sử',
      'Hình ảnh và nhóm',
      'Phim tư liệu',
    ]);
    expect(result.deck.meta.title).toBe('Chủ nghĩa duy vật biện chứng');
    expect(errorsOf(result.deck)).toEqual([]);
    expect(result.deckText).toBe(result.deckText.normalize('NFC'));
    expect(result.report.losses).toBe(0);
  });

  it('should nest the three bullet levels as lists inside lists, with bold and italic kept', async () => {
    const { html } = await importBytes(fixture('libreoffice-lesson.pptx'));
    const slide = html[1]!;
    expect(slide).toMatch(/<li>Vật chất quyết định ý thức\s*<ul>\s*<li>Ý thức là sự phản ánh <strong>năng động<\/strong>\s*<ul>\s*<li>Tính <em>sáng tạo<\/em> của ý thức/);
    expect(slide).toContain('<li>Ý thức tác động trở lại vật chất</li>');
  });

  it('should put each note on its own slide and leave slides without notes without', async () => {
    const { deck } = await importBytes(fixture('libreoffice-lesson.pptx'));
    expect(deck.slides.map((s) => s.notes?.trim())).toEqual([
      'Chào lớp, giới thiệu bài học.',
      'Nhấn mạnh tính năng động của ý thức.',
      undefined,
      'Bảng có ô gộp.',
      undefined,
      'Cho lớp xem đoạn phim.',
    ]);
  });

  it('should keep the hidden slide, hidden from the presenter, and list it in the report', async () => {
    const { deck, html, report } = await importBytes(fixture('libreoffice-lesson.pptx'));
    expect(deck.slides[2]!.attrs.attributes['data-visibility']).toBe('hidden');
    expect(html[2]).toContain('data-visibility="hidden"');
    expect(html[1]).not.toContain('data-visibility');
    expect(report.entries).toContainEqual(expect.objectContaining({ kind: 'hidden-slide', slide: 3, line: deck.slides[2]!.startLine }));
  });

  it('should write the merged table with its spans and the plain one as a table whose | and * read as typed', async () => {
    const { html, report } = await importBytes(fixture('libreoffice-lesson.pptx'));
    expect(html[3]).toContain('<td colspan="2">Giai đoạn</td>');
    expect(html[3]).toContain('<td rowspan="2">1930–1945</td>');
    expect(html[3]).toMatch(/<td>Dân chủ<\/td>\s*<td>Quyền lực thuộc về nhân dân \| a\*b<\/td>/);
    expect(report.entries).toContainEqual(expect.objectContaining({ kind: 'merged-table', slide: 4 }));
  });

  it('should bring the picture with its alt text under a readable Vietnamese name, byte for byte', async () => {
    const bytes = fixture('libreoffice-lesson.pptx');
    const { html, media } = await importBytes(bytes);
    const picture = media.find((m) => m.kind === 'image' && m.path.includes('bản-đồ'))!;
    expect(picture.path).toBe('media/05-bản-đồ-việt-nam-năm-1945.png');
    expect(html[4]).toContain(`<img src="${picture.path}" alt="Bản đồ Việt Nam năm 1945"`);
    const original = unzipSync(bytes, { filter: (f) => f.name === picture.part })[picture.part]!;
    expect(await bytesOf(picture.chunks())).toEqual(original);
    // Both text boxes of the group come out, left one first.
    expect(visibleText(html[4]!)).toMatch(/Nhóm: ô thứ nhất[\s\S]*Nhóm: ô thứ hai/);
  });

  it('should embed the video with its poster frame as a playable <video>', async () => {
    const { html, media } = await importBytes(fixture('libreoffice-lesson.pptx'));
    const video = media.find((m) => m.kind === 'video')!;
    expect(video).toMatchObject({ type: 'video/mp4', size: 470987 });
    expect(html[5]).toMatch(new RegExp(`<video[^>]*src="${video.path}"`));
    expect(html[5]).toMatch(/poster="media\/06-[^"]+-poster\.png"/);
  });

  it('should report a video linked outside the file, never fetch it, and still show its poster', async () => {
    const { html, media, report } = await importBytes(fixture('libreoffice-lesson-linked-video.pptx'));
    expect(media.some((m) => m.kind === 'video')).toBe(false);
    expect(report.entries).toContainEqual(expect.objectContaining({ kind: 'media-external', slide: 6, detail: 'file:///tmp/clip.mp4' }));
    expect(report.losses).toBe(1);
    expect(html[5]).toMatch(/<img src="media\/06-[^"]+-poster\.png"/);
  });
});

describe('PowerPoint-authored files (python-pptx fixtures)', () => {
  it('notes: slide 1 has its notes, slide 2 none', async () => {
    const { deck } = await importBytes(fixture('python-pptx-sld-notes.pptx'));
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides[0]!.notes?.trim()).toBe('Notes');
    expect(deck.slides[1]!.notes).toBeUndefined();
  });

  it('group of drawn shapes without text: reported as a loss on its slide, the slide kept', async () => {
    const { deck, report } = await importBytes(fixture('python-pptx-shp-groupshape.pptx'));
    expect(deck.slides).toHaveLength(1);
    expect(report.entries).toEqual([expect.objectContaining({ kind: 'shape-skipped', slide: 1 })]);
    expect(report.losses).toBe(1);
  });

  it('placeholders: the body inherits its bullet from the master, notes in a moved placeholder still come', async () => {
    const { deck, html } = await importBytes(fixture('python-pptx-ph-inherit-props.pptx'));
    expect(deck.slides[0]!.title).toBe('Title Text');
    expect(html[0]).toContain('<li>Body Text</li>');
    expect(deck.slides[0]!.notes?.trim()).toBe('Notes in inherited position and size.');
    expect(deck.slides[1]!.notes?.trim()).toBe('Notes in modified position and size.');
  });

  it('text: runs joined exactly, breaks kept, hyperlink followed through its relationship', async () => {
    const { html } = await importBytes(fixture('python-pptx-txt-text.pptx'));
    expect(visibleText(html[0]!)).toContain('Foo Bar \n Baz Zoo \n1');
    expect(html[0]).toContain('<a href="http://yahoo.com">yahoo.com</a>');
    expect(visibleText(html[0]!)).toContain('a\nb\nc');
    expect(html[1]).toContain('Text run in table cell');
  });

  it('tables: merged cells keep their spans; a plain grid stays a Markdown table', async () => {
    const { html, deckText } = await importBytes(fixture('python-pptx-tbl-cell.pptx'));
    expect(html[1]).toContain('<td colspan="2" rowspan="2">merged cell</td>');
    expect(deckText).toContain('| a | b | c |');
    expect(html[2]).toMatch(/<th>a<\/th>\s*<th>b<\/th>\s*<th>c<\/th>/);
  });

  it('video: the embedded p14:media file with its poster frame', async () => {
    const { media, html, deck } = await importBytes(fixture('python-pptx-shp-movie-props.pptx'));
    expect(media.map((m) => [m.kind, m.part])).toEqual([['video', 'ppt/media/media1.mp4'], ['image', 'ppt/media/image1.png']]);
    expect(html[0]).toMatch(/<video[^>]*poster="media\/[^"]+\.png"/);
    expect(errorsOf(deck)).toEqual([]);
  });

  it('a group of shapes with no text makes one empty slide, not an error', async () => {
    const { deck } = await importBytes(fixture('python-pptx-shp-groupshape.pptx'));
    expect(deck.slides).toHaveLength(1);
    expect(errorsOf(deck)).toEqual([]);
  });
});
