// Property-based: whatever the bytes, the reader answers with a Bundle or a BundleError, never
// anything else (no RangeError from a bad offset, no TypeError from a strange manifest).
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleError, bytesSource, crc32, readBundle } from '@lectern/bundle';
import { collect, sampleInput, writeToBytes } from './helpers.ts';

let valid: Uint8Array;
beforeAll(async () => {
  valid = await writeToBytes(sampleInput());
});

async function outcome(bytes: Uint8Array): Promise<'ok' | 'bundle-error'> {
  try {
    await readBundle(bytesSource(bytes));
    return 'ok';
  } catch (error) {
    if (error instanceof BundleError) return 'bundle-error';
    throw error;
  }
}

type Corruption =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array };

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

function corrupt(bytes: Uint8Array, changes: Corruption[]): Uint8Array {
  let out = bytes.slice();
  for (const change of changes) {
    const at = out.length === 0 ? 0 : change.at % out.length;
    if (change.kind === 'flip' && out.length > 0) out[at]! ^= 1 << change.bit;
    if (change.kind === 'truncate') out = out.slice(0, at);
    if (change.kind === 'insert') out = new Uint8Array([...out.subarray(0, at), ...change.bytes, ...out.subarray(at)]);
    if (change.kind === 'overwrite') out.set(change.bytes.subarray(0, Math.max(0, out.length - at)), at);
  }
  return out;
}

/** A minimal zip holding manifest.json (the given text) and deck.md. */
function zipWithManifest(manifestText: string): Uint8Array {
  const enc = new TextEncoder();
  const entries = [
    { name: enc.encode('manifest.json'), data: enc.encode(manifestText) },
    { name: enc.encode('deck.md'), data: enc.encode('# Bài 1\n') },
  ];
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const { name, data } of entries) {
    const offset = parts.length;
    const payload = deflateSync(data);
    const crc = crc32(data);
    u32(parts, 0x04034b50); u16(parts, 20); u16(parts, 0x800); u16(parts, 8); u16(parts, 0); u16(parts, 0x21);
    u32(parts, crc); u32(parts, payload.length); u32(parts, data.length); u16(parts, name.length); u16(parts, 0);
    parts.push(...name, ...payload);
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, 0x800); u16(central, 8); u16(central, 0); u16(central, 0x21);
    u32(central, crc); u32(central, payload.length); u32(central, data.length); u16(central, name.length);
    u16(central, 0); u16(central, 0); u16(central, 0); u16(central, 0); u32(central, 0); u32(central, offset);
    central.push(...name);
  }
  const cdOffset = parts.length;
  parts.push(...central);
  u32(parts, 0x06054b50); u16(parts, 0); u16(parts, 0); u16(parts, 2); u16(parts, 2); u32(parts, central.length); u32(parts, cdOffset); u16(parts, 0);
  return new Uint8Array(parts);
}

describe('reader under random input', () => {
  it('should answer random corruptions of a valid bundle with a Bundle or a BundleError only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(corruption, { minLength: 1, maxLength: 4 }), async (changes) => {
        expect(['ok', 'bundle-error']).toContain(await outcome(corrupt(valid, changes)));
      }),
      { numRuns: 400 },
    );
  });

  it('should answer random bytes with a BundleError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expect(await outcome(bytes)).toBe('bundle-error');
      }),
      { numRuns: 200 },
    );
  });

  it('should answer random manifests with a Bundle or a BundleError only', async () => {
    const asset = fc.record({
      path: fc.oneof(fc.string(), fc.constantFrom('media/a.jpg', 'media/../a', '/a', 'media/A.jpg', 'C:/x', 'media\\x')),
      type: fc.oneof(fc.string(), fc.constant('image/png')),
      size: fc.oneof(fc.integer(), fc.double(), fc.constant(0)),
      sha256: fc.oneof(fc.string(), fc.constant('a'.repeat(64))),
    }, { requiredKeys: [] });
    const manifest = fc.record({
      format: fc.oneof(fc.constant('lectern-bundle'), fc.string()),
      version: fc.oneof(fc.constant(1), fc.integer(), fc.double(), fc.string()),
      id: fc.oneof(fc.uuid(), fc.string()),
      title: fc.string(),
      createdAt: fc.oneof(fc.constant('2026-01-01T00:00:00.000Z'), fc.string()),
      updatedAt: fc.oneof(fc.constant('2026-01-01T00:00:00.000Z'), fc.string()),
      deck: fc.oneof(fc.constant('deck.md'), fc.string()),
      assets: fc.oneof(fc.array(asset, { maxLength: 3 }), fc.jsonValue()),
      excerpts: fc.oneof(fc.array(fc.record({ text: fc.string(), source: fc.string() })), fc.jsonValue()),
    }, { requiredKeys: [] });
    const text = fc.oneof(manifest.map((m) => JSON.stringify(m)), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string());
    await fc.assert(
      fc.asyncProperty(text, async (manifestText) => {
        const result = await outcome(zipWithManifest(manifestText));
        // A manifest listing no assets with every field right is a valid bundle; others are refused.
        expect(['ok', 'bundle-error']).toContain(result);
      }),
      { numRuns: 400 },
    );
  });
});

describe('round trip under random input', () => {
  const segment = fc.stringMatching(/^[a-zA-Z0-9àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ _-]{1,12}$/)
    .map((s) => s.trim().normalize('NFC'))
    .filter((s) => s !== '' && !/[. ]$/.test(s) && !/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s));
  it('should give back any deck text and any asset bytes exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.uniqueArray(fc.tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.uint8Array({ maxLength: 3000 })), {
          maxLength: 4,
          selector: ([parts]) => `media/${parts.join('/')}`.toLowerCase(),
        }),
        async (deck, files) => {
          const assets = files
            .map(([parts, bytes]) => ({ path: `media/${parts.join('/')}`, bytes }))
            // A file and a folder of the same name cannot both exist.
            .filter((a, _i, all) => !all.some((b) => b.path.toLowerCase().startsWith(`${a.path.toLowerCase()}/`)));
          const input = sampleInput({
            deck,
            assets: assets.map(({ path, bytes }) => ({ path, type: 'application/octet-stream', size: bytes.length, chunks: async function* () { yield bytes; } })),
          });
          const bundle = await readBundle(bytesSource(await writeToBytes(input)));
          expect(bundle.deck).toBe(deck);
          expect(bundle.assets.map((a) => a.path)).toEqual(assets.map((a) => a.path));
          for (const [i, asset] of bundle.assets.entries()) expect(await collect(asset.chunks())).toEqual(assets[i]!.bytes);
        },
      ),
      { numRuns: 100 },
    );
  });
});
