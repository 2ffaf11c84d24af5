// SHA-256 of a Blob, as lower-case hex: the key of a media asset.
//
// Web Crypto has no streaming digest, so the Blob is read once into one ArrayBuffer and hashed
// natively (BoringSSL in Chromium: hardware SHA extensions, several hundred MB/s). For a 100 MB
// video that is 100 MB of memory for a moment, released as soon as the digest returns; the Blob
// itself stays on disk. See tests/bench/suites/store.ts for the cost beside a plain idb put+get.

/** `await sha256Hex(new Blob(['abc']))` => `'ba7816bf…15ad'` */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return toHex(new Uint8Array(digest));
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
