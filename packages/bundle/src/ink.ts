// Ink kept on a deck ("keep this ink on the deck", src/present/ink), as a bundle carries it from
// version 2 on: per slide (`h.v`), strokes in slide-relative coordinates. The schema is the one
// description of a stroke; the app's store uses the type inferred from it. Everything in a
// bundle is untrusted: bounded counts, finite numbers in range, known tools, `#rrggbb` colours.
import * as v from 'valibot';

/** Most strokes a bundle may carry in all (a busy lesson has a few hundred). */
export const MAX_INK_STROKES = 50_000;
/** Most numbers (x, y, pressure per point) in one stroke. */
export const MAX_INK_STROKE_NUMBERS = 30_000;

const unit = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));

export const InkStrokeSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  tool: v.picklist(['pen', 'highlighter']),
  color: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'not a colour like #d62828')),
  /** Width as a fraction of the slide's width. */
  size: unit(0.0005, 0.2),
  /** The fragment step shown when it was drawn (-1: before the first). */
  step: v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(100_000)),
  /** x, y, pressure, repeated; x and y may run a little off the slide. */
  points: v.pipe(
    v.array(unit(-1, 2)),
    v.maxLength(MAX_INK_STROKE_NUMBERS),
    v.check((p) => p.length % 3 === 0 && p.length >= 3, 'points must be x, y, pressure triples'),
  ),
});

export const InkSlideSchema = v.object({
  slide: v.pipe(v.string(), v.regex(/^\d{1,6}\.\d{1,6}$/, 'not a slide like 3.0')),
  strokes: v.pipe(v.array(InkStrokeSchema), v.maxLength(MAX_INK_STROKES)),
});

export const InkSchema = v.pipe(
  v.array(InkSlideSchema),
  v.maxLength(100_000),
  v.check((slides) => slides.reduce((n, s) => n + s.strokes.length, 0) <= MAX_INK_STROKES, `more than ${MAX_INK_STROKES} ink strokes`),
);

export type InkStroke = v.InferOutput<typeof InkStrokeSchema>;
export type InkSlide = v.InferOutput<typeof InkSlideSchema>;
