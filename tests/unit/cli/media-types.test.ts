// `lectern pack`, `lectern check` and `lectern unpack` decide media types from the bytes, as the app
// does: pack never writes a bundle the app would refuse, check reports a bundle whose media lie
// about what they are, and unpack refuses it.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bytesSource, writeBundle } from '@lectern/bundle';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG_1X1, removeScratch, runCli, scratch } from './helpers.ts';

afterAll(removeScratch);

const HTML_PAGE = '<!doctype html><script>indexedDB.databases().then(console.log)</script>';

/** A bundle written by the real writer whose manifest calls an HTML page image/png. */
async function lyingBundle(): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const page = new TextEncoder().encode(HTML_PAGE);
  const png = PNG_1X1;
  await writeBundle(
    {
      id: '0b5f1c7e-3a4d-4c55-9a0e-6f1d2b3c4d5e',
      title: 'Gói có ảnh giả',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      generator: 'test',
      deck: '# Ảnh\n\n![giả](media/ảnh.png)\n\n![thật](media/thật.png)\n',
      assets: [
        { path: 'media/ảnh.png', type: 'image/png', size: page.length, chunks: async function* () { yield page; } },
        { path: 'media/thật.png', type: 'image/png', size: png.length, chunks: async function* () { yield png; } },
      ],
    },
    { write: (bytes) => void parts.push(bytes.slice()) },
  );
  return Buffer.concat(parts);
}

describe('media types in the CLI', () => {
  it('should refuse to pack an HTML page named .png, naming it and writing nothing', async () => {
    const dir = await scratch({ 'deck.md': '# A\n\n![a](media/ảnh.png)\n\n![b](media/phim.mp4)\n', 'media/ảnh.png': HTML_PAGE, 'media/phim.mp4': PNG_1X1 });
    const run = await runCli(['pack', 'deck.md', '-o', 'a.lectern'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('media/ảnh.png: the file is not a PNG image');
    expect(run.stderr).toContain('media/phim.mp4: the name says video but the file is a PNG image');
    expect(run.stdout).toBe('');
  });

  it('should write the type the bytes are into the manifest (a PNG named .jpg is image/png)', async () => {
    const dir = await scratch({ 'deck.md': '# A\n\n![a](media/ảnh.jpg)\n', 'media/ảnh.jpg': PNG_1X1 });
    expect((await runCli(['pack', 'deck.md', '-o', 'a.lectern'], dir)).code).toBe(0);
    const { readBundle } = await import('@lectern/bundle');
    const { readFile } = await import('node:fs/promises');
    const bundle = await readBundle(bytesSource(new Uint8Array(await readFile(join(dir, 'a.lectern')))));
    expect(bundle.manifest.assets.map((a) => a.type)).toEqual(['image/png']);
  });

  it('should report a bundle whose media are not what their names say, in text and JSON', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'gia.lectern'), await lyingBundle());
    const run = await runCli(['check', 'gia.lectern'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('gia.lectern:1:1 error bundle-media-type media/ảnh.png: the file is not a PNG image');
    expect(run.stdout).not.toContain('media/thật.png');
    const json = JSON.parse((await runCli(['check', '--json', 'gia.lectern'], dir)).stdout) as { code: string }[];
    expect(json.filter((d) => d.code === 'bundle-media-type')).toHaveLength(1);
  });

  it('should refuse to unpack a bundle whose media are not what their names say, writing nothing (as the app refuses it)', async () => {
    const dir = await scratch({ 'bai/giữ.md': 'đã có' });
    await writeFile(join(dir, 'gia.lectern'), await lyingBundle());
    const fresh = await runCli(['unpack', 'gia.lectern', '-o', 'mới'], dir);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('gia.lectern: media-type: 1 media file(s) are not what their names say');
    expect(fresh.stderr).toContain('  media/ảnh.png: the file is not a PNG image');
    expect(fresh.stderr).not.toContain('thật.png');
    expect(fresh.stdout).toBe('');
    // Neither the new folder nor a temporary one beside it is left behind.
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['bai', 'gia.lectern']));
    expect((await readdir(dir)).length).toBe(2);

    const forced = await runCli(['--lang', 'vi', 'unpack', 'gia.lectern', '-o', 'bai', '--force'], dir);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain('1 tư liệu có nội dung không đúng với tên tệp');
    expect(forced.stderr).toContain('media/ảnh.png: nội dung tệp không phải ảnh PNG');
    expect(await readdir(join(dir, 'bai'))).toEqual(['giữ.md']);
    expect(await readFile(join(dir, 'bai', 'giữ.md'), 'utf8')).toBe('đã có');
  });

  it('should unpack a bundle whose PNG is named .jpg: same kind, the bytes decide', async () => {
    const dir = await scratch({ 'deck.md': '# A\n\n![a](media/ảnh.jpg)\n', 'media/ảnh.jpg': PNG_1X1 });
    expect((await runCli(['pack', 'deck.md', '-o', 'a.lectern'], dir)).code).toBe(0);
    const run = await runCli(['unpack', 'a.lectern', '-o', 'ra'], dir);
    expect(run.code).toBe(0);
    expect(new Uint8Array(await readFile(join(dir, 'ra', 'media', 'ảnh.jpg')))).toEqual(PNG_1X1);
  });
});
