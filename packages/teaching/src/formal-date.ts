// A date as an official document writes it: vi 'ngày 1 tháng 7 năm 2026', en '1 July 2026'.
import type { TeachingLang } from './lang.ts';

export function formalDate(value: Date, lang: TeachingLang, timeZone?: string): string {
  if (lang === 'en') return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(value);
  const parts = new Intl.DateTimeFormat('vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone }).formatToParts(value);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `ngày ${part('day')} tháng ${part('month')} năm ${part('year')}`;
}
