// A 500 MB asset through `lectern pack` and `lectern unpack`, each in its own process: the bytes
// come back identical and neither process holds the video in memory (peak RSS under 200 MB).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBigDeck, runChild, sha256File } from './large-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'lectern-500mb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 500 MB asset', () => {
  it('should pack and unpack byte for byte with peak RSS under 200 MB', { timeout: 600_000 }, async () => {
    const { deck, asset } = makeBigDeck(join(dir, 'deck'), 500);
    const bundle = join(dir, 'big.lectern');
    const pack = runChild('pack', deck, bundle);
    expect(pack.exitCode).toBe(0);
    expect(statSync(bundle).size).toBeGreaterThan(500 * 1024 * 1024);
    const unpack = runChild('unpack', bundle, join(dir, 'out'));
    expect(unpack.exitCode).toBe(0);
    expect(await sha256File(join(dir, 'out', 'media', 'bài giảng.mp4'))).toBe(await sha256File(asset));
    console.info(`500 MB: pack ${Math.round(pack.ms)} ms, peak RSS ${pack.maxRssMB.toFixed(0)} MB; unpack ${Math.round(unpack.ms)} ms, peak RSS ${unpack.maxRssMB.toFixed(0)} MB`);
    expect(pack.maxRssMB).toBeLessThan(200);
    expect(unpack.maxRssMB).toBeLessThan(200);
  });
});
