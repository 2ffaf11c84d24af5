// Messages between the library and the Office import Worker. The Worker converts and reads the
// media into Blobs (stored media: slices of the picked File, never copied); the page shows
// progress, the preview, and stores nothing until the user confirms. Cancel terminates it.
import type { ImportedMediaKind, ImportReport, OfficeErrorCode, ReportEntry } from '@lectern/office';
import type { Lang } from '../app/i18n.ts';

export interface ConvertRequest {
  file: File;
  lang: Lang;
}

/** The report with each entry's text in the UI language and whether it loses content: the
 *  Worker fills these, so the page never loads the importer package itself. */
export interface ShownReport extends Omit<ImportReport, 'entries'> {
  entries: Array<ReportEntry & { label: string; loss: boolean }>;
}

export interface ConvertedMedia {
  path: string;
  type: string;
  kind: ImportedMediaKind;
  size: number;
  blob: Blob;
}

export type ConvertReply =
  | { type: 'progress'; stage: 'package' | 'slides' | 'media' | 'done'; done: number; total: number }
  | { type: 'done'; deckText: string; report: ShownReport; media: ConvertedMedia[] }
  | { type: 'error'; code: OfficeErrorCode | 'failed'; message: string };
