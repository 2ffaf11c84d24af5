// The lesson's timing table: planned minutes per slide and discussion against the lesson's
// `duration`. What a slide adds is the deck package's one rule (slidePlannedMinutes).
import { slideNumbering, slidePlannedMinutes, type Deck } from '@lectern/deck';

export interface TimingRow {
  index: number;
  /** The deck package's slide number: "3", or "3.2" for a vertical slide. */
  label: string;
  title: string;
  line: number;
  slideMinutes?: number;
  discussionMinutes: number;
  discussions: number;
  /** What this slide adds to the plan. */
  planned: number;
}

export interface Timing {
  rows: TimingRow[];
  total: number;
  duration?: number;
  /** Minutes left (negative when over). Undefined without a duration. */
  remaining?: number;
}

export function lessonTiming(deck: Deck): Timing {
  const { labels } = slideNumbering(deck);
  const rows = deck.slides.map((slide): TimingRow => {
    const discussionMinutes = slide.discussions.reduce((sum, d) => sum + (d.minutes ?? 0), 0);
    const slideMinutes = slide.attrs.minutes;
    return {
      index: slide.index,
      label: labels[slide.index] ?? '',
      title: slide.title ?? '',
      line: slide.startLine,
      slideMinutes,
      discussionMinutes,
      discussions: slide.discussions.length,
      planned: slidePlannedMinutes(slide),
    };
  });
  const total = rows.reduce((sum, r) => sum + r.planned, 0);
  const duration = deck.meta.duration;
  return { rows, total, duration, remaining: duration === undefined ? undefined : duration - total };
}
