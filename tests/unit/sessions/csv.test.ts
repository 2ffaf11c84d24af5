import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateSessions } from '../../../src/report/aggregate.ts';
import { csvBytes, csvField, reportCsv, reportCsvFilename, sessionsCsv, toCsv } from '../../../src/report/csv.ts';
import { halfYear } from '../../../src/sessions/period.ts';
import { DEFAULT_COHORTS } from '../../../src/sessions/cohorts.ts';

describe('CSV', () => {
  it('should quote fields per RFC 4180 and end every record with CRLF after a UTF-8 BOM', () => {
    const text = toCsv([
      ['a', 'b,c', 'say "hi"'],
      ['line\nbreak', 'cr\rhere', 42],
    ]);
    expect(text).toBe('\uFEFFa,"b,c","say ""hi"""\r\n"line\nbreak","cr\rhere",42\r\n');
    expect([...csvBytes(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('should keep a formula-looking title as text', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+84 912')).toBe("'+84 912");
    expect(csvField('-')).toBe("'-");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-3)).toBe('-3');
  });

  it('should quote a field holding a semicolon, so a spreadsheet using ; as its list separator keeps it in one cell', () => {
    // Vietnamese regional settings often make ; the separator: an unquoted ; would split the
    // field and a following =... part would become a formula cell.
    expect(csvField('Lớp A; =1+1')).toBe('"Lớp A; =1+1"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(toCsv([['x;y', 'z']])).toBe('\uFEFF"x;y",z\r\n');
  });

  it('should write the report byte for byte as the golden file, Vietnamese headers and diacritics intact', () => {
    const sessions = [
      { id: '1', date: '2026-01-05', cohort: 'new-members', learners: 80, minutes: 90, deckId: 'd1', deckTitle: 'Bài 1' },
      { id: '2', date: '2026-03-15', cohort: 'candidates', learners: 45, minutes: 120, deckId: 'd2', deckTitle: 'Nhận thức về Đảng, "bản mới"' },
      { id: '3', date: '2026-06-30', cohort: 'candidates', learners: 60, minutes: null, deckId: null },
      { id: '4', date: '2026-07-01', cohort: 'other', learners: 999, minutes: 10, deckId: null },
    ];
    const report = aggregateSessions(sessions, halfYear(2026, 1), DEFAULT_COHORTS, [
      { id: 'd1', title: 'Bài 1: Những vấn đề cơ bản về Đảng Cộng sản Việt Nam' },
    ]);
    const vi = csvBytes(reportCsv(report, DEFAULT_COHORTS, 'vi'));
    const en = csvBytes(reportCsv(report, DEFAULT_COHORTS, 'en'));
    expect(Buffer.from(vi)).toEqual(readFileSync('tests/fixtures/sessions/report-unit-vi.csv'));
    expect(Buffer.from(en)).toEqual(readFileSync('tests/fixtures/sessions/report-unit-en.csv'));
    expect(reportCsvFilename(report, 'vi')).toBe('bao-cao-2026-01-01_2026-06-30.csv');
  });
});

describe('sessions list CSV', () => {
  it('should write every field, quoting notes with line breaks and keeping diacritics', () => {
    const text = sessionsCsv(
      [
        { date: '2026-06-30', deck: 'Tư tưởng Hồ Chí Minh (đã xóa)', className: 'Lớp "A"', cohort: 'Đảng viên mới', learners: 48, minutes: 90, place: 'Hội trường', notes: 'Dòng 1\nDòng 2' },
        { date: '2026-07-01', deck: '(Không gắn bài giảng)', className: '', cohort: 'Khác', learners: 0, minutes: 0, place: '', notes: '' },
      ],
      'vi',
    );
    expect(Buffer.from(csvBytes(text))).toEqual(readFileSync('tests/fixtures/sessions/sessions-list-vi.csv'));
  });
});
