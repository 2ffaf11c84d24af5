// Placeholder while the line scanner lands: one slide per deck.
import type { Deck } from './types.ts';
export function parseDeck(source: string, _previous?: Deck): Deck {
  const bom = source.charCodeAt(0) === 0xfeff;
  return {
    source, bom, eol: source.includes('\r\n') ? '\r\n' : '\n',
    meta: { lang: 'vi', objectives: { knowledge: [], skills: [], attitude: [] }, tags: [], references: [], titleSlide: false, extra: {} },
    slides: [], diagnostics: [],
  };
}
export function serializeDeck(deck: Deck): string { return deck.source; }
