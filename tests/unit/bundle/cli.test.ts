// pack / unpack / check on real files in a temporary folder, through the command functions the
// CLI dispatches to (same code path as `npx lectern …`, without a child process).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPack } from '../../../packages/cli/src/commands/pack.ts';
import { runUnpack } from '../../../packages/cli/src/commands/unpack.ts';
import { checkBundleFile } from '../../../packages/cli/src/commands/check-bundle.ts';
import type { CliIO } from '../../../packages/cli/src/io.ts';
import { withMagic } from '../../support/media-magic.ts';

const fixtures = 'tests/fixtures/bundles';
const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Record<string, { code: string | null; entry?: string }>;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lectern-cli-bundle-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function captureIO(cwd: string): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', cwd, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** Every file under `dir` with its SHA-256, to prove a folder was left exactly as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = entry.isFile() ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'dir';
  }
  return out;
}

const DECK = `---
title: Bài 2 — Tổ chức cơ sở đảng
---

# Mở đầu {background-image="media/nền.jpg"}

![Ảnh tư liệu](media/ảnh%20tư%20liệu.png)

---

## Phim

![phim](<media/Bài 2/phim ngắn.mp4#t=5,20>)

![xa](https://example.org/remote.png)
`;

function makeDeckFolder(name: string, withMedia = true): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'media', 'Bài 2'), { recursive: true });
  writeFileSync(join(dir, 'deck.md'), `\uFEFF${DECK}`);
  if (withMedia) {
    writeFileSync(join(dir, 'media', 'nền.jpg'), withMagic('jpg', new Uint8Array(3000).map((_, i) => i % 253)));
    writeFileSync(join(dir, 'media', 'ảnh tư liệu.png'), withMagic('png', new Uint8Array(5000).map((_, i) => (i * 7) % 256)));
    writeFileSync(join(dir, 'media', 'Bài 2', 'phim ngắn.mp4'), withMagic('mp4', new Uint8Array(200_000).map((_, i) => (i * 13) % 256)));
  }
  return dir;
}

describe('lectern pack / unpack', () => {
  it('should pack a deck with its media and unpack it byte for byte', async () => {
    const dir = makeDeckFolder('roundtrip');
    const io = captureIO(dir);
    expect(await runPack(['deck.md', '-o', join(root, 'roundtrip.lectern')], io)).toBe(0);
    expect(io.out).toContain('media/ảnh tư liệu.png');
    expect(io.out).toContain('media/Bài 2/phim ngắn.mp4');
    expect(io.out).toContain('media/nền.jpg');
    expect(io.out).not.toContain('remote.png');

    const out = join(root, 'roundtrip-out');
    const io2 = captureIO(root);
    expect(await runUnpack(['roundtrip.lectern', '-o', out], io2)).toBe(0);
    for (const path of ['deck.md', 'media/nền.jpg', 'media/ảnh tư liệu.png', 'media/Bài 2/phim ngắn.mp4']) {
      expect(readFileSync(join(out, path))).toEqual(readFileSync(join(dir, path)));
    }
    // The deck's own diagnostics come through; media are found inside the bundle.
    const diagnostics = await checkBundleFile(join(root, 'roundtrip.lectern'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['remote-media']);
    // No temporary folders left beside the target.
    expect(readdirSync(root).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('should list every missing media file, exit 1 and write nothing', async () => {
    const dir = makeDeckFolder('missing', false);
    const io = captureIO(dir);
    expect(await runPack(['deck.md', '-o', 'out.lectern'], io)).toBe(1);
    expect(io.err).toContain('media/nền.jpg');
    expect(io.err).toContain('media/ảnh tư liệu.png');
    expect(io.err).toContain('media/Bài 2/phim ngắn.mp4');
    expect(readdirSync(dir).sort()).toEqual(['deck.md', 'media']);
  });

  it('should refuse media outside the deck folder, including through a symlink', async () => {
    const dir = join(root, 'escape');
    mkdirSync(join(dir, 'media'), { recursive: true });
    writeFileSync(join(root, 'secret.png'), 'secret');
    symlinkSync(join(root, 'secret.png'), join(dir, 'media', 'link.png'));
    writeFileSync(join(dir, 'deck.md'), '# A\n\n![a](../secret.png)\n\n![b](media/link.png)\n');
    const io = captureIO(dir);
    expect(await runPack(['deck.md', '-o', 'out.lectern'], io)).toBe(1);
    expect(io.err).toContain('../secret.png');
    expect(io.err).toContain('media/link.png');
    expect(readdirSync(dir).sort()).toEqual(['deck.md', 'media']);
  });

  it('should refuse to unpack into a non-empty folder unless --force', async () => {
    const dir = makeDeckFolder('force');
    expect(await runPack(['deck.md', '-o', 'b.lectern'], captureIO(dir))).toBe(0);
    const out = join(root, 'force-out');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'giữ lại');
    const io = captureIO(dir);
    expect(await runUnpack(['b.lectern', '-o', out], io)).toBe(1);
    expect(io.err).toContain('--force');
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(await runUnpack(['b.lectern', '-o', out, '--force'], captureIO(dir))).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['deck.md', 'manifest.json', 'media']);
  });

  it('should answer bad usage with exit 2', async () => {
    expect(await runPack([], captureIO(root))).toBe(2);
    expect(await runUnpack(['x.lectern'], captureIO(root))).toBe(2);
    expect(await runUnpack(['nothing-here.lectern', '-o', join(root, 'never')], captureIO(root))).toBe(2);
  });

  it('should say in one line why the named file cannot be used, in the words check and build use (exit 2)', async () => {
    const dir = join(root, 'unusable');
    mkdirSync(join(dir, 'thư mục.lectern'), { recursive: true });
    writeFileSync(join(dir, 'cũ.md'), Buffer.from([0x23, 0x20, 0x41, 0x0a, 0x42, 0xe0, 0x0a]));
    const said = async (run: typeof runPack, args: string[]) => {
      const io = captureIO(dir);
      expect(await run(args, io)).toBe(2);
      expect(io.out).toBe('');
      return io.err;
    };
    expect(await said(runUnpack, ['không-có.lectern', '-o', 'ra'])).toBe(`lectern unpack: ${join(dir, 'không-có.lectern')}: no such file\n`);
    expect(await said(runUnpack, ['thư mục.lectern', '-o', 'ra'])).toBe(`lectern unpack: ${join(dir, 'thư mục.lectern')}: is a directory, not a file\n`);
    expect(await said(runPack, ['cũ.md', '-o', 'cũ.lectern'])).toMatch(/^lectern pack: .*cũ\.md: .*UTF-8.*line 2/);
    expect(readdirSync(dir).sort()).toEqual(['cũ.md', 'thư mục.lectern']);
  });
});

describe('unpack and check on the hostile corpus', () => {
  for (const [file, { code }] of Object.entries(expected)) {
    if (code === null) continue;
    it(`${file}: refused with ${code}, target folders untouched`, async () => {
      const bundle = join(fixtures, file);
      const parent = mkdtempSync(join(root, 'hostile-'));
      // 1. Target absent: it must stay absent, and nothing appears beside it.
      const absent = join(parent, 'out');
      const io = captureIO(process.cwd());
      expect(await runUnpack([bundle, '-o', absent], io)).toBe(1);
      expect(io.err).toContain(code);
      expect(readdirSync(parent)).toEqual([]);
      // 2. Existing folder with --force: its content is left exactly as it was.
      const existing = join(parent, 'existing');
      mkdirSync(join(existing, 'media'), { recursive: true });
      writeFileSync(join(existing, 'deck.md'), '# Bài cũ\n');
      writeFileSync(join(existing, 'media', 'ảnh.png'), new Uint8Array([1, 2, 3]));
      const before = snapshot(existing);
      expect(await runUnpack([bundle, '-o', existing, '--force'], captureIO(process.cwd()))).toBe(1);
      expect(snapshot(existing)).toEqual(before);
      expect(readdirSync(parent)).toEqual(['existing']);
      // 3. check reports it as one bundle-level error.
      const diagnostics = await checkBundleFile(bundle);
      expect(diagnostics).toEqual([expect.objectContaining({ code: `bundle-${code}`, severity: 'error', line: 1, column: 1 })]);
    });
  }
});
