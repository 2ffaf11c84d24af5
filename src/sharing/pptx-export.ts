// "Export as PowerPoint" / "Xuất PowerPoint" (issue 17, app side): one deck from the store as an
// editable .pptx, written by @lectern/office-export in a Web Worker (pptx-worker.ts), with
// progress as the media stream into the file, then offered for download under the deck's title
// (Vietnamese kept). Loaded only when the button is used: the library's first load does not grow.
import { formatBytes, formatNumber } from '../app/i18n.ts';
import type { Store } from '../store/index.ts';
import { deckFileName } from '@lectern/bundle';
import { downloadBlob, GENERATOR } from './export-deck.ts';
import { sharingMsg } from './messages.ts';
import type { PptxLoss } from '@lectern/office-export';
import type { PptxWorkerReply, PptxWorkerRequest } from './pptx-protocol.ts';

export interface PptxExport {
  blob: Blob;
  fileName: string;
  slides: number;
  /** What the file could not keep (sharingMsg().pptxLoss words each one). */
  losses: PptxLoss[];
}

/** Bytes written into the file so far, of `total`, with the text to show (UI language). */
export interface PptxUiProgress {
  done: number;
  total: number;
  label: string;
  text: string;
}

/** `Bài 1: Đảng?` => `Bài 1- Đảng-.pptx` (the bundle's file-name rule, another extension). */
export const pptxFileName = (title: string) => deckFileName(title, '.pptx');

/** Builds the .pptx of one deck. @throws Error (UI language) when the deck is gone or the export fails. */
export async function exportDeckPptx(store: Store, deckId: string, onProgress?: (done: number, total: number) => void): Promise<PptxExport> {
  const record = await store.getDeck(deckId);
  if (!record) throw new Error(sharingMsg().deckNotFound);
  const linked = await store.listDeckAssets(deckId);
  const assets = await Promise.all(linked.map(async (asset) => ({ path: asset.path, type: asset.type, blob: await store.getAssetBlob(asset.assetId) })));
  const request: PptxWorkerRequest = { markdown: record.markdown, assets, generator: GENERATOR };
  const worker = new Worker(new URL('./pptx-worker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<Extract<PptxWorkerReply, { kind: 'done' }>>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<PptxWorkerReply>) => {
        const message = event.data;
        if (message.kind === 'progress') onProgress?.(message.done, message.total);
        else if (message.kind === 'done') resolve(message);
        else reject(new Error(sharingMsg().pptxFailed(message.message)));
      };
      worker.onerror = (event) => reject(new Error(sharingMsg().pptxFailed(event.message || 'worker error')));
      worker.postMessage(request);
    });
    return { blob: reply.blob, fileName: pptxFileName(record.title), slides: reply.slides, losses: reply.losses };
  } finally {
    worker.terminate();
  }
}

/** Export + download: what the buttons call. Returns the message for the toast. */
export async function exportDeckPptxAndDownload(store: Store, deckId: string, onProgress?: (progress: PptxUiProgress) => void): Promise<{ message: string }> {
  const summary = await store.getDeck(deckId);
  const label = sharingMsg().pptxExporting(summary?.title ?? '');
  const { blob, fileName, losses } = await exportDeckPptx(store, deckId, (done, total) => {
    const ratio = total > 0 ? done / total : 1;
    onProgress?.({ done, total, label, text: sharingMsg().htmlProgress(formatNumber(ratio, { style: 'percent' }), formatBytes(done), formatBytes(total)) });
  });
  downloadBlob(blob, fileName);
  const m = sharingMsg();
  return { message: losses.length ? m.pptxExportedWithLosses(fileName, losses.length, losses.map(m.pptxLoss).join('; ')) : m.pptxExported(fileName) };
}
