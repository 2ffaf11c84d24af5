// The lesson plan behind a deck, for the handout and the lesson-plan panel: meta, a timed outline
// (slide titles and planned minutes), every discussion prompt, excerpt and question with the slide
// it is on, the documents cited, and the planned total against the lesson's duration.
//
// Planned time has one rule, here, used by the timing diagnostic, the plan screen, pacing, the
// handout and the renderer's `data-timing`: a slide's own `minutes` is the slide's time, its
// discussions included; a slide without `minutes` takes the sum of its discussions' minutes.
import type { Deck, DeckMeta, Discussion, Excerpt, SlideAttrs } from './types.ts';

/** What a slide's planned time depends on (a parsed Slide has both). */
export interface PlannedSlide {
  attrs: Pick<SlideAttrs, 'minutes'>;
  discussions: readonly Pick<Discussion, 'minutes'>[];
}

/** A usable number of minutes: finite and above zero. */
export function validMinutes(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Planned minutes of one slide: its own `minutes` when given (a "Thảo luận {minutes=15}" slide
 * holding a 15-minute discussion is 15 minutes, not 30); otherwise the sum of its discussions'
 * minutes; 0 when nothing on it is planned.
 */
export function slidePlannedMinutes(slide: PlannedSlide): number {
  const own = validMinutes(slide.attrs.minutes);
  if (own !== undefined) return own;
  let sum = 0;
  for (const d of slide.discussions) sum += validMinutes(d.minutes) ?? 0;
  return sum;
}

/** Planned minutes of every slide, in deck order, and their sum. */
export function plannedMinutes(slides: readonly PlannedSlide[]): { slides: number[]; total: number } {
  const perSlide = slides.map(slidePlannedMinutes);
  return { slides: perSlide, total: perSlide.reduce((a, b) => a + b, 0) };
}

export interface OutlineEntry {
  /** Index in deck.slides, and reveal.js coordinates. */
  index: number;
  h: number;
  v: number;
  title?: string;
  /** Planned minutes of the slide itself (`minutes=` on its heading). */
  minutes?: number;
  /** Minutes of the discussion prompts on this slide. */
  discussionMinutes: number;
  /** What the slide adds to the lesson (slidePlannedMinutes). */
  planned: number;
  /** First line of the slide in the file. */
  line: number;
}

export interface PlanDiscussion {
  slide: number;
  minutes?: number;
  groups?: number;
  /** Markdown. */
  text: string;
  line: number;
}

/** An excerpt as the plan lists it: the block's fields and the slide it is on. */
export interface PlanExcerpt extends Excerpt {
  slide: number;
}

export interface PlanQuestion {
  slide: number;
  points?: number;
  text: string;
  line: number;
}

/** A document cited by at least one excerpt. */
export interface CitedDocument {
  source: string;
  number?: string;
  issuer?: string;
  date?: string;
  /** Slides (indexes) that quote it. */
  slides: number[];
}

export interface PlanSummary {
  meta: DeckMeta;
  outline: OutlineEntry[];
  discussions: PlanDiscussion[];
  excerpts: PlanExcerpt[];
  questions: PlanQuestion[];
  /** Unique by source + number, in order of first citation. */
  documents: CitedDocument[];
  /** Sum of the slides' planned minutes: what timing-over-duration compares with meta.duration. */
  totalMinutes: number;
  /** Sum of question points. */
  totalPoints: number;
  overDuration: boolean;
}

/** Slide titles with their planned minutes, in order. */
export function deckOutline(deck: Deck): OutlineEntry[] {
  return deck.slides.map((s) => {
    const entry: OutlineEntry = {
      index: s.index,
      h: s.h,
      v: s.v,
      discussionMinutes: s.discussions.reduce((sum, d) => sum + (validMinutes(d.minutes) ?? 0), 0),
      planned: slidePlannedMinutes(s),
      line: s.startLine,
    };
    if (s.title !== undefined) entry.title = s.title;
    if (s.attrs.minutes !== undefined) entry.minutes = s.attrs.minutes;
    return entry;
  });
}

export function planSummary(deck: Deck): PlanSummary {
  const outline = deckOutline(deck);
  const discussions: PlanDiscussion[] = [];
  const excerpts: PlanExcerpt[] = [];
  const questions: PlanQuestion[] = [];
  const documents = new Map<string, CitedDocument>();
  for (const slide of deck.slides) {
    for (const d of slide.discussions) discussions.push(withoutMinutesAt({ slide: slide.index, ...d }));
    for (const e of slide.excerpts) {
      excerpts.push({ slide: slide.index, ...e });
      if (!e.source) continue;
      const key = `${e.source}\u0000${e.number ?? ''}`;
      const doc = documents.get(key);
      if (doc) {
        if (!doc.slides.includes(slide.index)) doc.slides.push(slide.index);
        continue;
      }
      const cited: CitedDocument = { source: e.source, slides: [slide.index] };
      if (e.number) cited.number = e.number;
      if (e.issuer) cited.issuer = e.issuer;
      if (e.date) cited.date = e.date;
      documents.set(key, cited);
    }
    for (const q of slide.questions) questions.push({ slide: slide.index, ...q });
  }
  const totalMinutes = outline.reduce((sum, o) => sum + o.planned, 0);
  return {
    meta: deck.meta,
    outline,
    discussions,
    excerpts,
    questions,
    documents: [...documents.values()],
    totalMinutes,
    totalPoints: questions.reduce((sum, q) => sum + (q.points ?? 0), 0),
    overDuration: deck.meta.duration !== undefined && totalMinutes > deck.meta.duration,
  };
}

function withoutMinutesAt<T extends { minutesAt?: unknown }>(item: T): Omit<T, 'minutesAt'> {
  const { minutesAt: _ignored, ...rest } = item;
  return rest;
}
