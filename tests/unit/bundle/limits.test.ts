// ReadLimits are configurable: the same valid bundle is refused once a limit is lowered below it.
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, DEFAULT_READ_LIMITS, readBundle, type ReadLimits } from '@lectern/bundle';
import { makeZip, sampleInput, writeToBytes } from './helpers.ts';

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await writeToBytes(sampleInput());
});

const codeWith = async (limits: Partial<ReadLimits>, input = bytes) =>
  readBundle(bytesSource(input), { limits }).then(() => 'ok', (e: { code: string }) => e.code);

describe('read limits', () => {
  it('should accept the sample with the defaults', async () => {
    expect(DEFAULT_READ_LIMITS.maxEntrySize).toBe(1024 * 1024 * 1024);
    expect(await codeWith({})).toBe('ok');
  });

  it('should apply each limit as configured', async () => {
    expect(await codeWith({ maxEntries: 3 })).toBe('limit-entries');
    expect(await codeWith({ maxEntrySize: 30_000 })).toBe('limit-entry-size');
    expect(await codeWith({ maxTotalSize: 60_000 })).toBe('limit-total-size');
    expect(await codeWith({ maxManifestSize: 100 })).toBe('limit-entry-size');
    expect(await codeWith({ maxDeckSize: 10 })).toBe('limit-entry-size');
  });

  it('should apply the compression ratio to deflated entries above the floor', async () => {
    const zeros = makeZip([{ name: 'media/zeros.bin', data: new Uint8Array(200_000), deflate: true }]);
    expect(await codeWith({ ratioFloor: 100_000, maxCompressionRatio: 50 }, zeros)).toBe('limit-ratio');
    // Below the floor the ratio is not checked; the zip then fails for its missing manifest.
    expect(await codeWith({ ratioFloor: 1_000_000, maxCompressionRatio: 50 }, zeros)).toBe('manifest-missing');
  });
});
