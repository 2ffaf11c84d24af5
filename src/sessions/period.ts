// Reporting periods live in @lectern/teaching (shared with the CLI's centre report).
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
} from '@lectern/teaching';
