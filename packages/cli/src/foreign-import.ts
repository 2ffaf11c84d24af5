// Importing a deck written for Quarto/Pandoc, Marp or Slidev (`.qmd`, `.md`) into a folder:
// DIR/deck.md in Lectern Markdown plus DIR/media/ holding the local files it refers to. A `.md`
// that is Lectern Markdown already is written as it is. `lectern import` dispatches `.qmd`/`.md`
// here; tests call it in-process.
import { copyFile, mkdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { convertForeignDeck, deckFiles, MEDIA_PATH_PROBLEM, parseDeck, type ForeignReport, type ForeignReportEntry } from '@lectern/deck';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './io.ts';
import { classifyMediaPath, resolveCopySource } from './media-paths.ts';
import { InputError, readTextInput } from './read-input.ts';

export interface ForeignImportOptions {
  /** Replace a deck.md already in the folder (default: refuse). */
  overwrite?: boolean;
}

export interface ForeignImportResult {
  /** 0 converted with nothing lost, 1 converted with losses in the report, 2 unreadable or refused. */
  code: number;
  /** The tool the file was written for; undefined when it was Lectern Markdown already. */
  tool?: ForeignReport['tool'];
  /** Slides the deck shows (a title slide included). */
  slides: number;
  /** What the original shows that the deck does not; media not found are `media-missing`. */
  entries: ForeignReportEntry[];
  /** Media copied, as the deck now names them (`media/…`). */
  media: string[];
  /** Written files, relative to the folder (`deck.md`, `media/…`). */
  written: string[];
  /** The one line to print for code 2. */
  error?: string;
}

/** `images/a.png` => `media/images/a.png`; a path already under `media/` stays. */
function targetPath(local: string): string {
  return local.startsWith('media/') ? local : `media/${local}`;
}

function replaceReference(text: string, from: string, to: string): string {
  if (from === to) return text;
  return text.split(`(${from})`).join(`(${to})`).split(`(${from} `).join(`(${to} `).split(`"${from}"`).join(`"${to}"`);
}

export async function importForeignFile(path: string, outDir: string, options: ForeignImportOptions = {}): Promise<ForeignImportResult> {
  const name = basename(path);
  let text: string;
  try {
    text = await readTextInput(path);
  } catch (error) {
    if (error instanceof InputError) return { code: EXIT_USAGE, slides: 0, entries: [], media: [], written: [], error: `${name}: ${error.message}` };
    throw error;
  }
  const deckFile = join(outDir, 'deck.md');
  if (!options.overwrite && (await exists(deckFile))) {
    return { code: EXIT_USAGE, slides: 0, entries: [], media: [], written: [], error: `${outDir}: already holds a deck.md; choose an empty folder` };
  }

  const conversion = convertForeignDeck(text, name);
  let deckText = conversion?.deckText ?? text;
  const entries: ForeignReportEntry[] = [...(conversion?.report.entries ?? [])];
  const localMedia = conversion
    ? conversion.report.media
    : [...new Set(deckFiles(parseDeck(text)).flatMap((f) => f.uses.map((u) => u.written)))];

  const sourceDir = await realpath(dirname(path));
  const copies: { from: string; to: string }[] = [];
  for (const written of localMedia) {
    // Slidev serves `/x.png` from the deck's public/ folder.
    const rooted = conversion?.report.tool === 'slidev' && written.startsWith('/');
    const kind = classifyMediaPath(rooted ? written.slice(1) : written);
    if (kind.kind === 'remote') continue;
    if (kind.kind === 'unsafe') {
      entries.push({ slide: 0, line: 0, kind: 'media-refused', detail: `${written} ${MEDIA_PATH_PROBLEM[kind.reason].en}` });
      continue;
    }
    let source = await resolveCopySource(sourceDir, rooted ? `public/${kind.path}` : kind.path);
    if (rooted && 'reason' in source) source = await resolveCopySource(sourceDir, kind.path);
    if ('reason' in source) {
      entries.push({ slide: 0, line: 0, kind: 'media-missing', detail: `${written}: ${MEDIA_PATH_PROBLEM[source.reason].en}` });
      continue;
    }
    const to = targetPath(kind.path);
    copies.push({ from: source.file, to });
    deckText = replaceReference(deckText, written, to);
  }

  const written: string[] = [];
  try {
    await mkdir(outDir, { recursive: true });
    for (const copy of copies) {
      await mkdir(dirname(join(outDir, copy.to)), { recursive: true });
      await copyFile(copy.from, join(outDir, copy.to));
      written.push(copy.to);
    }
    await writeFile(deckFile, deckText);
    written.push('deck.md');
  } catch (error) {
    // Nothing half-written stays behind.
    await Promise.all(written.map((file) => rm(join(outDir, file), { force: true })));
    const code = (error as NodeJS.ErrnoException).code; // fs errors carry an errno code
    return { code: EXIT_USAGE, slides: 0, entries: [], media: [], written: [], error: `${outDir}: cannot be written (${code ?? 'unknown error'})` };
  }

  const deck = conversion ? undefined : parseDeck(deckText);
  const result: ForeignImportResult = {
    code: entries.length > 0 ? EXIT_ERRORS : EXIT_OK,
    slides: conversion?.report.slides ?? deck!.slides.length + (deck!.meta.titleSlide ? 1 : 0),
    entries,
    media: copies.map((c) => c.to),
    written,
  };
  if (conversion) result.tool = conversion.report.tool;
  return result;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
