// renderDeck: Deck => reveal.js HTML. One local marked instance per render cache (never the
// global), its syntax composed below in one chain, one feature per file. Each slide renders on
// its own into `<section>`; vertical stacks are nested; notes go to `<aside class="notes">`.
// With a RenderCache, slides whose revision is unchanged are taken from the cache.
import { Lexer, Marked, Parser, type Token, type TokensList } from 'marked';
import { INLINE_BUDGET, inlineWork } from './inline-budget.ts';
import { columnBlock, columnsBlock } from './blocks/columns.ts';
import { discussionBlock } from './blocks/discussion.ts';
import { excerptBlock } from './blocks/excerpt.ts';
import { fencedDiv } from './blocks/fenced-div.ts';
import { fragmentBlock } from './blocks/fragment.ts';
import { incrementalBlock } from './blocks/incremental.ts';
import { notesBlock } from './blocks/notes.ts';
import { questionBlock } from './blocks/question.ts';
import { captionPathsFromAttr } from './captions.ts';
import { diagnostic, sortDiagnostics } from './diagnostics.ts';
import { none, own } from './empty.ts';
import { escapeHtml, renderAttrs } from './html.ts';
import { elementAttrs } from './inline/element-attrs.ts';
import { headingAttrs } from './inline/heading-attrs.ts';
import { attachImageAttrs, media, resolveUrl } from './inline/media.ts';
import { applyRevealComments } from './inline/reveal-comments.ts';
import { simpleList } from './simple-list.ts';
import { isLocal } from './media.ts';
import { slideReplacedSince } from './parse.ts';
import { slidePlannedMinutes } from './plan.ts';
import { noteTextStart } from './slide-scan.ts';
import { plainInlineHtml, plainParagraphsHtml } from './plain-paragraphs.ts';
import { parseAtxHeading } from './heading.ts';
import { mayUseGfm } from './gfm.ts';
import { createRenderState, type RenderState } from './render-state.ts';
import type { Deck, DeckMeta, Diagnostic, DiagnosticParams, RenderedDeck, RenderedSlide, RenderOptions, SanitizeResult, Sanitizer, Slide } from './types.ts';

/**
 * Lectern's syntax on marked, and the state its extensions share. Each extension has a price
 * on every block or token of every slide, even where it never matches, so a slide is rendered by
 * a marked instance that has only the extensions its text can use (a `:::` block, a `{` after a
 * heading, an image, a reveal.js comment); instances are made on first need and kept.
 */
interface Engine {
  state: RenderState;
  instances: (Instance | undefined)[];
}

/**
 * A marked instance with one lexer and one parser it keeps for every call. marked.lexer() and
 * marked.parser() build a new Lexer and Parser (and their text renderer) per call, and a deck
 * calls them twice a slide (the slide, then its notes): measured at 1,000 slides, building them
 * cost about 0.15x of a whole marked.parse of the deck. Before each call the lexer gets a fresh
 * token list, inline queue and state, the three things Lexer#lex keeps between calls; the parser
 * keeps nothing between calls.
 */
interface Instance {
  marked: Marked;
  /** Undefined when this marked's Lexer is not the one lex() knows how to reset (another marked
   *  version: other fields, another state): then every call builds its lexer, as marked.lexer() does. */
  lexer: Lexer | undefined;
  parser: Parser;
  /** The link map of every lex without a link reference definition: never written (see lex()). */
  noLinks: TokensList['links'];
}

/** A new Lexer's state in marked 18, written as a literal: a copy made by spreading another
 *  object gets a different hidden class, and the lexer's hot loops then read state through
 *  megamorphic property loads (measured: the render 40 % slower than building a Lexer per call). */
function freshLexerState(): Lexer['state'] {
  return { inLink: false, inRawBlock: false, linkEmitted: false, linkParenPossible: true, top: true };
}

/** What a new Lexer holds in marked 18: lex() resets the three it changes per call (tokens,
 *  inlineQueue, state); options and tokenizer stay the instance's. */
const LEXER_FIELDS = 'inlineQueue,options,state,tokenizer,tokens';

function createInstance(state: RenderState, needs: number): Instance {
  const marked = createMarked(state, needs);
  const lexer = new Lexer(marked.defaults);
  // Another marked could keep more between calls: then it builds its lexer per call.
  const reusable = Object.keys(lexer).sort().join(',') === LEXER_FIELDS && JSON.stringify(lexer.state) === JSON.stringify(freshLexerState());
  return { marked, lexer: reusable ? lexer : undefined, parser: new Parser(marked.defaults), noLinks: Object.create(null) as TokensList['links'] };
}

/** marked.lexer(markdown), on the instance's own lexer when it can be reused. */
function lex(instance: Instance, markdown: string): TokensList {
  const { lexer } = instance;
  if (!lexer) return instance.marked.lexer(markdown);
  const tokens = [] as unknown as TokensList;
  // The link map is written only for a link reference definition, which needs `]:`: without one
  // the instance's empty map serves every call (a null-prototype object is a dictionary, about
  // 0.2 MB of garbage a render of 1,000 slides when made per call). The tokens never leave
  // markdownToHtml, so no caller sees the shared map.
  tokens.links = markdown.indexOf(']:') < 0 ? instance.noLinks : (Object.create(null) as TokensList['links']);
  lexer.tokens = tokens;
  // Lexer#lex leaves an empty queue behind; only a lex that threw leaves one to replace.
  if (lexer.inlineQueue.length !== 0) lexer.inlineQueue = [];
  lexer.state = freshLexerState();
  return lexer.lex(markdown);
}

const NEEDS_BLOCKS = 1;
const NEEDS_HEADING_ATTRS = 2;
const NEEDS_MEDIA = 4;
const NEEDS_COMMENTS = 8;
/** marked's GFM rules (tables, strikethrough, autolinks, task lists): see gfm.ts. */
const NEEDS_GFM = 16;
const NEEDS_ALL = NEEDS_BLOCKS | NEEDS_HEADING_ATTRS | NEEDS_MEDIA | NEEDS_COMMENTS | NEEDS_GFM;

function createEngine(options: RenderOptions): Engine {
  return { state: createRenderState(options), instances: [] };
}

/** The whole chain, in order; `needs` leaves out what this text cannot use. */
function createMarked(state: RenderState, needs: number): Marked {
  const marked = new Marked({ gfm: (needs & NEEDS_GFM) !== 0, breaks: false });
  // The common list (`- ` lines of words) without marked's general list tokenizer: simple-list.ts.
  marked.use({ tokenizer: { list: simpleList } });
  if (needs & NEEDS_BLOCKS) {
    marked.use({
      extensions: [fencedDiv, notesBlock(state), fragmentBlock, incrementalBlock(state), columnsBlock, columnBlock, discussionBlock, excerptBlock, questionBlock],
    });
  }
  if (needs & NEEDS_COMMENTS) marked.use({ extensions: elementAttrs });
  if (needs & NEEDS_HEADING_ATTRS) marked.use(headingAttrs(state));
  if (needs & NEEDS_MEDIA) marked.use(media(state));
  return marked;
}

/** Markdown => HTML. The token passes run only when the text needs them: `{...}` after images
 *  (media.ts), reveal.js comments (reveal-comments.ts). */
function markdownToHtml(engine: Engine, markdown: string): string {
  const hasComments = markdown.indexOf('<!--') >= 0;
  const needs =
    (markdown.indexOf(':::') >= 0 ? NEEDS_BLOCKS : 0) |
    (markdown.indexOf('}') >= 0 ? NEEDS_HEADING_ATTRS : 0) |
    (markdown.indexOf('![') >= 0 ? NEEDS_MEDIA : 0) |
    (hasComments ? NEEDS_COMMENTS : 0) |
    (mayUseGfm(markdown) ? NEEDS_GFM : 0);
  const instance = (engine.instances[needs] ??= createInstance(engine.state, needs));
  const tokens = lex(instance, markdown);
  if (needs & NEEDS_MEDIA && markdown.indexOf('){') >= 0) attachImageAttrs(tokens);
  if (hasComments) applyRevealComments(tokens);
  return instance.parser.parse(tokens);
}

/**
 * A slide's opening block when it is an ATX heading of plain text, as most slides open: its HTML
 * as marked and the heading extension give a slide's first heading (the `{…}` is the slide's, on
 * the <section>), and the Markdown after it, which marked then lexes alone. A heading is one line
 * and ends its block, so nothing after it reads differently without it. Undefined for anything
 * else, and for text with reveal.js comments (one on the next line gives the heading attributes).
 */
function plainOpeningHeading(markdown: string): { html: string; rest: string } | undefined {
  let start = 0;
  while (markdown.charCodeAt(start) === 10) start++;
  if (markdown.charCodeAt(start) !== 35) return undefined; // '#'
  const nl = markdown.indexOf('\n', start);
  const heading = parseAtxHeading(nl < 0 ? markdown.slice(start) : markdown.slice(start, nl));
  if (!heading) return undefined;
  const text = plainInlineHtml(heading.text.trim());
  if (text === undefined || markdown.indexOf('<!--') >= 0) return undefined;
  return { html: `<h${heading.depth}>${text}</h${heading.depth}>\n`, rest: nl < 0 ? '' : markdown.slice(nl + 1) };
}

interface CachedSlide {
  html: string;
  /** Render-time diagnostics with lines relative to the slide's first line (0-based offset). */
  diagnostics: Diagnostic[];
  /** The RenderedSlide last made from this entry, reused while index and position stay. */
  last?: RenderedSlide;
  lastStartLine?: number;
  /** Set while the HTML still waits for its batch sanitize (never seen outside renderWith). */
  unsanitized?: boolean;
}

/**
 * Keeps rendered slides between renders of the same document, by slide revision. It is reset
 * when `options.sanitize` changes; when what `resolveMedia`/`mediaExists` answer changes (a file
 * was added or renamed), call `clear()` (or make a new cache) so media are resolved again.
 */
export interface RenderCache {
  clear(): void;
  /** Slides rendered afresh by the last render, and in total. */
  readonly stats: { lastRendered: number; totalRendered: number };
}

class SlideCache implements RenderCache {
  entries = new Map<string, CachedSlide>();
  engine: Engine | undefined;
  sanitize: RenderOptions['sanitize'];
  stats = { lastRendered: 0, totalRendered: 0 };
  /** The last render's slides and what it made of each: a slide that is the same object at the
   *  same place (parseDeck reuses unchanged slides) takes its RenderedSlide from here, without a
   *  lookup by revision (at 1,000 slides the lookups were most of an edit's render).
   *  `withDiagnostics` is 1 where `out[i]` has diagnostics: after a keystroke the RenderedSlides
   *  are cold in the processor's caches, and reading each to find the few with diagnostics was
   *  a third of an edit's render. */
  last: { slides: readonly Slide[]; out: readonly RenderedSlide[]; withDiagnostics: readonly number[] } | undefined;
  clear(): void {
    this.entries.clear();
    this.last = undefined;
  }
}

export function createRenderCache(): RenderCache {
  return new SlideCache();
}

const RE_REMOVED_TAG = /^<([a-z][\w-]*)>$/;
const RE_REMOVED_ATTR = /^([^\s]+) on <([a-z][\w-]*)>$/;
/** The sanitizer's description of text it dropped (see describeRemoval in sanitize.ts). */
const REMOVED_TEXT = 'text in a forbidden place';

/** 1-based line/column of `offset` in `text`, counted from `line`. */
function positionIn(text: string, offset: number, line: number): { line: number; column: number } {
  let l = line;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    l++;
    lineStart = i + 1;
  }
  return { line: l, column: offset - lineStart + 1 };
}

/**
 * A slide nested deeper than this (block quotes, list levels, `:::` blocks) is shown as plain
 * text: marked recurses once per level, so a crafted deck of a few thousand levels overflows the
 * stack or runs for minutes (measured: 400 nested list levels take 2 s, 3,000 exhaust memory).
 * No real lesson comes near it.
 */
export const MAX_NESTING = 64;

/** A list item starts at `i`: `-`, `*` or `+`, or 1-9 digits and `.` or `)`, then a space, a
 *  tab or the end of the line. */
function isListMarker(text: string, i: number, end: number): boolean {
  let k = i;
  const c = text.charCodeAt(k);
  if (c === 45 || c === 42 || c === 43) k++;
  else {
    while (k < end && k - i < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k === i || (text.charCodeAt(k) !== 46 && text.charCodeAt(k) !== 41)) return false;
    k++;
  }
  const after = k < end ? text.charCodeAt(k) : 32;
  return after === 32 || after === 9 || after === 13;
}

/** Deepest nesting on any line outside fenced code: `>` marks + list indentation (2 columns a
 *  level) + open `:::` blocks. Counts generously: it only has to stay far below real decks.
 *  One pass of charCodeAt over each line's leading marks, no regular expressions. */
function nestingDepth(text: string): { depth: number; line: number } {
  let worstDepth = 0;
  let worstLine = 0;
  let fenceChar = 0;
  let fenceLen = 0;
  let divs = 0;
  let line = 0;
  const n = text.length;
  for (let start = 0; start <= n; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? n : nl;
    let quotes = 0;
    let indent = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 62) quotes++; // >
      else if (c === 32) indent++;
      else if (c === 9) indent += 4;
      else break;
    }
    const c = i < end ? text.charCodeAt(i) : 0;
    let run = 0;
    if (c === 96 || c === 126 || c === 58) while (i + run < end && text.charCodeAt(i + run) === c) run++;
    if (fenceChar !== 0) {
      if (c === fenceChar && run >= fenceLen) fenceChar = 0;
    } else if ((c === 96 || c === 126) && run >= 3 && indent < 4) {
      fenceChar = c;
      fenceLen = run;
    } else {
      if (c === 58 && run >= 3) {
        let k = i + run;
        while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
        if (k === end) divs = divs > 0 ? divs - 1 : 0;
        else divs++;
      }
      // Indentation nests only on list items (each level of a list needs its own marker line);
      // an indented code block or pasted text with many leading spaces is not nesting.
      const depth = quotes + (isListMarker(text, i, end) ? indent >> 1 : 0) + divs;
      if (depth > worstDepth) {
        worstDepth = depth;
        worstLine = line;
      }
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return { depth: worstDepth, line: worstLine };
}

const SHALLOW = { depth: 0, line: 0 };
const RE_LONG_BLANK_RUN = /[ \t]{9}/;
const NINE_SPACES = ' '.repeat(9);
const LINE_OF_NINE_SPACES = `\n${NINE_SPACES}`;

/** Whether `text` could nest deeper than MAX_NESTING, from counts native searches give: a line's
 *  depth is its `>` marks (at most every `>` of the text), its open `:::` blocks (at most one per
 *  `:::` written) and half its list indentation; with no run of 9 blanks, each run between two
 *  `>` holds at most 8 blanks of 4 columns, so the indentation adds at most 16 a run (with no `>`
 *  at all, the indentation is a line's leading blanks: no line may start with 9 of them). Slides
 *  this cannot rule out (almost none) get nestingDepth's line-by-line count. */
function mayNestDeeply(text: string): boolean {
  let quotes = 0;
  for (let i = text.indexOf('>'); i >= 0 && quotes <= MAX_NESTING; i = text.indexOf('>', i + 1)) quotes++;
  let divs = 0;
  for (let i = text.indexOf(':::'); i >= 0 && divs <= MAX_NESTING; i = text.indexOf(':::', i + 3)) divs++;
  if (quotes + 16 * (quotes + 1) + divs > MAX_NESTING) return true;
  if (text.indexOf('\t') >= 0) return RE_LONG_BLANK_RUN.test(text);
  // Without tabs a run of 9 blanks is 9 spaces. Without `>` only a line's leading spaces count,
  // so only a line that starts with 9 spaces matters: a search led by the line break, which
  // prose holds a few times a slide, where a search for 9 spaces stops at every space between
  // words (it was 2 % of a full render's samples).
  if (quotes === 0) return text.startsWith(NINE_SPACES) || text.indexOf(LINE_OF_NINE_SPACES) >= 0;
  return text.indexOf(NINE_SPACES) >= 0;
}

/** A slide shown as its source text in <pre> (escaped, then sanitized like any slide). */
function plainSlide(slide: Slide, options: RenderOptions, problem: Diagnostic): CachedSlide {
  let html = `<section${renderAttrs({ id: slide.attrs.id, classes: ['lectern-unrendered', ...slide.attrs.classes], attributes: {} })}>\n<pre>${escapeHtml(slide.raw)}</pre>\n</section>`;
  if (options.sanitize) html = options.sanitize(html).html;
  html.charCodeAt(0);
  return { html, diagnostics: [problem] };
}

/** `deferSanitize`: leave the HTML unsanitized and mark the entry, for renderWith to clean a
 *  batch of slides in one call (see Sanitizer.many). */
function renderSlide(engine: Engine, slide: Slide, deferSanitize = false): CachedSlide {
  const { state } = engine;
  const options = state.options;
  state.headingSeen = false;
  // The last slide's list when it stayed empty, as most do (one array a slide less).
  if (state.notes.length !== 0) state.notes = [];
  state.incremental = 0;
  const nesting = mayNestDeeply(slide.raw) ? nestingDepth(slide.raw) : SHALLOW;
  if (nesting.depth > MAX_NESTING) {
    return plainSlide(slide, options, diagnostic('nesting-too-deep', nesting.line, 1, { depth: nesting.depth, max: MAX_NESTING }));
  }
  const inline = inlineWork(slide.raw);
  if (inline.work > INLINE_BUDGET) {
    return plainSlide(slide, options, diagnostic('render-too-slow', inline.line, 1));
  }
  let body: string;
  let notesHtml: string;
  try {
    const opening = plainOpeningHeading(slide.content);
    if (opening) {
      // What the heading renderer does for a slide's first heading: its attributes are the slide's.
      state.headingSeen = true;
      body = opening.html + markdownToHtml(engine, opening.rest);
    } else body = markdownToHtml(engine, slide.content);
    notesHtml = state.notes.join('');
    if (slide.content.length < slide.raw.length) {
      const tail = slide.raw.slice(noteTextStart(slide.raw, slide.content.length, slide.raw.length));
      // Notes of plain prose (most are) need no marked: the same HTML, a fifth of the render.
      if (tail.trim() !== '') notesHtml += plainParagraphsHtml(tail) ?? markdownToHtml(engine, tail);
    }
  } catch (error) {
    // Author input must never stop a deck from rendering: a slide marked cannot handle (a stack
    // overflow the depth check did not foresee, a bug) is shown as its text, with the reason.
    const reason = error instanceof Error ? error.message : String(error);
    return plainSlide(slide, options, diagnostic('render-failed', 0, 1, { reason }));
  }
  const written = slide.attrs.attributes;
  // Object.keys, not for-in: most slides have no attributes, and for-in on an empty object was a
  // visible cost at 1,000 slides.
  const keys = Object.keys(written);
  // reveal.js's speaker view paces by data-timing (seconds): the slide's planned time, one rule.
  const planned = slidePlannedMinutes(slide);
  let open: string;
  if (keys.length === 0 && !slide.attrs.id && slide.attrs.classes.length === 0) {
    // Most slides: what renderAttrs writes for data-timing alone (digits need no escaping),
    // without the attribute map, the attribute record and their pieces of string.
    open = planned > 0 ? `<section data-timing="${Math.round(planned * 60)}">` : '<section>';
  } else {
    const attributes: Record<string, string> = {};
    for (const key of keys) {
      const value = written[key]!;
      attributes[key] = key === 'data-background-image' || key === 'data-background-video' ? resolveUrl(state, value) : value;
    }
    if (planned > 0 && attributes['data-timing'] === undefined) attributes['data-timing'] = String(Math.round(planned * 60));
    open = `<section${renderAttrs({ id: slide.attrs.id, classes: slide.attrs.classes, attributes })}>`;
  }
  const aside = notesHtml === '' ? '' : `<aside class="notes">\n${notesHtml}</aside>\n`;
  let html = `${open}\n${body}${aside}</section>`;
  // Flatten now (charCodeAt does): one string instead of a rope of marked's many small pieces,
  // which the garbage collector would otherwise copy around while it lives (measured: leaving
  // ropes made a full render of 5,000 slides 1.4x slower).
  html.charCodeAt(0);

  // The shared empty list unless the slide has any: the entry lives in the cache and in the
  // rendered deck, and every object it holds is copied by each young collection it lives through.
  let diagnostics = none<Diagnostic>();
  for (let i = 0; i < slide.media.length; i++) {
    const ref = slide.media[i]!;
    if (ref.remote) {
      (diagnostics = own(diagnostics)).push(diagnostic('remote-media', ref.line - slide.startLine, ref.column, { path: ref.path }));
    } else if (options.mediaExists && isLocal(ref.path) && !options.mediaExists(ref.path)) {
      (diagnostics = own(diagnostics)).push(diagnostic('media-missing', ref.line - slide.startLine, ref.column, { path: ref.path }));
    }
    if (ref.captions !== undefined && options.mediaExists) {
      for (const path of captionPathsFromAttr(ref.captions)) {
        if (!options.mediaExists(path)) (diagnostics = own(diagnostics)).push(diagnostic('media-missing', ref.line - slide.startLine, ref.column, { variant: 'caption', path }));
      }
    }
  }
  const entry: CachedSlide = { html, diagnostics };
  if (options.sanitize) {
    if (deferSanitize) entry.unsanitized = true;
    else applySanitized(slide, entry, options.sanitize(html));
  }
  return entry;
}

/** Puts a slide's sanitized HTML in its entry, each removal an `html-removed` warning placed
 *  where the removed tag or attribute first appears in the slide's source. */
function applySanitized(slide: Slide, entry: CachedSlide, result: SanitizeResult): void {
  entry.html = result.html;
  entry.unsanitized = undefined;
  if (result.removed.length > 0) entry.diagnostics = own(entry.diagnostics);
  const lower = slide.raw.toLowerCase();
  let from = 0;
  for (const item of result.removed) {
    const tag = RE_REMOVED_TAG.exec(item.what);
    const attr = RE_REMOVED_ATTR.exec(item.what);
    const needle = tag ? `<${tag[1]}` : attr ? attr[1]!.toLowerCase() : undefined;
    let offset = needle ? lower.indexOf(needle, from) : -1;
    if (offset < 0 && needle) offset = lower.indexOf(needle);
    const pos = offset >= 0 ? positionIn(slide.raw, offset, slide.startLine) : { line: slide.startLine, column: 1 };
    if (offset >= 0) from = offset + 1;
    const params: DiagnosticParams = tag
      ? { variant: 'element', tag: tag[1]! }
      : attr
        ? { variant: 'attribute', attr: attr[1]!, tag: attr[2]! }
        : item.what === REMOVED_TEXT ? { variant: 'text' } : { what: item.what };
    entry.diagnostics.push(diagnostic('html-removed', pos.line - slide.startLine, pos.column, params));
  }
}

/** How many slides' HTML one Sanitizer.many call takes: enough to spread the cost of parsing a
 *  document on jsdom, few enough that one bad slide only sends its batch back one by one. */
const SANITIZE_BATCH_SLIDES = 100;
const SANITIZE_BATCH_CHARS = 1 << 20;

/** Sanitizes the entries renderSlide left unsanitized, a batch per Sanitizer.many call. */
function sanitizeDeferred(sanitize: Sanitizer, pending: readonly { slide: Slide; entry: CachedSlide }[]): void {
  const many = sanitize.many;
  if (!many) return;
  for (let start = 0; start < pending.length; ) {
    let end = start;
    let chars = 0;
    while (end < pending.length && end - start < SANITIZE_BATCH_SLIDES && (end === start || chars + pending[end]!.entry.html.length <= SANITIZE_BATCH_CHARS)) {
      chars += pending[end]!.entry.html.length;
      end++;
    }
    const batch = pending.slice(start, end);
    const results = many(batch.map((p) => p.entry.html));
    batch.forEach((p, i) => applySanitized(p.slide, p.entry, results[i]!));
    start = end;
  }
}

/** The slide made from the front matter (`titleSlide: true`). */
function renderTitleSlide(meta: DeckMeta): string {
  let html = '<section class="title-slide">\n';
  if (meta.title) html += `<h1>${escapeHtml(meta.title)}</h1>\n`;
  for (const key of ['subtitle', 'author', 'organization', 'date'] as const) {
    if (meta[key]) html += `<p class="${key}">${escapeHtml(meta[key])}</p>\n`;
  }
  return `${html}</section>`;
}

/** The engine of renders without a cache: its marked instances cost ~0.1 ms each to build, more
 *  than rendering a small deck, so they are kept between calls. Rendering is synchronous, so one
 *  shared engine is safe unless a render starts inside another (a resolveMedia callback that
 *  renders): that one gets its own. */
let sharedEngine: Engine | undefined;
let sharedEngineBusy = false;

function engineFor(options: RenderOptions, cache: SlideCache | undefined): Engine {
  if (!cache) {
    if (sharedEngineBusy) return createEngine(options);
    sharedEngine ??= createEngine(options);
    sharedEngine.state.options = options;
    return sharedEngine;
  }
  if (!cache.engine || cache.sanitize !== options.sanitize) {
    cache.clear();
    cache.engine = createEngine(options);
    cache.sanitize = options.sanitize;
  }
  cache.engine.state.options = options;
  return cache.engine;
}

/** The deck's HTML: the title slide, then every slide, vertical stacks in their own section. */
function joinSlides(order: readonly Slide[], slides: readonly RenderedSlide[], titleSlide: string | undefined): string {
  // Built with += on purpose: V8 keeps the result as a rope and flattens it once, when it is
  // used; Array.join would copy every slide's HTML on each render (measured: 2-5 ms at 1,000
  // slides, more than the whole incremental render).
  let html = titleSlide === undefined ? '' : `${titleSlide}\n`;
  for (let i = 0; i < slides.length; i++) {
    const slide = order[i]!;
    const next = order[i + 1];
    if (slide.v === 0 && next !== undefined && next.v > 0) html += '<section>\n';
    html += slides[i]!.html;
    html += '\n';
    if (slide.v > 0 && (next === undefined || next.v === 0)) html += '</section>\n';
  }
  return html;
}

/**
 * Renders a deck to reveal.js HTML (`<section>` per slide, vertical stacks nested, notes in
 * `<aside class="notes">`). Never throws on author input. Without `options.sanitize` the HTML is
 * NOT safe to put in a document: pass a sanitizer for anything that reaches one.
 * @throws when `cache` was not made by createRenderCache().
 */
export function renderDeck(deck: Deck, options: RenderOptions = {}, cache?: RenderCache): RenderedDeck {
  if (cache !== undefined && !(cache instanceof SlideCache)) throw new Error('renderDeck needs a cache made by createRenderCache().');
  const engine = engineFor(options, cache);
  const shared = engine === sharedEngine;
  if (shared) sharedEngineBusy = true;
  try {
    return renderWith(engine, deck, options, cache);
  } finally {
    if (shared) sharedEngineBusy = false;
  }
}

function renderWith(engine: Engine, deck: Deck, options: RenderOptions, cache: SlideCache | undefined): RenderedDeck {
  // One map, kept across renders; entries no slide uses any more are dropped when it has grown
  // to twice the deck (rebuilding it on every render would cost more than the render itself).
  // Without a cache every slide is rendered once, and nothing is looked up or kept.
  const entries = cache?.entries;
  const rendered: number[] = [];
  const diagnostics: Diagnostic[] = [...deck.diagnostics];
  engine.state.lang = deck.meta.lang || 'vi';
  // A sanitizer that cleans many fragments at once (jsdom in the CLI) gets the slides to render
  // rendered first and then cleaned in batches; the browser's sanitizer has no `many` and
  // cleans slide by slide, inside renderSlide.
  const fresh: (CachedSlide | undefined)[] = [];
  if (options.sanitize?.many !== undefined && deck.slides.length > 1) {
    const pending: { slide: Slide; entry: CachedSlide }[] = [];
    deck.slides.forEach((slide, i) => {
      if (entries?.has(slide.revision)) return;
      const entry = renderSlide(engine, slide, true);
      entries?.set(slide.revision, entry);
      fresh[i] = entry;
      rendered.push(slide.index);
      if (entry.unsanitized) pending.push({ slide, entry });
    });
    sanitizeDeferred(options.sanitize, pending);
  }
  const last = cache?.last;
  const n = deck.slides.length;
  /** Slide i's RenderedSlide: from the cache by revision (or rendered now), placed at its index. */
  const take = (i: number): RenderedSlide => {
    const slide = deck.slides[i]!;
    let entry = entries?.get(slide.revision) ?? fresh[i];
    if (!entry) {
      entry = renderSlide(engine, slide);
      entries?.set(slide.revision, entry);
      rendered.push(slide.index);
    }
    let out = entry.last;
    if (!out || out.index !== slide.index || entry.lastStartLine !== slide.startLine) {
      const slideDiagnostics =
        entry.diagnostics.length === 0 ? none<Diagnostic>() : entry.diagnostics.map((d) => ({ ...d, line: d.line + slide.startLine }));
      out = { index: slide.index, revision: slide.revision, html: entry.html, diagnostics: slideDiagnostics };
      entry.last = out;
      entry.lastStartLine = slide.startLine;
    }
    return out;
  };
  let slides: RenderedSlide[];
  // Kept for the next render through the cache (1 where a slide has diagnostics); a render
  // without one reads each fresh slide's diagnostics as it goes.
  let withDiagnostics: number[] | undefined;
  if (cache && last !== undefined && last.slides.length === n) {
    // The editor's path: as many slides as last time, most of them the same objects at the same
    // places. Copying the last render's arrays is a flat copy of pointers; filling new arrays
    // slide by slide (each slot read from the last render, then pushed) was a fifth of an edit.
    // The same Slide object has the same revision, index and start line: the same output.
    slides = last.out.slice();
    withDiagnostics = last.withDiagnostics.slice();
    const before = last.slides;
    const now = deck.slides;
    // After one keystroke the parse says which slide it replaced: the only one to compare.
    const replaced = slideReplacedSince(deck, before);
    const from = replaced < 0 ? 0 : replaced;
    const to = replaced < 0 ? n : replaced + 1;
    for (let i = from; i < to; i++) {
      if (before[i] === now[i]) continue;
      const out = take(i);
      slides[i] = out;
      withDiagnostics[i] = out.diagnostics.length > 0 ? 1 : 0;
    }
  } else {
    slides = [];
    withDiagnostics = cache ? [] : undefined;
    for (let i = 0; i < n; i++) {
      const slide = deck.slides[i]!;
      let out = last !== undefined && last.slides[i] === slide ? last.out[i] : undefined;
      if (out !== undefined) withDiagnostics!.push(last!.withDiagnostics[i]!);
      else {
        out = take(i);
        if (withDiagnostics) withDiagnostics.push(out.diagnostics.length > 0 ? 1 : 0);
        else if (out.diagnostics.length > 0) diagnostics.push(...out.diagnostics);
      }
      slides.push(out);
    }
  }
  if (cache && withDiagnostics) {
    for (let i = 0; i < n; i++) if (withDiagnostics[i] === 1) diagnostics.push(...slides[i]!.diagnostics);
    cache.last = { slides: deck.slides, out: slides, withDiagnostics };
  }
  if (cache && entries) {
    if (entries.size > 2 * deck.slides.length + 16) {
      const used = new Set(deck.slides.map((s) => s.revision));
      for (const key of entries.keys()) if (!used.has(key)) entries.delete(key);
    }
    cache.stats = { lastRendered: rendered.length, totalRendered: cache.stats.totalRendered + rendered.length };
  }

  let titleSlide: string | undefined;
  if (deck.meta.titleSlide) {
    titleSlide = renderTitleSlide(deck.meta);
    if (options.sanitize) titleSlide = options.sanitize(titleSlide).html;
  }
  // The whole deck's HTML is joined when first read: the editor's keystroke path reads only the
  // slides and diagnostics, and joining 1,000 slides is more than an incremental render costs.
  const order = deck.slides;
  let html: string | undefined;
  const result: RenderedDeck = {
    get html(): string {
      html ??= joinSlides(order, slides, titleSlide);
      return html;
    },
    slides,
    diagnostics: sortDiagnostics(diagnostics),
    rendered,
  };
  if (titleSlide !== undefined) result.titleSlide = titleSlide;
  return result;
}

/** Markdown with Lectern's syntax to HTML, outside any slide (speaker notes in the presenter,
 *  discussion and question text in the handout). Sanitized when `options.sanitize` is given. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const engine = createEngine(options);
  const { state } = engine;
  let html = markdownToHtml(engine, markdown);
  if (state.notes.length > 0) html += state.notes.join('');
  return options.sanitize ? options.sanitize(html).html : html;
}

/** Speaker notes (Markdown) to HTML; the same as renderMarkdown. */
export function renderNotes(notes: string, options: RenderOptions = {}): string {
  return renderMarkdown(notes, options);
}

/** One line of Markdown to inline HTML (no <p>): titles, excerpt sources, outline entries. */
export function renderMarkdownInline(markdown: string, options: RenderOptions = {}): string {
  const marked = createMarked(createRenderState(options), NEEDS_ALL);
  const html = marked.parseInline(markdown) as string;
  return options.sanitize ? options.sanitize(html).html : html;
}

let lexEngine: Marked | undefined;

/**
 * Lectern's Markdown as marked tokens, for writers of other formats (the .pptx export): `:::`
 * blocks are `lectern-<kind>` tokens carrying `info` (DivToken), an image's `{...}` is attached
 * (read it with mediaTokenAttrs), reveal.js comments are applied, a heading's `{...}` is cut. The
 * same syntax chain as renderDeck, so both outputs read a deck the same way. Text nested deeper
 * than MAX_NESTING comes back as one code token of the text as written (as renderDeck shows it).
 */
export function lexMarkdown(markdown: string): Token[] {
  if (nestingDepth(markdown).depth > MAX_NESTING) return [{ type: 'code', raw: markdown, text: markdown, lang: '' } as Token];
  lexEngine ??= createMarked(createRenderState({}), NEEDS_ALL);
  const tokens = lexEngine.lexer(markdown);
  if (markdown.indexOf('){') >= 0) attachImageAttrs(tokens);
  if (markdown.indexOf('<!--') >= 0) applyRevealComments(tokens);
  return tokens;
}
