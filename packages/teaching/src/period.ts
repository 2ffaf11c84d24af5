// Reporting periods: an inclusive range of calendar dates. Centres report by half-year
// ("6 tháng đầu năm" = 1 Jan-30 Jun, "6 tháng cuối năm" = 1 Jul-31 Dec), sometimes by year or by
// any range. Everything here is string arithmetic on 'YYYY-MM-DD' (see calendar-date.ts).
import { formalDate } from './formal-date.ts';
import { calendarDate, displayInstant, isCalendarDate, type CalendarDate } from './calendar-date.ts';

export interface Period {
  /** First day, inclusive. */
  from: CalendarDate;
  /** Last day, inclusive. */
  to: CalendarDate;
}

export type PeriodPreset = 'first-half' | 'second-half' | 'year';

/** halfYear(2026, 1) => { from: '2026-01-01', to: '2026-06-30' } */
export function halfYear(year: number, half: 1 | 2): Period {
  return half === 1
    ? { from: calendarDate(year, 1, 1), to: calendarDate(year, 6, 30) }
    : { from: calendarDate(year, 7, 1), to: calendarDate(year, 12, 31) };
}

export function wholeYear(year: number): Period {
  return { from: calendarDate(year, 1, 1), to: calendarDate(year, 12, 31) };
}

export function presetPeriod(preset: PeriodPreset, year: number): Period {
  if (preset === 'year') return wholeYear(year);
  return halfYear(year, preset === 'first-half' ? 1 : 2);
}

/** The half-year a calendar date falls in: '2026-07-01' => second half of 2026. */
export function halfYearOf(date: CalendarDate): Period {
  const year = Number(date.slice(0, 4));
  return halfYear(year, date.slice(5) <= '06-30' ? 1 : 2);
}

/** Which preset a period is, if any: { preset: 'first-half', year: 2026 }. */
export function matchPreset(period: Period): { preset: PeriodPreset; year: number } | undefined {
  const year = Number(period.from.slice(0, 4));
  for (const preset of ['first-half', 'second-half', 'year'] as const) {
    const candidate = presetPeriod(preset, year);
    if (candidate.from === period.from && candidate.to === period.to) return { preset, year };
  }
  return undefined;
}

/** Inclusive at both ends; no Date objects involved. */
export function inPeriod(date: CalendarDate, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

export type PeriodProblem = 'from-missing' | 'to-missing' | 'from-invalid' | 'to-invalid' | 'end-before-start';

/** Problems with a period typed by the user; empty when it is usable. */
export function checkPeriod(period: { from?: string | null; to?: string | null }): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const from = period.from?.trim() ?? '';
  const to = period.to?.trim() ?? '';
  if (!from) problems.push('from-missing');
  else if (!isCalendarDate(from)) problems.push('from-invalid');
  if (!to) problems.push('to-missing');
  else if (!isCalendarDate(to)) problems.push('to-invalid');
  if (problems.length === 0 && to < from) problems.push('end-before-start');
  return problems;
}

export const periodProblemMessages = {
  vi: {
    'from-missing': 'Hãy nhập ngày bắt đầu (Từ ngày).',
    'to-missing': 'Hãy nhập ngày kết thúc (Đến ngày).',
    'from-invalid': 'Ngày bắt đầu không phải là một ngày hợp lệ (định dạng năm-tháng-ngày).',
    'to-invalid': 'Ngày kết thúc không phải là một ngày hợp lệ (định dạng năm-tháng-ngày).',
    'end-before-start': 'Ngày kết thúc đứng trước ngày bắt đầu: hãy đổi lại hai ngày.',
  },
  en: {
    'from-missing': 'Enter the first day of the period (From).',
    'to-missing': 'Enter the last day of the period (To).',
    'from-invalid': 'The From date is not a valid date (year-month-day).',
    'to-invalid': 'The To date is not a valid date (year-month-day).',
    'end-before-start': 'The To date is before the From date: swap them.',
  },
} as const satisfies Record<'vi' | 'en', Record<PeriodProblem, string>>;

/**
 * The period as a report title says it:
 * vi '6 tháng đầu năm 2026', '6 tháng cuối năm 2026', 'năm 2026', 'từ ngày 01/03/2026 đến ngày 15/04/2026';
 * en 'first half of 2026', 'second half of 2026', '2026', '1 Mar 2026 to 15 Apr 2026'.
 */
export function describePeriod(period: Period, lang: 'vi' | 'en'): string {
  const preset = matchPreset(period);
  if (preset) {
    const { year } = preset;
    if (lang === 'vi') {
      if (preset.preset === 'first-half') return `6 tháng đầu năm ${year}`;
      if (preset.preset === 'second-half') return `6 tháng cuối năm ${year}`;
      return `năm ${year}`;
    }
    if (preset.preset === 'first-half') return `first half of ${year}`;
    if (preset.preset === 'second-half') return `second half of ${year}`;
    return String(year);
  }
  if (lang === 'vi') {
    // The report's printed title: the formal form of an official document.
    const day = (d: CalendarDate) => formalDate(displayInstant(d), 'vi', 'UTC');
    return `từ ${day(period.from)} đến ${day(period.to)}`;
  }
  const day = (d: CalendarDate) => formalDate(displayInstant(d), 'en', 'UTC');
  return `${day(period.from)} to ${day(period.to)}`;
}
