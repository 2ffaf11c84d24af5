// Deck text -> sanitized reveal.js slides in a container, with Lectern's annotations: planned
// seconds as `data-timing` (reveal.js's own pacing in its speaker view), and media clips.
import { createSanitizer, parseDeck, renderDeck, type Deck, type RenderedDeck } from '@lectern/deck';
import { clipsByUrl, type Clip } from './clips.ts';
import { deckPlan } from './pacing.ts';

export interface PreparedDeck {
  deck: Deck;
  rendered: RenderedDeck;
  plan: number[];
  clips: Map<string, Clip>;
}

export function prepareDeck(markdown: string, urls: Map<string, string>): PreparedDeck {
  const deck = parseDeck(markdown);
  const resolveMedia = (path: string) => urls.get(path);
  const rendered = renderDeck(deck, { resolveMedia, sanitize: createSanitizer(window) });
  return { deck, rendered, plan: deckPlan(deck), clips: clipsByUrl(deck, resolveMedia) };
}

/** The slide <section>s in reveal.js linear order (= deck order): stacks contribute children. */
export function linearSections(slidesEl: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const top of slidesEl.querySelectorAll<HTMLElement>(':scope > section')) {
    const children = top.querySelectorAll<HTMLElement>(':scope > section');
    if (children.length > 0) out.push(...children);
    else out.push(top);
  }
  return out;
}

/** Writes each slide's planned seconds as data-timing, unless the deck has no plan at all. */
export function applyTimings(slidesEl: Element, plan: readonly number[]): void {
  if (plan.every((s) => s === 0)) return;
  linearSections(slidesEl).forEach((section, i) => {
    if (!section.hasAttribute('data-timing')) section.setAttribute('data-timing', String(plan[i] ?? 0));
  });
}
