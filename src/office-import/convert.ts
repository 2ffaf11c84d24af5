// Runs one conversion in a fresh Worker. `cancel()` terminates it: nothing was stored, and the
// Worker's memory goes with it.
import { getLang } from '../app/i18n.ts';
import type { ConvertReply, ConvertRequest } from './protocol.ts';

export type Converted = Extract<ConvertReply, { type: 'done' }>;
export type ConvertProgress = Extract<ConvertReply, { type: 'progress' }>;

export class ConvertError extends Error {
  override name = 'ConvertError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export interface Conversion {
  result: Promise<Converted>;
  cancel(): void;
}

export function convertInWorker(file: File, onProgress: (progress: ConvertProgress) => void): Conversion {
  const worker = new Worker(new URL('./office-worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject: (error: Error) => void } | undefined;
  const result = new Promise<Converted>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<ConvertReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress(reply);
        return;
      }
      worker.terminate();
      if (reply.type === 'done') resolve(reply);
      else reject(new ConvertError(reply.code, reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new ConvertError('failed', event.message || 'the import worker failed'));
    };
  });
  const request: ConvertRequest = { file, lang: getLang() };
  worker.postMessage(request);
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new ConvertError('cancelled', ''));
    },
  };
}
