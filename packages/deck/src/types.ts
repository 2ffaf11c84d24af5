// The public data model of a Lectern deck: what parseDeck() produces and renderDeck() consumes.
// This file is the contract between packages/deck, the CLI and the app: change it with care.
// Lines and columns are 1-based and count from the first line of the file, front matter included.

export type Severity = 'error' | 'warning' | 'info';

/** Stable diagnostic codes (docs/deck-format.md). Add codes; never rename one. */
export type DiagnosticCode =
  | 'frontmatter-invalid'
  | 'frontmatter-unknown-key'
  | 'fence-unclosed'
  | 'directive-unknown'
  | 'attr-invalid'
  | 'media-missing'
  | 'remote-media'
  | 'timing-over-duration'
  | 'html-removed'
  | 'nesting-too-deep'
  /** A slide whose Markdown would take marked minutes (quadratic inline patterns): plain text. */
  | 'render-too-slow'
  | 'render-failed'
  | 'captions-invalid';

/** The languages diagnostic texts are written in (see diagnostic-messages.ts). */
export type DiagnosticLang = 'vi' | 'en';

/** What a diagnostic's text is made from: `variant` picks one of the code's sentences, the other
 *  keys are the values it names (a path, a key, minutes). */
export type DiagnosticParams = Readonly<Record<string, string | number>> & { readonly variant?: string };

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  line: number;
  column: number;
  /** The English text (for logs and older callers); screens show formatDiagnostic(d, lang). */
  message: string;
  params: DiagnosticParams;
}

export interface Objectives {
  knowledge: string[];
  skills: string[];
  attitude: string[];
}

/** Front matter, normalised. Unknown keys are kept in `extra`, never dropped. */
export interface DeckMeta {
  title?: string;
  subtitle?: string;
  author?: string;
  organization?: string;
  course?: string;
  module?: string;
  lesson?: string;
  audience?: string;
  /** Planned minutes for the whole lesson. */
  duration?: number;
  /** BCP 47 tag; default 'vi'. */
  lang: string;
  theme?: string;
  objectives: Objectives;
  tags: string[];
  date?: string;
  references: string[];
  titleSlide: boolean;
  extra: Record<string, unknown>;
}

export interface FrontMatter {
  /** Exact source text including both `---` lines and the line break after the closing one. */
  raw: string;
  startLine: number;
  endLine: number;
  data: Record<string, unknown>;
}

export type MediaKind = 'image' | 'video' | 'audio';

export interface MediaRef {
  /** As written, without a `#t=` fragment: `media/clip.mp4` or `https://…`. */
  path: string;
  kind: MediaKind;
  remote: boolean;
  line: number;
  column: number;
  /** `#t=start,end` clip in seconds, when given. */
  clip?: { start: number; end?: number };
  /** Where it came from: an image/video/audio in Markdown, a video's `poster=`, a slide
   *  background attribute, or a media element written as HTML (`<img src>`, `<source src>`). */
  from?: 'markdown' | 'poster' | 'background' | 'html';
  /** A video's `captions=` value as written (comma-separated .vtt paths; captions.ts reads it). */
  captions?: string;
}

/** A position in the file (1-based line and column). */
export interface SourcePos {
  line: number;
  column: number;
}

export interface Discussion {
  minutes?: number;
  groups?: number;
  /** Markdown inside the block. */
  text: string;
  line: number;
  /** Where `minutes=` was written, for timing diagnostics. */
  minutesAt?: SourcePos;
}

export interface Excerpt {
  source?: string;
  number?: string;
  issuer?: string;
  ref?: string;
  date?: string;
  text: string;
  line: number;
}

export interface Question {
  points?: number;
  text: string;
  line: number;
}

export interface SlideAttrs {
  id?: string;
  classes: string[];
  /** Planned minutes for this slide (`minutes=` in the heading attributes). */
  minutes?: number;
  /** Other attributes for the <section>, e.g. `data-background-image`. Validated, not yet escaped. */
  attributes: Record<string, string>;
  /** Where `minutes=` was written, for timing diagnostics. */
  minutesAt?: SourcePos;
}

export interface Slide {
  /** 0-based position in `Deck.slides`. */
  index: number;
  /** reveal.js coordinates: horizontal index and vertical index (0 for a top-level slide). */
  h: number;
  v: number;
  /** Exact source text of the slide, separator line excluded: serializeDeck(parseDeck(md)) === md. */
  raw: string;
  startLine: number;
  endLine: number;
  /** Hash of `raw`: the preview re-renders only slides whose revision changed. */
  revision: string;
  /** Plain text of the slide's first heading, if any. */
  title?: string;
  attrs: SlideAttrs;
  /** Speaker notes as Markdown, when the slide has any. */
  notes?: string;
  discussions: Discussion[];
  excerpts: Excerpt[];
  questions: Question[];
  media: MediaRef[];
  /** Problems found while parsing this slide (lines are absolute). */
  diagnostics: Diagnostic[];
  /** The separator line before this slide, exactly as written with its line break (`---\n`,
   *  `--\r\n`); empty for the first slide. */
  separator: string;
  /** The slide's Markdown without its `Note:` tail (what the renderer turns into the slide body). */
  content: string;
}

/**
 * What an editor knows about the change from `previous.source` to the new text (CodeMirror's
 * change set, merged into one span): the text before `from` and the text after `toOld` in the
 * old text (after `toNew` in the new one) are unchanged. With it, parseDeck finds the changed
 * slide without comparing the two texts (half a megabyte of memory read per keystroke at 1,000
 * slides). A span that does not fit the two texts' lengths is ignored.
 */
export interface DeckEdit {
  from: number;
  toOld: number;
  toNew: number;
}

export interface Deck {
  /** The text as given (BOM and CRLF preserved for round trips). */
  source: string;
  bom: boolean;
  eol: '\n' | '\r\n';
  frontMatter?: FrontMatter;
  meta: DeckMeta;
  slides: Slide[];
  /** Every parse-time diagnostic (front matter, slides, deck-level such as timing), sorted by line. */
  diagnostics: Diagnostic[];
  /** Whitespace after the front matter in a deck that has no slides at all (kept for round trips). */
  blankBody?: string;
  /** Indexes of the slides parsed afresh; the others were reused from `previous` (parseDeck). */
  reparsed?: number[];
}

/** What the sanitizer removed, for `html-removed` diagnostics. */
export interface RemovedItem {
  /** e.g. `<script>` or `onerror` on `<img>`. */
  what: string;
}

/** Turns untrusted HTML into safe HTML. Created with a DOM window (browser or jsdom). */
export interface SanitizeResult {
  html: string;
  removed: RemovedItem[];
}

/** Cleans one HTML fragment. `many`, when the sanitizer offers it, cleans several fragments in
 *  one pass with the same result as one call each (cheaper where each call parses a whole
 *  document, as on jsdom in the CLI). */
export interface Sanitizer {
  (html: string): SanitizeResult;
  many?: (htmls: readonly string[]) => SanitizeResult[];
}

export interface RenderOptions {
  /** Maps a media path as written (`media/x.mp4`) to the URL the output should use (Blob URL,
   *  relative file). Returning undefined keeps the path as written. */
  resolveMedia?: (path: string) => string | undefined;
  /** When given, local media for which this returns false get `media-missing` errors. */
  mediaExists?: (path: string) => boolean;
  /** When given, every slide's HTML passes through it; removals become `html-removed` warnings.
   *  Any HTML that reaches a document must be rendered with a sanitizer. */
  sanitize?: Sanitizer;
}

export interface RenderedSlide {
  index: number;
  revision: string;
  /** One `<section>…</section>` (for a vertical stack, the child section only). */
  html: string;
  /** Render-time diagnostics for this slide (media-missing, html-removed, remote-media …). */
  diagnostics: Diagnostic[];
}

export interface RenderedDeck {
  /** Every slide as reveal.js expects inside `.slides`, vertical stacks nested. */
  html: string;
  slides: RenderedSlide[];
  /** Parse and render diagnostics together, sorted by line then column. */
  diagnostics: Diagnostic[];
  /** Indexes of the slides rendered afresh; the others came from the render cache. */
  rendered: number[];
  /** The generated title slide (`titleSlide: true`), also at the start of `html`. */
  titleSlide?: string;
}
