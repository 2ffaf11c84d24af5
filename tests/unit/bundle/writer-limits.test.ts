// What `lectern pack` (and the app's export) writes, `lectern unpack` (and the app's import) must
// read (issue 13 item 5): the writer checks the reader's limits before writing a byte and names
// the limit; the ratio limit refuses bombs, not repetitive decks.
import { bytesSource, BundleError, DEFAULT_READ_LIMITS, readBundle, writeBundle } from '@lectern/bundle';
import { describe, expect, it } from 'vitest';
import { memoryAsset, sampleInput, writeToBytes } from './helpers.ts';

/** Writes into a sink that records whether anything at all was written. */
async function tryWrite(input: Parameters<typeof writeBundle>[0]): Promise<{ error: unknown; written: number }> {
  let written = 0;
  const error = await writeBundle(input, { write: (bytes) => void (written += bytes.length) }).then(() => undefined, (e: unknown) => e);
  return { error, written };
}

describe('the writer checks the reader\'s limits first', () => {
  it('should refuse 7,000 media files whose manifest would pass 1 MiB, naming the limit, writing nothing', async () => {
    const one = new Uint8Array([1]);
    const assets = Array.from({ length: 7_000 }, (_, i) => memoryAsset(`media/ảnh tư liệu số ${String(i).padStart(5, '0')} của bài giảng.png`, one, 'image/png'));
    const { error, written } = await tryWrite(sampleInput({ assets }));
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('limit-entry-size');
    expect((error as BundleError).entry).toBe('manifest.json');
    expect((error as BundleError).message).toMatch(/7000 media files; readers accept at most 1\.0 MiB \(maxManifestSize\)/);
    expect(written).toBe(0);
  });

  it('should refuse a deck over the reader\'s deck limit and more files than it accepts', async () => {
    const deck = await tryWrite(sampleInput({ deck: 'x'.repeat(DEFAULT_READ_LIMITS.maxDeckSize + 1) }));
    expect(deck.error).toMatchObject({ code: 'limit-entry-size', entry: 'deck.md' });
    expect((deck.error as Error).message).toContain('(maxDeckSize)');
    expect(deck.written).toBe(0);
    const many = Array.from({ length: DEFAULT_READ_LIMITS.maxEntries - 1 }, (_, i) => memoryAsset(`media/${i}.png`, new Uint8Array([1]), 'image/png'));
    const files = await tryWrite(sampleInput({ assets: many }));
    expect(files.error).toMatchObject({ code: 'limit-entries' });
    expect((files.error as Error).message).toContain('(maxEntries)');
  });

  it('should write a bundle just under every limit that the reader then accepts', async () => {
    const assets = Array.from({ length: 3_000 }, (_, i) => memoryAsset(`media/${i}.png`, new Uint8Array([i & 0xff]), 'image/png'));
    const bundle = await readBundle(bytesSource(await writeToBytes(sampleInput({ assets }))));
    expect(bundle.assets).toHaveLength(3_000);
  });
});

describe('the ratio limit', () => {
  it('should read back a 2.4 MB deck of repeated slides (deflated well over 200:1)', async () => {
    const slide = '---\n\n# Nghị quyết\n\n- Đoàn kết, thống nhất\n- Kỷ luật, kỷ cương\n\n';
    const deck = slide.repeat(Math.ceil(2.4e6 / new TextEncoder().encode(slide).length));
    const bytes = await writeToBytes(sampleInput({ deck, assets: [] }));
    expect(new TextEncoder().encode(deck).length / bytes.length).toBeGreaterThan(DEFAULT_READ_LIMITS.maxCompressionRatio);
    const bundle = await readBundle(bytesSource(bytes));
    expect(bundle.deck).toBe(deck);
  });
});
