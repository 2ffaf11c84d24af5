// Cohorts: who a class was for. A small list the centre may edit. Ids are stable (sessions store
// the id, never the label), so renaming "Đối tượng kết nạp Đảng" to "Cảm tình Đảng" relabels every
// past session and every report at once.
//
// The seeded labels follow the wording of the half-year reports these users write: "lớp đảng viên
// mới cho 492 đảng viên dự bị", "lớp đối tượng kết nạp Đảng cho 721 quần chúng ưu tú", "bí thư chi
// bộ và cấp ủy viên cơ sở", "bồi dưỡng chuyên đề". Each cohort also names its learners, because the
// report's summary sentence does ("… với 492 đảng viên dự bị").
import { foldText } from '../text/fold.ts';
import { BUILTIN_COHORTS, type CohortDef } from '@lectern/teaching';

// The cohort list's rules and built-in labels live in @lectern/teaching (the CLI's centre report
// labels cohorts with them); matching free text to a cohort stays here, with the app's search folding.
export {
  type CohortDef,
  type CohortProblem,
  BUILTIN_COHORTS,
  DEFAULT_COHORTS,
  OTHER_COHORT_ID,
  cohortLabel,
  cohortClassPhrase,
  cohortLearnerNoun,
  checkCohorts,
} from '@lectern/teaching';

/** Other names people write for the built-in cohorts (matched after folding diacritics). */
const ALIASES: Record<string, readonly string[]> = {
  'new-members': ['Đảng viên dự bị', 'Bồi dưỡng đảng viên mới', 'Lớp đảng viên mới'],
  candidates: ['Cảm tình Đảng', 'Quần chúng ưu tú', 'Nhận thức về Đảng', 'Lớp cảm tình Đảng', 'Lớp đối tượng kết nạp Đảng'],
  secretaries: ['Bí thư, cấp ủy chi bộ', 'Bí thư chi bộ', 'Cấp ủy viên', 'Bí thư chi bộ và cấp ủy viên'],
  specialist: ['Chuyên đề', 'Bồi dưỡng chuyên đề'],
  other: ['Khác'],
};

/**
 * The cohort id a free-text cohort means, for sessions written before the list existed or by a
 * form that offers free text (the presenter's after-class prompt fills in the deck's `audience`):
 * an id as is, else a label or learners' word in either language, ignoring case and diacritics.
 * resolveCohortId('dang vien moi', DEFAULT_COHORTS) => 'new-members'; no match => undefined.
 */
export function resolveCohortId(text: string, cohorts: readonly CohortDef[]): string | undefined {
  const wanted = foldText(text.trim());
  if (!wanted) return undefined;
  const exact = cohorts.find((c) => c.id === text.trim());
  if (exact) return exact.id;
  for (const cohort of cohorts) {
    const names = [cohort.label, cohort.learnerNoun];
    const builtin = BUILTIN_COHORTS[cohort.id];
    if (builtin && !cohort.label?.trim()) {
      for (const lang of ['vi', 'en'] as const) names.push(builtin[lang].label, builtin[lang].learners[1]);
      names.push(...(ALIASES[cohort.id] ?? []));
    }
    if (names.some((name) => name !== undefined && name.trim() !== '' && foldText(name.trim()) === wanted)) return cohort.id;
  }
  return undefined;
}
