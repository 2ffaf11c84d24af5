// The ink model: layers, fragment steps, undo/redo and "keep on the deck", with the changes the
// store is told about.
import { describe, expect, it } from 'vitest';
import { InkModel } from '../../../src/present/ink/ink-model.ts';
import type { InkStroke } from '../../../src/store/index.ts';

const stroke = (id: string, step = -1): InkStroke => ({ id, tool: 'pen', color: '#d62828', size: 0.006, step, points: [0.1, 0.1, 0.5, 0.2, 0.2, 0.5] });
const ids = (model: InkModel, slide: string, step: number) => model.visible(slide, step).map((v) => `${v.kind}:${v.stroke.id}`);

describe('InkModel', () => {
  it('should show ink drawn at a fragment step only from that step on', () => {
    const model = new InkModel();
    model.add('0.0', stroke('a', -1));
    model.add('0.0', stroke('b', 1));
    expect(ids(model, '0.0', -1)).toEqual(['class:a']);
    expect(ids(model, '0.0', 1)).toEqual(['class:a', 'class:b']);
    expect(ids(model, '1.0', 5)).toEqual([]);
  });

  it('should undo and redo adds, erases and clears, telling the store each slide as it now is', () => {
    const model = new InkModel();
    const saved: string[] = [];
    model.onChange((kind, slide, strokes) => saved.push(`${kind} ${slide} [${strokes.map((s) => s.id).join(',')}]`));
    model.add('0.0', stroke('a'));
    model.add('0.0', stroke('b'));
    model.erase('0.0', 'a');
    model.clear('0.0');
    expect(ids(model, '0.0', 0)).toEqual([]);
    model.undo();
    expect(ids(model, '0.0', 0)).toEqual(['class:b']);
    model.undo();
    expect(ids(model, '0.0', 0)).toEqual(['class:a', 'class:b']);
    model.redo();
    expect(ids(model, '0.0', 0)).toEqual(['class:b']);
    expect(saved).toEqual([
      'class 0.0 [a]',
      'class 0.0 [a,b]',
      'class 0.0 [b]',
      'class 0.0 []',
      'class 0.0 [b]',
      'class 0.0 [a,b]',
      'class 0.0 [b]',
    ]);
    model.add('0.0', stroke('c'));
    expect(model.canRedo).toBe(false); // a new stroke ends the redo trail
  });

  it('should move a slide\'s class ink onto the deck layer, drawn under the class ink, in one undoable step', () => {
    const model = new InkModel();
    model.load('deck', [{ layer: 'deck:d', deckId: 'd', slide: '0.0', strokes: [stroke('old')], updatedAt: '' }]);
    model.add('0.0', stroke('a'));
    expect(model.keepOnDeck('0.0')).toBe(true);
    model.add('0.0', stroke('b'));
    expect(ids(model, '0.0', 0)).toEqual(['deck:old', 'deck:a', 'class:b']);
    model.undo();
    model.undo();
    expect(ids(model, '0.0', 0)).toEqual(['deck:old', 'class:a']);
  });

  it('should erase a kept stroke from the deck layer', () => {
    const model = new InkModel();
    model.load('deck', [{ layer: 'deck:d', deckId: 'd', slide: '0.0', strokes: [stroke('old')], updatedAt: '' }]);
    expect(model.erase('0.0', 'old')).toBe(true);
    expect(ids(model, '0.0', 0)).toEqual([]);
    expect(model.erase('0.0', 'nothing')).toBe(false);
  });

  it('should carry undo and redo over to a new model through the stored history (a reload)', () => {
    const first = new InkModel();
    first.add('0.0', stroke('a'));
    first.add('0.0', stroke('b'));
    first.add('0.0', stroke('c'));
    first.erase('0.0', 'b'); // from the middle: undo puts it back in its place
    first.undo(); // redo trail: the erase
    // What the store keeps: the strokes per slide and the history, as structured-clone copies.
    const stored = structuredClone({ strokes: [...first.strokes('class', '0.0')], history: first.history() });
    const second = new InkModel();
    second.load('class', [{ layer: 'class:x', deckId: 'd', slide: '0.0', strokes: stored.strokes, updatedAt: '' }]);
    second.loadHistory(stored.history);
    expect(second.canUndo && second.canRedo).toBe(true);
    second.redo();
    expect(ids(second, '0.0', 0)).toEqual(['class:a', 'class:c']);
    second.undo();
    expect(ids(second, '0.0', 0)).toEqual(['class:a', 'class:b', 'class:c']);
    second.undo();
    expect(ids(second, '0.0', 0)).toEqual(['class:a', 'class:b']);
  });

  it('should ignore a malformed stored history and keep the ink', () => {
    const model = new InkModel();
    model.load('class', [{ layer: 'class:x', deckId: 'd', slide: '0.0', strokes: [stroke('a')], updatedAt: '' }]);
    for (const bad of [null, 'x', { undo: 'x', redo: [] }, { undo: [[{ kind: 'class', slide: 1, removed: [], added: [] }]], redo: [] }]) model.loadHistory(bad);
    expect(model.canUndo).toBe(false);
    expect(ids(model, '0.0', 0)).toEqual(['class:a']);
  });

  it('should keep at most 100 changes and at most 5,000 strokes in the history', () => {
    const model = new InkModel();
    for (let i = 0; i < 150; i++) model.add('0.0', stroke(`s${i}`));
    expect(model.history().undo.length).toBe(100);
    const busy = new InkModel();
    for (let slide = 0; slide < 3; slide++) {
      busy.load('class', [{ layer: 'class:x', deckId: 'd', slide: `${slide}.0`, strokes: Array.from({ length: 2_000 }, (_, k) => stroke(`${slide}-${k}`)), updatedAt: '' }]);
      busy.clear(`${slide}.0`);
    }
    const held = busy.history().undo.flat().reduce((n, c) => n + c.removed.length + c.added.length, 0);
    expect(held).toBeLessThanOrEqual(5_000);
    expect(busy.history().undo.length).toBe(2); // the two latest clears
    busy.undo();
    expect(ids(busy, '2.0', 0)).toHaveLength(2_000);
  });
});
