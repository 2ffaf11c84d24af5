// Placeholder while the lesson-plan summary lands.
import type { Deck, DeckMeta } from './types.ts';
export interface OutlineEntry { index: number; h: number; v: number; title?: string; minutes?: number; line: number }
export interface PlanDiscussion { slide: number; minutes?: number; groups?: number; text: string; line: number }
export interface PlanExcerpt { slide: number; source?: string; number?: string; issuer?: string; ref?: string; date?: string; text: string; line: number }
export interface PlanQuestion { slide: number; points?: number; text: string; line: number }
export interface PlanSummary { meta: DeckMeta; outline: OutlineEntry[]; discussions: PlanDiscussion[]; excerpts: PlanExcerpt[]; questions: PlanQuestion[]; totalMinutes: number }
export function deckOutline(deck: Deck): OutlineEntry[] {
  return deck.slides.map((s) => ({ index: s.index, h: s.h, v: s.v, title: s.title, minutes: s.attrs.minutes, line: s.startLine }));
}
export function planSummary(deck: Deck): PlanSummary {
  return { meta: deck.meta, outline: deckOutline(deck), discussions: [], excerpts: [], questions: [], totalMinutes: 0 };
}
