// The report's CSV lives in @lectern/teaching (the CLI's centre report writes the same bytes).
export { csvBytes, csvField, sessionsCsv, toCsv, type SessionCsvRow, deckRowName, reportCsv, reportCsvFilename } from '@lectern/teaching';
