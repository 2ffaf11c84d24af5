// Marp decks: `---` splits slides; directives in the front matter and in `<!-- key: value -->`
// comments (a `_key` for this slide only, a plain key from this slide on); every other HTML
// comment on its own lines is a presenter note; `![bg …](…)` is the slide's background.
import {
  FenceTracker, Reporter, guardLine, newSlide, splitFrontMatter, textOf, writeDeck, writtenMedia, yamlMap,
  type ForeignConversion, type OutSlide,
} from './common.ts';

/** Marp's directives (global and local); only these make a comment a directive. */
const DIRECTIVES = new Set([
  'theme', 'style', 'headingDivider', 'lang', 'size', 'math', 'title', 'author', 'description', 'keywords', 'url', 'image', 'marp',
  'paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat',
  'backgroundSize', 'color', 'transition', 'inlineSVG',
]);
const GLOBAL = new Set(['theme', 'style', 'headingDivider', 'lang', 'size', 'math', 'title', 'author', 'description', 'keywords', 'url', 'image', 'marp', 'inlineSVG']);

type Local = Record<string, string>;

function slideAttrsFrom(local: Local, report: (kind: string, detail: string) => void): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(local)) {
    const v = value.replace(/"/g, '&quot;');
    if (key === 'class') out.push(`class="${v}"`);
    else if (key === 'backgroundColor') out.push(`data-background-color="${v}"`);
    else if (key === 'backgroundImage') {
      const url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(value)?.[1];
      if (url) out.push(`data-background-image="${url.replace(/"/g, '&quot;')}"`);
      else out.push(`data-background-gradient="${v}"`);
    } else if (key === 'backgroundSize') out.push(`data-background-size="${v}"`);
    else if (key === 'backgroundPosition') out.push(`data-background-position="${v}"`);
    else if (key === 'backgroundRepeat') out.push(`data-background-repeat="${v}"`);
    else if (key === 'paginate') continue; // reported once for the deck: Lectern numbers slides its own way
    else report('directive', `${key}: ${value}`);
  }
  return out;
}

interface BgImage {
  url: string;
  words: string[];
}

/** Runs bounded so a hostile line stays linear (see common.ts). */
const RE_IMAGE = /!\[([^\]\n]{0,1000})\]\(([^)\s]{1,2000})(?:\s+"[^"\n]{0,1000}")?\)/g;

export function convertMarp(text: string): ForeignConversion {
  const front = splitFrontMatter(text);
  const data = front.data ?? {};
  const reporter = new Reporter();
  const meta: Record<string, unknown> = {};
  const title = textOf(data['title']);
  if (title) meta['title'] = title;
  const author = textOf(data['author']);
  if (author) meta['author'] = author;
  if (typeof data['lang'] === 'string') meta['lang'] = data['lang'];

  // Front matter keys that are local directives apply from the first slide on.
  const inherited: Local = {};
  const firstOnly: Local = {};
  // Per slide: `_key` comments (that slide only) and plain keys (from that slide on).
  const spots: Local[] = [];
  const sets: Local[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'marp' || key === 'title' || key === 'author' || key === 'lang') continue;
    if (GLOBAL.has(key) && key !== 'headingDivider') reporter.add(0, 1, key === 'theme' ? 'theme' : 'option', `${key}: ${String(value)}`);
    if (key === 'paginate' && value === true) reporter.add(0, 1, 'option', 'paginate');
    if (GLOBAL.has(key) && key !== 'headingDivider') continue;
    if (key.startsWith('_') && DIRECTIVES.has(key.slice(1))) firstOnly[key.slice(1)] = String(value);
    else if (DIRECTIVES.has(key)) inherited[key] = String(value);
    else if (key !== 'headingDivider') reporter.add(0, 1, 'option', key);
  }
  const divider = Number(data['headingDivider']);

  const slides: OutSlide[] = [];
  let slide = newSlide(front.firstLine);
  slides.push(slide);
  let spot: Local = { ...firstOnly };
  let set: Local = {};
  const bgs: BgImage[][] = [[]];
  const fence = new FenceTracker();
  let comment: { lines: string[]; no: number } | undefined;
  let style = false;
  const here = (): number => slides.length;
  const next = (no: number): void => {
    spots.push(spot);
    sets.push(set);
    spot = {};
    set = {};
    slide = newSlide(no);
    slides.push(slide);
    bgs.push([]);
  };

  front.lines.forEach((raw, i) => {
    const no = front.firstLine + i;
    if (comment) {
      const end = raw.indexOf('-->');
      if (end < 0) {
        comment.lines.push(raw);
        return;
      }
      comment.lines.push(raw.slice(0, end));
      finishComment(comment.lines.join('\n'), comment.no);
      comment = undefined;
      return;
    }
    if (fence.feed(raw)) {
      slide.body.push(raw);
      return;
    }
    if (style) {
      if (/<\/style>/i.test(raw)) style = false;
      return;
    }
    if (/^---[ \t]*$/.test(raw) || /^\*\*\*[ \t]*$/.test(raw)) {
      next(no + 1);
      return;
    }
    if (Number.isInteger(divider) && divider > 0) {
      const m = /^(#{1,6})\s/.exec(raw);
      if (m && m[1]!.length <= divider && slide.body.some((l) => l.trim() !== '')) next(no);
    }
    if (/^\s*<style\b/i.test(raw)) {
      reporter.add(here(), no, 'style', '<style>');
      if (!/<\/style>/i.test(raw)) style = true;
      return;
    }
    const open = /^\s*<!--/.exec(raw);
    if (open) {
      const body = raw.slice(open[0].length);
      const end = body.indexOf('-->');
      if (end >= 0 && body.slice(end + 3).trim() === '') {
        finishComment(body.slice(0, end), no);
        return;
      }
      if (end < 0) {
        comment = { lines: [body], no };
        return;
      }
    }
    let line = raw;
    if (/<!--\s*fit\s*-->/.test(line)) {
      reporter.add(here(), no, 'fit-heading', '<!--fit-->');
      line = line.replace(/<!--\s*fit\s*-->\s*/g, '');
    }
    line = line.replace(RE_IMAGE, (whole, alt: string, url: string) => {
      const words = alt.split(/\s+/).filter(Boolean);
      if (words.includes('bg')) {
        bgs[bgs.length - 1]!.push({ url, words });
        return '';
      }
      // `w:300 h:1.5em` => Lectern's `{width=300 height=1.5em}` after the image.
      const sizes: string[] = [];
      const kept = words.filter((w) => {
        const m = /^(w|h|width|height):(\d+(?:\.\d+)?(?:%|px|em|rem|vw|vh|cm|mm|in|pt)?)$/.exec(w);
        if (!m) return true;
        sizes.push(`${m[1]!.startsWith('w') ? 'width' : 'height'}=${m[2]}`);
        return false;
      });
      return `![${kept.join(' ')}](${url})${sizes.length > 0 ? `{${sizes.join(' ')}}` : ''}`;
    });
    if (line.trim() === '' && raw.trim() !== '') return;
    slide.body.push(guardLine(line));
  });
  spots.push(spot);
  sets.push(set);

  function finishComment(inner: string, no: number): void {
    const map = looseDirectives(inner) ?? yamlMap(inner);
    if (map && Object.keys(map).length > 0 && Object.keys(map).every((k) => DIRECTIVES.has(k.replace(/^_/, '')))) {
      for (const [key, value] of Object.entries(map)) {
        if (GLOBAL.has(key)) reporter.add(0, no, key === 'theme' ? 'theme' : 'option', `${key}: ${String(value)}`);
        else if (key.startsWith('_')) spot[key.slice(1)] = String(value);
        else set[key] = String(value);
      }
      return;
    }
    const note = inner.replace(/^\s*\n/, '').replace(/\s+$/, '');
    if (note.trim() !== '') slide.notes.push(...(slide.notes.length > 0 ? [''] : []), ...note.split('\n').map((l) => l.trim() === '' ? '' : l));
  }

  // Directives settle per slide in order: inherited values flow on until changed.
  const flowing: Local = { ...inherited };
  slides.forEach((s, index) => {
    Object.assign(flowing, sets[index]);
    const effective: Local = { ...flowing, ...spots[index] };
    s.attrs = slideAttrsFrom(effective, (kind, detail) => reporter.add(index + 1, s.line, kind, detail));
    const images = bgs[index]!;
    if (images.length > 0) {
      const bg = images[0]!;
      if (!s.attrs.some((a) => a.startsWith('data-background-image='))) s.attrs.push(`data-background-image="${bg.url.replace(/"/g, '&quot;')}"`);
      const size = bg.words.find((w) => /^(?:\d+(?:\.\d+)?%|contain|cover|fit|auto)$/.test(w) || /^(?:w|h|width|height):/.test(w));
      if (size) s.attrs.push(`data-background-size="${size === 'fit' ? 'contain' : size.replace(/^(?:w|h|width|height):/, '')}"`);
      const split = bg.words.find((w) => w === 'left' || w === 'right' || w.startsWith('left:') || w.startsWith('right:'));
      if (split) reporter.add(index + 1, s.line, 'background', `split background (${split})`);
      const filters = bg.words.filter((w) => /^(?:blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia|sepia)(?::|$)/.test(w));
      if (filters.length > 0) reporter.add(index + 1, s.line, 'background', `filter ${filters.join(' ')}`);
      if (images.length > 1) reporter.add(index + 1, s.line, 'background', `${images.length - 1} more background image(s)`);
    }
  });

  const deckText = writeDeck(meta, slides);
  return { deckText, report: { tool: 'marp', slides: slides.length, entries: reporter.entries.sort(bySlide), media: writtenMedia(deckText) } };
}

/** Marp reads directive comments as loose YAML: `backgroundColor: #fff` is a colour, not a
 *  YAML comment. Each line `key: value`, quotes around the value removed. */
function looseDirectives(inner: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of inner.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^\s*(_?[A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m) return undefined;
    out[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function bySlide(a: { slide: number; line: number }, b: { slide: number; line: number }): number {
  return a.slide - b.slide || a.line - b.line;
}
