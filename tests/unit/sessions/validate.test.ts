import { describe, expect, it } from 'vitest';
import { layoutBarChart } from '../../../src/report/chart.ts';
import { checkCohorts, cohortClassPhrase, cohortLabel, DEFAULT_COHORTS, resolveCohortId } from '../../../src/sessions/cohorts.ts';
import {
  checkSessionForm,
  checkSessionRecord,
  sessionProblemMessage,
  type SessionFormValues,
} from '../../../src/sessions/validate.ts';

const valid: SessionFormValues = {
  date: '2026-03-15',
  deckId: '',
  className: ' Lớp ĐVM K12 ',
  cohort: 'new-members',
  learners: '48',
  minutes: '',
  place: 'Hội trường A',
  notes: '',
};

const codes = (values: Partial<SessionFormValues>) => {
  const result = checkSessionForm({ ...valid, ...values }, DEFAULT_COHORTS);
  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`);
};

describe('session form', () => {
  it('should accept a session with no deck and trim its text', () => {
    const result = checkSessionForm(valid, DEFAULT_COHORTS);
    expect(result).toEqual({
      ok: true,
      draft: {
        date: '2026-03-15',
        deckId: null,
        className: 'Lớp ĐVM K12',
        cohort: 'new-members',
        learners: 48,
        minutes: null,
        place: 'Hội trường A',
        notes: '',
      },
    });
  });

  it('should refuse negative, fractional, non-numeric and missing learners', () => {
    expect(codes({ learners: '-3' })).toEqual(['learners:learners-negative']);
    expect(codes({ learners: '12.5' })).toEqual(['learners:learners-not-integer']);
    expect(codes({ learners: '12,5' })).toEqual(['learners:learners-not-integer']);
    expect(codes({ learners: 'mười' })).toEqual(['learners:learners-not-number']);
    expect(codes({ learners: '  ' })).toEqual(['learners:learners-missing']);
    expect(codes({ learners: '1e9' })).toEqual(['learners:learners-too-many']);
    expect(codes({ learners: '0' })).toEqual([]);
    expect(codes({ minutes: '-1' })).toEqual(['minutes:minutes-negative']);
    expect(codes({ minutes: '45.5' })).toEqual(['minutes:minutes-not-integer']);
  });

  it('should refuse a missing or impossible date and an unknown cohort', () => {
    expect(codes({ date: '' })).toEqual(['date:date-missing']);
    expect(codes({ date: '2026-02-30' })).toEqual(['date:date-invalid']);
    expect(codes({ date: '15/03/2026' })).toEqual(['date:date-invalid']);
    expect(codes({ cohort: '' })).toEqual(['cohort:cohort-missing']);
    expect(codes({ cohort: 'nope' })).toEqual(['cohort:cohort-unknown']);
    expect(codes({ notes: 'x'.repeat(2001) })).toEqual(['notes:text-too-long']);
  });

  it('should say what is wrong in both languages', () => {
    expect(sessionProblemMessage('learners-negative', 'vi')).toBe('Số học viên không thể là số âm.');
    expect(sessionProblemMessage('learners-negative', 'en')).toBe('Learners cannot be negative.');
    expect(sessionProblemMessage('learners-not-integer', 'en')).toBe('Learners must be a whole number.');
    expect(sessionProblemMessage('date-missing', 'vi')).toBe('Hãy nhập ngày học.');
  });

  it('should check records arriving from elsewhere (backup, after-class prompt)', () => {
    expect(checkSessionRecord({ date: '2026-01-01', cohort: 'other', learners: 3 })).toEqual([]);
    expect(checkSessionRecord({ cohort: 'other', learners: -1, minutes: 1.5 }).map((p) => p.code)).toEqual([
      'date-missing',
      'learners-negative',
      'minutes-not-integer',
    ]);
    expect(checkSessionRecord({ date: 20260101, cohort: 'other', learners: '3' }).map((p) => p.code)).toEqual([
      'date-invalid',
      'learners-not-number',
    ]);
  });
});

describe('cohorts', () => {
  it('should label built-in cohorts per language and prefer the user label', () => {
    expect(cohortLabel(undefined, 'candidates', 'vi')).toBe('Đối tượng kết nạp Đảng');
    expect(cohortLabel(undefined, 'candidates', 'en')).toBe('Admission candidates');
    expect(cohortLabel({ id: 'candidates', label: 'Cảm tình Đảng' }, 'candidates', 'en')).toBe('Cảm tình Đảng');
    expect(cohortClassPhrase({ id: 'x', label: 'CNTT cơ bản' }, 'x', 'vi')).toBe('lớp CNTT cơ bản');
  });

  it('should find empty and duplicate labels in an edited list', () => {
    const edited = [...DEFAULT_COHORTS, { id: 'c1', label: ' ' }, { id: 'c2', label: 'khác' }];
    expect(checkCohorts(edited, 'vi')).toEqual([
      { index: 5, code: 'label-empty' },
      { index: 6, code: 'label-duplicate' },
    ]);
  });
});

describe('bar chart layout', () => {
  it('should scale bars to the largest value and keep zero rows with no bar', () => {
    const layout = layoutBarChart(
      [
        { label: 'A', value: 492 },
        { label: 'B', value: 0 },
        { label: 'C', value: 246 },
      ],
      { width: 640, labelWidth: 240, valueWidth: 60, barHeight: 20, gap: 10 },
    );
    expect(layout.bars.map((b) => [b.width, b.y])).toEqual([
      [340, 10],
      [0, 40],
      [170, 70],
    ]);
    expect(layout.height).toBe(100);
    expect(layoutBarChart([{ label: 'A', value: 0 }]).bars[0]?.width).toBe(0);
  });
});

describe('free-text cohorts', () => {
  it('should map labels, learner words and common wordings to cohort ids, ignoring case and diacritics', () => {
    expect(resolveCohortId('new-members', DEFAULT_COHORTS)).toBe('new-members');
    expect(resolveCohortId('Đảng viên mới', DEFAULT_COHORTS)).toBe('new-members');
    expect(resolveCohortId('dang vien moi', DEFAULT_COHORTS)).toBe('new-members');
    expect(resolveCohortId('Cảm tình Đảng', DEFAULT_COHORTS)).toBe('candidates');
    expect(resolveCohortId('quần chúng ưu tú', DEFAULT_COHORTS)).toBe('candidates');
    expect(resolveCohortId('Admission candidates', DEFAULT_COHORTS)).toBe('candidates');
    expect(resolveCohortId('Bí thư, cấp ủy chi bộ', DEFAULT_COHORTS)).toBe('secretaries');
    expect(resolveCohortId('Lớp tin học', DEFAULT_COHORTS)).toBeUndefined();
    expect(resolveCohortId('  ', DEFAULT_COHORTS)).toBeUndefined();
    const renamed = [{ id: 'candidates', label: 'Đối tượng cảm tình' }, { id: 'c-1', label: 'Tin học' }];
    expect(resolveCohortId('doi tuong cam tinh', renamed)).toBe('candidates');
    expect(resolveCohortId('TIN HỌC', renamed)).toBe('c-1');
  });
});
