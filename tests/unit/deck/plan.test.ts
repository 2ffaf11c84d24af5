// The lesson-plan summary the handout and the lesson-plan panel use.
import { describe, expect, it } from 'vitest';
import { deckOutline, parseDeck, planSummary, plannedMinutes, renderDeck, slidePlannedMinutes } from '../../../packages/deck/src/index.ts';

const md = `---
title: Bài 3
duration: 30
---
# Mở đầu {minutes=5}
---
# Thảo luận {minutes=10}
::: discussion {minutes=15 groups=4}
Hỏi?
:::
---
# Trích
::: excerpt {source="Nghị quyết XIII" number="01-NQ/TW"}
A
:::
::: excerpt {source="Nghị quyết XIII" number="01-NQ/TW" ref="Phần II"}
B
:::
::: question {points=3}
Câu 1
:::
::: question {points=2}
Câu 2
:::
`;

describe('planSummary', () => {
  it('should give the timed outline, prompts, documents and totals', () => {
    const deck = parseDeck(md);
    expect(deckOutline(deck).map((o) => [o.title, o.minutes, o.discussionMinutes, o.planned, o.line])).toEqual([
      ['Mở đầu', 5, 0, 5, 5],
      ['Thảo luận', 10, 15, 10, 7],
      ['Trích', undefined, 0, 0, 12],
    ]);
    const plan = planSummary(deck);
    expect(plan.discussions).toEqual([{ slide: 1, minutes: 15, groups: 4, text: 'Hỏi?', line: 8 }]);
    expect(plan.excerpts.map((e) => e.text)).toEqual(['A', 'B']);
    expect(plan.documents).toEqual([{ source: 'Nghị quyết XIII', number: '01-NQ/TW', slides: [2] }]);
    expect(plan.questions.map((q) => q.points)).toEqual([3, 2]);
    expect(plan).toMatchObject({ totalMinutes: 15, totalPoints: 5, overDuration: false });
    expect(plan.meta.title).toBe('Bài 3');
  });
});

describe('planned minutes (one rule)', () => {
  // "## Thảo luận nhóm {minutes=15}" holding "::: discussion {minutes=15}" is a 15-minute slide.
  const lesson = `---
duration: 90
---
# Mở đầu {minutes=10}
---
# Thảo luận nhóm {minutes=15}
::: discussion {minutes=15 groups=4}
Hỏi?
:::
---
# Trao đổi
::: discussion {minutes=5}
A
:::
::: discussion {minutes=2.5}
B
:::
---
# Bài giảng {minutes=52.5}
---
# Kết
`;

  it('counts a slide’s own minutes with its discussions inside, else the sum of its discussions', () => {
    const deck = parseDeck(lesson);
    expect(deck.slides.map(slidePlannedMinutes)).toEqual([10, 15, 7.5, 52.5, 0]);
    expect(plannedMinutes(deck.slides).total).toBe(85);
    expect(planSummary(deck)).toMatchObject({ totalMinutes: 85, overDuration: false });
  });

  it('does not report an 85-minute lesson as over its 90-minute duration', () => {
    expect(parseDeck(lesson).diagnostics.filter((d) => d.code === 'timing-over-duration')).toEqual([]);
  });

  it('emits each slide’s planned seconds as data-timing from the renderer', () => {
    const html = renderDeck(parseDeck(lesson)).html;
    expect([...html.matchAll(/<section(?: data-timing="(\d+)")?>/g)].map((m) => m[1])).toEqual(['600', '900', '450', '3150', undefined]);
  });
});
