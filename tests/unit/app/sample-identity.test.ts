// A sample deck's identity (src/app/sample-identity.ts): the same id on every computer, from
// its folder name, and the recorded shipped signatures read defensively.
import { describe, expect, it } from 'vitest';
import { SAMPLE_SIGNATURES_KEY, isSampleDeckId, readSampleSignatures, sampleDeckId } from '../../../src/app/sample-identity.ts';

const storage = (value: string | null) => ({ getItem: (key: string) => (key === SAMPLE_SIGNATURES_KEY ? value : null) });

describe('sample identity', () => {
  it('derives the same id from the same folder on every computer', () => {
    expect(sampleDeckId('nghi-quyet-dang-vien-moi')).toBe('sample-nghi-quyet-dang-vien-moi');
    expect(sampleDeckId('nghi-quyet-dang-vien-moi')).toBe(sampleDeckId('nghi-quyet-dang-vien-moi'));
    expect(sampleDeckId('syntax-tour')).not.toBe(sampleDeckId('nghi-quyet-dang-vien-moi'));
    // A folder named with combining marks (NFD) is the same sample as its NFC spelling.
    expect(sampleDeckId('bài-mẫu'.normalize('NFD'))).toBe(sampleDeckId('bài-mẫu'));
    expect(isSampleDeckId(sampleDeckId('syntax-tour'))).toBe(true);
    expect(isSampleDeckId(crypto.randomUUID())).toBe(false);
    expect(isSampleDeckId('sample-')).toBe(false);
    expect(() => sampleDeckId('')).toThrow();
    expect(() => sampleDeckId('a/b')).toThrow();
  });

  it('reads the recorded signatures and ignores anything malformed', () => {
    const sig = 'a'.repeat(64);
    expect(readSampleSignatures(storage(JSON.stringify({ 'sample-x': sig })))).toEqual({ 'sample-x': sig });
    expect(readSampleSignatures(storage(null))).toEqual({});
    expect(readSampleSignatures(storage('{not json'))).toEqual({});
    expect(readSampleSignatures(storage('[1,2]'))).toEqual({});
    expect(readSampleSignatures(storage(JSON.stringify({ 'sample-x': 42, 'random-id': sig, 'sample-y': 'short', 'sample-z': sig })))).toEqual({ 'sample-z': sig });
    expect(readSampleSignatures(undefined)).toEqual({});
  });
});
