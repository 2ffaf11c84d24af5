// Every file a deck refers to, by any attribute (a video's poster, slide backgrounds, media written
// as HTML), is one list in the deck package: `lectern check` reports each missing one at its line,
// `pack` carries each, `build` copies each. Run in-process through main(), real files on disk.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, PNG_1X1, removeScratch, runCli, scratch } from './helpers.ts';

afterAll(removeScratch);

// An EBML header whose DocType says webm: what a WebM file starts with (pack types media by bytes).
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, ...[...'webm'].map((c) => c.charCodeAt(0))]);

const DECK = `# Phim tư liệu

![Phim](media/phim.webm#t=1,3){poster="media/ảnh bìa.png" width=70%}

---

## Nền {background-video="media/nền.webm"}

<!-- .slide: data-background-image="media/nền%20ảnh.png" -->

<video src="media/html.webm" poster="media/html-bìa.png"></video>
`;

const ALL = ['media/html-bìa.png', 'media/html.webm', 'media/nền ảnh.png', 'media/nền.webm', 'media/phim.webm', 'media/ảnh bìa.png'];

function folder(without: string[] = []) {
  const files: Record<string, string | Uint8Array> = { 'talk/deck.md': DECK };
  for (const path of ALL) if (!without.includes(path)) files[`talk/${path}`] = path.endsWith('.webm') ? WEBM : PNG_1X1;
  files['talk/media/unused.png'] = PNG_1X1;
  return scratch(files);
}

describe('the files a deck refers to', () => {
  it('lectern check reports a missing poster at its attribute, and missing HTML media and backgrounds', async () => {
    const dir = await folder(['media/ảnh bìa.png', 'media/html-bìa.png', 'media/nền.webm']);
    const run = await runCli(['check', 'talk/deck.md'], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('talk/deck.md:3:32 error media-missing media file not found: media/ảnh bìa.png');
    expect(lines[1]).toMatch(/^talk\/deck\.md:7:\d+ error media-missing media file not found: media\/nền\.webm$/);
    expect(lines[2]).toMatch(/^talk\/deck\.md:11:\d+ error media-missing media file not found: media\/html-bìa\.png$/);
  });

  it('lectern check is clean when every referred file is there', async () => {
    const dir = await folder();
    const run = await runCli(['check', 'talk/deck.md'], dir);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  it('lectern pack carries posters, backgrounds and HTML media, and nothing unused', async () => {
    const dir = await folder();
    const packed = await runCli(['pack', 'talk/deck.md', '-o', 'talk.lectern'], dir);
    expect(packed.code, packed.stderr).toBe(0);
    const unpacked = await runCli(['unpack', 'talk.lectern', '-o', 'out'], dir);
    expect(unpacked.code, unpacked.stderr).toBe(0);
    expect((await listFiles(join(dir, 'out'))).filter((f) => f.startsWith('media/'))).toEqual(ALL);
  });

  it('lectern pack refuses a deck whose poster is missing, naming it', async () => {
    const dir = await folder(['media/ảnh bìa.png']);
    const packed = await runCli(['pack', 'talk/deck.md', '-o', 'talk.lectern'], dir);
    expect(packed.code).toBe(1);
    expect(packed.stderr).toContain('media/ảnh bìa.png: no such file');
  });

  it('lectern pack carries the sample lesson’s video poster', async () => {
    const dir = await scratch();
    const packed = await runCli(['pack', join(process.cwd(), 'slides/nghi-quyet-dang-vien-moi/deck.md'), '-o', 'mau.lectern'], dir);
    expect(packed.code, packed.stderr).toBe(0);
    await runCli(['unpack', 'mau.lectern', '-o', 'out'], dir);
    expect(await listFiles(join(dir, 'out/media'))).toContain('poster.png');
  });

  it('lectern build copies every referred file', async () => {
    const dir = await folder();
    const run = await runCli(['build', 'talk/deck.md', '-o', 'site'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect((await listFiles(join(dir, 'site'))).filter((f) => f.startsWith('media/'))).toEqual(ALL);
  });
});
