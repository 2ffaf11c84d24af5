// Pacing: how far the lesson should be by now, from the plan in the deck, against the time the
// class has actually taken. Pure functions over the Deck model (no DOM, no clock), so the
// presenter console, the speaker-view panel and the tests share one definition.
//
// A slide's planned time is the deck package's one rule (slidePlannedMinutes: its own `minutes`,
// discussions included, else the sum of its discussions'). For pacing only, when the deck has a
// `duration`, time not given to any slide is shared out evenly among slides without a plan, the
// way reveal.js spreads `totalTime` (so its own pacing and ours agree); the plan itself (plan
// screen, handout, diagnostic) never counts that share.
import { slidePlannedMinutes, type Deck, type PlannedSlide } from '@lectern/deck';

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

export type PaceState = 'ahead' | 'behind' | 'on-time' | 'no-plan';

export interface Pace {
  state: PaceState;
  /** Seconds ahead or behind (0 when on time). */
  deltaSec: number;
  /** Planned seconds for all slides before the current one. */
  plannedBeforeSec: number;
  /** Planned seconds up to and including the current one. */
  plannedThroughSec: number;
}

/**
 * Where the class stands at slide `index` after `elapsedSec` seconds. On time while the elapsed
 * time lies inside the current slide's planned window; ahead when the slide was reached early;
 * behind once the slide's window is used up.
 */
export function paceAt(plan: readonly number[], index: number, elapsedSec: number): Pace {
  const i = Math.max(0, Math.min(index, plan.length - 1));
  const plannedBeforeSec = plan.slice(0, i).reduce((a, b) => a + b, 0);
  const plannedThroughSec = plannedBeforeSec + (plan[i] ?? 0);
  const total = plan.reduce((a, b) => a + b, 0);
  if (total === 0) return { state: 'no-plan', deltaSec: 0, plannedBeforeSec, plannedThroughSec };
  if (elapsedSec < plannedBeforeSec) {
    return { state: 'ahead', deltaSec: plannedBeforeSec - elapsedSec, plannedBeforeSec, plannedThroughSec };
  }
  if (elapsedSec > plannedThroughSec) {
    return { state: 'behind', deltaSec: elapsedSec - plannedThroughSec, plannedBeforeSec, plannedThroughSec };
  }
  return { state: 'on-time', deltaSec: 0, plannedBeforeSec, plannedThroughSec };
}

/** 75 => "1:15", 3725 => "1:02:05" (a clock reading, not a sentence: no Intl needed). */
export function formatDuration(totalSec: number): string {
  const sec = Math.max(0, Math.floor(totalSec));
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
