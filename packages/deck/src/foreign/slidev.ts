// Slidev decks: `---` splits slides, and a `---` followed by a non-blank line opens that slide's
// own front matter (closed by the next `---`), as Slidev's parser reads it. The deck's head
// matter is also the first slide's. Notes are the slide's last HTML comment; `<v-click>` and
// `<v-clicks>` become fragments; Vue components, layouts, styles and scripts are reported.
import {
  FenceTracker, Reporter, guardLine, newSlide, textOf, writeDeck, writtenMedia, yamlMap,
  type ForeignConversion, type OutSlide,
} from './common.ts';

interface RawSlide {
  front: Record<string, unknown>;
  lines: string[];
  /** 1-based file line of `lines[0]`. */
  firstLine: number;
  /** 1-based file line of the slide's first `---`. */
  line: number;
}

/** Slidev's split: a `---` line outside code starts a slide; a non-blank next line starts its front matter. */
function splitSlides(text: string): RawSlide[] {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const slides: RawSlide[] = [];
  const fence = new FenceTracker();
  let cur: RawSlide = { front: {}, lines: [], firstLine: 1, line: 1 };
  let i = 0;
  const openFront = (at: number): number => {
    // `at` is the index of a `---` line; returns the index after the closing `---`.
    let j = at + 1;
    while (j < all.length && !/^---[ \t]*$/.test(all[j]!)) j++;
    cur.front = yamlMap(all.slice(at + 1, j).join('\n')) ?? {};
    return j + 1;
  };
  if (all.length > 0 && /^---[ \t]*$/.test(all[0]!)) {
    i = openFront(0);
    cur.firstLine = i + 1;
  }
  for (; i < all.length; i++) {
    const line = all[i]!;
    if (fence.feed(line)) {
      cur.lines.push(line);
      continue;
    }
    if (/^---[ \t]*$/.test(line)) {
      slides.push(cur);
      cur = { front: {}, lines: [], firstLine: i + 2, line: i + 1 };
      const following = all[i + 1];
      if (following !== undefined && following.trim() !== '') {
        const after = openFront(i);
        cur.firstLine = after + 1;
        i = after - 1;
      }
      continue;
    }
    cur.lines.push(line);
  }
  slides.push(cur);
  return slides;
}

/** Keys Slidev's head matter may hold that mean nothing on a Lectern slide, reported once. */
const DECK_KEYS = new Set(['theme', 'background', 'info', 'class', 'drawings', 'transition', 'mdc', 'duration', 'highlighter', 'lineNumbers', 'colorSchema', 'aspectRatio', 'canvasWidth', 'fonts', 'themeConfig', 'addons', 'routerMode', 'download', 'exportFilename', 'layout', 'favicon', 'seoMeta', 'record', 'presenter', 'selectable', 'monaco', 'css', 'defaults', 'htmlAttrs', 'author', 'keywords', 'hideInToc', 'level', 'title', 'titleTemplate', 'src', 'hide', 'disabled', 'image', 'backgroundSize', 'clicks', 'preload', 'routeAlias', 'dragPos', 'layoutClass']);
/** HTML elements a slide may hold as they are; any other tag is a Vue component. */
const HTML_TAGS = new Set(['a', 'abbr', 'b', 'blockquote', 'br', 'button', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small', 'source', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul', 'video', 'audio', 'iframe', 'style', 'script', 'section', 'article', 'header', 'footer', 'center', 'font', 'picture', 'svg', 'path', 'v-click', 'v-clicks', 'v-after']);
/** Slidev transitions reveal.js has an equal of; others (`slide-up`, `view-transition`…) are reported. */
const REVEAL_TRANSITION: Record<string, string> = { fade: 'fade', 'fade-out': 'fade', 'slide-left': 'slide', 'slide-right': 'slide', none: 'none' };
/** Layouts whose slide reads the same as a plain Lectern slide. */
const PLAIN_LAYOUTS = new Set(['default', 'center', 'cover', 'intro', 'section', 'statement', 'fact', 'quote', 'end', 'none']);

export function convertSlidev(text: string): ForeignConversion {
  const raw = splitSlides(text);
  const reporter = new Reporter();
  const head = raw[0]?.front ?? {};
  const meta: Record<string, unknown> = {};
  const title = textOf(head['title']);
  if (title) meta['title'] = title;
  const author = textOf(head['author']);
  if (author) meta['author'] = author;
  if (head['theme'] !== undefined) reporter.add(0, 1, 'theme', `theme: ${String(head['theme'])}`);
  for (const key of ['transition', 'drawings', 'mdc', 'highlighter', 'colorSchema', 'fonts', 'themeConfig', 'addons', 'defaults', 'css']) {
    if (head[key] !== undefined) reporter.add(0, 1, 'option', key);
  }

  const slides: OutSlide[] = [];
  for (const [index, source] of raw.entries()) {
    const front = source.front;
    if (typeof front['src'] === 'string') {
      reporter.add(slides.length, source.line, 'import', `src: ${front['src']} (slides in another file are not brought in)`);
      if (source.lines.every((l) => l.trim() === '')) continue;
    }
    const slide = newSlide(source.line);
    slides.push(slide);
    const n = slides.length;
    const report = (line: number, kind: string, detail: string): void => reporter.add(n, line, kind, detail);
    const layout = front['layout'];
    if (typeof layout === 'string' && !PLAIN_LAYOUTS.has(layout)) report(source.line, 'layout', `layout: ${layout}`);
    if (typeof front['class'] === 'string' && front['class'].trim() !== '') slide.attrs.push(`class="${front['class'].replace(/"/g, '&quot;')}"`);
    const bg = front['background'] ?? front['image'];
    if (typeof bg === 'string' && bg !== '') {
      slide.attrs.push(`data-background-image="${bg.replace(/"/g, '&quot;')}"`);
      if (front['image'] !== undefined && typeof layout === 'string' && /image-(?:left|right)/.test(layout)) report(source.line, 'background', 'image beside the content shown as background');
    }
    if (front['hide'] === true || front['disabled'] === true) slide.attrs.push('data-visibility="hidden"');
    if (index > 0 && typeof front['transition'] === 'string') {
      const transition = REVEAL_TRANSITION[front['transition']];
      if (transition) slide.attrs.push(`data-transition="${transition}"`);
      else report(source.line, 'transition', `transition: ${front['transition']}`);
    }
    for (const key of Object.keys(front)) {
      if (index > 0 && !DECK_KEYS.has(key)) report(source.line, 'option', key);
      if (key === 'dragPos') report(source.line, 'option', key);
    }
    convertBody(source, slide, report);
  }

  const deckText = writeDeck(meta, slides);
  return { deckText, report: { tool: 'slidev', slides: slides.length, entries: reporter.entries, media: writtenMedia(deckText) } };
}

function convertBody(source: RawSlide, slide: OutSlide, report: (line: number, kind: string, detail: string) => void): void {
  const lines = source.lines;
  // Notes: the comment the slide ends with (after trailing blanks).
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  if (end > 0 && /-->\s*$/.test(lines[end - 1]!)) {
    let start = end - 1;
    while (start >= 0 && !/^\s*<!--/.test(lines[start]!)) start--;
    if (start >= 0 && !lines.slice(start, end - 1).join('\n').includes('-->')) {
      const inner = lines.slice(start, end).join('\n').replace(/^\s*<!--/, '').replace(/-->\s*$/, '');
      slide.notes.push(...inner.replace(/^\s*\n/, '').trimEnd().split('\n'));
      end = start;
    }
  }
  const fence = new FenceTracker();
  let skip: RegExp | undefined;
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    const no = source.firstLine + i;
    if (skip) {
      if (skip.test(line)) skip = undefined;
      continue;
    }
    if (fence.feed(line)) {
      const open = /^ {0,3}(`{3,}|~{3,})\s*(\S*)\s*(.*)$/.exec(line);
      if (open && open[2] !== '' ) {
        if (/^(?:mermaid|plantuml)$/.test(open[2]!)) report(no, 'diagram', open[2]!);
        if (open[3]!.trim() !== '' || /\{|\[/.test(open[2]!)) report(no, 'code-highlight', `${open[2]} ${open[3]}`.trim());
        slide.body.push(`${open[1]}${open[2]!.replace(/[{[].*$/, '')}`);
        continue;
      }
      slide.body.push(line);
      continue;
    }
    if (/^\s*<style\b/i.test(line)) {
      report(no, 'style', '<style>');
      if (!/<\/style>/i.test(line)) skip = /<\/style>/i;
      continue;
    }
    if (/^\s*<script\b/i.test(line)) {
      report(no, 'script', '<script>');
      if (!/<\/script>/i.test(line)) skip = /<\/script>/i;
      continue;
    }
    if (/^::[\w-]+::\s*$/.test(line)) {
      report(no, 'layout', `slot ${line.trim()}`);
      continue;
    }
    if (/^<<<\s/.test(line)) {
      report(no, 'include', line.trim());
      continue;
    }
    if (/^\s*\$\$/.test(line)) report(no, 'math', '$$');
    if (/^\s*<v-click>\s*$/.test(line)) {
      slide.body.push('::: fragment');
      continue;
    }
    if (/^\s*<v-clicks\b[^>]*>\s*$/.test(line)) {
      slide.body.push('::: incremental');
      continue;
    }
    if (/^\s*<\/v-clicks?>\s*$/.test(line)) {
      slide.body.push(':::');
      continue;
    }
    let out = line;
    // `v-click` / `v-after` on an element => a reveal.js fragment class on it.
    out = out.replace(/<([a-z][\w-]{0,50})([^>]{0,2000}?)\s(v-click|v-after)(=(?:"[^"]{0,500}"|'[^']{0,500}'))?(?=[\s/>]|$)/g, (whole, tag: string, before: string, kind: string, value?: string) => {
      if (!HTML_TAGS.has(tag.toLowerCase())) return whole;
      if (kind === 'v-after' || value) report(no, 'click-order', `${kind}${value ?? ''}`);
      const cls = /\sclass="([^"]*)"/.exec(before);
      return cls ? `<${tag}${before.replace(cls[0], ` class="fragment ${cls[1]}"`)}` : `<${tag}${before} class="fragment"`;
    });
    if (/^\s*v-(?:click|after)\s*$/.test(out)) {
      // An attribute on its own line inside a multi-line tag.
      out = out.replace(/v-(?:click|after)/, 'class="fragment"');
    }
    for (const m of out.matchAll(/<([A-Za-z][\w:.-]*)/g)) {
      const tag = m[1]!;
      if (!HTML_TAGS.has(tag.toLowerCase()) || /[A-Z:]/.test(tag)) report(no, 'component', `<${tag}>`);
    }
    for (const m of out.matchAll(/\sv-(motion|mark[\w.]*|drag)\b/g)) report(no, 'component', `v-${m[1]}`);
    // A component alone on its line (`<Tweet id="…" />`) has nothing to show without Vue: dropped.
    const lone = /^\s*<([A-Z][\w.-]*|[a-z]+:[\w-]+|[a-z]+-[\w-]+)(?:\s[^<>]*)?\/>\s*$/.exec(out);
    if (lone && !HTML_TAGS.has(lone[1]!.toLowerCase())) continue;
    slide.body.push(guardLine(out));
  }
}
