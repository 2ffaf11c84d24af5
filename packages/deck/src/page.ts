// The page that presents a deck on its own (a static build, the Offline HTML export): index.html,
// the start script, the runtime folder's name. Everything is a classic script or a plain
// stylesheet with relative URLs and no `crossorigin`, so the same folder presents from a web
// server and from file://. Pure strings: `lectern build` writes it from Node, the app's
// "Offline HTML" from the browser, both through this package's public entry.
import { escapeHtml } from './html.ts';

/** Folder inside the output that holds everything that is not the deck's own media. */
export const RUNTIME_DIR = '_lectern';

/** Where the page expects Lectern's block stylesheet (BLOCKS_CSS, written as is). */
export const BLOCKS_CSS_PATH = `${RUNTIME_DIR}/lectern.css`;

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
<link rel="stylesheet" href="${BLOCKS_CSS_PATH}">
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
export const START_SCRIPT = `// Written by Lectern: starts reveal.js with the speaker view (press S).
(function () {
  'use strict';
  var configElement = document.getElementById('lectern-config');
  var config = configElement ? JSON.parse(configElement.textContent || '{}') : {};
  config.plugins = [window.RevealNotes];
  window.Reveal.initialize(config);
})();
`;
