// The rule of which conflicting versions need no choice (src/sync/settle-versions.ts), and the
// check of the lecturer's choice over several versions (src/sync/conflict-choices.ts).
import { describe, expect, it } from 'vitest';
import { ConflictChoiceError, planResolution } from '../../../src/sync/conflict-choices.ts';
import { ABSENT } from '../../../src/sync/signatures.ts';
import { settleVersions } from '../../../src/sync/settle-versions.ts';

const SHIPPED = 's'.repeat(64);
const v = (rev: string, sig: string) => ({ rev, sig });

describe('settleVersions', () => {
  it('keeps one of two versions with the same content, whoever made them', () => {
    expect(settleVersions(v('2-a', 'x'), [v('2-b', 'x')])).toEqual({ drop: ['2-b'], conflicts: [] });
  });

  it('leaves two different edits of an ordinary deck as a conflict', () => {
    expect(settleVersions(v('2-a', 'x'), [v('2-b', 'y')])).toEqual({ drop: [], conflicts: ['2-b'] });
  });

  it('drops an untouched sample that lost to an edited one: one deck, no conflict', () => {
    expect(settleVersions(v('2-edit', 'edited'), [v('1-seed', SHIPPED)], SHIPPED)).toEqual({ drop: ['1-seed'], conflicts: [] });
  });

  it('promotes the edited version when the untouched sample is the winner', () => {
    // The untouched machine's branch is longer (its sample was trashed and restored, say).
    expect(settleVersions(v('3-seed', SHIPPED), [v('2-edit', 'edited')], SHIPPED)).toEqual({ promote: '2-edit', drop: [], conflicts: [] });
  });

  it('counts the deletion of a sample as an edit', () => {
    expect(settleVersions(v('2-seed', SHIPPED), [v('2-del', ABSENT)], SHIPPED)).toEqual({ promote: '2-del', drop: [], conflicts: [] });
  });

  it('keeps one deck when every machine has the sample untouched', () => {
    expect(settleVersions(v('1-a', SHIPPED), [v('1-b', SHIPPED), v('1-c', SHIPPED)], SHIPPED)).toEqual({ drop: ['1-b', '1-c'], conflicts: [] });
  });

  it('shows a sample edited on two machines as a normal conflict, the untouched third dropped', () => {
    expect(settleVersions(v('2-a', 'edit A'), [v('1-c', SHIPPED), v('2-b', 'edit B')], SHIPPED)).toEqual({ drop: ['1-c'], conflicts: ['2-b'] });
    expect(settleVersions(v('3-c', SHIPPED), [v('2-a', 'edit A'), v('2-b', 'edit B')], SHIPPED)).toEqual({ promote: '2-a', drop: [], conflicts: ['2-b'] });
  });

  it('keeps every different version of three machines, each once', () => {
    expect(settleVersions(v('2-a', 'x'), [v('2-b', 'y'), v('2-c', 'z'), v('2-d', 'y')])).toEqual({ drop: ['2-d'], conflicts: ['2-b', '2-c'] });
  });

  it('treats the shipped text of a deck that is not a sample as any text', () => {
    expect(settleVersions(v('2-a', 'edited'), [v('1-b', SHIPPED)])).toEqual({ drop: [], conflicts: ['1-b'] });
  });
});

describe('planResolution', () => {
  it('takes one version, copies another, and removes every other version', () => {
    expect(planResolution(['2-b', '2-c', '2-d'], { '2-b': 'take', '2-c': 'copy', '2-d': 'discard' }, true)).toEqual({ take: '2-b', copies: ['2-c'], remove: ['2-b', '2-c', '2-d'] });
  });

  it('refuses a choice that does not cover every version there is now (nothing dropped unseen)', () => {
    const stale = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof ConflictChoiceError ? error.reason : String(error);
      }
      return 'accepted';
    };
    expect(stale(() => planResolution(['2-b', '2-c'], { '2-b': 'discard' }, true))).toBe('stale');
    expect(stale(() => planResolution(['2-b'], { '2-b': 'discard', '2-x': 'copy' }, true))).toBe('stale');
    expect(stale(() => planResolution([], {}, true))).toBe('stale');
    expect(stale(() => planResolution(['2-b', '2-c'], { '2-b': 'take', '2-c': 'take' }, true))).toBe('invalid');
    expect(stale(() => planResolution(['2-b'], { '2-b': 'copy' }, false))).toBe('invalid');
    expect(stale(() => planResolution(['2-b'], JSON.parse('{"2-b":"everything"}') as Record<string, 'copy'>, true))).toBe('invalid');
  });
});
