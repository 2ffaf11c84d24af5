// Bytes as lower-case hex (how SHA-256 keys are written), shared by the page and the hashing
// Worker without pulling either's dependencies into the other.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte];
  return out;
}
