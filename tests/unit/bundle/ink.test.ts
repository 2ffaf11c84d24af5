// Ink kept on a deck travels in a bundle (manifest version 2); a version 1 manifest is still read
// (no ink); hostile ink is refused before anything is imported (the corpus in
// tests/fixtures/bundles has NaN, wrong types and a huge stroke; the stroke count is checked here).
import { describe, expect, it } from 'vitest';
import { BUNDLE_VERSION, BundleError, MAX_INK_STROKES, bytesSource, parseManifest, readBundle, type InkSlide } from '@lectern/bundle';
import { sampleInput, writeToBytes } from './helpers.ts';

const INK: InkSlide[] = [
  { slide: '0.0', strokes: [{ id: 'a', tool: 'pen', color: '#d62828', size: 0.006, step: -1, points: [0.12345, 0.5, 0.2, 0.6, 0.55, 0.9] }] },
  { slide: '3.1', strokes: [{ id: 'b', tool: 'highlighter', color: '#ffd60a', size: 0.028, step: 2, points: [0.1, 0.1, 0.5] }] },
];

const v1 = {
  format: 'lectern-bundle',
  version: 1,
  id: '3b7c6a1e-8f2d-4c55-9a61-2f1e0d9c8b7a',
  title: 'Bài cũ',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  deck: 'deck.md',
  assets: [],
};

describe('ink in bundles', () => {
  it('should write version 2 and give the deck ink back as written', async () => {
    expect(BUNDLE_VERSION).toBe(2);
    const bundle = await readBundle(bytesSource(await writeToBytes(sampleInput({ ink: INK }))));
    expect(bundle.manifest.version).toBe(2);
    expect(bundle.manifest.ink).toEqual(INK);
  });

  it('should still read a version 1 manifest, as one with no ink', () => {
    const manifest = parseManifest(v1);
    expect(manifest.ink).toEqual([]);
    expect(manifest.title).toBe('Bài cũ');
  });

  it('should refuse more ink strokes than a bundle may carry, with a clear error', () => {
    const stroke = INK[0]!.strokes[0]!;
    const many = { ...v1, version: 2, ink: [{ slide: '0.0', strokes: Array.from({ length: MAX_INK_STROKES + 1 }, (_, i) => ({ ...stroke, id: `s${i}` })) }] };
    const error = (() => {
      try {
        parseManifest(many);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('manifest-schema');
    expect((error as BundleError).message).toContain(`more than ${MAX_INK_STROKES}`);
  });

  it('should refuse a stroke whose numbers are out of range or not triples', () => {
    const bad = (points: unknown) => ({ ...v1, version: 2, ink: [{ slide: '0.0', strokes: [{ ...INK[0]!.strokes[0]!, points }] }] });
    expect(() => parseManifest(bad([0.1, 0.2]))).toThrow(/x, y, pressure triples/);
    expect(() => parseManifest(bad([1e9, 0.2, 0.5]))).toThrow(BundleError);
    expect(() => parseManifest(bad('0.1,0.2,0.5'))).toThrow(BundleError);
  });
});
