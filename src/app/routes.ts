// Every screen has a URL that survives a reload and the back button.
//
// The authoring screens live in the hash of index.html (`#/library`, `#/edit/<deckId>`, …).
// Presenting is a separate page, `present.html?lectern-deck=<deckId>`, because reveal.js's speaker
// view reloads the presenting page *without its hash* (adding `?receiver`) in same-origin iframes,
// so the deck must be named in the query. Lectern's own parameters are prefixed `lectern-` so they
// never look like a reveal.js option; reveal.js itself is kept from reading the query at all
// (src/present/reveal-gate.ts).

export type Route =
  | { name: 'library' }
  | { name: 'edit'; deckId: string; line?: number }
  | { name: 'plan'; deckId: string }
  | { name: 'media'; deckId: string }
  | { name: 'excerpts' }
  | { name: 'sessions' }
  | { name: 'report' }
  | { name: 'settings' };

const RE_ROUTE = /^#\/([a-z]+)(?:\/([^/?#]+))?(?:\?([^#]*))?/;

/** `#/edit/abc` => { name: 'edit', deckId: 'abc' }; `#/edit/abc?line=12` also places the editor's
 *  cursor on line 12 (1-based); anything unknown => library. */
export function parseRoute(hash: string): Route {
  const match = RE_ROUTE.exec(hash);
  const name = match?.[1];
  const id = match?.[2] ? decodeURIComponent(match[2]) : undefined;
  switch (name) {
    case 'edit': {
      if (!id) return { name: 'library' };
      const line = Number(new URLSearchParams(match?.[3] ?? '').get('line'));
      return Number.isInteger(line) && line > 0 ? { name, deckId: id, line } : { name, deckId: id };
    }
    case 'plan':
    case 'media':
      return id ? { name, deckId: id } : { name: 'library' };
    case 'excerpts':
    case 'sessions':
    case 'report':
    case 'settings':
      return { name };
    default:
      return { name: 'library' };
  }
}

/** { name: 'edit', deckId: 'abc' } => `#/edit/abc`; with `line: 12` => `#/edit/abc?line=12` */
export function routeHash(route: Route): string {
  if (!('deckId' in route)) return `#/${route.name}`;
  const path = `#/${route.name}/${encodeURIComponent(route.deckId)}`;
  return route.name === 'edit' && route.line !== undefined ? `${path}?line=${route.line}` : path;
}

/** Query parameters of present.html. Prefixed so reveal.js never reads them as options. */
export const PRESENT_PARAM = { deck: 'lectern-deck', slide: 'lectern-slide', mode: 'lectern-mode', ink: 'lectern-ink' } as const;

/** URL of the presenting page for a stored deck, optionally starting at slide `h`/`v`. */
export function presentUrl(deckId: string, start?: { h: number; v?: number }, mode?: 'presenter'): string {
  const params = new URLSearchParams({ [PRESENT_PARAM.deck]: deckId });
  if (start) params.set(PRESENT_PARAM.slide, `${start.h}.${start.v ?? 0}`);
  if (mode) params.set(PRESENT_PARAM.mode, mode);
  const lang = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (lang) params.set('lang', lang);
  return `present.html?${params.toString()}`;
}

/** URL of reveal.js's print view of a stored deck's slides, with the ink kept on the deck drawn
 *  over them (ink-print.ts). */
export function printSlidesUrl(deckId: string): string {
  const params = new URLSearchParams({ [PRESENT_PARAM.deck]: deckId, 'print-pdf': '', [PRESENT_PARAM.ink]: '' });
  const lang = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (lang) params.set('lang', lang);
  return `present.html?${params.toString()}`;
}

/** URL of the printable lesson-plan handout for a stored deck. */
export function handoutUrl(deckId: string): string {
  return `handout.html?${new URLSearchParams({ [PRESENT_PARAM.deck]: deckId }).toString()}`;
}
