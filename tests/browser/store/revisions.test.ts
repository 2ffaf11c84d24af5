import { describe, expect, it } from 'vitest';
import { isStoreError, revisionsToPrune } from '../../../src/store/index.ts';
import { freshStore } from './helpers.ts';

const DAY = 86_400_000;

describe('revision policy', () => {
  it('should keep the last 50 and the newest revision of each of the last 30 days', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    // 100 revisions, one per 10 hours going back ~41 days: rev 100 newest.
    const revisions = Array.from({ length: 100 }, (_, i) => ({
      rev: i + 1,
      savedAt: new Date(now.getTime() - (100 - (i + 1)) * 10 * 3_600_000).toISOString(),
    }));
    const pruned = new Set(revisionsToPrune(revisions, now));
    const kept = revisions.filter((r) => !pruned.has(r.rev));
    for (let rev = 51; rev <= 100; rev++) expect(pruned.has(rev)).toBe(false);
    const days = new Set(kept.map((r) => r.savedAt.slice(0, 10)));
    // Every day of the last 30 with a revision has one kept: its newest.
    for (const r of revisions) {
      if (Date.parse(r.savedAt) < now.getTime() - 30 * DAY) {
        if (r.rev <= 50) expect(pruned.has(r.rev)).toBe(true);
        continue;
      }
      expect(days.has(r.savedAt.slice(0, 10))).toBe(true);
    }
    for (const day of days) {
      const ofDay = revisions.filter((r) => r.savedAt.startsWith(day) && !pruned.has(r.rev));
      const newest = Math.max(...revisions.filter((r) => r.savedAt.startsWith(day)).map((r) => r.rev));
      if (ofDay.every((r) => r.rev <= 50)) expect(ofDay.map((r) => r.rev)).toEqual([newest]);
    }
  });
});

describe('revisions', () => {
  it('should keep every previous text, list newest first and restore one as a new save', async () => {
    const store = await freshStore();
    const deck = await store.createDeck({ markdown: 'v1' });
    let rev = deck.rev;
    for (const text of ['v2', 'v3', 'v4']) {
      const r = await store.saveDeck(deck.id, text, rev);
      if (!r.ok) throw new Error('unexpected conflict');
      rev = r.record.rev;
    }
    const list = await store.listRevisions(deck.id);
    expect(list.map((r) => r.rev)).toEqual([3, 2, 1]);
    expect((await store.getRevision(deck.id, 1))?.markdown).toBe('v1');
    expect((await store.getRevision(deck.id, 3))?.markdown).toBe('v3');

    const stale = await store.restoreRevision(deck.id, 1, 2);
    expect(stale.ok).toBe(false);
    expect((await store.getDeck(deck.id))?.markdown).toBe('v4');

    const restored = await store.restoreRevision(deck.id, 1, 4);
    expect(restored.ok && restored.record).toMatchObject({ rev: 5, markdown: 'v1' });
    expect((await store.getRevision(deck.id, 4))?.markdown).toBe('v4');
    const missing = await store.restoreRevision(deck.id, 99, 5).catch((e: unknown) => e);
    expect(isStoreError(missing, 'not-found')).toBe(true);
  });

  it('should bound history: 60 saves today keep the last 50', async () => {
    const store = await freshStore();
    const deck = await store.createDeck({ markdown: 'text 0' });
    let rev = 1;
    for (let i = 1; i <= 60; i++) {
      const r = await store.saveDeck(deck.id, `text ${i}`, rev);
      if (!r.ok) throw new Error('unexpected conflict');
      rev = r.record.rev;
    }
    const revs = (await store.listRevisions(deck.id)).map((r) => r.rev);
    expect(revs).toHaveLength(50);
    expect(revs[0]).toBe(60);
    expect(revs.at(-1)).toBe(11);
    expect((await store.getRevision(deck.id, 11))?.markdown).toBe('text 10');
    expect(await store.getRevision(deck.id, 10)).toBeUndefined();
  });

  it('should keep one revision per day for 30 days beyond the last 50', async () => {
    let now = Date.parse('2026-10-01T09:00:00Z');
    const store = await freshStore({ now: () => new Date(now), revisionPolicy: { keepLast: 5, keepDays: 30 } });
    const deck = await store.createDeck({ markdown: 'start' });
    let rev = 1;
    let lastSave = now;
    // 40 days, 3 saves a day.
    for (let day = 0; day < 40; day++) {
      for (let k = 0; k < 3; k++) {
        now += 3_600_000;
        const r = await store.saveDeck(deck.id, `day ${day} save ${k}`, rev);
        if (!r.ok) throw new Error('unexpected conflict');
        rev = r.record.rev;
        lastSave = now;
      }
      now += 21 * 3_600_000;
    }
    const list = await store.listRevisions(deck.id);
    const byDay = new Map<string, number>();
    for (const r of list) byDay.set(r.savedAt.slice(0, 10), (byDay.get(r.savedAt.slice(0, 10)) ?? 0) + 1);
    // Pruning runs on save, so the window is measured from the last save.
    const cutoff = new Date(lastSave - 30 * DAY).toISOString().slice(0, 10);
    for (const [day, count] of byDay) {
      expect(day >= cutoff).toBe(true);
      // Only the days touched by the last 5 revisions hold more than one.
      if (count > 1) expect(list.slice(0, 5).some((r) => r.savedAt.startsWith(day))).toBe(true);
    }
    expect(list.length).toBeLessThanOrEqual(5 + 31);
    expect(list.length).toBeGreaterThanOrEqual(30);
  });
});
