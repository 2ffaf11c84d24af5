// Starting points for "New deck". Written in the UI language; every construct the editor's
// toolbar offers appears once so a new instructor sees the syntax in use.
import type { Lang } from '../app/i18n.ts';

export type TemplateName = 'blank' | 'lesson';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['lesson', 'blank'];

export function deckTemplate(name: TemplateName, lang: Lang): string {
  const vi = lang === 'vi';
  if (name === 'blank') {
    return vi
      ? `---\ntitle: Bài giảng mới\nduration: 45\n---\n\n# Bài giảng mới\n`
      : `---\ntitle: New deck\nduration: 45\n---\n\n# New deck\n`;
  }
  return vi
    ? `---
title: Tên bài giảng
audience: Đảng viên mới
duration: 90
theme: white
objectives:
  knowledge:
    - Nắm được nội dung cơ bản của bài
  skills:
    - Vận dụng vào công việc ở chi bộ
  attitude:
    - Củng cố niềm tin, trách nhiệm
tags: []
---

# Tên bài giảng

Người trình bày · Đơn vị

Note: Giới thiệu mục tiêu bài học trong 2 phút.

---

## I. Nội dung thứ nhất {minutes=15}

- Ý chính 1
- Ý chính 2

---

## Thảo luận {minutes=10}

::: discussion {minutes=10 groups=4}
Câu hỏi thảo luận cho các nhóm.
:::

---

## Câu hỏi ôn tập

::: question {points=3}
Liên hệ nội dung bài học với công việc của đồng chí.
:::
`
    : `---
title: Lesson title
audience: New party members
duration: 90
theme: white
objectives:
  knowledge:
    - Understand the core content
  skills:
    - Apply it in the branch's work
  attitude:
    - Strengthen commitment
tags: []
---

# Lesson title

Presenter · Organisation

Note: Introduce the objectives in two minutes.

---

## I. First topic {minutes=15}

- Key point 1
- Key point 2

---

## Discussion {minutes=10}

::: discussion {minutes=10 groups=4}
A question for the groups.
:::

---

## Review question

::: question {points=3}
Relate the lesson to your own work.
:::
`;
}
