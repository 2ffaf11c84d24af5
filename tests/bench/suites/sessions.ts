// The half-year report over many sessions: aggregateSessions (period filter, per cohort, per deck)
// plus the CSV, beside a baseline that only filters by date and sums learners in one loop (the
// least work any report must do). A centre records hundreds of classes a year; 100,000 sessions
// (10,000 with --quick) is far past that, to show the report stays instant.
import { aggregateSessions, type SessionFacts } from '../../../src/report/aggregate.ts';
import { reportCsv } from '../../../src/report/csv.ts';
import { halfYear } from '../../../src/sessions/period.ts';
import { DEFAULT_COHORTS } from '../../../src/sessions/cohorts.ts';
import type { BenchResult, BenchSuite } from '../types.ts';

function makeSessions(n: number): SessionFacts[] {
  const cohorts = DEFAULT_COHORTS.map((c) => c.id);
  const out: SessionFacts[] = [];
  for (let i = 0; i < n; i++) {
    const month = (i % 12) + 1;
    const day = (i % 28) + 1;
    out.push({
      id: `s${i}`,
      date: `${2020 + (i % 7)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      cohort: cohorts[i % cohorts.length]!,
      learners: 20 + (i % 80),
      minutes: 90,
      deckId: i % 10 === 0 ? null : `d${i % 200}`,
      deckTitle: `Bài giảng số ${i % 200}`,
    });
  }
  return out;
}

function best(runs: number, work: () => unknown): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    work();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

const suite: BenchSuite = {
  name: 'sessions',
  async run(ctx): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    for (const n of ctx.quick ? [10_000] : [10_000, 100_000]) {
      ctx.log(`sessions: report over ${n} sessions`);
      const sessions = makeSessions(n);
      const period = halfYear(2023, 1);
      const decks = Array.from({ length: 100 }, (_, i) => ({ id: `d${i}`, title: `Bài giảng ${i}` }));
      const baseline = () => {
        let learners = 0;
        for (const s of sessions) if (s.date >= period.from && s.date <= period.to) learners += s.learners;
        return learners;
      };
      const aggregate = () => aggregateSessions(sessions, period, DEFAULT_COHORTS, decks);
      // Warm both up first (JIT), then take the best of several runs of each.
      best(3, baseline);
      best(3, aggregate);
      const baselineMs = best(7, baseline);
      const ms = best(7, aggregate);
      const report = aggregateSessions(sessions, period, DEFAULT_COHORTS, decks);
      const csvMs = best(5, () => reportCsv(report, DEFAULT_COHORTS, 'vi'));
      results.push({ name: 'aggregateSessions', n, ms, baselineMs, ratio: ms / baselineMs, classes: report.total.classes });
      results.push({ name: 'reportCsv (after aggregation)', n, ms: csvMs, rows: report.cohorts.length + report.decks.length + 2 });
    }
    return results;
  },
};

export default suite;
