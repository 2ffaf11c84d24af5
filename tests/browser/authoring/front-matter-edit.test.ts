import { describe, expect, it } from 'vitest';
import { applyPlanFields, readPlanFields } from '../../../src/plan/front-matter-edit.ts';
import { formatExcerptBlock } from '../../../src/excerpts/excerpt-block.ts';

const deck = `---
# Giáo án bài 1 -- viết tay
title: "Nghị quyết Đại hội XIII"   # tên bài
audience: Đảng viên mới
duration: 90
custom: giữ nguyên
objectives:
  knowledge:
    - Nắm được nội dung cơ bản # quan trọng
  skills: [Vận dụng]
tags: [nghị quyết, lý luận]
---

## Slide một
`;

describe('lesson-plan form edits', () => {
  it('should read the fields', () => {
    const f = readPlanFields(deck);
    expect(f.title).toBe('Nghị quyết Đại hội XIII');
    expect(f.duration).toBe(90);
    expect(f.objectives.knowledge).toEqual(['Nắm được nội dung cơ bản']);
    expect(f.objectives.skills).toEqual(['Vận dụng']);
    expect(f.tags).toEqual(['nghị quyết', 'lý luận']);
  });
  it('should change one key and keep comments, unknown keys and the body', () => {
    const out = applyPlanFields(deck, { duration: 120 });
    expect(out).toContain('# Giáo án bài 1 -- viết tay');
    expect(out).toContain('# tên bài');
    expect(out).toContain('# quan trọng');
    expect(out).toContain('custom: giữ nguyên');
    expect(out).toContain('duration: 120');
    expect(out.endsWith('---\n\n## Slide một\n')).toBe(true);
    expect(readPlanFields(out).duration).toBe(120);
  });
  it('should leave the text unchanged when nothing changed', () => {
    expect(applyPlanFields(deck, readPlanFields(deck))).toBe(deck);
  });
  it('should edit objective lists and keep unchanged items with their comments', () => {
    const f = readPlanFields(deck);
    const out = applyPlanFields(deck, { objectives: { ...f.objectives, attitude: ['Tin tưởng'] } });
    expect(out).toContain('# quan trọng');
    expect(readPlanFields(out).objectives.attitude).toEqual(['Tin tưởng']);
    const out2 = applyPlanFields(out, { tags: ['lý luận'] });
    expect(readPlanFields(out2).tags).toEqual(['lý luận']);
  });
  it('should add front matter to a deck without one, and keep CRLF', () => {
    expect(applyPlanFields('## A\n', { title: 'Bài mới' })).toBe('---\ntitle: Bài mới\n---\n## A\n');
    const crlf = '---\r\ntitle: A\r\n---\r\n## B\r\n';
    expect(applyPlanFields(crlf, { title: 'Đ' })).toBe('---\r\ntitle: Đ\r\n---\r\n## B\r\n');
  });
  it('should refuse to rewrite broken YAML', () => {
    expect(() => applyPlanFields('---\ntitle: [a\n---\n', { title: 'x' })).toThrow(/YAML/);
  });
});

describe('formatExcerptBlock', () => {
  it('should write an excerpt block with quoted attributes', () => {
    expect(
      formatExcerptBlock({ text: 'Đảng ta là đạo đức, là văn minh.', source: 'Nghị quyết "XII"', number: '120-KL/ĐUK', date: '2016-01-28' }),
    ).toBe('::: excerpt {source="Nghị quyết ”XII”" number="120-KL/ĐUK" date="2016-01-28"}\nĐảng ta là đạo đức, là văn minh.\n:::\n');
  });
  it('should keep a ":::" line in the text from closing the block', () => {
    expect(formatExcerptBlock({ text: 'a\n :::\nb' })).toBe('::: excerpt\na\n\\:::\nb\n:::\n');
  });
});

describe('excerpt blocks through the deck parser', () => {
  it('should parse back every citation field, Vietnamese intact', async () => {
    const { parseDeck } = await import('@lectern/deck');
    const block = formatExcerptBlock({
      text: 'Xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh.',
      source: 'Nghị quyết Đại hội XIII',
      number: '120-KL/ĐUK',
      issuer: 'Đảng ủy khối',
      ref: 'Phần III, tr. 12',
      date: '2021-02-01',
    });
    const deck = parseDeck(`## Trích dẫn\n\n${block}`);
    const excerpt = deck.slides[0]?.excerpts[0];
    expect(excerpt).toMatchObject({
      source: 'Nghị quyết Đại hội XIII',
      number: '120-KL/ĐUK',
      issuer: 'Đảng ủy khối',
      ref: 'Phần III, tr. 12',
      date: '2021-02-01',
    });
    expect(excerpt?.text).toContain('Xây dựng Đảng');
    expect(deck.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
