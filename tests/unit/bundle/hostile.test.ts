// The hostile corpus (tests/fixtures/bundles, made by make-hostile.ts): every crafted bundle is
// refused with its own code and entry; valid-* ones are accepted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, bytesSource, readBundle } from '@lectern/bundle';

const dir = 'tests/fixtures/bundles';
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, { code: string | null; entry?: string; why: string }>;
const files = readdirSync(dir).filter((f) => f.endsWith('.lectern')).sort();

describe('hostile bundle corpus', () => {
  it('should hold at least 25 crafted bundles, each with an expected answer', () => {
    expect(files.filter((f) => expected[f]?.code).length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  for (const file of files) {
    const { code, entry, why } = expected[file]!;
    it(`${file}: ${why} => ${code ?? 'accepted'}`, async () => {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      const result = readBundle(bytesSource(bytes));
      if (code === null) {
        await expect(result).resolves.toMatchObject({ manifest: { format: 'lectern-bundle' } });
        return;
      }
      const error = await result.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BundleError);
      expect((error as BundleError).code).toBe(code);
      if (entry !== undefined) expect((error as BundleError).entry).toBe(entry);
    });
  }
});
