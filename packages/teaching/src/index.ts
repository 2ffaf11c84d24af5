// @lectern/teaching: the teaching record's pure rules, shared by the app and the CLI so a report
// has one set of numbers wherever it is made: calendar dates and reporting periods, cohorts and
// their built-in labels (vi/en), the half-year aggregation, and the CSV writer. Framework-free.
export {
  type CalendarDate,
  isLeapYear,
  daysInMonth,
  parseCalendarDate,
  isCalendarDate,
  calendarDate,
  localCalendarDate,
  displayInstant,
  formatCalendarDate,
} from './calendar-date.ts';
export {
  type Period,
  type PeriodPreset,
  type PeriodProblem,
  halfYear,
  wholeYear,
  presetPeriod,
  halfYearOf,
  matchPreset,
  inPeriod,
  checkPeriod,
  periodProblemMessages,
  describePeriod,
} from './period.ts';
export {
  type CohortDef,
  type CohortProblem,
  BUILTIN_COHORTS,
  DEFAULT_COHORTS,
  OTHER_COHORT_ID,
  cohortLabel,
  cohortClassPhrase,
  cohortLearnerNoun,
  checkCohorts,
} from './cohorts.ts';
export {
  type SessionFacts,
  type DeckFacts,
  type Tally,
  type CohortRow,
  type DeckRow,
  type Report,
  aggregateSessions,
} from './aggregate.ts';
export { csvField, toCsv, csvBytes, sessionsCsv, type SessionCsvRow } from './csv.ts';
export { deckRowName, reportCsv, reportCsvFilename, type LecturerTally } from './report-csv.ts';
export { formalDate } from './formal-date.ts';
export type { TeachingLang } from './lang.ts';
