// Cohorts: who a class was for. A small list the centre may edit. Ids are stable (sessions store
// the id, never the label), so renaming "Đối tượng kết nạp Đảng" to "Cảm tình Đảng" relabels every
// past session and every report at once.
//
// The seeded labels follow the wording of the half-year reports these users write: "lớp đảng viên
// mới cho 492 đảng viên dự bị", "lớp đối tượng kết nạp Đảng cho 721 quần chúng ưu tú", "bí thư chi
// bộ và cấp ủy viên cơ sở", "bồi dưỡng chuyên đề". Each cohort also names its learners, because the
// report's summary sentence does ("… với 492 đảng viên dự bị").
import type { TeachingLang as Lang } from './lang.ts';

export interface CohortDef {
  /** Stable id stored in sessions. Never shown. */
  id: string;
  /** The user's own label; when absent the built-in label in the UI language is used. */
  label?: string;
  /** The user's own word for its learners ("quần chúng ưu tú"); absent: built-in or "học viên". */
  learnerNoun?: string;
}

interface BuiltinText {
  label: string;
  /** "lớp đảng viên mới" / "classes of new party members" (en: plural form used with any count). */
  classPhrase: string;
  /** English takes a singular for one: [one, other]. */
  learners: readonly [string, string];
}

export const BUILTIN_COHORTS: Record<string, Record<Lang, BuiltinText>> = {
  'new-members': {
    vi: { label: 'Đảng viên mới', classPhrase: 'lớp đảng viên mới', learners: ['đảng viên dự bị', 'đảng viên dự bị'] },
    en: {
      label: 'New party members',
      classPhrase: 'of new party members',
      learners: ['probationary member', 'probationary members'],
    },
  },
  candidates: {
    vi: {
      label: 'Đối tượng kết nạp Đảng',
      classPhrase: 'lớp đối tượng kết nạp Đảng',
      learners: ['quần chúng ưu tú', 'quần chúng ưu tú'],
    },
    en: { label: 'Admission candidates', classPhrase: 'of admission candidates', learners: ['person', 'people'] },
  },
  secretaries: {
    vi: {
      label: 'Bí thư chi bộ, cấp ủy viên',
      classPhrase: 'lớp bí thư chi bộ và cấp ủy viên',
      learners: ['bí thư chi bộ và cấp ủy viên', 'bí thư chi bộ và cấp ủy viên'],
    },
    en: {
      label: 'Branch secretaries and committee members',
      classPhrase: 'of branch secretaries and committee members',
      learners: ['secretary or committee member', 'secretaries and committee members'],
    },
  },
  specialist: {
    vi: { label: 'Bồi dưỡng chuyên đề', classPhrase: 'lớp bồi dưỡng chuyên đề', learners: ['học viên', 'học viên'] },
    en: { label: 'Specialist courses', classPhrase: 'of specialist courses', learners: ['learner', 'learners'] },
  },
  other: {
    vi: { label: 'Khác', classPhrase: 'lớp khác', learners: ['học viên', 'học viên'] },
    en: { label: 'Other', classPhrase: 'of other kinds', learners: ['learner', 'learners'] },
  },
};

/** The list a new library starts with, in report order. */
export const DEFAULT_COHORTS: readonly CohortDef[] = Object.freeze(
  Object.keys(BUILTIN_COHORTS).map((id) => Object.freeze({ id })),
);

export const OTHER_COHORT_ID = 'other';

const GENERIC_LEARNERS: Record<Lang, readonly [string, string]> = {
  vi: ['học viên', 'học viên'],
  en: ['learner', 'learners'],
};

/** Label shown in forms, tables and the chart. Unknown ids (a cohort removed from the list) show the id. */
export function cohortLabel(cohort: CohortDef | undefined, id: string, lang: Lang): string {
  const custom = cohort?.label?.trim();
  if (custom) return custom;
  return BUILTIN_COHORTS[id]?.[lang].label ?? id;
}

/** "lớp đảng viên mới" (vi) / "of new party members" (en, after "N classes"). */
export function cohortClassPhrase(cohort: CohortDef | undefined, id: string, lang: Lang): string {
  const custom = cohort?.label?.trim();
  if (!custom) {
    const builtin = BUILTIN_COHORTS[id]?.[lang];
    if (builtin) return builtin.classPhrase;
  }
  const label = custom || id;
  // Inside a sentence the label loses its capital ("Đảng viên mới" => "lớp đảng viên mới"), but a
  // word that is all capitals (an acronym) keeps it.
  const first = label.split(/\s/, 1)[0] ?? '';
  const lowered = first.length > 1 && first === first.toUpperCase() ? label : label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
  return lang === 'vi' ? `lớp ${lowered}` : `of ${lowered}`;
}

/** The learners' noun for a count: 492 "đảng viên dự bị", 1 "person" / 721 "people". */
export function cohortLearnerNoun(cohort: CohortDef | undefined, id: string, lang: Lang, count: number): string {
  const custom = cohort?.learnerNoun?.trim();
  if (custom) return custom;
  const forms = (cohort?.label?.trim() ? undefined : BUILTIN_COHORTS[id]?.[lang].learners) ?? GENERIC_LEARNERS[lang];
  return count === 1 ? forms[0] : forms[1];
}

/** Problems with an edited cohort list: empty or duplicate labels, duplicate ids. */
export type CohortProblem = { index: number; code: 'label-empty' | 'label-duplicate' | 'id-duplicate' };

export function checkCohorts(cohorts: readonly CohortDef[], lang: Lang): CohortProblem[] {
  const problems: CohortProblem[] = [];
  const ids = new Set<string>();
  const labels = new Set<string>();
  cohorts.forEach((cohort, index) => {
    if (ids.has(cohort.id)) problems.push({ index, code: 'id-duplicate' });
    ids.add(cohort.id);
    // A built-in cohort with no label of its own shows its built-in label; a user's cohort needs one.
    const label = cohort.label?.trim() || (BUILTIN_COHORTS[cohort.id] ? cohortLabel(undefined, cohort.id, lang) : '');
    if (!label) problems.push({ index, code: 'label-empty' });
    else if (labels.has(label.toLocaleLowerCase(lang))) problems.push({ index, code: 'label-duplicate' });
    labels.add(label.toLocaleLowerCase(lang));
  });
  return problems;
}
