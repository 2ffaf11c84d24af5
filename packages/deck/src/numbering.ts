// Slide numbers, one rule for every screen, print and CLI line: the way reveal.js shows a deck.
// The title slide made from the front matter (`titleSlide: true`) is slide 1 and counts; a
// top-level slide is "n"; the slides under it in a vertical stack are "n.2", "n.3" (the stack's
// first slide is "n" itself, as the outline and the plan screen show it).
import type { Deck } from './types.ts';

export interface SlideNumbering {
  /** Slides the audience sees, the title slide included. */
  count: number;
  /** Label of each deck slide, by `Slide.index`. */
  labels: string[];
  /** Label of the title slide ("1"), when the deck has one. */
  titleSlide?: string;
  /** Every label in reveal.js's linear order (title slide first): index = slides shown before it. */
  linear: string[];
}

/** One slide's label from its reveal.js coordinates (Slide.h already counts the title slide). */
function label(h: number, v: number): string {
  return v > 0 ? `${h + 1}.${v + 1}` : String(h + 1);
}

export function slideNumbering(deck: Pick<Deck, 'meta' | 'slides'>): SlideNumbering {
  const title = deck.meta.titleSlide;
  const labels = deck.slides.map((s) => label(s.h, s.v));
  const numbering: SlideNumbering = { count: deck.slides.length + (title ? 1 : 0), labels, linear: title ? ['1', ...labels] : labels };
  if (title) numbering.titleSlide = '1';
  return numbering;
}
