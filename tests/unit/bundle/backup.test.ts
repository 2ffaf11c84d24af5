// The library backup container (packages/bundle/src/backup.ts): round trip, and each way a
// backup file can be wrong.
import { describe, expect, it } from 'vitest';
import { BundleError, bytesSource, readBackup, readBundle, writeBackup } from '@lectern/bundle';
import { makeZip, sampleInput, writeToBytes } from './helpers.ts';

const enc = new TextEncoder();

async function backupBytes(decks: { id: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeBackup(
    {
      createdAt: '2026-06-30T10:00:00.000Z',
      generator: 'test',
      decks: decks.map(({ id, bytes }) => ({ id, size: bytes.length, chunks: async function* () { yield bytes; } })),
      excerpts: [{ text: 'Trích dẫn', source: 'Nghị quyết' }],
      sessions: [{ date: '2026-06-01', className: 'Lớp K1', cohort: 'new-members', deckTitle: 'Bài 1', learners: 40, minutes: 90 }],
    },
    { write: (bytes) => void parts.push(bytes.slice()) },
  );
  return new Uint8Array(parts.flatMap((p) => [...p]));
}

const manifestJson = (overrides: Record<string, unknown> = {}) =>
  enc.encode(JSON.stringify({ format: 'lectern-backup', version: 1, createdAt: '2026-06-30T10:00:00.000Z', decks: [], excerpts: [], sessions: [], ...overrides }));

async function codeOf(bytes: Uint8Array): Promise<string | undefined> {
  try {
    await readBackup(bytesSource(bytes));
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    return (error as BundleError).code;
  }
}

describe('library backup container', () => {
  it('should hold each deck bundle byte for byte, readable in place', async () => {
    const deck = await writeToBytes(sampleInput());
    const bytes = await backupBytes([{ id: '0b5f1c7e-3a4d-4c55-9a0e-6f1d2b3c4d5e', bytes: deck }]);
    const backup = await readBackup(bytesSource(bytes));
    expect(backup.manifest.sessions).toHaveLength(1);
    const [entry] = backup.decks;
    const slice = bytes.subarray(entry!.range.offset, entry!.range.offset + entry!.range.length);
    expect(slice).toEqual(deck);
    expect((await readBundle(bytesSource(slice))).manifest.title).toBe(sampleInput().title);
  });

  it('should refuse a file without backup.json', async () => {
    expect(await codeOf(await writeToBytes(sampleInput()))).toBe('manifest-missing');
  });

  it('should refuse another format, a newer version and a wrong schema', async () => {
    expect(await codeOf(makeZip([{ name: 'backup.json', data: manifestJson({ format: 'lectern-bundle' }) }]))).toBe('unsupported-format');
    expect(await codeOf(makeZip([{ name: 'backup.json', data: manifestJson({ version: 2 }) }]))).toBe('unsupported-version');
    expect(await codeOf(makeZip([{ name: 'backup.json', data: manifestJson({ sessions: 'nhiều' }) }]))).toBe('manifest-schema');
    expect(await codeOf(makeZip([{ name: 'backup.json', data: enc.encode('{') }]))).toBe('manifest-json');
  });

  it('should refuse undeclared files, missing decks, compressed decks and unsafe deck names', async () => {
    const decks = [{ id: 'a', file: 'decks/a.lectern' }];
    expect(await codeOf(makeZip([{ name: 'backup.json', data: manifestJson() }, { name: 'run.sh', data: enc.encode('x') }]))).toBe('entry-undeclared');
    expect(await codeOf(makeZip([{ name: 'backup.json', data: manifestJson({ decks }) }]))).toBe('asset-missing');
    expect(await codeOf(makeZip([{ name: 'backup.json', data: manifestJson({ decks }) }, { name: 'decks/a.lectern', data: enc.encode('zip'), deflate: true }]))).toBe('zip-unsupported');
    expect(await codeOf(makeZip([{ name: 'backup.json', data: manifestJson({ decks: [{ id: 'a', file: 'decks/../a.lectern' }] }) }]))).toBe('manifest-schema');
    expect(await codeOf(makeZip([{ name: 'backup.json', data: manifestJson() }, { name: '../x', data: enc.encode('x') }]))).toBe('path-traversal');
  });
});
