// The two languages Lectern writes in; the app's `Lang` is the same union.
export type TeachingLang = 'vi' | 'en';
