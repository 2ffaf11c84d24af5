// The half-year report as CSV for spreadsheet programs, through the writer it shares with the
// sessions list (csv.ts: its byte-exact rules are there; tested against a golden file).
// One rectangular table: Section, Name, Classes, Learners, Minutes; the total first, then every
// cohort, then (whole centre) every lecturer, then every deck.
import type { TeachingLang as Lang } from './lang.ts';
import { cohortLabel, type CohortDef } from './cohorts.ts';
import type { Report, Tally } from './aggregate.ts';
import { describePeriod } from './period.ts';
import { toCsv } from './csv.ts';

const HEADERS: Record<Lang, readonly string[]> = {
  vi: ['Phần', 'Tên', 'Số lớp', 'Số học viên', 'Số phút'],
  en: ['Section', 'Name', 'Classes', 'Learners', 'Minutes'],
};

const WORDS = {
  vi: { total: 'Tổng cộng', cohort: 'Đối tượng', lecturer: 'Giảng viên', deck: 'Bài giảng', noDeck: '(Không gắn bài giảng)', deleted: '(đã xóa)' },
  en: { total: 'Total', cohort: 'Cohort', lecturer: 'Lecturer', deck: 'Deck', noDeck: '(No deck)', deleted: '(deleted)' },
} as const;

/** One lecturer's line of a whole-centre report. */
export interface LecturerTally {
  name: string;
  total: Tally;
}

/** The deck row's name as the report shows it: "Title (đã xóa)" for a deleted deck. */
export function deckRowName(row: { deckId: string | null; title: string; deleted: boolean }, lang: Lang): string {
  const words = WORDS[lang];
  if (row.deckId === null) return words.noDeck;
  return row.deleted ? `${row.title} ${words.deleted}` : row.title;
}

/** The report as CSV; a whole-centre report passes its lecturers, listed after the cohorts. */
export function reportCsv(report: Report, cohorts: readonly CohortDef[], lang: Lang, lecturers: readonly LecturerTally[] = []): string {
  const words = WORDS[lang];
  const byId = new Map(cohorts.map((c) => [c.id, c]));
  const tally = (t: { classes: number; learners: number; minutes: number }) => [t.classes, t.learners, t.minutes];
  return toCsv([
    HEADERS[lang],
    [words.total, describePeriod(report.period, lang), ...tally(report.total)],
    ...report.cohorts.map((row) => [words.cohort, cohortLabel(byId.get(row.cohortId), row.cohortId, lang), ...tally(row)]),
    ...lecturers.map((row) => [words.lecturer, row.name, ...tally(row.total)]),
    ...report.decks.map((row) => [words.deck, deckRowName(row, lang), ...tally(row)]),
  ]);
}

/** 'bao-cao-2026-01-01_2026-06-30.csv' (ASCII: safe on every file system and in every browser). */
export function reportCsvFilename(report: Report, lang: Lang, wholeCentre = false): string {
  const name = wholeCentre ? (lang === 'vi' ? 'bao-cao-toan-trung-tam' : 'centre-report') : lang === 'vi' ? 'bao-cao' : 'report';
  return `${name}-${report.period.from}_${report.period.to}.csv`;
}

