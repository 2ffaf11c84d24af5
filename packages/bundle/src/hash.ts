// SHA-256 of assets, computed while the bytes stream past (never over a whole video in memory).
// WebCrypto's digest() only takes a whole buffer, so the default is @noble/hashes' incremental
// SHA-256 (pure JS, works in browsers and Node); the CLI passes node:crypto, which is faster.

import { sha256 } from '@noble/hashes/sha2.js';

export interface IncrementalHash {
  update(bytes: Uint8Array): void;
  /** Lower-case hex. */
  digest(): string | Promise<string>;
}

export type HashFactory = () => IncrementalHash;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte];
  return out;
}

export const defaultHashFactory: HashFactory = () => {
  const state = sha256.create();
  return {
    update: (bytes) => void state.update(bytes),
    digest: () => toHex(state.digest()),
  };
};

/** For zip entries that need no digest (backups' inner bundles, .pptx media). */
export const noHash: HashFactory = () => ({ update: () => undefined, digest: () => '' });
