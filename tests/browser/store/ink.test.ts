// The `ink` store (schema version 3) in real IndexedDB: one record per layer and slide, layers
// kept apart, an empty slide deleted (the upgrade that adds the store: migration.test.ts).
import { describe, expect, it } from 'vitest';
import type { InkStroke } from '../../../src/store/index.ts';
import { freshStore } from './helpers.ts';

const stroke = (id: string): InkStroke => ({ id, tool: 'highlighter', color: '#ffd60a', size: 0.028, step: -1, points: [0.25, 0.5, 0.5, 0.75, 0.5, 0.5] });

describe('ink store', () => {
  it('should keep each layer\'s ink per slide and delete a slide left without strokes', async () => {
    const store = await freshStore();
    await store.putInk('class:một', 'deck-1', '0.0', [stroke('a'), stroke('b')]);
    await store.putInk('class:một', 'deck-1', '2.1', [stroke('c')]);
    await store.putInk('deck:deck-1', 'deck-1', '0.0', [stroke('kept')]);
    await store.putInk('class:hai', 'deck-1', '0.0', [stroke('other class')]);
    const own = await store.listInk('class:một');
    expect(own.map((r) => [r.slide, r.strokes.map((s) => s.id)])).toEqual([
      ['0.0', ['a', 'b']],
      ['2.1', ['c']],
    ]);
    expect(own[0]!.strokes[0]).toEqual(stroke('a'));
    expect((await store.listInk('deck:deck-1')).map((r) => r.strokes.map((s) => s.id))).toEqual([['kept']]);
    await store.putInk('class:một', 'deck-1', '0.0', []);
    expect((await store.listInk('class:một')).map((r) => r.slide)).toEqual(['2.1']);
  });

  it('should keep a class\'s undo history beside its ink, out of the layer\'s listing, until the class ends', async () => {
    const store = await freshStore();
    await store.putInk('class:một', 'deck-1', '0.0', [stroke('a')]);
    const history = { undo: [[{ kind: 'class' as const, slide: '0.0', removed: [], added: [stroke('a')] }]], redo: [] };
    await store.putInkHistory('class:một', 'deck-1', history);
    expect(await store.getInkHistory('class:một')).toEqual(history);
    expect((await store.listInk('class:một')).map((r) => r.slide)).toEqual(['0.0']);
    await store.putInkHistory('class:một', 'deck-1', undefined);
    expect(await store.getInkHistory('class:một')).toBeUndefined();
  });

  it('should link a session to its class ink, delete both in one step and refuse a link that is not a class layer', async () => {
    const store = await freshStore();
    const input = { deckTitle: 'Bài một', date: '2026-03-15', className: 'Lớp A', cohort: 'other', learners: 1, minutes: 1 };
    await store.putInk('class:một', 'deck-1', '0.0', [stroke('a')]);
    await store.putInkHistory('class:một', 'deck-1', { undo: [], redo: [] });
    await store.putInk('deck:deck-1', 'deck-1', '0.0', [stroke('kept')]);
    for (const inkLayer of ['deck:deck-1', 'class:', 42]) {
      await expect(store.createSession({ ...input, inkLayer: inkLayer as string })).rejects.toMatchObject({ code: 'invalid-input' });
    }
    const session = await store.createSession({ ...input, inkLayer: 'class:một' });
    expect((await store.getSession(session.id))?.inkLayer).toBe('class:một');
    const removed = await store.deleteSession(session.id);
    expect(removed.map((r) => r.strokes.map((s) => s.id))).toEqual([['a']]);
    expect(await store.listInk('class:một')).toEqual([]);
    expect(await store.getInkHistory('class:một')).toBeUndefined();
    expect((await store.listInk('deck:deck-1')).map((r) => r.strokes.map((s) => s.id))).toEqual([['kept']]);
    expect(await store.deleteSession('no-such-session')).toEqual([]);
  });
});
