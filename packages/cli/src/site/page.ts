// The files of a static build that Lectern writes itself: index.html, the start script and the
// styles for Lectern's own blocks. Everything is a classic script or a plain stylesheet with
// relative URLs and no `crossorigin`, so the same folder presents from a web server and from
// file:// (TOOLCHAIN.md, "Static output opened from file://").
//
// No Node imports here: the app's "Export HTML" (src/sharing/offline-html.ts) writes the same page.
import { CAPTION_CSS } from '@lectern/deck';

/** Folder inside the output that holds everything that is not the deck's own media. */
export const RUNTIME_DIR = '_lectern';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or attribute value => HTML that shows exactly that text. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** JSON that is safe inside <script type="application/json">: no `</script>`, no `<!--`. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** reveal.js options the start script passes to Reveal.initialize. */
export interface PresentConfig {
  hash: boolean;
  /** Seconds for the whole deck (front matter `duration`), for the speaker view's pacing. */
  totalTime?: number;
}

export interface PageInput {
  title: string;
  lang: string;
  generator: string;
  /** Sanitized slides, as RenderedDeck.html. */
  slidesHtml: string;
  config: PresentConfig;
}

export function renderPage(input: PageInput): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(input.generator)}">
<title>${escapeHtml(input.title)}</title>
<link rel="stylesheet" href="${RUNTIME_DIR}/reset.css">
<link rel="stylesheet" href="${RUNTIME_DIR}/reveal.css">
<link rel="stylesheet" href="${RUNTIME_DIR}/theme.css">
<link rel="stylesheet" href="${RUNTIME_DIR}/lectern.css">
</head>
<body>
<div class="reveal">
<div class="slides">
${input.slidesHtml}
</div>
</div>
<script type="application/json" id="lectern-config">${scriptJson(input.config)}</script>
<script src="${RUNTIME_DIR}/reveal.js"></script>
<script src="${RUNTIME_DIR}/notes.js"></script>
<script src="${RUNTIME_DIR}/start.js"></script>
</body>
</html>
`;
}

/** Starts reveal.js with the speaker-notes plugin (S). A classic script: it must run from file://. */
export const START_SCRIPT = `// Written by lectern build: starts reveal.js with the speaker view (press S).
(function () {
  'use strict';
  var configElement = document.getElementById('lectern-config');
  var config = configElement ? JSON.parse(configElement.textContent || '{}') : {};
  config.plugins = [window.RevealNotes];
  window.Reveal.initialize(config);
})();
`;

/** Styles for the blocks Lectern adds to Markdown; the reveal.js theme does the rest. */
export const LECTERN_CSS = `/* Written by lectern build: Lectern's blocks on top of the reveal.js theme. */
.reveal .discussion { border-left: 0.25em solid currentColor; padding: 0.3em 0.8em; text-align: left; }
.reveal .discussion[data-minutes]::before { content: attr(data-minutes) "′"; float: right; opacity: 0.7; font-size: 0.7em; }
.reveal blockquote.excerpt { width: 85%; text-align: left; font-style: normal; }
.reveal blockquote.excerpt cite { display: block; margin-top: 0.5em; font-size: 0.7em; opacity: 0.8; }
.reveal .question { border: 2px dashed currentColor; border-radius: 0.3em; padding: 0.3em 0.8em; text-align: left; }
.reveal .question[data-points]::before { content: attr(data-points) " đ"; float: right; opacity: 0.7; font-size: 0.7em; }
.reveal .columns { display: flex; gap: 1em; align-items: flex-start; }
.reveal .columns > .column { flex: 1 1 0; min-width: 0; }
.reveal video, .reveal img { max-width: 100%; max-height: 70vh; }
${CAPTION_CSS}`;
