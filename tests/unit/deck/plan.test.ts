// The lesson-plan summary the handout and the lesson-plan panel use.
import { describe, expect, it } from 'vitest';
import { deckOutline, parseDeck, planSummary } from '../../../packages/deck/src/index.ts';

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
    expect(deckOutline(deck).map((o) => [o.title, o.minutes, o.discussionMinutes, o.line])).toEqual([
      ['Mở đầu', 5, 0, 5],
      ['Thảo luận', 10, 15, 7],
      ['Trích', undefined, 0, 12],
    ]);
    const plan = planSummary(deck);
    expect(plan.discussions).toEqual([{ slide: 1, minutes: 15, groups: 4, text: 'Hỏi?', line: 8 }]);
    expect(plan.excerpts.map((e) => e.text)).toEqual(['A', 'B']);
    expect(plan.documents).toEqual([{ source: 'Nghị quyết XIII', number: '01-NQ/TW', slides: [2] }]);
    expect(plan.questions.map((q) => q.points)).toEqual([3, 2]);
    expect(plan).toMatchObject({ slideMinutes: 15, discussionMinutes: 15, totalMinutes: 30, totalPoints: 5, overDuration: false });
    expect(plan.meta.title).toBe('Bài 3');
  });
});
