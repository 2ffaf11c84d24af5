// The history dialog's comparison with the current text: lines counted as multisets, so it says
// what a restore would bring back and what it would take away.
import { describe, expect, it } from 'vitest';
import { lineChanges } from '../../../src/editor/history-panel.ts';

describe('history panel: lineChanges', () => {
  it('lists lines only in the old version and lines only in the current text', () => {
    const old = '## Một\n\nA\nB\nB';
    const current = '## Một\n\nB\nC\n\nD';
    expect(lineChanges(old, current)).toEqual({ back: ['A', 'B'], gone: ['C', 'D'] });
  });

  it('ignores blank lines and line endings; identical texts have no changes', () => {
    expect(lineChanges('a\r\n\r\nb', 'a\n\n\nb\n')).toEqual({ back: [], gone: [] });
  });
});
