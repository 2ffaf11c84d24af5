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

/** What the page tells its start script (@lectern/present-runtime's site runtime). Lectern's own
 *  settings, not reveal.js options: the runtime builds reveal.js's configuration itself. */
export interface PresentConfig {
  /** Keep the slide in the address (#/3/1) so a reload stays there. */
  hash: boolean;
  /** The speaker view's language (vi or en; `?lang=` on the address may choose another). */
  lang?: string;
  /** Planned seconds per slide in reveal.js's linear order, for the pacing. */
  plan?: number[];
  /** The lesson's length in minutes (front matter `duration`): "time left". */
  duration?: number;
  /** Names this deck's class clock (kept per tab in sessionStorage, so a reload keeps it). */
  deckKey?: string;
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
<script src="${START_SCRIPT_PATH}"></script>
</body>
</html>
`;
}

/** Where the page expects its start script: @lectern/present-runtime's site runtime (a classic
 *  script built from that package; `lectern build` and the Offline HTML export copy it here). */
export const START_SCRIPT_PATH = `${RUNTIME_DIR}/start.js`;
