// The lesson's timing table: planned minutes per slide and discussion against the lesson's
// `duration`. A slide's minutes are its own `{minutes=…}` when given; otherwise the sum of its
// discussions' minutes (a "Thảo luận {minutes=10}" slide holding a 10-minute discussion counts
// 10 minutes, not 20).
import type { Deck } from '@lectern/deck';

export interface TimingRow {
  index: number;
  /** "3" or "3.2" for a vertical slide. */
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
  const rows = deck.slides.map((slide): TimingRow => {
    const discussionMinutes = slide.discussions.reduce((sum, d) => sum + (d.minutes ?? 0), 0);
    const slideMinutes = slide.attrs.minutes;
    return {
      index: slide.index,
      label: slide.v > 0 ? `${slide.h + 1}.${slide.v + 1}` : `${slide.h + 1}`,
      title: slide.title ?? '',
      line: slide.startLine,
      slideMinutes,
      discussionMinutes,
      discussions: slide.discussions.length,
      planned: slideMinutes ?? discussionMinutes,
    };
  });
  const total = rows.reduce((sum, r) => sum + r.planned, 0);
  const duration = deck.meta.duration;
  return { rows, total, duration, remaining: duration === undefined ? undefined : duration - total };
}
