// Fixture helpers for the bundle tests: a small valid bundle in memory, written by writeBundle.
import { deflateSync } from 'fflate';
import { bytesSource, crc32, writeBundle, type BundleAssetInput, type WriteBundleInput } from '@lectern/bundle';

export const DECK_TEXT = '\uFEFF---\ntitle: Bài 1 — Đảng viên mới\n---\n\n# Mở đầu\r\n\n![ảnh](media/ảnh đầu.jpg)\n';

export function memoryAsset(path: string, bytes: Uint8Array, type = 'application/octet-stream'): BundleAssetInput {
  return {
    path,
    type,
    size: bytes.length,
    async *chunks() {
      // Several chunks, to exercise CRC and hash continuation.
      for (let at = 0; at < bytes.length; at += 7_777) yield bytes.subarray(at, at + 7_777);
    },
  };
}

export function sampleInput(overrides: Partial<WriteBundleInput> = {}): WriteBundleInput {
  const image = new Uint8Array(20_000).map((_, i) => (i * 31 + 7) & 0xff);
  const video = new Uint8Array(50_000).map((_, i) => (i * 17) % 251);
  return {
    id: '0b5f1c7e-3a4d-4c55-9a0e-6f1d2b3c4d5e',
    title: 'Bài 1 — Những vấn đề cơ bản về Đảng',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-02-03T04:05:06.000Z',
    generator: 'lectern test',
    deck: DECK_TEXT,
    assets: [memoryAsset('media/ảnh đầu.jpg', image, 'image/jpeg'), memoryAsset('media/Bài 1/phim ngắn.mp4', video, 'video/mp4')],
    ...overrides,
  };
}

/** The parts joined into one array. */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export async function writeToBytes(input: WriteBundleInput): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeBundle(input, { write: (bytes) => void parts.push(bytes.slice()) });
  return concat(parts);
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk.slice());
  return concat(parts);
}

export { bytesSource };

/** A plain zip of the given entries (deflated when `deflate`), for crafting test archives. */
export function makeZip(entries: { name: string; data: Uint8Array; deflate?: boolean }[]): Uint8Array {
  const enc = new TextEncoder();
  const out: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const { name, data, deflate } of entries) {
    const nameBytes = enc.encode(name);
    const payload = deflate ? deflateSync(data) : data;
    const crc = crc32(data);
    const offset = out.length;
    u32(out, 0x04034b50); u16(out, 20); u16(out, 0x800); u16(out, deflate ? 8 : 0); u16(out, 0); u16(out, 0x21);
    u32(out, crc); u32(out, payload.length); u32(out, data.length); u16(out, nameBytes.length); u16(out, 0);
    for (const b of nameBytes) out.push(b);
    for (const b of payload) out.push(b);
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, 0x800); u16(central, deflate ? 8 : 0); u16(central, 0); u16(central, 0x21);
    u32(central, crc); u32(central, payload.length); u32(central, data.length); u16(central, nameBytes.length);
    u16(central, 0); u16(central, 0); u16(central, 0); u16(central, 0); u32(central, 0); u32(central, offset);
    for (const b of nameBytes) central.push(b);
  }
  const cdOffset = out.length;
  for (const b of central) out.push(b);
  u32(out, 0x06054b50); u16(out, 0); u16(out, 0); u16(out, entries.length); u16(out, entries.length); u32(out, central.length); u32(out, cdOffset); u16(out, 0);
  return new Uint8Array(out);
}
