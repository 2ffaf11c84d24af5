// SHA-256 of a Blob, as lower-case hex: the key of a media asset.
//
// Two ways, same result:
// - Web Crypto (native, fastest) has no streaming digest: the Blob is read once into one
//   ArrayBuffer. Used up to STREAM_ABOVE bytes (a moment of that much memory, then freed).
// - Above that, or where crypto.subtle is missing (pages served over plain http from another
//   machine are not a secure context), @noble/hashes hashes 8 MiB slices one after another, so a
//   2 GB lecture video never sits in memory whole. Slower (pure JS), but it cannot exhaust memory.
// @noble/hashes is loaded with import() the first time it is needed, so the library's first
// load does not carry it. Figures beside a plain idb put+get: tests/bench/suites/store.ts.

/** Blobs larger than this are hashed in slices. */
export const STREAM_ABOVE = 256 * 1024 * 1024;
const SLICE = 8 * 1024 * 1024;

/** `await sha256Hex(new Blob(['abc']))` => `'ba7816bf…15ad'` */
export async function sha256Hex(blob: Blob, options: { streamAbove?: number } = {}): Promise<string> {
  const streamAbove = options.streamAbove ?? STREAM_ABOVE;
  if (blob.size <= streamAbove && globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    return toHex(new Uint8Array(digest));
  }
  const { sha256 } = await import('@noble/hashes/sha2.js');
  const hash = sha256.create();
  for (let offset = 0; offset < blob.size; offset += SLICE) {
    hash.update(new Uint8Array(await blob.slice(offset, offset + SLICE).arrayBuffer()));
  }
  return toHex(hash.digest());
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte];
  return out;
}

const RE_SHA256 = /^[0-9a-f]{64}$/;
export function isSha256Hex(value: string): boolean {
  return RE_SHA256.test(value);
}
