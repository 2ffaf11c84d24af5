// The Office import Worker: the parsing (XML, zip, mammoth) runs here, off the page's thread, so
// the library stays responsive and Cancel is immediate (the page terminates the Worker).
/// <reference lib="webworker" />
import { blobSource } from '@lectern/bundle';
import { importOfficeFile, isOfficeImportError, LOSS_KINDS, officeErrorMessage, reportKindLabel } from '@lectern/office';
import type { ConvertedMedia, ConvertReply, ConvertRequest } from './protocol.ts';

const post = (reply: ConvertReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
/** Deflated media are gathered in parts folded into one Blob every few MiB (the browser keeps
 *  big Blobs out of the JS heap). */
const FOLD = 8 * 1024 * 1024;

self.onmessage = async (event: MessageEvent<ConvertRequest>) => {
  const { file, lang } = event.data;
  try {
    const result = await importOfficeFile(blobSource(file), {
      fileName: file.name,
      onProgress: (p) => post({ type: 'progress', stage: p.stage === 'done' ? 'media' : p.stage, done: p.done, total: p.total }),
    });
    const total = result.media.reduce((sum, m) => sum + m.size, 0);
    let done = 0;
    const media: ConvertedMedia[] = [];
    for (const item of result.media) {
      let blob: Blob;
      if (item.range) {
        blob = file.slice(item.range.offset, item.range.offset + item.range.length, item.type);
        done += item.size;
      } else {
        blob = new Blob([], { type: item.type });
        let parts: Uint8Array<ArrayBuffer>[] = [];
        let pending = 0;
        for await (const chunk of item.chunks()) {
          parts.push(chunk.slice());
          pending += chunk.length;
          done += chunk.length;
          if (pending >= FOLD) {
            blob = new Blob([blob, ...parts], { type: item.type });
            parts = [];
            pending = 0;
            post({ type: 'progress', stage: 'media', done, total });
          }
        }
        blob = new Blob([blob, ...parts], { type: item.type });
      }
      media.push({ path: item.path, type: item.type, kind: item.kind, size: item.size, blob });
      post({ type: 'progress', stage: 'media', done, total });
    }
    const report = {
      ...result.report,
      entries: result.report.entries.map((entry) => ({ ...entry, label: reportKindLabel(entry.kind, lang), loss: LOSS_KINDS.has(entry.kind) })),
    };
    post({ type: 'done', deckText: result.deckText, report, media });
  } catch (error) {
    if (isOfficeImportError(error)) post({ type: 'error', code: error.code, message: officeErrorMessage(error, lang) });
    else post({ type: 'error', code: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
