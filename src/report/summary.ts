// The report's summary sentence, in the style of the centres' own half-year reports:
//   "15 lớp với 1.212 học viên, trong đó 6 lớp đảng viên mới với 492 đảng viên dự bị và 9 lớp
//    đối tượng kết nạp Đảng với 721 quần chúng ưu tú."
// Numbers go through Intl (1.212 in Vietnamese, 1,212 in English); cohorts with no class are left
// out of the sentence (the tables still list them).
import { locale, type Lang } from '../app/i18n.ts';
import { cohortClassPhrase, cohortLearnerNoun, type CohortDef } from '../sessions/cohorts.ts';
import type { Report } from './aggregate.ts';

function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  // Intl.ListFormat knows "a, b và c" / "a, b and c".
  return new Intl.ListFormat(locale(lang), { style: 'long', type: 'conjunction' }).format(items);
}

export function summarizeReport(report: Report, cohorts: readonly CohortDef[], lang: Lang): string {
  const n = (value: number) => new Intl.NumberFormat(locale(lang)).format(value);
  const { total } = report;
  if (total.classes === 0) return lang === 'vi' ? 'Không có lớp nào trong kỳ này.' : 'No classes in this period.';
  const byId = new Map(cohorts.map((c) => [c.id, c]));
  const classes = (count: number) => (lang === 'vi' ? 'lớp' : count === 1 ? 'class' : 'classes');
  const parts = report.cohorts
    .filter((row) => row.classes > 0)
    .map((row) => {
      const cohort = byId.get(row.cohortId);
      const phrase = cohortClassPhrase(cohort, row.cohortId, lang);
      const noun = cohortLearnerNoun(cohort, row.cohortId, lang, row.learners);
      return lang === 'vi'
        ? `${n(row.classes)} ${phrase} với ${n(row.learners)} ${noun}`
        : `${n(row.classes)} ${classes(row.classes)} ${phrase} for ${n(row.learners)} ${noun}`;
    });
  const head =
    lang === 'vi'
      ? `${n(total.classes)} lớp với ${n(total.learners)} học viên`
      : `${n(total.classes)} ${classes(total.classes)} for ${n(total.learners)} ${total.learners === 1 ? 'learner' : 'learners'}`;
  return `${head}, ${lang === 'vi' ? 'trong đó' : 'of which'} ${joinList(parts, lang)}.`;
}
