import { afterEach, describe, expect, it } from 'vitest';
import { aggregateSessions, type SessionFacts } from '../../../src/report/aggregate.ts';
import { formatCalendarDate, localCalendarDate, parseCalendarDate } from '../../../src/sessions/calendar-date.ts';
import {
  checkPeriod,
  describePeriod,
  halfYear,
  halfYearOf,
  inPeriod,
  matchPreset,
  periodProblemMessages,
} from '../../../src/sessions/period.ts';
import { summarizeReport } from '../../../src/report/summary.ts';
import { DEFAULT_COHORTS, type CohortDef } from '../../../src/sessions/cohorts.ts';

let seq = 0;
function session(date: string, cohort: string, learners: number, extra: Partial<SessionFacts> = {}): SessionFacts {
  seq += 1;
  return { id: `s${seq}`, date, cohort, learners, minutes: 90, deckId: null, ...extra };
}

const H1_2026 = halfYear(2026, 1);
const H2_2026 = halfYear(2026, 2);

describe('periods', () => {
  it('should cover 1 Jan to 30 Jun and 1 Jul to 31 Dec, inclusive at both ends', () => {
    expect(H1_2026).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(H2_2026).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(inPeriod('2026-01-01', H1_2026)).toBe(true);
    expect(inPeriod('2026-06-30', H1_2026)).toBe(true);
    expect(inPeriod('2026-07-01', H1_2026)).toBe(false);
    expect(inPeriod('2025-12-31', H1_2026)).toBe(false);
    expect(inPeriod('2026-07-01', H2_2026)).toBe(true);
    expect(inPeriod('2026-12-31', H2_2026)).toBe(true);
    expect(inPeriod('2027-01-01', H2_2026)).toBe(false);
    expect(halfYearOf('2026-06-30')).toEqual(H1_2026);
    expect(halfYearOf('2026-07-01')).toEqual(H2_2026);
  });

  it('should count sessions on the boundary days in the right half-year', () => {
    const sessions = [
      session('2025-12-31', 'other', 1),
      session('2026-01-01', 'other', 10),
      session('2026-06-30', 'other', 20),
      session('2026-07-01', 'other', 40),
      session('2026-12-31', 'other', 80),
      session('2027-01-01', 'other', 160),
    ];
    expect(aggregateSessions(sessions, H1_2026, DEFAULT_COHORTS).total).toEqual({ classes: 2, learners: 30, minutes: 180 });
    expect(aggregateSessions(sessions, H2_2026, DEFAULT_COHORTS).total).toEqual({ classes: 2, learners: 120, minutes: 180 });
  });

  it('should name presets and ranges the way a report title does', () => {
    expect(describePeriod(H1_2026, 'vi')).toBe('6 tháng đầu năm 2026');
    expect(describePeriod(H2_2026, 'vi')).toBe('6 tháng cuối năm 2026');
    expect(describePeriod({ from: '2026-01-01', to: '2026-12-31' }, 'vi')).toBe('năm 2026');
    expect(describePeriod({ from: '2026-03-01', to: '2026-04-15' }, 'vi')).toBe('từ ngày 1 tháng 3 năm 2026 đến ngày 15 tháng 4 năm 2026');
    expect(describePeriod(H1_2026, 'en')).toBe('first half of 2026');
    expect(describePeriod({ from: '2026-03-01', to: '2026-04-15' }, 'en')).toBe('1 March 2026 to 15 April 2026');
    expect(matchPreset({ from: '2026-07-01', to: '2026-12-31' })).toEqual({ preset: 'second-half', year: 2026 });
    expect(matchPreset({ from: '2026-07-01', to: '2026-12-30' })).toBeUndefined();
  });

  it('should reject an end before the start, missing and impossible dates with clear messages', () => {
    expect(checkPeriod({ from: '2026-06-30', to: '2026-01-01' })).toEqual(['end-before-start']);
    expect(checkPeriod({ from: '2026-01-01', to: '2026-01-01' })).toEqual([]);
    expect(checkPeriod({ from: '', to: null })).toEqual(['from-missing', 'to-missing']);
    expect(checkPeriod({ from: '2026-02-29', to: '2026-13-01' })).toEqual(['from-invalid', 'to-invalid']);
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('2100-02-29')).toBeUndefined();
    expect(periodProblemMessages.en['end-before-start']).toBe('The To date is before the From date: swap them.');
    expect(periodProblemMessages.vi['end-before-start']).toBe('Ngày kết thúc đứng trước ngày bắt đầu: hãy đổi lại hai ngày.');
  });
});

describe('time zones', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedTz;
    if (savedTz === undefined) delete process.env.TZ;
  });

  it('should file a class at 00:30 on 1 July in Hà Nội (UTC+7) under the second half-year', () => {
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    const halfPastMidnight = new Date(2026, 6, 1, 0, 30); // local wall clock, UTC+7
    expect(halfPastMidnight.getTimezoneOffset()).toBe(-420);
    // The trap this module avoids: through UTC the day is still 30 June.
    expect(halfPastMidnight.toISOString().slice(0, 10)).toBe('2026-06-30');
    const date = localCalendarDate(halfPastMidnight);
    expect(date).toBe('2026-07-01');
    const sessions = [session(date, 'new-members', 30)];
    expect(aggregateSessions(sessions, H1_2026, DEFAULT_COHORTS).total.classes).toBe(0);
    expect(aggregateSessions(sessions, H2_2026, DEFAULT_COHORTS).total.classes).toBe(1);
    expect(formatCalendarDate('2026-07-01', 'vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric' })).toBe('1/7/2026');
  });

  it('should show 1 July as 1 July west of UTC too, where new Date("2026-07-01") is 30 June', () => {
    process.env.TZ = 'America/New_York';
    expect(new Date('2026-07-01').getDate()).toBe(30); // the trap: UTC midnight is 30 June here
    expect(formatCalendarDate('2026-07-01', 'en-GB')).toBe('1 Jul 2026');
    expect(localCalendarDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    expect(describePeriod(H2_2026, 'en')).toBe('second half of 2026');
  });
});

describe('aggregation', () => {
  it('should list every configured cohort with zero classes for an empty period', () => {
    const report = aggregateSessions([session('2025-03-01', 'other', 12)], H1_2026, DEFAULT_COHORTS);
    expect(report.total).toEqual({ classes: 0, learners: 0, minutes: 0 });
    expect(report.cohorts.map((r) => [r.cohortId, r.classes, r.learners])).toEqual([
      ['new-members', 0, 0],
      ['candidates', 0, 0],
      ['secretaries', 0, 0],
      ['specialist', 0, 0],
      ['other', 0, 0],
    ]);
    expect(report.decks).toEqual([]);
    expect(summarizeReport(report, DEFAULT_COHORTS, 'vi')).toBe('Không có lớp nào trong kỳ này.');
    expect(summarizeReport(report, DEFAULT_COHORTS, 'en')).toBe('No classes in this period.');
  });

  it('should keep cohorts with no classes beside those with classes', () => {
    const report = aggregateSessions(
      [session('2026-02-01', 'secretaries', 40), session('2026-02-02', 'secretaries', 35)],
      H1_2026,
      DEFAULT_COHORTS,
    );
    expect(report.cohorts.map((r) => [r.cohortId, r.classes, r.learners])).toEqual([
      ['new-members', 0, 0],
      ['candidates', 0, 0],
      ['secretaries', 2, 75],
      ['specialist', 0, 0],
      ['other', 0, 0],
    ]);
    expect(summarizeReport(report, DEFAULT_COHORTS, 'vi')).toBe(
      '2 lớp với 75 học viên, trong đó 2 lớp bí thư chi bộ và cấp ủy viên với 75 bí thư chi bộ và cấp ủy viên.',
    );
  });

  it('should relabel past sessions when a cohort is renamed, since sessions keep its id', () => {
    const sessions = [session('2026-03-01', 'candidates', 50), session('2026-03-08', 'candidates', 45)];
    const renamed: CohortDef[] = DEFAULT_COHORTS.map((c) =>
      c.id === 'candidates' ? { id: c.id, label: 'Cảm tình Đảng', learnerNoun: 'người' } : c,
    );
    const report = aggregateSessions(sessions, H1_2026, renamed);
    expect(report.cohorts.find((r) => r.cohortId === 'candidates')).toMatchObject({ classes: 2, learners: 95 });
    expect(summarizeReport(report, renamed, 'vi')).toBe('2 lớp với 95 học viên, trong đó 2 lớp cảm tình Đảng với 95 người.');
  });

  it('should still count sessions whose cohort was removed from the list, in a row of their own', () => {
    const cohorts = DEFAULT_COHORTS.filter((c) => c.id !== 'specialist');
    const report = aggregateSessions(
      [session('2026-04-01', 'specialist', 25), session('2026-04-02', 'zz-old', 5), session('2026-04-03', 'other', 7)],
      H1_2026,
      cohorts,
    );
    expect(report.total.learners).toBe(37);
    expect(report.cohorts.map((r) => [r.cohortId, r.configured, r.classes])).toEqual([
      ['new-members', true, 0],
      ['candidates', true, 0],
      ['secretaries', true, 0],
      ['other', true, 1],
      ['specialist', false, 1],
      ['zz-old', false, 1],
    ]);
  });

  it('should group by deck, with the last recorded title of a deleted deck and a row for no deck', () => {
    const decks = [{ id: 'd1', title: 'Bài 1: Chủ nghĩa Mác - Lênin' }];
    const report = aggregateSessions(
      [
        session('2026-01-10', 'other', 10, { deckId: 'd1', deckTitle: 'Bài 1 (cũ)' }),
        session('2026-01-11', 'other', 20, { deckId: 'gone', deckTitle: 'Tư tưởng Hồ Chí Minh' }),
        session('2026-05-11', 'other', 30, { deckId: 'gone', deckTitle: 'Tư tưởng Hồ Chí Minh (bản 2)' }),
        session('2026-02-11', 'other', 40, { deckId: 'gone', deckTitle: 'Tư tưởng Hồ Chí Minh (giữa)' }),
        session('2026-02-12', 'other', 5),
      ],
      H1_2026,
      DEFAULT_COHORTS,
      decks,
    );
    expect(report.decks).toEqual([
      { deckId: 'gone', title: 'Tư tưởng Hồ Chí Minh (bản 2)', deleted: true, classes: 3, learners: 90, minutes: 270 },
      { deckId: 'd1', title: 'Bài 1: Chủ nghĩa Mác - Lênin', deleted: false, classes: 1, learners: 10, minutes: 90 },
      { deckId: null, title: '', deleted: false, classes: 1, learners: 5, minutes: 90 },
    ]);
  });
});

describe('the half-year report example', () => {
  // "6 tháng đầu năm 2016 … tổ chức 15 lớp bồi dưỡng lý luận chính trị cho hơn 1.212 học viên.
  //  Trong đó có 6 lớp đảng viên mới cho 492 đảng viên dự bị; 9 lớp đối tượng kết nạp Đảng cho
  //  721 quần chúng ưu tú." Note 492 + 721 = 1,213: the report's "hơn 1.212" ("more than 1,212")
  // is a rounded-down figure, and counting the 15 classes gives exactly 1,213.
  const newMembers = [80, 85, 82, 83, 81, 81]; // 492
  const candidates = [80, 81, 79, 82, 78, 80, 81, 80, 80]; // 721
  const sessions = [
    ...newMembers.map((n, i) => session(`2016-0${1 + i}-1${i}`, 'new-members', n, { deckId: 'dvm', deckTitle: 'Đảng viên mới' })),
    ...candidates.map((n, i) => session(`2016-0${1 + (i % 6)}-2${i}`, 'candidates', n, { deckId: 'knd', deckTitle: 'Nhận thức về Đảng' })),
  ];

  it('should reproduce every figure from 15 recorded sessions', () => {
    expect(sessions).toHaveLength(15);
    const report = aggregateSessions(sessions, halfYear(2016, 1), DEFAULT_COHORTS, [
      { id: 'dvm', title: 'Bồi dưỡng đảng viên mới' },
    ]);
    expect(report.total.classes).toBe(15);
    expect(report.total.learners).toBe(1213);
    expect(report.total.learners).toBeGreaterThan(1212);
    const row = (id: string) => report.cohorts.find((r) => r.cohortId === id);
    expect(row('new-members')).toMatchObject({ classes: 6, learners: 492 });
    expect(row('candidates')).toMatchObject({ classes: 9, learners: 721 });
    expect(row('secretaries')).toMatchObject({ classes: 0, learners: 0 });
    expect(row('specialist')).toMatchObject({ classes: 0, learners: 0 });
    expect(row('other')).toMatchObject({ classes: 0, learners: 0 });
    expect(report.decks.map((d) => [d.title, d.deleted, d.classes, d.learners])).toEqual([
      ['Nhận thức về Đảng', true, 9, 721],
      ['Bồi dưỡng đảng viên mới', false, 6, 492],
    ]);
    expect(summarizeReport(report, DEFAULT_COHORTS, 'vi')).toBe(
      '15 lớp với 1.213 học viên, trong đó 6 lớp đảng viên mới với 492 đảng viên dự bị và 9 lớp đối tượng kết nạp Đảng với 721 quần chúng ưu tú.',
    );
    expect(summarizeReport(report, DEFAULT_COHORTS, 'en')).toBe(
      '15 classes for 1,213 learners, of which 6 classes of new party members for 492 probationary members and 9 classes of admission candidates for 721 people.',
    );
  });

  it('should say the example sentence itself when the sessions add up to 1,212', () => {
    // One learner fewer in one new-members class: 491 + 721 = 1,212, the report's figure.
    const adjusted = sessions.map((s, i) => (i === 0 ? { ...s, learners: s.learners - 1 } : s));
    const report = aggregateSessions(adjusted, halfYear(2016, 1), DEFAULT_COHORTS);
    expect(report.total).toMatchObject({ classes: 15, learners: 1212 });
    expect(summarizeReport(report, DEFAULT_COHORTS, 'en')).toBe(
      '15 classes for 1,212 learners, of which 6 classes of new party members for 491 probationary members and 9 classes of admission candidates for 721 people.',
    );
  });

  it('should use singular English words for one class and one learner', () => {
    const report = aggregateSessions([session('2026-01-05', 'candidates', 1)], H1_2026, DEFAULT_COHORTS);
    expect(summarizeReport(report, DEFAULT_COHORTS, 'en')).toBe(
      '1 class for 1 learner, of which 1 class of admission candidates for 1 person.',
    );
  });
});
