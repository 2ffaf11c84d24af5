// The store's way to the deck parser: one import(), on the first write that needs a summary (or
// before a v1 -> v2 migration). Listing decks reads stored summaries and never gets here.
import type { Summarize } from './summarize.ts';

let loading: Promise<Summarize> | undefined;

export function loadSummarizer(): Promise<Summarize> {
  loading ??= import('./summarize.ts').then((m) => m.deckSummary);
  // A failed load (offline before the chunk was cached) may be retried on the next write.
  loading.catch(() => (loading = undefined));
  return loading;
}
