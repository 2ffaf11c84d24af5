// @lectern/teaching: the teaching record's pure rules, shared by the app and the CLI so a report
// has one set of numbers wherever it is made: calendar dates and reporting periods, cohorts and
// their built-in labels (vi/en), the half-year aggregation, and the CSV writer. Framework-free.
export * from './calendar-date.ts';
export * from './period.ts';
export * from './cohorts.ts';
export * from './aggregate.ts';
export * from './csv.ts';
export * from './report-csv.ts';
export * from './formal-date.ts';
export type * from './lang.ts';
