// The words Lectern uses, in Vietnamese and English: one glossary for every message catalogue of
// the app, the CLI and the deck/bundle packages' texts. tests/unit/glossary.test.ts reads every
// catalogue's Vietnamese text and fails on a variant listed under `avoid`.
// To add a term: add it here, with the variants to avoid, and the row to docs/languages.md.

export interface Term {
  vi: string;
  en: string;
  /** Variants a Vietnamese text must not use for this term (each a regular expression). */
  avoid: readonly RegExp[];
}

export const GLOSSARY = {
  slide: { vi: 'trang chiếu', en: 'slide', avoid: [/\bslides?\b/i, /số trang(?! chiếu)/i, /(?<!tải lại )(?<!\/ )\btrang\b(?! chiếu| trình chiếu| web| này)/i] },
  media: { vi: 'tư liệu', en: 'media', avoid: [/phương tiện/i] },
  deck: { vi: 'bài giảng', en: 'deck', avoid: [/\bdeck\b(?!\.md)/i] },
  lessonPlan: { vi: 'giáo án', en: 'lesson plan', avoid: [/kế hoạch bài (?:dạy|giảng|học)/i] },
  excerpt: { vi: 'trích dẫn', en: 'excerpt', avoid: [/đoạn trích/i] },
  session: { vi: 'buổi học', en: 'session', avoid: [/phiên học/i] },
  class: { vi: 'lớp', en: 'class', avoid: [] },
  cohort: { vi: 'đối tượng (học viên)', en: 'cohort', avoid: [/nhóm học viên/i] },
  learners: { vi: 'học viên', en: 'learners', avoid: [/người học/i] },
  bundle: { vi: 'gói bài giảng (.lectern)', en: 'bundle (.lectern)', avoid: [] },
  speakerView: { vi: 'màn hình giảng viên', en: 'speaker view', avoid: [/màn hình người dạy/i] },
} as const satisfies Record<string, Term>;

export type TermName = keyof typeof GLOSSARY;

/** The glossary's variants found in a Vietnamese text, as `term: variant` for a test report. */
export function glossaryViolations(viText: string): string[] {
  const found: string[] = [];
  for (const [name, term] of Object.entries(GLOSSARY) as [TermName, Term][]) {
    for (const pattern of term.avoid) {
      const m = pattern.exec(viText);
      if (m) found.push(`${name}: "${m[0]}" (use "${term.vi}")`);
    }
  }
  return found;
}
