// The CSV writer lives in @lectern/teaching (shared with the CLI's centre report).
export { csvField, toCsv, csvBytes, sessionsCsv, type SessionCsvRow } from '@lectern/teaching';
