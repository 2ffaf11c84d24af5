// Checking a session typed into the form (or arriving from a backup) before it is stored.
// Pure: the form hands over its raw strings and gets back either a clean draft or problems, each
// naming the field it belongs to so the form can show the message beside it.
import type { Lang } from '../app/i18n.ts';
import { isCalendarDate, parseCalendarDate } from './calendar-date.ts';
import type { CohortDef } from './cohorts.ts';

/** The form's values, as typed. */
export interface SessionFormValues {
  date: string;
  /** '' = no deck (a class taught without a Lectern deck). */
  deckId: string;
  className: string;
  cohort: string;
  learners: string;
  minutes: string;
  place: string;
  notes: string;
}

/** A checked session, ready for the store (which adds id, deckTitle and timestamps). */
export interface SessionDraft {
  date: string;
  deckId: string | null;
  className: string;
  cohort: string;
  learners: number;
  minutes: number | null;
  place: string;
  notes: string;
}

export type SessionField = keyof SessionFormValues;

export type SessionProblemCode =
  | 'date-missing'
  | 'date-invalid'
  | 'cohort-missing'
  | 'cohort-unknown'
  | 'learners-missing'
  | 'learners-not-number'
  | 'learners-negative'
  | 'learners-not-integer'
  | 'learners-too-many'
  | 'minutes-not-number'
  | 'minutes-negative'
  | 'minutes-not-integer'
  | 'minutes-too-many'
  | 'text-too-long';

export interface SessionProblem {
  field: SessionField;
  code: SessionProblemCode;
}

/** Generous upper bounds: they catch a slipped key (12000 for 120), not real classes. */
export const MAX_LEARNERS = 100_000;
export const MAX_MINUTES = 100_000;
export const MAX_TEXT = 2_000;

const RE_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;

function checkCount(
  raw: string,
  field: 'learners' | 'minutes',
  max: number,
  required: boolean,
  problems: SessionProblem[],
): number | null {
  const text = raw.trim();
  if (!text) {
    if (required) problems.push({ field, code: `${field}-missing` as SessionProblemCode });
    return null;
  }
  if (!RE_NUMBER.test(text)) {
    problems.push({ field, code: `${field}-not-number` });
    return null;
  }
  // A comma is a decimal separator to Vietnamese eyes ("12,5"): still not a whole number.
  const value = Number(text.replace(',', '.'));
  if (value < 0) problems.push({ field, code: `${field}-negative` });
  else if (!Number.isInteger(value)) problems.push({ field, code: `${field}-not-integer` });
  else if (value > max) problems.push({ field, code: `${field}-too-many` });
  else return value;
  return null;
}

export function checkSessionForm(
  values: SessionFormValues,
  cohorts: readonly CohortDef[],
): { ok: true; draft: SessionDraft } | { ok: false; problems: SessionProblem[] } {
  const problems: SessionProblem[] = [];
  const date = values.date.trim();
  if (!date) problems.push({ field: 'date', code: 'date-missing' });
  else if (!isCalendarDate(date)) problems.push({ field: 'date', code: 'date-invalid' });

  const cohort = values.cohort.trim();
  if (!cohort) problems.push({ field: 'cohort', code: 'cohort-missing' });
  else if (!cohorts.some((c) => c.id === cohort)) problems.push({ field: 'cohort', code: 'cohort-unknown' });

  const learners = checkCount(values.learners, 'learners', MAX_LEARNERS, true, problems);
  const minutes = checkCount(values.minutes, 'minutes', MAX_MINUTES, false, problems);

  for (const field of ['className', 'place', 'notes'] as const) {
    if (values[field].length > MAX_TEXT) problems.push({ field, code: 'text-too-long' });
  }
  if (problems.length > 0 || learners === null) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      date,
      deckId: values.deckId.trim() || null,
      className: values.className.trim(),
      cohort,
      learners,
      minutes,
      place: values.place.trim(),
      notes: values.notes.trim(),
    },
  };
}

/** For records that did not come through the form (backup import, after-class prompt). */
export function checkSessionRecord(record: {
  date?: unknown;
  cohort?: unknown;
  learners?: unknown;
  minutes?: unknown;
}): SessionProblem[] {
  const problems: SessionProblem[] = [];
  if (record.date === undefined || record.date === null || record.date === '') problems.push({ field: 'date', code: 'date-missing' });
  else if (typeof record.date !== 'string' || !parseCalendarDate(record.date)) problems.push({ field: 'date', code: 'date-invalid' });
  if (typeof record.cohort !== 'string' || !record.cohort) problems.push({ field: 'cohort', code: 'cohort-missing' });
  const count = (value: unknown, field: 'learners' | 'minutes', max: number, required: boolean) => {
    if (value === undefined || value === null) {
      if (required) problems.push({ field, code: `${field}-missing` as SessionProblemCode });
    } else if (typeof value !== 'number' || Number.isNaN(value)) problems.push({ field, code: `${field}-not-number` });
    else if (value < 0) problems.push({ field, code: `${field}-negative` });
    else if (!Number.isInteger(value)) problems.push({ field, code: `${field}-not-integer` });
    else if (value > max) problems.push({ field, code: `${field}-too-many` });
  };
  count(record.learners, 'learners', MAX_LEARNERS, true);
  count(record.minutes, 'minutes', MAX_MINUTES, false);
  return problems;
}

const MESSAGES: Record<Lang, Record<SessionProblemCode, string>> = {
  vi: {
    'date-missing': 'Hãy nhập ngày học.',
    'date-invalid': 'Ngày học không hợp lệ (định dạng năm-tháng-ngày, ví dụ 2026-03-15).',
    'cohort-missing': 'Hãy chọn đối tượng học viên.',
    'cohort-unknown': 'Đối tượng này không còn trong danh sách: hãy chọn lại.',
    'learners-missing': 'Hãy nhập số học viên.',
    'learners-not-number': 'Số học viên phải là một số.',
    'learners-negative': 'Số học viên không thể là số âm.',
    'learners-not-integer': 'Số học viên phải là số nguyên (không có phần lẻ).',
    'learners-too-many': `Số học viên quá lớn (tối đa ${MAX_LEARNERS.toLocaleString('vi-VN')}): hãy kiểm tra lại.`,
    'minutes-not-number': 'Số phút phải là một số.',
    'minutes-negative': 'Số phút không thể là số âm.',
    'minutes-not-integer': 'Số phút phải là số nguyên.',
    'minutes-too-many': `Số phút quá lớn (tối đa ${MAX_MINUTES.toLocaleString('vi-VN')}).`,
    'text-too-long': `Nội dung quá dài (tối đa ${MAX_TEXT.toLocaleString('vi-VN')} ký tự).`,
  },
  en: {
    'date-missing': 'Enter the date of the class.',
    'date-invalid': 'The date is not valid (year-month-day, e.g. 2026-03-15).',
    'cohort-missing': 'Choose the cohort.',
    'cohort-unknown': 'This cohort is no longer in the list: choose another.',
    'learners-missing': 'Enter the number of learners.',
    'learners-not-number': 'Learners must be a number.',
    'learners-negative': 'Learners cannot be negative.',
    'learners-not-integer': 'Learners must be a whole number.',
    'learners-too-many': `Too many learners (at most ${MAX_LEARNERS.toLocaleString('en-GB')}): check the number.`,
    'minutes-not-number': 'Minutes must be a number.',
    'minutes-negative': 'Minutes cannot be negative.',
    'minutes-not-integer': 'Minutes must be a whole number.',
    'minutes-too-many': `Too many minutes (at most ${MAX_MINUTES.toLocaleString('en-GB')}).`,
    'text-too-long': `Too long (at most ${MAX_TEXT.toLocaleString('en-GB')} characters).`,
  },
};

export function sessionProblemMessage(code: SessionProblemCode, lang: Lang): string {
  return MESSAGES[lang][code];
}
