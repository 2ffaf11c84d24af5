// Messages between the app and the .pptx export worker (pptx-worker.ts).
import type { PptxLoss } from '@lectern/office-export';

export interface PptxWorkerRequest {
  markdown: string;
  /** The deck's linked media, by the path the deck writes. */
  assets: { path: string; type: string; blob: Blob }[];
  generator: string;
}

export type PptxWorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; blob: Blob; slides: number; losses: PptxLoss[] }
  | { kind: 'failed'; message: string };
