// The one empty list that every slide without discussions, excerpts, questions, media or
// diagnostics holds, and every rendered slide without diagnostics. A parse keeps its slides while
// the render runs, and the render keeps what it makes: five empty arrays a slide were a fifth of a
// slide's own objects, which V8 copies at every young-generation collection they live through
// (the full render at 1,000 slides 2-4 % faster without them). Frozen: nothing may add to a
// slide's lists (nothing does; an attempt would throw instead of changing every slide at once).
const NONE: readonly never[] = Object.freeze([]);

/** The shared frozen empty list. */
export function none<T>(): T[] {
  // The lists are typed mutable for their makers; the shared one is never written (see above).
  return NONE as unknown as T[];
}

/** `list`, or the shared frozen empty list when `list` is empty. */
export function orNone<T>(list: T[]): T[] {
  return list.length === 0 ? none<T>() : list;
}

/** `list`, or a new array in place of the shared empty one, to push to. */
export function own<T>(list: T[]): T[] {
  return list.length === 0 ? [] : list;
}
