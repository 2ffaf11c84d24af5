// A Word lesson plan written by LibreOffice: headings become slides, lists, tables and the
// picture come along, and the lesson-plan headings fill the front matter the plan screen reads.
import { describe, expect, it } from 'vitest';
import { planSummary } from '@lectern/deck';
import { bytesOf, fixture, importBytes, partText, refusal, rewrite } from './helpers.ts';

const plan = () => fixture('libreoffice-lesson-plan.docx');

describe('Word lesson plan (.docx)', () => {
  it('should make one slide per Heading 1/2, in order, the Title style first', async () => {
    const { deck, report } = await importBytes(plan());
    expect(deck.slides.map((s) => s.title)).toEqual([
      'Giáo án: Chủ nghĩa duy vật biện chứng', 'I. Mục tiêu', '1. Kiến thức', '2. Kỹ năng', '3. Thái độ', 'II. Đối tượng',
      'III. Thời gian', 'IV. Nội dung bài giảng', '1. Vật chất là gì?', '2. Mối quan hệ', 'V. Tài liệu tham khảo',
    ]);
    expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report).toMatchObject({ source: 'docx', losses: 0 });
  });

  it('should fill objectives, audience, duration and references from the lesson-plan headings', async () => {
    const { deck } = await importBytes(plan());
    expect(deck.meta).toMatchObject({
      title: 'Chủ nghĩa duy vật biện chứng',
      audience: 'Đảng viên mới',
      duration: 90,
      objectives: {
        knowledge: ['Nắm được khái niệm vật chất', 'Hiểu mối quan hệ giữa vật chất và ý thức'],
        skills: ['Vận dụng vào thực tiễn công tác'],
        attitude: ['Tin tưởng vào chủ nghĩa Mác – Lênin'],
      },
      references: ['Giáo trình Triết học Mác – Lênin', 'Văn kiện Đại hội XIII'],
    });
    expect(planSummary(deck).meta.duration).toBe(90);
  });

  it('should keep nested lists, bold, the table and the picture with its alt text', async () => {
    const { html, media } = await importBytes(plan());
    expect(html[8]).toContain('<strong>vật chất</strong>');
    expect(html[8]).toMatch(/<li>Thuộc tính cơ bản\s*<ul>\s*<li>Tồn tại khách quan<\/li>\s*<li>Được cảm giác phản ánh\s*<ul>\s*<li>Chụp lại, phản ánh/);
    expect(html[9]).toMatch(/<th>Vật chất<\/th>\s*<th>Ý thức<\/th>/);
    expect(media).toHaveLength(1);
    expect(media[0]!.path).toBe('media/sơ-đồ-quan-hệ-vật-chất-ý-thức.png');
    expect(html[9]).toContain(`<img src="${media[0]!.path}" alt="Sơ đồ quan hệ vật chất – ý thức"`);
    const png = await bytesOf(media[0]!.chunks());
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it('should refuse a DTD in document.xml before mammoth parses anything', async () => {
    const doc = partText(plan(), 'word/document.xml').replace('?>', '?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>');
    const error = await refusal(rewrite(plan(), { 'word/document.xml': doc }));
    expect(error).toMatchObject({ code: 'xml-dtd', part: 'word/document.xml' });
  });
});
