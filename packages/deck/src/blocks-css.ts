// Lectern's blocks on slides: the one stylesheet for them. The app's presenter and editor preview
// put it in a <style> (src/themes applyBlockStyles), `lectern build` and the Offline HTML export
// write it to BLOCKS_CSS_PATH beside the page (page.ts). A string in the package's public entry,
// not a .css file: the CLI runs in Node, and the app reaches packages only through their entry.
import { CAPTION_CSS } from './captions.ts';

export const BLOCKS_CSS = `/* Lectern's blocks on slides (written by Lectern): discussion prompts, excerpts, questions,
 * columns with their widths, the title slide, on top of reveal.js and its theme.
 * Large type for the back of the room; every block has its own opaque background so that its
 * text keeps WCAG AA contrast (>= 4.5:1, most pairs >= 7:1) in every shipped theme and on top of
 * background images. Colours by scheme: html[data-lectern-scheme="light"|"dark"]. */
:root,
html[data-lectern-scheme='light'] {
  --lectern-slide-excerpt-bg: #fbf5e9;
  --lectern-slide-excerpt-text: #1f1a14; /* 16:1 */
  --lectern-slide-excerpt-border: #9b1c1f;
  --lectern-slide-cite: #5b4630; /* 8.2:1 on the excerpt background */
  --lectern-slide-question-bg: #eaf1fa;
  --lectern-slide-question-text: #0f2136; /* 14:1 */
  --lectern-slide-question-border: #1f4e8c;
  --lectern-slide-question-label: #1f4e8c; /* 7.3:1 */
  --lectern-slide-discussion-bg: #fff3e0;
  --lectern-slide-discussion-text: #2a1a05; /* 15:1 */
  --lectern-slide-discussion-border: #b45309;
  --lectern-slide-discussion-label: #8a3c00; /* 6.9:1 */
}
html[data-lectern-scheme='dark'] {
  --lectern-slide-excerpt-bg: #2a241c;
  --lectern-slide-excerpt-text: #fbf7f0; /* 14:1 */
  --lectern-slide-excerpt-border: #e0a45c;
  --lectern-slide-cite: #e8d4b4; /* 10:1 */
  --lectern-slide-question-bg: #142536;
  --lectern-slide-question-text: #f3f8fd; /* 14:1 */
  --lectern-slide-question-border: #7fb2ea;
  --lectern-slide-question-label: #a9cdf3; /* 9:1 */
  --lectern-slide-discussion-bg: #2e2212;
  --lectern-slide-discussion-text: #fff8ec; /* 14:1 */
  --lectern-slide-discussion-border: #f0a14a;
  --lectern-slide-discussion-label: #f7c58a; /* 9:1 */
}

.reveal .slides .excerpt,
.reveal .slides .question,
.reveal .slides .discussion {
  display: block;
  width: 92%;
  margin: 0.6em auto;
  padding: 0.6em 0.9em;
  border-radius: 0.25em;
  text-align: left;
  font-size: 0.95em;
  line-height: 1.45;
  box-shadow: none;
  font-style: normal;
}

.reveal .slides .excerpt {
  background: var(--lectern-slide-excerpt-bg);
  color: var(--lectern-slide-excerpt-text);
  border-left: 0.3em solid var(--lectern-slide-excerpt-border);
  quotes: '“' '”';
}
.reveal .slides .excerpt p { color: inherit; margin: 0 0 0.4em; }
.reveal .slides .excerpt > p:first-of-type::before { content: open-quote; }
.reveal .slides .excerpt > p:last-of-type::after { content: close-quote; }
.reveal .slides .excerpt cite,
.reveal .slides .excerpt footer {
  display: block;
  margin-top: 0.4em;
  font-size: 0.7em;
  font-style: normal;
  color: var(--lectern-slide-cite);
}

.reveal .slides .question {
  background: var(--lectern-slide-question-bg);
  color: var(--lectern-slide-question-text);
  border-left: 0.3em solid var(--lectern-slide-question-border);
}
.reveal .slides .discussion {
  background: var(--lectern-slide-discussion-bg);
  color: var(--lectern-slide-discussion-text);
  border-left: 0.3em solid var(--lectern-slide-discussion-border);
}
.reveal .slides .question p,
.reveal .slides .discussion p { color: inherit; margin: 0 0 0.4em; }

/* The points of a question and the minutes of a discussion, top right. */
.reveal .slides .question::before,
.reveal .slides .discussion::before {
  float: right;
  margin-left: 0.5em;
  font-size: 0.7em;
  font-weight: 700;
}
.reveal .slides .question::before { content: attr(data-points) ' ★'; color: var(--lectern-slide-question-label); }
.reveal .slides .discussion::before { content: attr(data-minutes) "′"; color: var(--lectern-slide-discussion-label); }
.reveal .slides .question:not([data-points])::before,
.reveal .slides .discussion:not([data-minutes])::before { content: none; }

.reveal .slides .excerpt strong,
.reveal .slides .question strong,
.reveal .slides .discussion strong { color: inherit; }

/* Columns (:::: columns / ::: column {width=40%}): a column with a width keeps it. */
.reveal .slides .columns { display: flex; gap: 1em; align-items: flex-start; text-align: left; }
.reveal .slides .columns > .column { flex: 1 1 0; min-width: 0; }
.reveal .slides .columns > .column[style*='width'] { flex: 0 0 auto; }

.reveal .slides video,
.reveal .slides img { max-height: 60vh; max-width: 100%; }

/* Title slide built from the front matter: long Vietnamese titles must fit in four lines. */
.reveal .slides .title-slide h1 { font-size: 2.2em; line-height: 1.25; }
.reveal .slides .title-slide p { margin: 0.25em 0; }
.reveal .slides .title-slide .subtitle { font-size: 1.05em; }
.reveal .slides .title-slide :is(.author, .organization, .date) { font-size: 0.75em; }
/* Stacked marks on capitals (Ể, Ấ, Ỗ) need room above the line. */
.reveal .slides :is(h1, h2, h3) { line-height: 1.25; }
${CAPTION_CSS}`;
