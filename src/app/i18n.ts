// UI language: Vietnamese and English. Each feature keeps its own message catalog next to its
// code (`defineMessages({ vi: {...}, en: {...} })`), so features never edit one shared file.
// Why not @lit/localize: its runtime mode needs generated locale modules from a CLI extraction
// step; two languages with typed catalogs checked by tsc give the same safety with no build step.
//
// Choice of language, first match wins: `?lang=vi|en` in the URL, the saved setting
// (localStorage 'lectern.lang'), the browser's preferred languages, else Vietnamese.

import { formalDate } from '@lectern/teaching';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'lectern.lang';

function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

export function detectLang(
  search: string = globalThis.location?.search ?? '',
  saved: string | null = safeGetSaved(),
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  if (isLang(saved)) return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'vi') return 'vi';
    if (base === 'en') return 'en';
  }
  return 'vi';
}

function safeGetSaved(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage disabled (some private modes): fall through to the browser's languages
  }
}

let current: Lang = detectLang();
const listeners = new Set<(lang: Lang) => void>();

export function getLang(): Lang {
  return current;
}

/** Switches the UI language, remembers it, and tells subscribers (components re-render). */
export function setLang(lang: Lang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  if (globalThis.document) document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Catalog values may be plain strings or functions for messages with parameters.
// `any[]` here is deliberate: each message declares its own parameter types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = string | ((...args: any[]) => string);

/** `const msg = defineMessages({ vi: {...}, en: {...} })`, then `msg().newDeck`. The English
 *  catalog must have exactly the Vietnamese keys (checked by the type). */
export function defineMessages<T extends Record<string, Message>>(catalog: { vi: T; en: NoInfer<T> }): () => T {
  return () => catalog[current];
}

/** Locale tag for Intl: dates and numbers always go through Intl, never hand formatting. */
export function locale(lang: Lang = current): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(value);
}

export function formatDate(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(locale(), options).format(new Date(value));
}

/**
 * A date the way official documents write it: "ngày 10 tháng 3 năm 2026" / "10 March 2026", for
 * printed pages (the handout, the half-year report). Built from Intl's parts, so the numbers are
 * Intl's, never formatted by hand. `timeZone: 'UTC'` for a calendar date held at noon UTC.
 */
export function formatFormalDate(value: Date, options: { lang?: Lang; timeZone?: string } = {}): string {
  return formalDate(value, options.lang ?? current, options.timeZone);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
