// The window of top-level slides a long deck keeps in reveal.js's DOM: where it sits, when it must
// move, and how reveal.js's positions map to the deck's true ones.
import { describe, expect, it } from 'vitest';
import { SectionWindow, WINDOW_FROM, WINDOW_MARGIN, WINDOW_RADIUS } from '../../../src/present/section-window.ts';

describe('SectionWindow', () => {
  it('leaves a deck at or under the threshold whole', () => {
    const small = new SectionWindow(WINDOW_FROM);
    expect(small.active).toBe(false);
    expect([small.start, small.end]).toEqual([0, WINDOW_FROM]);
    expect(small.centredOn(40)).toEqual({ start: 0, end: WINDOW_FROM });
    expect(small.toReveal(59)).toBe(59);
    expect(small.comfortable(0)).toBe(true);
    expect(small.comfortable(59)).toBe(true);
  });

  it('keeps the current slide and RADIUS slides either side of it, clamped to the deck', () => {
    const w = new SectionWindow(1000);
    expect(w.active).toBe(true);
    expect([w.start, w.end]).toEqual([0, 2 * WINDOW_RADIUS + 1]);
    expect(w.centredOn(411)).toEqual({ start: 411 - WINDOW_RADIUS, end: 411 + WINDOW_RADIUS + 1 });
    expect(w.centredOn(3)).toEqual({ start: 0, end: 2 * WINDOW_RADIUS + 1 });
    expect(w.centredOn(999)).toEqual({ start: 1000 - (2 * WINDOW_RADIUS + 1), end: 1000 });
    expect(w.centredOn(5000)).toEqual(w.centredOn(999));
    expect(w.centredOn(-3)).toEqual(w.centredOn(0));
  });

  it('maps true indices to reveal.js positions inside the window and back', () => {
    const w = new SectionWindow(1000);
    expect(w.moveTo(w.centredOn(411))).toBe(true);
    expect(w.moveTo(w.centredOn(411))).toBe(false);
    expect(w.toReveal(411)).toBe(WINDOW_RADIUS);
    expect(w.toTrue(WINDOW_RADIUS)).toBe(411);
    expect(w.toReveal(w.start)).toBe(0);
    expect(w.toReveal(w.start - 1)).toBeUndefined();
    expect(w.toReveal(w.end)).toBeUndefined();
    expect(w.toTrue(w.toReveal(411 + WINDOW_RADIUS)!)).toBe(411 + WINDOW_RADIUS);
  });

  it('asks for a move only within MARGIN of an edge that is not the deck’s own', () => {
    const w = new SectionWindow(1000);
    w.moveTo(w.centredOn(411));
    expect(w.comfortable(411)).toBe(true);
    expect(w.comfortable(w.start + WINDOW_MARGIN)).toBe(true);
    expect(w.comfortable(w.start + WINDOW_MARGIN - 1)).toBe(false);
    expect(w.comfortable(w.end - 1 - WINDOW_MARGIN)).toBe(true);
    expect(w.comfortable(w.end - WINDOW_MARGIN)).toBe(false);
    expect(w.comfortable(5)).toBe(false); // outside
    // At the deck's ends there is nothing to move towards.
    w.moveTo(w.centredOn(0));
    expect(w.comfortable(0)).toBe(true);
    w.moveTo(w.centredOn(999));
    expect(w.comfortable(999)).toBe(true);
    expect(w.comfortable(w.start + 1)).toBe(false);
  });

  it('stepping slide by slide through the deck always finds the next slide inside the window once moved', () => {
    const w = new SectionWindow(300);
    for (let h = 0; h < 299; h++) {
      if (!w.comfortable(h)) w.moveTo(w.centredOn(h));
      expect(w.toReveal(h + 1)).toBeDefined();
      expect(w.end - w.start).toBe(2 * WINDOW_RADIUS + 1);
    }
  });

  it('opens to the whole deck (overview) and refuses a window outside the deck', () => {
    const w = new SectionWindow(200);
    w.moveTo(w.everything());
    expect([w.start, w.end]).toEqual([0, 200]);
    expect(w.comfortable(0) && w.comfortable(199)).toBe(true);
    expect(() => w.moveTo({ start: 190, end: 201 })).toThrow(RangeError);
    expect(() => w.moveTo({ start: 5, end: 5 })).toThrow(RangeError);
    expect(() => new SectionWindow(100, 5, 5)).toThrow(RangeError);
  });
});
