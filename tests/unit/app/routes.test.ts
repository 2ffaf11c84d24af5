// The editor's route carries an optional line (`#/edit/<id>?line=N`, from the lesson plan's timing
// table); every other route is unchanged by it.
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../src/app/routes.ts';

describe('routes: the editor line', () => {
  it('parses and writes #/edit/<id>?line=N', () => {
    expect(parseRoute('#/edit/abc?line=12')).toEqual({ name: 'edit', deckId: 'abc', line: 12 });
    expect(routeHash({ name: 'edit', deckId: 'a b', line: 7 })).toBe('#/edit/a%20b?line=7');
    expect(parseRoute(routeHash({ name: 'edit', deckId: 'Đảng/viên', line: 3 }))).toEqual({ name: 'edit', deckId: 'Đảng/viên', line: 3 });
  });

  it('ignores a missing or invalid line', () => {
    expect(parseRoute('#/edit/abc')).toEqual({ name: 'edit', deckId: 'abc' });
    for (const bad of ['0', '-3', '2.5', 'x', '']) expect(parseRoute(`#/edit/abc?line=${bad}`)).toEqual({ name: 'edit', deckId: 'abc' });
    expect(routeHash({ name: 'edit', deckId: 'abc' })).toBe('#/edit/abc');
  });

  it('leaves the other routes as they were', () => {
    expect(parseRoute('#/plan/abc?line=4')).toEqual({ name: 'plan', deckId: 'abc' });
    expect(parseRoute('#/library')).toEqual({ name: 'library' });
    expect(parseRoute('#/edit')).toEqual({ name: 'library' });
    expect(routeHash({ name: 'plan', deckId: 'abc' })).toBe('#/plan/abc');
  });
});
