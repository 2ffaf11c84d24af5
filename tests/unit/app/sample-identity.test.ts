// A sample deck's identity (src/app/sample-identity.ts): the same id on every computer, from
// its folder name, and the recorded shipped signatures read defensively.
import { describe, expect, it } from 'vitest';
import { v5 as uuidV5 } from 'uuid';
import { BUNDLE_FORMAT, DECK_NAME, parseManifest } from '@lectern/bundle';
import { SAMPLE_SIGNATURES_KEY, readSampleSignatures, sampleDeckId } from '../../../src/app/sample-identity.ts';

const storage = (value: string | null) => ({ getItem: (key: string) => (key === SAMPLE_SIGNATURES_KEY ? value : null) });

describe('sample identity', () => {
  it('derives the same id from the same folder on every computer', () => {
    // Fixed for good: a sample seeded by an older Lectern must keep meeting the same id.
    expect(sampleDeckId('nghi-quyet-dang-vien-moi')).toBe(uuidV5('slides/nghi-quyet-dang-vien-moi', '3df27094-9efe-4d8d-8e95-f9634ada8578'));
    expect(sampleDeckId('nghi-quyet-dang-vien-moi')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sampleDeckId('nghi-quyet-dang-vien-moi')).toBe(sampleDeckId('nghi-quyet-dang-vien-moi'));
    expect(sampleDeckId('syntax-tour')).not.toBe(sampleDeckId('nghi-quyet-dang-vien-moi'));
    // A folder named with combining marks (NFD) is the same sample as its NFC spelling.
    expect(sampleDeckId('bài-mẫu'.normalize('NFD'))).toBe(sampleDeckId('bài-mẫu'));
    expect(() => sampleDeckId('')).toThrow();
    expect(() => sampleDeckId('a/b')).toThrow();
  });

  it('is an id a .lectern bundle accepts (its manifest requires a UUID)', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const manifest = { format: BUNDLE_FORMAT, version: 1, id: sampleDeckId('syntax-tour'), title: 'Mẫu', createdAt: at, updatedAt: at, deck: DECK_NAME, assets: [] };
    expect(parseManifest(manifest).id).toBe(sampleDeckId('syntax-tour'));
    expect(() => parseManifest({ ...manifest, id: 'sample-syntax-tour' })).toThrow();
  });

  it('reads the recorded signatures and ignores anything malformed', () => {
    const sig = 'a'.repeat(64);
    const x = sampleDeckId('x');
    const z = sampleDeckId('z');
    expect(readSampleSignatures(storage(JSON.stringify({ [x]: sig })))).toEqual({ [x]: sig });
    expect(readSampleSignatures(storage(null))).toEqual({});
    expect(readSampleSignatures(storage('{not json'))).toEqual({});
    expect(readSampleSignatures(storage('[1,2]'))).toEqual({});
    expect(readSampleSignatures(storage(JSON.stringify({ [x]: 42, 'not-an-id': sig, [sampleDeckId('y')]: 'short', [z]: sig })))).toEqual({ [z]: sig });
    expect(readSampleSignatures(undefined)).toEqual({});
  });
});
