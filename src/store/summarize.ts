// Summary fields of a deck (title, audience, tags, duration, slide count), derived from its
// Markdown on every save so the library can list decks without reading their text.
//
// The one deck scanner is `parseDeck` in @lectern/deck (the parser the editor, presenter and CLI
// use). This module is the only store file that imports the deck package, and the store loads it
// with import() when a deck is written (load-summarizer.ts), never to list or open the library:
// the library's first load stays free of the parser (budget.json).
import { parseDeck, slideNumbering } from '@lectern/deck';
import type { DeckDigest } from './types.ts';

/** Synchronous on purpose: the v1 -> v2 migration runs inside an upgrade transaction. */
export type Summarize = (markdown: string) => DeckDigest;

/** Summary from parseDeck: front-matter title, else the first slide's heading. */
export function deckSummary(markdown: string): DeckDigest {
  const deck = parseDeck(markdown);
  const digest: DeckDigest = {
    title: deck.meta.title?.trim() || deck.slides.find((s) => s.title)?.title?.trim() || undefined,
    tags: [...deck.meta.tags],
    // The deck package's count (title slide included), as the presenter and the CLI say it.
    slideCount: markdown.trim() === '' ? 0 : slideNumbering(deck).count,
  };
  if (deck.meta.audience) digest.audience = deck.meta.audience;
  if (typeof deck.meta.duration === 'number' && Number.isFinite(deck.meta.duration)) digest.duration = deck.meta.duration;
  return digest;
}
