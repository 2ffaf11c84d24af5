// SHA-256 of a Blob, as lower-case hex: the key of a media asset.
//
// Two ways, same result:
// - Web Crypto (native, fastest) has no streaming digest: the Blob is read once into one
//   ArrayBuffer. Used up to STREAM_ABOVE bytes (a moment of that much memory, then freed).
// - Above that, or where crypto.subtle is missing (pages served over plain http from another
//   machine are not a secure context), 8 MiB slices are hashed one after another, so a 2 GB
//   lecture video never sits in memory whole: in a Worker (hash-worker.ts, with hash-wasm's
//   WebAssembly) so the page stays responsive meanwhile, or, where no Worker can start, on the
//   page with @noble/hashes (pure JS, slower). Loaded on first use: the library's first load carries none
//   of it. Figures beside a plain idb put+get: tests/bench/suites/store.ts.
import { toHex } from './hex.ts';

/** Blobs larger than this are hashed in slices. */
export const STREAM_ABOVE = 256 * 1024 * 1024;

/** `await sha256Hex(new Blob(['abc']))` => `'ba7816bf…15ad'` */
export async function sha256Hex(blob: Blob, options: { streamAbove?: number } = {}): Promise<string> {
  const streamAbove = options.streamAbove ?? STREAM_ABOVE;
  if (blob.size <= streamAbove && globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    return toHex(new Uint8Array(digest));
  }
  return (await inWorker(blob)) ?? (await import('./sliced-hash.ts')).slicedSha256Hex(blob);
}

/** The sliced hash in a Worker; undefined when no Worker can start here (the caller hashes on
 *  the page). A failure inside the Worker (unreadable Blob) is thrown. */
function inWorker(blob: Blob): Promise<string | undefined> {
  if (typeof Worker === 'undefined') return Promise.resolve(undefined);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(undefined); // e.g. a CSP without worker-src
  }
  return new Promise<string | undefined>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ hex?: string; error?: string }>) => {
      if (event.data.hex !== undefined) resolve(event.data.hex);
      else reject(new Error(event.data.error ?? 'hashing failed'));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      resolve(undefined); // the Worker's script did not load: hash on the page instead
    };
    worker.postMessage(blob);
  }).finally(() => worker.terminate());
}


const RE_SHA256 = /^[0-9a-f]{64}$/;
export function isSha256Hex(value: string): boolean {
  return RE_SHA256.test(value);
}
