// What every importer returns and takes: the deck text, the media it names (streamed from the
// source package, never held whole) and the report.
import type { Crc32, ReadLimits } from '@lectern/bundle';
import type { ImportedMediaKind } from './media-types.ts';
import type { ImportReport } from './report.ts';

export interface ImportedMedia {
  /** Where the deck refers to it: `media/03-ban-do.png`. */
  path: string;
  /** MIME type by extension. */
  type: string;
  kind: ImportedMediaKind;
  /** Uncompressed bytes, as the package declares them (checked again while streaming). */
  size: number;
  /** The part inside the package it comes from. */
  part: string;
  /** Streams the bytes; each chunk is valid until the next is requested (copy what you keep). */
  chunks(): AsyncIterable<Uint8Array>;
  /** Where the bytes lie, uncompressed, in the source file (PowerPoint stores most media so):
   *  a browser keeps `file.slice(...)` of a 500 MB video without reading it. */
  range?: { offset: number; length: number };
}

export interface OfficeImport {
  /** Lectern Markdown: `parseDeck(deckText)` reports no error. */
  deckText: string;
  media: ImportedMedia[];
  report: ImportReport;
}

export interface ImportProgress {
  stage: 'package' | 'slides' | 'done';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** The file's name, used in messages (`bai-giang.pptx`). */
  fileName?: string;
  /** Zip limits (defaults: the bundle reader's). */
  limits?: Partial<ReadLimits>;
  /** A faster CRC-32 (Node: zlib.crc32); the bundle reader's pure-JS one by default. */
  crc32?: Crc32;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}
