// The .pptx export off the main thread: parsing the deck, laying out every slide and deflating
// the XML parts take seconds on a 300-slide lesson, which would freeze the editor or library.
// The media come in as Blobs (structured clone passes them by reference) and go out inside the
// result Blob the same way: the worker never holds a video whole either.
import { blobChunks } from '@lectern/bundle';
import { parseDeck } from '@lectern/deck';
import { deckToPptx, type PptxMedia } from '@lectern/office-export';
import type { PptxWorkerReply, PptxWorkerRequest } from './pptx-protocol.ts';

const post = (reply: PptxWorkerReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<PptxWorkerRequest>) => {
  const { markdown, assets, generator } = event.data;
  try {
    const byPath = new Map(assets.map((asset) => [asset.path, asset]));
    const lookup = (written: string): PptxMedia | undefined => {
      let asset = byPath.get(written);
      if (!asset) {
        try {
          asset = byPath.get(decodeURIComponent(written)); // `media/ảnh%201.png` written, `media/ảnh 1.png` stored
        } catch {
          // a stray % is part of the name
        }
      }
      if (!asset) return undefined;
      const { blob } = asset;
      return { type: asset.type || blob.type, size: blob.size, blob, chunks: () => blobChunks(blob) };
    };
    const result = await deckToPptx(parseDeck(markdown), lookup, {
      generator,
      onProgress: ({ done, total }) => post({ kind: 'progress', done, total }),
    });
    post({ kind: 'done', blob: result.blob, slides: result.slides, losses: result.losses });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
