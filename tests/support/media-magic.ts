// The first bytes of each media type (magic numbers). The store, bundle import and `lectern pack`
// decide a file's type from them (packages/deck media-types.ts), so fake media in tests must
// start as real files do. Usable in Node and in the browser.
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export const MAGIC = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpg: [0xff, 0xd8, 0xff, 0xe0],
  // An ISO base media `ftyp` box: 24 bytes, major brand isom, compatible isom and mp42.
  mp4: [0, 0, 0, 24, ...ascii('ftypisom'), 0, 0, 2, 0, ...ascii('isommp42')],
} as const;

export type MagicExt = keyof typeof MAGIC;

/** `bytes` with their start overwritten by the magic number of `ext` (in place; returned). */
export function withMagic<T extends Uint8Array>(ext: MagicExt, bytes: T): T {
  bytes.set(MAGIC[ext].slice(0, bytes.length));
  return bytes;
}
