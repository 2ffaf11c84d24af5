// Pacing, discussion countdowns and clip parsing: pure parts of the presenter, no DOM, no waiting
// (the countdown's clock is injected).
import { describe, expect, it } from 'vitest';
import { parseDeck } from '@lectern/deck';
import { clipFromUrl } from '../../../src/present/clips.ts';
import { Countdown } from '../../../src/present/countdown.ts';
import { deckPlan, formatDuration, paceAt, plannedSeconds } from '../../../src/present/pacing.ts';

describe('plannedSeconds', () => {
  it('should count a slide’s own minutes with its discussions inside, else its discussions’ sum', () => {
    const plan = plannedSeconds([
      { attrs: { minutes: 5 }, discussions: [] },
      { attrs: {}, discussions: [{ minutes: 10 }, { minutes: 2.5 }] },
      { attrs: { minutes: 15 }, discussions: [{ minutes: 15 }] },
    ]);
    expect(plan).toEqual([300, 750, 900]);
  });
  it('should share the unplanned part of the duration among slides without a plan', () => {
    expect(plannedSeconds([{ attrs: { minutes: 10 }, discussions: [] }, { attrs: {}, discussions: [] }, { attrs: {}, discussions: [] }], 30)).toEqual([600, 600, 600]);
  });
  it('should ignore nonsense minutes and a duration already used up', () => {
    expect(plannedSeconds([{ attrs: { minutes: -3 }, discussions: [{ minutes: Number.NaN }] }, { attrs: { minutes: 20 }, discussions: [] }], 10)).toEqual([0, 1200]);
  });
  it('should read the plan of a real deck (the Vietnamese sample)', async () => {
    const { readFileSync } = await import('node:fs');
    const deck = parseDeck(readFileSync('slides/nghi-quyet-dang-vien-moi/deck.md', 'utf8'));
    const plan = deckPlan(deck);
    expect(plan).toHaveLength(deck.slides.length);
    expect(plan.reduce((a, b) => a + b, 0)).toBe(85 * 60);
    expect(plan[deck.slides.findIndex((s) => s.discussions.length > 0)]).toBe(15 * 60);
  });
});

describe('paceAt', () => {
  const plan = [60, 120, 60];
  it('should be ahead when a slide is reached before its planned start', () => {
    expect(paceAt(plan, 2, 100)).toMatchObject({ state: 'ahead', deltaSec: 80, plannedBeforeSec: 180, plannedThroughSec: 240 });
  });
  it('should be on time inside the slide’s planned window', () => {
    expect(paceAt(plan, 1, 90)).toMatchObject({ state: 'on-time', deltaSec: 0 });
  });
  it('should be behind once the window is used up', () => {
    expect(paceAt(plan, 0, 75)).toMatchObject({ state: 'behind', deltaSec: 15 });
  });
  it('should say there is no plan when no slide has one', () => {
    expect(paceAt([0, 0], 1, 500).state).toBe('no-plan');
  });
});

describe('formatDuration', () => {
  it('should read like a clock', () => {
    expect([formatDuration(0), formatDuration(75), formatDuration(3725), formatDuration(-4)]).toEqual(['0:00', '1:15', '1:02:05', '0:00']);
  });
});

describe('Countdown', () => {
  function clock() {
    let t = 0;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  }
  it('should run, pause (time stands still) and end', () => {
    const c = clock();
    const cd = new Countdown(3000, c.now);
    cd.start();
    c.advance(1000);
    expect(cd.remainingMs()).toBe(2000);
    cd.pause();
    c.advance(5000);
    expect(cd.remainingMs()).toBe(2000);
    cd.toggle();
    c.advance(2500);
    expect(cd.remainingMs()).toBe(0);
    expect(cd.ended).toBe(true);
  });
  it('should extend a running or ended countdown', () => {
    const c = clock();
    const cd = new Countdown(1000, c.now);
    cd.start();
    c.advance(400);
    cd.extend(60_000);
    expect(cd.remainingMs()).toBe(60_600);
    expect(cd.running).toBe(true);
    c.advance(70_000);
    expect(cd.ended).toBe(true);
    cd.extend(60_000);
    expect(cd.ended).toBe(false);
    expect(cd.running).toBe(false);
  });
  it('should not start once ended, and reset to its full time', () => {
    const c = clock();
    const cd = new Countdown(100, c.now);
    cd.start();
    c.advance(200);
    cd.start();
    expect(cd.ended).toBe(true);
    cd.reset();
    expect(cd.remainingMs()).toBe(100);
    expect(cd.running).toBe(false);
  });
});

describe('clipFromUrl', () => {
  it('should read #t=start,end and #t=start', () => {
    expect(clipFromUrl('blob:http://x/abc#t=1,4')).toEqual({ start: 1, end: 4 });
    expect(clipFromUrl('media/a.mp4#t=90')).toEqual({ start: 90 });
    expect(clipFromUrl('media/a.mp4#t=,30')).toEqual({ start: 0, end: 30 });
  });
  it('should refuse clips that end before they start, and plain URLs', () => {
    expect(clipFromUrl('a.mp4#t=5,2')).toBeUndefined();
    expect(clipFromUrl('a.mp4')).toBeUndefined();
    expect(clipFromUrl(undefined)).toBeUndefined();
  });
});
