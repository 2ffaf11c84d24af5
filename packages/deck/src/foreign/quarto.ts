// Quarto / Pandoc reveal.js decks: slides split at headings by the slide level (Pandoc's rule: the
// highest heading level that is directly followed by content somewhere), `#` above the slide
// level as section slides with the slides under them stacked vertically, `---` rules as breaks,
// `. . .` pauses as fragments, and a title slide when the front matter has a title.
import { parseDivInfo } from '../blocks/divs.ts';
import { parseAtxHeading } from '../heading.ts';
import {
  attrProblemText,
  FenceTracker, Reporter, filterMediaAttrs, guardLine, withoutItemsAt, newSlide, slideAttrItems, splitFrontMatter, textOf, writeDeck, writtenMedia,
  type ForeignConversion, type OutSlide,
} from './common.ts';

interface Line {
  text: string;
  /** 1-based line in the file. */
  no: number;
  /** Fenced code (fence lines included). */
  code: boolean;
  /** `:::` nesting depth before this line. */
  depth: number;
}

const RE_DIV_OPEN = /^ {0,3}:{3,}\s*\S/;
const RE_DIV_CLOSE = /^ {0,3}:{3,}\s*$/;
const RE_RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const RE_PAUSE = /^\. \. \.[ \t]*$/;
/** `::: word` kinds Quarto draws that Lectern has no block for: kept as a plain block, reported. */
const QUARTO_ONLY_DIVS = new Set(['footer', 'panel-tabset', 'r-stack', 'r-hstack', 'r-vstack', 'aside', 'callout-note', 'callout-tip', 'callout-warning', 'callout-important', 'callout-caution', 'nonincremental']);
/** Front matter keys that become Lectern's own; the rest is reported once. */
const META_KEYS = ['title', 'subtitle', 'author', 'date', 'lang'] as const;

function scan(lines: string[], firstLine: number): Line[] {
  const fence = new FenceTracker();
  let depth = 0;
  return lines.map((text, i) => {
    const code = fence.feed(text);
    const line = { text, no: firstLine + i, code, depth };
    if (!code) {
      if (RE_DIV_CLOSE.test(text)) depth = Math.max(0, depth - 1);
      else if (RE_DIV_OPEN.test(text)) depth++;
    }
    return line;
  });
}

function headingDepth(line: Line): number {
  if (line.code || line.depth > 0) return 0;
  return parseAtxHeading(line.text)?.depth ?? 0;
}

/** Pandoc's default slide level: the highest level of a heading followed directly by content. */
function defaultSlideLevel(lines: Line[]): number {
  let level = 0;
  for (let i = 0; i < lines.length; i++) {
    const depth = headingDepth(lines[i]!);
    if (depth === 0) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.text.trim() === '') j++;
    if (j < lines.length && headingDepth(lines[j]!) === 0 && !RE_RULE.test(lines[j]!.text)) level = level === 0 ? depth : Math.min(level, depth);
  }
  return level === 0 ? 1 : level;
}

function slideLevelOption(data: Record<string, unknown>): number | undefined {
  const format = data['format'];
  const nested = format && typeof format === 'object' ? (format as Record<string, unknown>)['revealjs'] : undefined;
  const candidates = [data['slide-level'], nested && typeof nested === 'object' ? (nested as Record<string, unknown>)['slide-level'] : undefined];
  for (const value of candidates) {
    const n = Number(value);
    if (Number.isInteger(n) && n >= 0 && n <= 6) return n;
  }
  return undefined;
}

export function convertQuarto(text: string): ForeignConversion {
  const front = splitFrontMatter(text);
  const data = front.data ?? {};
  const lines = scan(front.lines, front.firstLine);
  const level = slideLevelOption(data) ?? defaultSlideLevel(lines);
  const reporter = new Reporter();

  const meta: Record<string, unknown> = {};
  for (const key of META_KEYS) {
    const value = textOf(data[key]);
    if (value !== undefined) meta[key] = value;
  }
  const titleSlide = typeof meta['title'] === 'string' && meta['title'] !== '';
  if (titleSlide) meta['titleSlide'] = true;
  const options = Object.keys(data).filter((k) => !(META_KEYS as readonly string[]).includes(k));
  const format = data['format'];
  if (format && typeof format === 'object') {
    for (const [name, value] of Object.entries(format as Record<string, unknown>)) {
      if (value && typeof value === 'object') for (const key of Object.keys(value)) if (key !== 'slide-level') options.push(`${name}.${key}`);
    }
  }
  for (const key of options) if (key !== 'format' && key !== 'slide-level') reporter.add(0, 1, 'option', key);

  const offset = titleSlide ? 1 : 0;
  const slides: OutSlide[] = [];
  let slide: OutSlide | undefined;
  let inSection = false;
  /** Index in `slide.body` where the open pause fragment starts, -1 when none. */
  let pauseAt = -1;
  const current = (no: number): OutSlide => {
    if (!slide) {
      slide = newSlide(no, inSection);
      slides.push(slide);
    }
    return slide;
  };
  const closePause = (): void => {
    if (slide && pauseAt >= 0) slide.body.push(':::');
    pauseAt = -1;
  };
  const start = (no: number, vertical: boolean): OutSlide => {
    closePause();
    slide = newSlide(no, vertical);
    slides.push(slide);
    return slide;
  };
  const here = (): number => slides.length + offset;
  let notesDepth = -1;

  for (const line of lines) {
    const depth = headingDepth(line);
    if (depth > 0 && depth <= level) {
      const heading = parseAtxHeading(line.text)!;
      const section = depth < level;
      const vertical = section ? false : level > 1 && inSection;
      if (section && depth === 1) inSection = true;
      const s = start(line.no, vertical && !section);
      if (heading.attrs !== undefined) {
        s.attrs = slideAttrItems(heading.attrs, (detail) => reporter.add(here(), line.no, 'attribute', detail));
      }
      if (heading.text.trim() !== '') s.body.push(`${'#'.repeat(depth)} ${heading.text.trim()}`);
      continue;
    }
    if (!line.code && line.depth === 0 && RE_RULE.test(line.text)) {
      start(line.no, inSection && level > 1);
      continue;
    }
    if (line.text.trim() === '' && !slide) continue;
    const s = current(line.no);
    if (line.code) {
      const info = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/.exec(line.text);
      if (info && info[2] !== '' && notesDepth < 0) {
        s.body.push(fenceLine(info[1]!, info[2]!, (kind, detail) => reporter.add(here(), line.no, kind, detail)));
        continue;
      }
      s.body.push(line.text);
      continue;
    }
    if (line.depth === 0 && RE_PAUSE.test(line.text) && notesDepth < 0) {
      closePause();
      pauseAt = s.body.length;
      s.body.push('::: fragment');
      continue;
    }
    if (RE_DIV_OPEN.test(line.text)) {
      const info = line.text.replace(/^ *:+\s*/, '');
      const word = /^([\w-]+)/.exec(info)?.[1];
      const classes = [...info.matchAll(/(?:^|\s|\{)\.([\w-]+)/g)].map((m) => m[1]!);
      if (word === 'notes' || classes.includes('notes')) notesDepth = line.depth;
      // Notes and the footer are not slide content a pause reveals: the fragment ends before them.
      if (line.depth === 0 && pauseAt >= 0 && (notesDepth === line.depth || word === 'footer' || classes.includes('footer'))) closePause();
      const quartoOnly = [word, ...classes].find((c) => c !== undefined && (QUARTO_ONLY_DIVS.has(c) || c.startsWith('callout-')));
      if (quartoOnly) reporter.add(here(), line.no, 'block', `::: ${quartoOnly}`);
      const braces = /^([^{]*)\{([^{}]*)\}\s*$/.exec(info);
      if (braces && !word) {
        // `::: {.column width="40%" layout-ncol=2}`: what Lectern's block rules refuse is reported and dropped.
        const problems = parseDivInfo(info).attrs.problems;
        if (problems.length > 0) {
          for (const p of problems) reporter.add(here(), line.no, 'attribute', attrProblemText(p).replace(/^unknown attribute /, 'attribute '));
          const kept = withoutItemsAt(braces[2]!, problems.map((p) => p.offset));
          s.body.push(`${line.text.slice(0, line.text.indexOf(':'))}${/^ *:+/.exec(line.text.trimStart())![0]} {${kept}}`);
          continue;
        }
      }
      if (word && !['notes', 'fragment', 'incremental', 'columns', 'column', 'discussion', 'excerpt', 'question'].includes(word)) {
        // `::: footer` => `::: {.footer}`: a plain block with its class, no unknown-kind warning.
        const rest = info.slice(word.length).trim();
        s.body.push(`::: {.${word}${rest.startsWith('{') ? ` ${rest.slice(1)}` : '}'}`);
        continue;
      }
    } else if (RE_DIV_CLOSE.test(line.text) && notesDepth >= 0 && line.depth - 1 === notesDepth) {
      notesDepth = -1;
    }
    if (/\$\$/.test(line.text)) reporter.add(here(), line.no, 'math', '$$');
    if (/\{(?:python|r|julia|ojs)\b[^}]*\}/.test(line.text) && /`\{/.test(line.text)) reporter.add(here(), line.no, 'code-execution', 'inline code');
    s.body.push(guardLine(filterMediaAttrs(line.text, (detail) => reporter.add(here(), line.no, 'attribute', detail))));
  }
  closePause();

  const deckText = writeDeck(meta, slides);
  return { deckText, report: { tool: 'quarto', slides: slides.length + offset, entries: reporter.entries, media: writtenMedia(deckText) } };
}

/** ```` ```{r} ```` (run by Quarto), ```` ```{=tex} ```` (raw output) and ```` ``` {.python code-line-numbers=…} ````
 *  become plain fenced code in the language; what they did is reported. */
function fenceLine(marker: string, info: string, report: (kind: string, detail: string) => void): string {
  const exec = /^\{\s*([\w-]+)[^}]*\}/.exec(info);
  if (exec) {
    const lang = exec[1]!;
    if (lang.startsWith('=')) {
      report('raw-format', `{${lang}}`);
      return `${marker}${lang.slice(1)}`;
    }
    report('code-execution', `{${lang}}`);
    return `${marker}${lang}`;
  }
  const braces = /^\{([^}]*)\}/.exec(info);
  if (braces) {
    const cls = /\.([\w+-]+)/.exec(braces[1]!)?.[1] ?? '';
    if (/code-line-numbers|data-line-numbers/.test(braces[1]!)) report('code-highlight', 'code-line-numbers');
    return `${marker}${cls}`;
  }
  return `${marker}${info.split(/\s+/)[0]}`;
}
