import { describe, expect, it } from 'vitest';
import { createSanitizer, parseDeck } from '@lectern/deck';
import { LiveRenderer, slideAtLine } from '../../../src/editor/live-render.ts';
import { lessonTiming } from '../../../src/plan/timing.ts';
import { sortDecks } from '../../../src/library/library-screen.ts';
import { deckTemplate } from '../../../src/library/templates.ts';
import type { DeckSummary } from '../../../src/store/index.ts';

const DECK = `---
title: Bài học
duration: 30
---

## Một {minutes=5}

Văn bản <img src=x onerror="alert(1)">

---

## Hai

![ảnh](media/Ảnh-lớp.png)

::: discussion {minutes=10}
Câu hỏi?
:::

--

## Hai chấm một
`;

function media(urls: Record<string, string>) {
  return { resolve: (p: string) => urls[p], exists: (p: string) => p in urls };
}

describe('live preview renderer', () => {
  it('should render the slide under the cursor, sanitized', () => {
    const live = new LiveRenderer(createSanitizer(window), media({}));
    const first = live.update(DECK, 6);
    expect(first.slideIndex).toBe(0);
    expect(first.slideHtml).toContain('Một');
    expect(first.slideHtml).not.toContain('onerror');
    const moved = live.moveCursor(DECK.split('\n').indexOf('## Hai chấm một') + 1);
    expect(moved?.slideIndex).toBe(2);
    expect(moved?.slideHtml).toContain('Hai chấm một');
  });

  it('should resolve stored media to Blob URLs and report missing media', () => {
    const missing = new LiveRenderer(createSanitizer(window), media({}));
    missing.update(DECK, 12);
    expect(missing.diagnostics().some((d) => d.code === 'media-missing')).toBe(true);
    const live = new LiveRenderer(createSanitizer(window), media({ 'media/Ảnh-lớp.png': 'blob:http://x/1' }));
    const result = live.update(DECK, 12);
    expect(result.slideHtml).toContain('blob:http://x/1');
    // Only the file the first slide's HTML <img> names is missing (media written as HTML count too).
    expect(live.diagnostics().filter((d) => d.code === 'media-missing').map((d) => d.message)).toEqual(['media file not found: x']);
  });

  it('should re-render only the edited slide on a keystroke', () => {
    const live = new LiveRenderer(createSanitizer(window), media({}));
    live.update(DECK, 6);
    const edited = DECK.replace('## Hai\n', '## Hai!\n');
    const result = live.update(edited, 11);
    expect(result.slideHtml).toContain('Hai!');
  });

  it('should parse a keystroke from the span the editor says changed, as a full parse would', () => {
    const live = new LiveRenderer(createSanitizer(window), media({}));
    live.update(DECK, 6);
    const at = DECK.indexOf('## Hai\n') + '## Hai'.length;
    const edited = `${DECK.slice(0, at)}!${DECK.slice(at)}`;
    const result = live.update(edited, 11, { from: at, toOld: at, toNew: at + 1 });
    expect(result.slideHtml).toContain('Hai!');
    expect(result.deck.reparsed).toEqual([1]);
    const { reparsed: _a, ...incremental } = result.deck;
    const { reparsed: _b, ...fresh } = parseDeck(edited);
    expect(incremental).toEqual(fresh);
  });

  it('should find slides by line with a binary search', () => {
    const slides = parseDeck(DECK).slides;
    expect(slideAtLine(slides, 1)).toBe(0);
    expect(slideAtLine(slides, 1000)).toBe(slides.length - 1);
    expect(slideAtLine([], 3)).toBe(-1);
  });
});

describe('lesson timing', () => {
  it('should count slide minutes, else discussion minutes, against the duration', () => {
    const timing = lessonTiming(parseDeck(DECK));
    expect(timing.rows.map((r) => r.planned)).toEqual([5, 10, 0]);
    expect(timing.total).toBe(15);
    expect(timing.duration).toBe(30);
    expect(timing.remaining).toBe(15);
  });
  it('should parse both templates without errors', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const name of ['lesson', 'blank'] as const) {
        const deck = parseDeck(deckTemplate(name, lang));
        expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }
    }
  });
});

describe('library sort', () => {
  const base = { tags: [], length: 0, createdAt: '2026-01-01T00:00:00Z', rev: 1 };
  const decks: DeckSummary[] = [
    { ...base, id: 'a', title: 'Đảng viên', slideCount: 3, duration: 45, updatedAt: '2026-03-01T00:00:00Z' },
    { ...base, id: 'b', title: 'An toàn', slideCount: 9, updatedAt: '2026-05-01T00:00:00Z' },
    { ...base, id: 'c', title: 'Dân vận', slideCount: 1, duration: 90, updatedAt: '2026-04-01T00:00:00Z' },
  ];
  it('should sort by last edited, title (Vietnamese collation), slides and duration', () => {
    expect(sortDecks(decks, 'updated').map((d) => d.id)).toEqual(['b', 'c', 'a']);
    expect(sortDecks(decks, 'slides').map((d) => d.id)).toEqual(['b', 'a', 'c']);
    expect(sortDecks(decks, 'duration').map((d) => d.id)).toEqual(['c', 'a', 'b']);
    expect(sortDecks(decks, 'title').map((d) => d.id)[0]).toBe('b');
  });
});
