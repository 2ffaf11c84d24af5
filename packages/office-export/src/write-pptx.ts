// deckToPptx: a Deck and its media => an editable .pptx. Every part is written here as text and
// the package is streamed through @lectern/bundle's zip writer: XML parts deflated, media stored
// as they stream (never held whole; in the browser the media Blobs go into the output Blob by
// reference), so a 200 MB video costs no more memory than its chunks. pptxgenjs was measured
// first and not used: it keeps media as base64 strings and zips with JSZip in memory (1 GB peak
// RSS in Node for one 200 MB video, see docs/export-pptx.md).
import { byteProgress, crc32 as jsCrc32, dosDateTime, noHash, ZipWriter, type BundleSink, type Crc32 } from '@lectern/bundle';
import { splitMediaPath, type Deck, type Slide } from '@lectern/deck';
import { ContentReader, type Block, type Para, type SlideContent } from './content.ts';
import { languageOf } from './labels.ts';
import type { Lose, PptxLoss } from './losses.ts';
import { MediaFiles, type MediaSource } from './media-files.ts';
import {
  appPropsXml, contentTypesXml, corePropsXml, notesMasterXml, presentationXml, PRES_PROPS_XML, rootRelsXml,
  slideLayoutXml, slideMasterXml, TABLE_STYLES_XML, themeXml, VIEW_PROPS_XML, type PartsPlan,
} from './package-parts.ts';
import { SlideWriter, type SlideInput } from './slide-xml.ts';
import { REL_TYPE, Relationships } from './xml.ts';

export interface PptxProgress {
  /** Bytes written into the file so far, of `total` (media and parts). */
  done: number;
  total: number;
}

export interface PptxOptions {
  /** A faster CRC-32 than the built-in one (Node: zlib.crc32). */
  crc32?: Crc32;
  onProgress?: (progress: PptxProgress) => void;
  /** Written as the document's application, e.g. `Lectern 0.1.0`. */
  generator?: string;
  /** The document's date (default: now). */
  modified?: Date;
}

export interface PptxResult {
  /** PowerPoint slides written (the title slide included). */
  slides: number;
  /** What the file does not keep (lossLine() words one as the CLI prints it). */
  losses: PptxLoss[];
}

const PROGRESS_STEP = 1024 * 1024;
const RE_HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A slide reveal.js would show (`data-visibility="hidden"` slides are skipped, as reveal.js does). */
const isVisible = (slide: Slide) => slide.attrs.attributes['data-visibility'] !== 'hidden';

function xmlLang(lang: string): string {
  if (/^vi$/i.test(lang)) return 'vi-VN';
  if (/^en$/i.test(lang)) return 'en-US';
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang) ? lang : 'vi-VN';
}

function mediaPaths(blocks: Block[], into: string[]): void {
  for (const block of blocks) {
    if (block.kind === 'media') {
      into.push(block.path);
      if (block.poster) into.push(block.poster);
    } else if (block.kind === 'columns') for (const column of block.columns) mediaPaths(column.blocks, into);
  }
}

function clipNotes(blocks: Block[], lines: Para[], clip: (path: string, from: number, to?: number) => string): void {
  for (const block of blocks) {
    if (block.kind === 'media' && block.clip) lines.push({ runs: [{ text: clip(block.path, block.clip.start, block.clip.end) }], level: 0, style: 'body' });
    else if (block.kind === 'columns') for (const column of block.columns) clipNotes(column.blocks, lines, clip);
  }
}

/**
 * Writes the .pptx of `deck` to `sink`. Never throws on deck content: what cannot be kept is in
 * `losses`. @throws BundleError (limit-total-size) past 4 GiB, and whatever `media` or `sink` throw.
 */
export async function writePptx(deck: Deck, media: MediaSource, sink: BundleSink, options: PptxOptions = {}): Promise<PptxResult> {
  const language = languageOf(deck.meta.lang);
  const lang = xmlLang(deck.meta.lang);
  const losses: PptxLoss[] = [];
  let where: string | undefined;
  const lose: Lose = (loss) => {
    const full: PptxLoss = where === undefined ? loss : { slide: where, ...loss };
    if (!losses.some((l) => l.slide === full.slide && l.message === full.message)) losses.push(full);
  };
  const reader = new ContentReader(language, lose);

  interface Planned {
    input: SlideInput;
    number: string;
  }
  const planned: Planned[] = [];
  const paths: string[] = [];
  const { meta } = deck;
  if (meta.titleSlide) {
    const lines = [meta.subtitle, meta.author, meta.organization, meta.date].filter((v): v is string => !!v);
    const content: SlideContent = { blocks: [] };
    if (meta.title) content.title = [{ text: meta.title }];
    planned.push({ number: 'title slide', input: { content, notes: [], layout: 2, subtitle: lines.map((text) => ({ runs: [{ text }], level: 0, style: 'body' })) } });
  }
  let fragments = false;
  for (const slide of deck.slides) {
    if (!isVisible(slide)) continue;
    const number = `${slide.h + 1}${slide.v > 0 ? `.${slide.v + 1}` : ''}`;
    where = number;
    const content = reader.slide(slide.content);
    if (content.title === undefined && slide.title) content.title = [{ text: slide.title }];
    const notes = slide.notes ? reader.notes(slide.notes) : [];
    clipNotes(content.blocks, notes, (path, from, to) => language.labels.clip(path, language.number(from), to === undefined ? undefined : language.number(to)));
    const input: SlideInput = { content, notes, layout: 1 };
    const attrs = slide.attrs.attributes;
    const color = attrs['data-background-color'] ?? attrs['data-background'];
    if (color !== undefined) {
      const hex = RE_HEX.exec(color.trim());
      if (hex) input.backgroundColor = (hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!).toUpperCase();
      else lose({ code: 'background-colour', subject: color, message: `background "${color}" is not a #RRGGBB colour; not kept` });
    }
    const image = attrs['data-background-image'];
    if (image) {
      input.backgroundImage = splitMediaPath(image.trim()).path;
      paths.push(input.backgroundImage);
      const opacity = Number(attrs['data-background-opacity']);
      if (attrs['data-background-opacity'] !== undefined && Number.isFinite(opacity)) input.backgroundOpacity = opacity;
    }
    for (const key of ['data-background-video', 'data-background-iframe']) {
      if (attrs[key]) lose({ code: 'background-kind', subject: attrs[key], message: `${key.slice(5)} is not kept (PowerPoint has no such background)` });
    }
    if (/\bfragment\b/.test(slide.content) || /:::\s*incremental/.test(slide.content)) fragments = true;
    mediaPaths(content.blocks, paths);
    planned.push({ number, input });
  }
  where = undefined;
  if (fragments) lose({ code: 'fragments', message: 'fragments are shown all at once: the export has no animations' });

  const files = new MediaFiles(media);
  await files.load(paths);

  const slideParts: [string, string][] = [];
  const notesNumbers: number[] = [];
  planned.forEach(({ input, number }, i) => {
    where = number === 'title slide' ? undefined : number;
    const n = i + 1;
    const writer = new SlideWriter(lang, files, language.labels, lose);
    const xml = writer.slideXml(input);
    if (input.notes.length > 0) {
      writer.rels.add(REL_TYPE.notesSlide, `../notesSlides/notesSlide${n}.xml`);
      const rels = new Relationships();
      rels.add(REL_TYPE.notesMaster, '../notesMasters/notesMaster1.xml');
      rels.add(REL_TYPE.slide, `../slides/slide${n}.xml`);
      slideParts.push([`ppt/notesSlides/notesSlide${n}.xml`, writer.notesXml(input.notes)], [`ppt/notesSlides/_rels/notesSlide${n}.xml.rels`, rels.xml()]);
      notesNumbers.push(n);
    }
    slideParts.push([`ppt/slides/slide${n}.xml`, xml], [`ppt/slides/_rels/slide${n}.xml.rels`, writer.rels.xml()]);
  });
  where = undefined;

  const plan: PartsPlan = { slides: planned.length, notes: notesNumbers, media: files.types };
  const modified = options.modified ?? new Date();
  const presentation = presentationXml(plan);
  const master = slideMasterXml();
  const layout1 = slideLayoutXml(1);
  const layout2 = slideLayoutXml(2);
  const notesMaster = notesMasterXml();
  const generator = options.generator ?? 'Lectern';
  const parts: [string, string][] = [
    ['[Content_Types].xml', contentTypesXml(plan)],
    ['_rels/.rels', rootRelsXml()],
    ['docProps/core.xml', corePropsXml({
      title: meta.title, author: meta.author, subject: meta.course, keywords: meta.tags, language: lang,
      modified: `${modified.toISOString().slice(0, 19)}Z`,
    })],
    ['docProps/app.xml', appPropsXml(plan, generator)],
    ['ppt/presentation.xml', presentation.xml],
    ['ppt/_rels/presentation.xml.rels', presentation.rels],
    ['ppt/slideMasters/slideMaster1.xml', master.xml],
    ['ppt/slideMasters/_rels/slideMaster1.xml.rels', master.rels],
    ['ppt/slideLayouts/slideLayout1.xml', layout1.xml],
    ['ppt/slideLayouts/_rels/slideLayout1.xml.rels', layout1.rels],
    ['ppt/slideLayouts/slideLayout2.xml', layout2.xml],
    ['ppt/slideLayouts/_rels/slideLayout2.xml.rels', layout2.rels],
    ['ppt/notesMasters/notesMaster1.xml', notesMaster.xml],
    ['ppt/notesMasters/_rels/notesMaster1.xml.rels', notesMaster.rels],
    ['ppt/theme/theme1.xml', themeXml('Lectern')],
    ['ppt/theme/theme2.xml', themeXml('Lectern Notes')],
    ['ppt/presProps.xml', PRES_PROPS_XML],
    ['ppt/viewProps.xml', VIEW_PROPS_XML],
    ['ppt/tableStyles.xml', TABLE_STYLES_XML],
    ...slideParts,
  ];

  const encoder = new TextEncoder();
  const total = parts.reduce((sum, [, xml]) => sum + xml.length, 0) + files.entries.reduce((sum, e) => sum + e.file.size, 0);
  const advance = byteProgress(total, PROGRESS_STEP, options.onProgress);
  advance(0, true);
  const zip = new ZipWriter(sink, dosDateTime(modified), options.crc32 ?? jsCrc32);
  for (const [name, xml] of parts) {
    await zip.addDeflated(name, encoder.encode(xml), 6);
    advance(xml.length);
  }
  for (const { name, file } of files.entries) {
    await zip.addStored({ path: name, type: file.type, size: file.size, chunks: () => file.chunks(), ...(file.blob ? { blob: file.blob } : {}) }, noHash, advance);
  }
  await zip.finish();
  advance(total, true);
  return { slides: planned.length, losses };
}

/** The .pptx as one Blob (browser and Node 20): media Blobs are included by reference. */
export async function deckToPptx(deck: Deck, media: MediaSource, options: PptxOptions = {}): Promise<PptxResult & { blob: Blob }> {
  const parts: BlobPart[] = [];
  const result = await writePptx(
    deck,
    media,
    { write: (bytes) => void parts.push(bytes as Uint8Array<ArrayBuffer>), writeBlob: (blob) => void parts.push(blob) },
    options,
  );
  return { ...result, blob: new Blob(parts, { type: PPTX_TYPE }) };
}

export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
