// Summary fields of a deck (title, audience, tags, duration, slide count), derived from its
// Markdown on every save so the library can list decks without reading their text.
//
// The source of truth is `parseDeck` in @lectern/deck (the same parser the editor, presenter
// and CLI use). `roughSummary` -- front matter read with `yaml`, `---` separators counted
// outside fences -- is the fallback if parseDeck ever throws (a parser bug must not stop a
// save). Both are synchronous on purpose: the v1 -> v2 migration calls the summarizer inside an
// upgrade transaction, which must not wait on anything else.
import { parseDeck, slideNumbering } from '@lectern/deck';
import { parse as parseYaml } from 'yaml';
import type { DeckDigest } from './types.ts';

export type Summarize = (markdown: string) => DeckDigest;

const RE_FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const RE_FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const RE_DIV_OPEN = /^\s{0,3}(:{3,})\s*\S/;
const RE_DIV_CLOSE = /^\s{0,3}(:{3,})\s*$/;
const RE_HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s*\{[^}]*\})?\s*#*\s*$/;

/** Front matter + separators, tolerant of anything: never throws on author input. */
export function roughSummary(markdown: string): DeckDigest {
  let data: Record<string, unknown> = {};
  let body = markdown.replace(/^\uFEFF/, '');
  const fm = RE_FRONT_MATTER.exec(body);
  if (fm) {
    body = body.slice(fm[0].length);
    try {
      const parsed: unknown = parseYaml(fm[1] ?? '');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    } catch {
      // invalid YAML: the deck package reports it; the summary just lacks those fields
    }
  }
  let slides = 1;
  let fence: string | undefined;
  let divDepth = 0;
  let firstHeading: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const fenceMatch = RE_FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1]?.length ?? 0) >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    if (RE_DIV_CLOSE.test(line) && divDepth > 0) divDepth -= 1;
    else if (RE_DIV_OPEN.test(line)) divDepth += 1;
    else if (divDepth === 0 && (line === '---' || line === '--')) slides += 1;
    else if (!firstHeading) firstHeading = RE_HEADING.exec(line)?.[1]?.trim() || undefined;
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
  const tags = Array.isArray(data.tags) ? data.tags.filter((t): t is string => typeof t === 'string') : typeof data.tags === 'string' ? [data.tags] : [];
  return {
    title: str(data.title) ?? firstHeading,
    audience: str(data.audience),
    tags,
    duration: num(data.duration),
    slideCount: body.trim() === '' ? 0 : slides,
  };
}

/** Summary from parseDeck: front-matter title, else the first slide's heading. */
export function deckSummary(markdown: string): DeckDigest {
  const deck = parseDeck(markdown);
  const digest: DeckDigest = {
    title: deck.meta.title?.trim() || deck.slides.find((s) => s.title)?.title?.trim() || undefined,
    tags: [...deck.meta.tags],
    // The deck package's count (title slide included), as the presenter and the CLI say it.
    slideCount: markdown.trim() === '' ? 0 : slideNumbering(deck).count,
  };
  if (deck.meta.audience) digest.audience = deck.meta.audience;
  if (typeof deck.meta.duration === 'number' && Number.isFinite(deck.meta.duration)) digest.duration = deck.meta.duration;
  return digest;
}

export const defaultSummarize: Summarize = deckSummary;
