// Slide revisions: a fast 53-bit string hash (cyrb53) plus the length, so the preview and the
// render cache can tell changed slides apart without keeping or comparing whole texts.

/** `'## Mở đầu\n'` => `'1x2k9f0q3c-10'` (hash in base 36, then the length). */
export function revisionOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  // Two UTF-16 units per step (one 32-bit word): half the multiplications of one per unit.
  const n = text.length;
  for (let i = 0; i < n; i += 2) {
    const ch = text.charCodeAt(i) | ((i + 1 < n ? text.charCodeAt(i + 1) : 0) << 16);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${hash.toString(36)}-${text.length}`;
}
