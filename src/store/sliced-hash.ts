// SHA-256 of a Blob read in 8 MiB slices with @noble/hashes: memory stays at one slice whatever
// the Blob's size. Runs in the hashing Worker (hash-worker.ts), or on the page where Workers
// are unavailable.
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from './hex.ts';

const SLICE = 8 * 1024 * 1024;

export async function slicedSha256Hex(blob: Blob): Promise<string> {
  const hash = sha256.create();
  for (let offset = 0; offset < blob.size; offset += SLICE) {
    hash.update(new Uint8Array(await blob.slice(offset, offset + SLICE).arrayBuffer()));
  }
  return toHex(hash.digest());
}
