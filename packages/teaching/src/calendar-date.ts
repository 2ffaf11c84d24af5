// Calendar dates ('YYYY-MM-DD') as the instructor wrote them, in their own local calendar.
//
// Why strings and not Date: `new Date('2026-07-01')` is UTC midnight, which is still 30 June in
// UTC-5, and `localDate.toISOString().slice(0, 10)` of 1 July 00:30 in Hà Nội (UTC+7) is
// '2026-06-30'. A class taught on the morning of 1 July must count in the second half-year
// wherever the machine's clock is set, so dates are compared as strings (zero-padded ISO order
// is calendar order) and only ever turned into a Date for display, at UTC noon with timeZone UTC.

export type CalendarDate = string;

const RE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** '2026-02-29' => undefined (not a day); '2024-02-29' => { year: 2024, month: 2, day: 29 } */
export function parseCalendarDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = RE_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isCalendarDate(text: unknown): text is CalendarDate {
  return typeof text === 'string' && parseCalendarDate(text) !== undefined;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The local calendar day of an instant (the machine's time zone), e.g. "today" for a new session. */
export function localCalendarDate(instant: Date = new Date()): CalendarDate {
  return calendarDate(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

/** A Date to hand to Intl with `timeZone: 'UTC'`: noon UTC, so no zone can move it to another day. */
export function displayInstant(date: CalendarDate): Date {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12));
}

/** Formats a calendar date with Intl in the given locale, never shifting it by a time zone. */
export function formatCalendarDate(
  date: CalendarDate,
  localeTag: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  return new Intl.DateTimeFormat(localeTag, { ...options, timeZone: 'UTC' }).format(displayInstant(date));
}
