// The converted slides as one Lectern deck: YAML front matter (written by the yaml library, so a
// title with `:` or quotes stays a string), then the slides separated by `---`, each with its
// heading, reveal.js slide attributes, content blocks and a `::: notes` block.
import { stringify } from 'yaml';

export interface SlideOut {
  /** Heading Markdown (escaped), or undefined for a slide with no title. */
  title: string | undefined;
  /** The title as plain text (report, preview). */
  titleText: string;
  headingLevel: 1 | 2;
  /** `data-*` attributes for the slide's <section>. */
  attrs: Record<string, string>;
  blocks: string[];
  notes: string;
}

const attrValue = (value: string) => value.replace(/["<>]/g, '');

function slideText(slide: SlideOut): string {
  const parts: string[] = [];
  const head: string[] = [];
  if (slide.title) head.push(`${'#'.repeat(slide.headingLevel)} ${slide.title}`);
  const attrs = Object.entries(slide.attrs);
  if (attrs.length) head.push(`<!-- .slide: ${attrs.map(([key, value]) => `${key}="${attrValue(value)}"`).join(' ')} -->`);
  if (head.length) parts.push(head.join('\n'));
  parts.push(...slide.blocks);
  if (slide.notes.trim()) parts.push(`::: notes\n${slide.notes}\n:::`);
  return parts.join('\n\n');
}

/** The deck's text, and the 1-based line where each slide starts (for the report's links). */
export function assembleDeck(title: string, slides: SlideOut[], extraMeta: Record<string, unknown> = {}): { text: string; slideLines: number[] } {
  let text = `---\n${stringify({ title: title.normalize('NFC'), ...extraMeta }, { lineWidth: 0 })}---\n`;
  // Lines as parseDeck counts them: a slide starts on the line after its separator.
  const slideLines: number[] = [];
  const lineOf = (s: string) => s.split('\n').length;
  slides.forEach((slide, i) => {
    if (i > 0) text += '\n\n---\n';
    slideLines.push(lineOf(text));
    // A slide with nothing on it stays a slide, so slide N here is slide N in PowerPoint.
    text += `\n${slideText(slide) || `<!-- ${i + 1} -->`}`;
  });
  return { text: `${text}\n`, slideLines };
}
