import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BundleError, blobSource, bytesSource, readBundle, writeBundleToBlob } from '@lectern/bundle';
import { collect, memoryAsset, sampleInput, writeToBytes } from './helpers.ts';

describe('bundle round trip', () => {
  it('should give back deck.md and every asset byte for byte, Vietnamese names included', async () => {
    const input = sampleInput();
    const bytes = await writeToBytes(input);
    const bundle = await readBundle(bytesSource(bytes));
    expect(bundle.deck).toBe(input.deck);
    expect(bundle.deck.startsWith('\uFEFF')).toBe(true);
    expect(bundle.manifest.title).toBe(input.title);
    expect(bundle.assets.map((a) => a.path)).toEqual(['media/ảnh đầu.jpg', 'media/Bài 1/phim ngắn.mp4']);
    for (const [i, asset] of bundle.assets.entries()) {
      const original = await collect(input.assets[i]!.chunks());
      const back = await collect(asset.chunks());
      expect(back).toEqual(original);
      expect(asset.sha256).toBe(createHash('sha256').update(original).digest('hex'));
      // Stored: the range points at the very bytes in the file.
      expect(asset.range).toBeDefined();
      expect(bytes.subarray(asset.range!.offset, asset.range!.offset + asset.range!.length)).toEqual(original);
    }
  });

  it('should write the same bytes for the same input', async () => {
    expect(await writeToBytes(sampleInput())).toEqual(await writeToBytes(sampleInput()));
  });

  it('should mark entry names as UTF-8 in the zip', async () => {
    const bytes = await writeToBytes(sampleInput());
    // Every local header's general-purpose flags have bit 11 set.
    const dv = new DataView(bytes.buffer);
    expect(dv.getUint32(0, true)).toBe(0x04034b50);
    expect(dv.getUint16(6, true) & 0x0800).toBe(0x0800);
  });

  it('should build a Blob from asset Blobs and read it back through slices', async () => {
    const video = new Uint8Array(300_000).map((_, i) => i & 0xff);
    const asset = { ...memoryAsset('media/clip.mp4', video, 'video/mp4'), blob: new Blob([video]) };
    const { blob, manifest } = await writeBundleToBlob(sampleInput({ assets: [asset] }));
    expect(manifest.assets[0]!.size).toBe(video.length);
    const bundle = await readBundle(blobSource(blob));
    expect(await collect(bundle.assets[0]!.chunks())).toEqual(video);
  });

  it('should refuse to write an asset outside media/ or a duplicate', async () => {
    const bad = sampleInput({ assets: [memoryAsset('../x.png', new Uint8Array(1))] });
    await expect(writeToBytes(bad)).rejects.toMatchObject({ code: 'path-traversal' });
    const dup = sampleInput({ assets: [memoryAsset('media/A.png', new Uint8Array(1)), memoryAsset('media/a.png', new Uint8Array(1))] });
    await expect(writeToBytes(dup)).rejects.toBeInstanceOf(BundleError);
  });

  it('should refuse an asset whose size differs from what was promised', async () => {
    const asset = { ...memoryAsset('media/x.png', new Uint8Array(10)), size: 11 };
    await expect(writeToBytes(sampleInput({ assets: [asset] }))).rejects.toMatchObject({ code: 'asset-size-mismatch' });
  });
});
