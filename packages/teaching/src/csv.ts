// CSV for spreadsheet programs: the writer the sessions list, the half-year report and the centre
// report (CLI) share. Byte-exact rules (tested against a golden file):
// - UTF-8 with a byte-order mark, so Excel shows Vietnamese letters instead of mojibake;
// - RFC 4180: CRLF after every record (the last too), fields quoted when they hold a comma, a
//   semicolon (the list separator of spreadsheets set up for Vietnamese and many other locales),
//   a double quote, CR or LF, quotes doubled inside;
// - numbers as plain integers (no grouping separators: a spreadsheet must read them as numbers);
// - a text field starting with = + - @ TAB or CR gets a leading apostrophe, so a deck titled
//   "=HYPERLINK(…)" stays text instead of becoming a formula (CSV injection).
import type { TeachingLang as Lang } from './lang.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';
const RE_NEEDS_QUOTES = /[",;\r\n]/;
const RE_FORMULA_START = /^[=+\-@\t\r]/;

/** One field, RFC 4180-quoted when needed. Numbers are written as they are. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = RE_FORMULA_START.test(value) ? `'${value}` : value;
  return RE_NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records to CSV text: BOM first, CRLF after every record. */
export function toCsv(records: readonly (readonly (string | number)[])[]): string {
  return BOM + records.map((record) => record.map(csvField).join(',') + CRLF).join('');
}

/** UTF-8 bytes of the CSV (TextEncoder keeps the BOM as EF BB BF). */
export function csvBytes(csv: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(csv);
}

/** One row of the sessions list as exported: names already resolved for display. */
export interface SessionCsvRow {
  date: string;
  deck: string;
  className: string;
  cohort: string;
  learners: number;
  minutes: number;
  place: string;
  notes: string;
}

const SESSION_HEADERS: Record<Lang, readonly string[]> = {
  vi: ['Ngày', 'Bài giảng', 'Lớp', 'Đối tượng', 'Số học viên', 'Số phút', 'Địa điểm', 'Ghi chú'],
  en: ['Date', 'Deck', 'Class', 'Cohort', 'Learners', 'Minutes', 'Place', 'Notes'],
};

/** The sessions list (as filtered on screen) for a spreadsheet; dates stay ISO 'YYYY-MM-DD',
 *  which every spreadsheet reads as a date in any locale. */
export function sessionsCsv(rows: readonly SessionCsvRow[], lang: Lang): string {
  return toCsv([
    SESSION_HEADERS[lang],
    ...rows.map((r) => [r.date, r.deck, r.className, r.cohort, r.learners, r.minutes, r.place, r.notes]),
  ]);
}
