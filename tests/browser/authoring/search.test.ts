import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/text/fold.ts';
import { createDeckSearchIndex } from '../../../src/library/search-index.ts';

describe('foldText', () => {
  it('should drop Vietnamese diacritics and case, đ/Đ included', () => {
    expect(foldText('Nghị quyết Đại hội Đảng')).toBe('nghi quyet dai hoi dang');
    expect(foldText('ĐẢNG VIÊN MỚI')).toBe('dang vien moi');
  });
  it('should fold decomposed (NFD) input the same as precomposed', () => {
    expect(foldText('Nghị'.normalize('NFD'))).toBe(foldText('Nghị'));
  });
});

describe('deck search index', () => {
  const decks = [
    { id: 'a', title: 'Nghị quyết Đại hội XIII', tags: ['nghị quyết'], text: 'Bài giảng cho lớp bồi dưỡng' },
    { id: 'b', title: 'Lớp Đảng viên mới', tags: ['đảng viên'], text: 'Những vấn đề cơ bản về Đảng' },
    { id: 'c', title: 'Kỹ năng thuyết trình', tags: [], text: 'Câu hỏi thảo luận về tư tưởng Hồ Chí Minh' },
  ];
  const index = createDeckSearchIndex(decks);

  it('should find "Nghị quyết" with and without diacritics', () => {
    expect(index.search('nghi quyet')[0]).toBe('a');
    expect(index.search('Nghị quyết')[0]).toBe('a');
  });
  it('should find "Đảng viên" by "dang vien"', () => {
    expect(index.search('dang vien')).toContain('b');
    expect(index.search('DANG VIEN')).toContain('b');
  });
  it('should search deck text and match the last word as a prefix', () => {
    expect(index.search('ho chi mi')).toEqual(['c']);
  });
  it('should require every word to match', () => {
    expect(index.search('dang thuyet')).toEqual([]);
  });
  it('should update and remove decks', () => {
    const idx = createDeckSearchIndex(decks);
    idx.set({ id: 'c', title: 'Lịch sử Đảng', tags: [], text: '' });
    expect(idx.search('thuyet trinh')).toEqual([]);
    expect(idx.search('lich su')).toEqual(['c']);
    idx.remove('c');
    expect(idx.search('lich su')).toEqual([]);
  });
});
