// The pacing plan: how many seconds each slide is given, from the plan in the deck. Pure functions
// over the Deck model (no DOM, no clock); pace.ts compares it with the time the class has taken.
//
// A slide's planned time is the deck package's one rule (slidePlannedMinutes: its own `minutes`,
// discussions included, else the sum of its discussions'). For pacing only, when the deck has a
// `duration`, time not given to any slide is shared out evenly among slides without a plan, the
// way reveal.js spreads `totalTime` (so its own pacing and ours agree); the plan itself (plan
// screen, handout, diagnostic) never counts that share.
import { slideNumbering, slidePlannedMinutes, type Deck, type PlannedSlide, type PresentConfig } from '@lectern/deck';

/** Pacing seconds per slide, in deck order (= reveal.js linear order: h, then its v's). */
export function plannedSeconds(slides: readonly PlannedSlide[], durationMinutes?: number): number[] {
  const own = slides.map((slide) => Math.round(slidePlannedMinutes(slide) * 60));
  const duration = validMinutes(durationMinutes);
  if (duration === undefined) return own;
  const unplanned = own.filter((s) => s === 0).length;
  const left = duration * 60 - own.reduce((a, b) => a + b, 0);
  if (unplanned === 0 || left <= 0) return own;
  const share = Math.floor(left / unplanned);
  return own.map((s) => (s === 0 ? share : s));
}

export function deckPlan(deck: Deck): number[] {
  return plannedSeconds(deck.slides, deck.meta.duration);
}

function validMinutes(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Pacing seconds per slide as presented (reveal.js linear order), a title slide made from the
 *  front matter counted with no time of its own: what the presenting page and a built site use. */
export function presentedPlan(deck: Deck): number[] {
  const own = deckPlan(deck);
  const count = slideNumbering(deck).count;
  return [...Array<number>(Math.max(0, count - own.length)).fill(0), ...own];
}

/** What a built site's or an Offline HTML export's page tells its runtime (renderPage's config):
 *  the speaker view's language, the pacing plan and the lesson's length, from the deck. */
export function sitePresentConfig(deck: Deck, deckKey: string): PresentConfig {
  const duration = validMinutes(deck.meta.duration);
  return { hash: true, lang: deck.meta.lang || 'vi', plan: presentedPlan(deck), ...(duration ? { duration } : {}), deckKey };
}
