// The half-year aggregation lives in @lectern/teaching: the app's report and the CLI's centre
// report count with the same code.
export {
  type SessionFacts,
  type DeckFacts,
  type Tally,
  type CohortRow,
  type DeckRow,
  type Report,
  aggregateSessions,
} from '@lectern/teaching';
