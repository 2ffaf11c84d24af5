// Lectern constructs the toolbar inserts (docs/deck-format.md). Each snippet is text plus where
// the cursor lands inside it, so the author can type straight away.
export type SnippetName = 'slide' | 'vertical' | 'notes' | 'discussion' | 'excerpt' | 'question' | 'columns' | 'fragment';

export interface Snippet {
  /** Inserted on lines of its own (a blank line before when needed). */
  text: string;
  /** Offset in `text` where the cursor goes. */
  cursor: number;
}

/** Builds a snippet; `|` marks the cursor (the only `|` in every template below). */
function snippet(template: string): Snippet {
  const cursor = template.indexOf('|');
  return { text: template.slice(0, cursor) + template.slice(cursor + 1), cursor };
}

export function lecternSnippet(name: SnippetName, lang: 'vi' | 'en'): Snippet {
  const vi = lang === 'vi';
  switch (name) {
    case 'slide':
      return snippet(`---\n\n## |\n`);
    case 'vertical':
      return snippet(`--\n\n### |\n`);
    case 'notes':
      return snippet(`Note: |\n`);
    case 'discussion':
      return snippet(`::: discussion {minutes=10 groups=4}\n|\n:::\n`);
    case 'excerpt':
      return snippet(`::: excerpt {source="|" number="" issuer="" ref="" date=""}\n\n:::\n`);
    case 'question':
      return snippet(`::: question {points=2}\n|\n:::\n`);
    case 'columns':
      return snippet(
        `:::: columns\n::: column {width=50%}\n|\n:::\n::: column {width=50%}\n${vi ? 'Cột phải' : 'Right column'}\n:::\n::::\n`,
      );
    case 'fragment':
      return snippet(`::: fragment\n|\n:::\n`);
  }
}
