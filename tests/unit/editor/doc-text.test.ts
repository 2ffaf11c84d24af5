// spliceText must give exactly what CodeMirror's doc.toString() gives after any transaction: the
// editor saves that text as the deck. Real EditorState transactions, random edits (several
// changes at once, deletions, line breaks, Vietnamese text) checked against the document.
import { EditorState, type ChangeSpec } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { spliceText } from '../../../src/editor/doc-text.ts';
import { generateDeck } from '../deck/generate-deck.ts';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['a', 'ă', 'Đảng', '\n', '\n\n---\n\n', '', 'Nghị quyết ', '\r\n', '::: notes\n'];

describe('spliceText', () => {
  it('equals doc.toString() after every transaction of random edits', () => {
    const next = random(19);
    let state = EditorState.create({ doc: generateDeck(20).text });
    let text = state.doc.toString();
    for (let step = 0; step < 500; step++) {
      const length = state.doc.length;
      const count = 1 + Math.floor(next() * 3);
      const points = Array.from({ length: count * 2 }, () => Math.floor(next() * (length + 1))).sort((a, b) => a - b);
      const changes: ChangeSpec[] = [];
      for (let i = 0; i < count; i++) {
        const from = points[2 * i]!;
        // Mostly insertions (typing), sometimes a replaced or deleted range.
        const to = next() < 0.6 ? from : Math.min(points[2 * i + 1]!, from + 40);
        changes.push({ from, to, insert: PIECES[Math.floor(next() * PIECES.length)]! });
      }
      const tr = state.update({ changes });
      state = tr.state;
      const spliced = spliceText(text, tr.changes);
      expect(spliced).toBe(state.doc.toString());
      text = spliced!;
    }
  });

  it('gives undefined for a text the changes were not made on', () => {
    const state = EditorState.create({ doc: 'Chào\nbạn' });
    const tr = state.update({ changes: { from: 0, insert: 'x' } });
    expect(spliceText('Chào bạn!', tr.changes)).toBeUndefined();
    expect(spliceText('Chào\nbạn', tr.changes)).toBe('xChào\nbạn');
  });
});
