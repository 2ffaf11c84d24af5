// The page's own configuration (`<script type="application/json" id="lectern-config">`, written
// by the deck package's renderPage), read defensively: a site folder can be edited by anyone, so
// anything of the wrong shape is ignored, never passed on to reveal.js.
import type { PresentConfig } from '@lectern/deck';

export function parseSiteConfig(text: string | null | undefined): Required<Pick<PresentConfig, 'hash' | 'plan'>> & PresentConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text || '{}');
  } catch {
    raw = {};
  }
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const plan = Array.isArray(value.plan) && value.plan.every((s) => typeof s === 'number' && Number.isFinite(s) && s >= 0) ? (value.plan as number[]) : [];
  const duration = typeof value.duration === 'number' && Number.isFinite(value.duration) && value.duration > 0 ? value.duration : undefined;
  return {
    hash: value.hash !== false,
    plan,
    ...(typeof value.lang === 'string' ? { lang: value.lang } : {}),
    ...(duration !== undefined ? { duration } : {}),
    ...(typeof value.deckKey === 'string' ? { deckKey: value.deckKey } : {}),
  };
}
