// Word lesson plan (.docx) -> Lectern deck, through mammoth (Word's structure as clean HTML:
// headings, lists, tables, images) and node-html-markdown (that HTML as Markdown; pure JS, so it
// runs in a Web Worker where there is no DOM). Headings of the two top levels start slides;
// the usual lesson-plan headings (Mục tiêu: kiến thức, kỹ năng, thái độ; Đối tượng; Thời gian;
// Tài liệu tham khảo) also fill the front matter. Before mammoth sees the file, the package has
// passed the same zip checks as a .pptx and every XML part the same parser checks (no DTD, no
// entities, bounded depth).
import type { ByteSource } from '@lectern/bundle';
import { parse as parseHtml, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';
import { assembleDeck, type SlideOut } from './deck-text.ts';
import { OfficeImportError } from './errors.ts';
import type { ImportedMedia, ImportOptions, OfficeImport } from './import-types.ts';
import { escapeInline } from './markdown-text.ts';
import { MediaNamer } from './media-names.ts';
import { browserMedia, UNSHOWABLE } from './media-types.ts';
import { coreTitle, type OfficePackage } from './opc.ts';
import { ReportBuilder } from './report.ts';

/** Word files are read whole by mammoth; lesson plans are far below this. */
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;

const EXT_OF_TYPE: Record<string, string> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg', 'image/webp': 'webp', 'image/bmp': 'bmp',
  'image/x-emf': 'emf', 'image/x-wmf': 'wmf', 'image/tiff': 'tiff',
};

interface Section { heading: HTMLElement | undefined; level: number; body: HtmlNode[] }

const textOf = (node: HtmlNode) => node.textContent.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Minutes from "90 phút", "2 tiết" (45 minutes each), "1,5 giờ". */
export function parseMinutes(text: string): number | undefined {
  const match = /(\d+(?:[.,]\d+)?)\s*(phút|tiết|giờ|minutes?|periods?|hours?)/i.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]!.replace(',', '.'));
  const unit = match[2]!.toLowerCase();
  const factor = unit.startsWith('tiết') || unit.startsWith('period') ? 45 : unit.startsWith('giờ') || unit.startsWith('hour') ? 60 : 1;
  return Math.round(value * factor);
}

const RE_NUMBERING = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-•*])\s*/i;
const stripNumbering = (text: string) => text.replace(RE_NUMBERING, '').trim();

type FieldKind = 'objectives' | 'audience' | 'duration' | 'references';
function fieldOf(heading: string): FieldKind | undefined {
  const text = stripNumbering(heading).toLowerCase();
  if (/^mục tiêu|^objectives?/.test(text)) return 'objectives';
  if (/^đối tượng|^audience/.test(text)) return 'audience';
  if (/^thời gian|^duration/.test(text)) return 'duration';
  if (/^tài liệu tham khảo|^references?/.test(text)) return 'references';
  return undefined;
}

type ObjectiveKind = 'knowledge' | 'skills' | 'attitude';
function objectiveOf(text: string): { kind: ObjectiveKind; rest: string } | undefined {
  const match = /^(?:về\s+)?(kiến thức|kỹ năng|kĩ năng|thái độ|knowledge|skills?|attitudes?)\s*[:.-]?\s*(.*)$/i.exec(stripNumbering(text));
  if (!match) return undefined;
  const word = match[1]!.toLowerCase();
  const kind: ObjectiveKind = /kiến|know/.test(word) ? 'knowledge' : /năng|skill/.test(word) ? 'skills' : 'attitude';
  return { kind, rest: match[2]!.trim() };
}

/** Text blocks of a section in order: paragraphs, list items (innermost text only), sub-headings. */
function blocks(nodes: HtmlNode[]): Array<{ tag: string; text: string }> {
  const out: Array<{ tag: string; text: string }> = [];
  const visit = (node: HtmlNode) => {
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase();
    if (!tag) return;
    if (tag === 'ul' || tag === 'ol' || tag === 'table' || tag === 'tbody' || tag === 'tr') {
      el.childNodes.forEach(visit);
      return;
    }
    if (tag === 'li') {
      const own = el.childNodes.filter((c) => !['ul', 'ol'].includes((c as HTMLElement).tagName?.toLowerCase() ?? ''));
      const text = own.map(textOf).join(' ').trim();
      if (text) out.push({ tag, text });
      el.childNodes.filter((c) => ['ul', 'ol'].includes((c as HTMLElement).tagName?.toLowerCase() ?? '')).forEach(visit);
      return;
    }
    const text = textOf(el);
    if (text) out.push({ tag, text });
  };
  nodes.forEach(visit);
  return out;
}

interface LessonFields {
  objectives: Record<ObjectiveKind, string[]>;
  audience?: string;
  duration?: number;
  references: string[];
}

function collectFields(sections: Section[]): LessonFields {
  const fields: LessonFields = { objectives: { knowledge: [], skills: [], attitude: [] }, references: [] };
  let parentField: FieldKind | undefined;
  for (const section of sections) {
    const heading = section.heading ? textOf(section.heading) : '';
    const own = fieldOf(heading);
    if (section.level <= 1) parentField = own;
    const items = blocks(section.body);
    // "1. Kiến thức" as its own (level 2) heading under "I. Mục tiêu".
    const objectiveHeading = section.level === 2 && parentField === 'objectives' ? objectiveOf(heading) : undefined;
    const kind = own ?? (objectiveHeading ? 'objectives' : undefined);
    if (kind === 'objectives') {
      let current: ObjectiveKind | undefined = objectiveHeading?.kind;
      for (const item of items) {
        const objective = objectiveOf(item.text);
        if (objective && (item.tag !== 'li' || objective.rest === '' || item.text.length < 40)) {
          current = objective.kind;
          if (objective.rest) fields.objectives[current].push(objective.rest);
        } else if (current) {
          fields.objectives[current].push(stripNumbering(item.text));
        }
      }
    } else if (kind === 'audience' && items[0]) {
      fields.audience ??= items[0].text;
    } else if (kind === 'duration') {
      fields.duration ??= parseMinutes(items.map((i) => i.text).join(' ') || heading);
    } else if (kind === 'references') {
      fields.references.push(...items.filter((i) => i.tag === 'li' || i.tag === 'p').map((i) => stripNumbering(i.text)).filter(Boolean));
    }
    // "Thời gian: 90 phút" and "Đối tượng: ..." written as one line anywhere.
    for (const line of [heading, ...items.map((i) => i.text)]) {
      const inline = /^(?:[IVX]+\.|\d+\.)?\s*(đối tượng|thời gian|audience|duration)\s*:\s*(.+)$/i.exec(line);
      if (!inline) continue;
      if (/thời gian|duration/i.test(inline[1]!)) fields.duration ??= parseMinutes(inline[2]!);
      else fields.audience ??= inline[2]!.trim();
    }
  }
  return fields;
}

/** Converts the Word document whose main part is `mainPart`. */
export async function importDocument(pkg: OfficePackage, source: ByteSource, mainPart: string, fileName: string, options: ImportOptions, checkCancel: () => void): Promise<OfficeImport> {
  // Every XML part through the checked parser first: mammoth's own parser must never see a DTD.
  for (const entry of pkg.zip.entries) {
    if (/\.(xml|rels)$/i.test(entry.name)) await pkg.xml(entry.name, false);
  }
  if (source.size > MAX_DOCX_BYTES) {
    throw new OfficeImportError('part-too-large', `is larger than the ${MAX_DOCX_BYTES / 1024 / 1024} MiB a Word lesson plan may have`, { part: fileName });
  }
  checkCancel();
  options.onProgress?.({ stage: 'slides', done: 0, total: 1 });
  const bytes = (await source.read(0, source.size)).slice();
  const report = new ReportBuilder();
  const namer = new MediaNamer();
  const media: ImportedMedia[] = [];
  // mammoth is large: loaded only when a Word file is imported.
  const mammoth = (await import('mammoth')).default;
  let imageCount = 0;
  // mammoth's Node build reads `buffer`, its browser build (the app's Worker) `arrayBuffer`.
  const input = { arrayBuffer: bytes.buffer as ArrayBuffer, buffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(input, {
    externalFileAccess: false,
    // Word's (and LibreOffice's) document title style opens the deck as a title slide.
    styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"],
    convertImage: mammoth.images.imgElement(async (image) => {
      imageCount++;
      const ext = EXT_OF_TYPE[image.contentType] ?? '';
      const known = browserMedia(ext);
      if (!known) {
        report.add({ kind: 'image-unsupported', detail: UNSHOWABLE[ext] ?? image.contentType });
        return { src: '' };
      }
      const data = new Uint8Array(await image.readAsArrayBuffer());
      const alt = (image as { altText?: string }).altText ?? '';
      const path = namer.name(undefined, alt || `hinh-${imageCount}`, ext);
      media.push({ path, type: known.type, kind: known.kind, size: data.length, part: `${mainPart}#image${imageCount}`, chunks: async function* () { yield data; } });
      return { src: path };
    }),
  });
  for (const message of result.messages) {
    // A paragraph style mammoth has no mapping for still comes through as text: not a loss.
    if (/^Unrecognised (paragraph|run) style/.test(message.message)) continue;
    report.add({ kind: 'content-skipped', part: mainPart, detail: message.message.slice(0, 200) });
  }
  checkCancel();

  const root = parseHtml(result.value);
  root.querySelectorAll('img').forEach((img) => {
    if (!img.getAttribute('src')) img.remove();
  });
  const sections: Section[] = [];
  let current: Section = { heading: undefined, level: 0, body: [] };
  for (const node of root.childNodes) {
    const tag = (node as HTMLElement).tagName?.toLowerCase();
    if (tag === 'h1' || tag === 'h2') {
      if (current.heading || current.body.some((n) => textOf(n) || (n as HTMLElement).querySelector?.('img'))) sections.push(current);
      current = { heading: node as HTMLElement, level: Number(tag[1]), body: [] };
    } else {
      current.body.push(node);
    }
  }
  if (current.heading || current.body.some((n) => textOf(n))) sections.push(current);

  const { NodeHtmlMarkdown } = await import('node-html-markdown');
  const markdown = new NodeHtmlMarkdown({
    bulletMarker: '-',
    // Text that would read as HTML, an entity or Lectern structure stays text.
    textReplace: [[/</g, '\\<'], [/>/g, '\\>'], [/&(?=#?[a-zA-Z0-9]+;)/g, '\\&'], [/^(notes?)(\s*:)/gim, '$1\\$2'], [/^:/gm, '\\:'], [/\{/g, '\\{']],
  });
  const slides: SlideOut[] = sections.map((section) => {
    const titleText = section.heading ? textOf(section.heading) : '';
    const body = markdown.translate(section.body.map((n) => n.toString()).join('')).trim();
    return {
      title: titleText ? escapeInline(titleText) : undefined,
      titleText,
      headingLevel: section.level === 1 ? 1 : 2,
      attrs: {},
      blocks: body ? [body] : [],
      notes: '',
    };
  });
  const fields = collectFields(sections);
  const meta: Record<string, unknown> = {};
  if (fields.audience) meta.audience = fields.audience;
  if (fields.duration !== undefined) meta.duration = fields.duration;
  const objectives = Object.fromEntries(Object.entries(fields.objectives).filter(([, list]) => list.length));
  if (Object.keys(objectives).length) meta.objectives = objectives;
  if (fields.references.length) meta.references = fields.references;
  const title = (await coreTitle(pkg)) || slides.find((s) => s.titleText)?.titleText || fileName.replace(/\.[^.]+$/, '');
  const { text, slideLines } = assembleDeck(title, slides, meta);
  options.onProgress?.({ stage: 'done', done: 1, total: 1 });
  return { deckText: text, media, report: report.build('docx', slides.length, slides.map((s) => s.titleText), slideLines) };
}
