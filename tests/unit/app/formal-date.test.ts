// Printed documents write dates the way official papers do: "ngày 10 tháng 3 năm 2026" in
// Vietnamese, "10 March 2026" in English, from Intl's parts (no zero padding, no "tháng 3, 2026").
import { describe, expect, it } from 'vitest';
import { formatFormalDate } from '../../../src/app/i18n.ts';

describe('formatFormalDate', () => {
  it('should write the formal Vietnamese form and the English one', () => {
    const day = new Date(2026, 2, 10);
    expect(formatFormalDate(day, { lang: 'vi' })).toBe('ngày 10 tháng 3 năm 2026');
    expect(formatFormalDate(day, { lang: 'en' })).toBe('10 March 2026');
    expect(formatFormalDate(new Date(2021, 0, 1), { lang: 'vi' })).toBe('ngày 1 tháng 1 năm 2021');
  });

  it('should keep a calendar date held at noon UTC on its day in any time zone', () => {
    const noonUtc = new Date(Date.UTC(2026, 11, 31, 12));
    expect(formatFormalDate(noonUtc, { lang: 'vi', timeZone: 'UTC' })).toBe('ngày 31 tháng 12 năm 2026');
    expect(formatFormalDate(noonUtc, { lang: 'en', timeZone: 'UTC' })).toBe('31 December 2026');
  });
});
