// The Worker's hash (hash-wasm in 8 MiB slices) against Web Crypto's whole-Blob digest, in
// Chromium, at the sizes where slicing or SHA-256's 64-byte blocks could go wrong.
import { describe, expect, it } from 'vitest';
import { createSHA256 } from 'hash-wasm';
import { wasmSha256Hex } from '../../../src/store/wasm-hash.ts';
import { slicedSha256Hex } from '../../../src/store/sliced-hash.ts';
import { patternBytes } from './helpers.ts';

async function webCrypto(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('hash-wasm slices', () => {
  it('should compile here, so the Worker really uses WebAssembly rather than its fallback', async () => {
    await expect(createSHA256()).resolves.toBeTruthy();
  });

  it('should give Web Crypto\'s digest at block and slice boundaries', { timeout: 0 }, async () => {
    const slice = 8 * 1024 * 1024;
    for (const size of [0, 1, 55, 56, 63, 64, 65, slice - 1, slice, slice + 1, 2 * slice + 3]) {
      const blob = new Blob([patternBytes(size, size + 7)]);
      const expected = await webCrypto(blob);
      expect(await wasmSha256Hex(blob), `size ${size}`).toBe(expected);
      expect(await slicedSha256Hex(blob), `fallback, size ${size}`).toBe(expected);
    }
    expect(await wasmSha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('should hash a Blob of many parts as the same bytes in one part', async () => {
    const parts = [patternBytes(1000, 1), new Uint8Array(0), patternBytes(70_000, 2), new TextEncoder().encode('Nghị quyết')];
    const joined = new Blob(parts);
    expect(await wasmSha256Hex(joined)).toBe(await webCrypto(new Blob([await joined.arrayBuffer()])));
  });
});
