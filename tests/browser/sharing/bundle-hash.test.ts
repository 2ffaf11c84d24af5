// The app's bundle hash (src/sharing/bundle-hash.ts) in real Chromium: hash-wasm's digests must
// be those of packages/bundle's default (@noble/hashes) and of Web Crypto at SHA-256's block
// edges, across chunk boundaries and instance reuse, and a whole bundle read with it must get the
// same verdict as with the default, a wrong hash still refused.
import { describe, expect, it } from 'vitest';
import { blobChunks, blobSource, BundleError, defaultHashFactory, readBundle, writeBundleToBlob, type HashFactory } from '@lectern/bundle';
import { prepareBundleHash } from '../../../src/sharing/bundle-hash.ts';
import { previewBundle, SharingError } from '../../../src/sharing/index.ts';
import { freshStore, mediaBytes, patternBytes } from '../store/helpers.ts';
import expected from '../../fixtures/bundles/expected.json';

const fixtureUrls = import.meta.glob('../../fixtures/bundles/*.lectern', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

async function webCrypto(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Digest of `bytes` fed to one hasher in pieces of `piece` bytes. */
async function digestIn(hash: HashFactory, bytes: Uint8Array, piece: number): Promise<string> {
  const hasher = hash();
  for (let at = 0; at < bytes.length; at += piece) hasher.update(bytes.subarray(at, at + piece));
  return hasher.digest();
}

const SIZES = [0, 1, 63, 64, 65, 127, 128, 129, 1024 * 1024 + 3];
const PIECES = [1, 63, 64, 65, 1000, 1024 * 1024];

describe('the bundle hash', () => {
  it('should run on WebAssembly in Chromium', async () => {
    expect((await prepareBundleHash()).engine).toBe('wasm');
  });

  it('should give the digests of @noble/hashes and Web Crypto at block edges, fed whole or in pieces', { timeout: 120_000 }, async () => {
    const { hash } = await prepareBundleHash();
    expect(await digestIn(hash, new Uint8Array(0), 1)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const size of SIZES) {
      const bytes = patternBytes(size, size + 1);
      const want = await webCrypto(bytes);
      expect(await digestIn(defaultHashFactory, bytes, Math.max(1, size)), `noble ${size}`).toBe(want);
      for (const piece of size > 4096 ? PIECES.filter((p) => p >= 63) : PIECES) {
        expect(await digestIn(hash, bytes, piece), `${size} bytes in pieces of ${piece}`).toBe(want);
      }
    }
  });

  it('should keep entries apart: one after another, interleaved, and after one is abandoned', async () => {
    const { hash } = await prepareBundleHash();
    const a = patternBytes(200_000, 3);
    const b = patternBytes(70_001, 4);
    const [wantA, wantB] = [await webCrypto(a), await webCrypto(b)];
    // One after another: the instance is reset between entries.
    expect(await digestIn(hash, a, 65_536)).toBe(wantA);
    expect(await digestIn(hash, b, 65_536)).toBe(wantB);
    // Abandoned after its first bytes (a stream broken off): later entries are unaffected.
    hash().update(a.subarray(0, 1000));
    // Interleaved: two entries hashed at once.
    const [ha, hb] = [hash(), hash()];
    for (let at = 0; at < a.length; at += 4096) {
      ha.update(a.subarray(at, at + 4096));
      hb.update(b.subarray(at, at + 4096));
    }
    expect([await ha.digest(), await hb.digest()]).toEqual([wantA, wantB]);
    expect(await digestIn(hash, a, 1 << 20)).toBe(wantA);
  });

  it('should fall back to JavaScript, same digests, where WebAssembly does not compile', async () => {
    const refused = await prepareBundleHash(() => Promise.reject(new WebAssembly.CompileError('refused by the Content-Security-Policy')));
    expect(refused.engine).toBe('js');
    const bytes = patternBytes(100_001, 9);
    expect(await digestIn(refused.hash, bytes, 4096)).toBe(await webCrypto(bytes));
  });

  it('should accept a bundle of multi-chunk media, and give every fixture the verdict the default gives', { timeout: 300_000 }, async () => {
    const { hash } = await prepareBundleHash();
    // Stored media are read in 1 MiB chunks: 2.5 MiB + 7 bytes spans three, with odd edges.
    const media = [
      { path: 'media/Bài 1/phim ngắn.mp4', type: 'video/mp4', bytes: mediaBytes('mp4', 2.5 * 1024 * 1024 + 7, 5) },
      { path: 'media/ảnh.png', type: 'image/png', bytes: mediaBytes('png', 64, 6) },
    ];
    const { blob } = await writeBundleToBlob({
      id: crypto.randomUUID(),
      title: 'Bài giảng',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      generator: 'lectern-test',
      deck: media.map((m) => `# ${m.path}\n\n![](<${m.path}>)\n`).join('\n---\n\n'),
      assets: media.map((m) => {
        const part = new Blob([m.bytes], { type: m.type });
        return { path: m.path, type: m.type, size: part.size, blob: part, chunks: () => blobChunks(part) };
      }),
      excerpts: [],
    });
    const read = await readBundle(blobSource(blob), { hash });
    for (const m of media) expect(read.assets.find((a) => a.path === m.path)?.sha256, m.path).toBe(await webCrypto(m.bytes));

    const verdict = async (file: Blob, with_: HashFactory) =>
      readBundle(blobSource(file), { hash: with_ }).then(
        (bundle) => ({ manifest: bundle.manifest }),
        (error: unknown) => ({ code: error instanceof BundleError ? error.code : String(error) }),
      );
    const entries = Object.entries(expected as Record<string, { code: string | null }>);
    expect(entries.some(([, { code }]) => code === 'asset-hash-mismatch')).toBe(true);
    for (const [name, { code }] of entries) {
      const url = Object.entries(fixtureUrls).find(([path]) => path.endsWith(`/${name}`))?.[1];
      const file = await (await fetch(url!)).blob();
      const got = await verdict(file, hash);
      expect(got, name).toEqual(await verdict(file, defaultHashFactory));
      if (code !== null) expect(got, name).toEqual({ code });
    }
  });

  it('should have the import preview refuse a bundle whose media does not match its hash', async () => {
    const url = Object.entries(fixtureUrls).find(([path]) => path.endsWith('/asset-hash-mismatch.lectern'))![1];
    const file = new File([await (await fetch(url)).blob()], 'asset-hash-mismatch.lectern');
    const error = await previewBundle(await freshStore(), file).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SharingError);
    expect((error as SharingError).code).toBe('asset-hash-mismatch');
  });
});
