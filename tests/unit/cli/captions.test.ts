// Captions in `lectern build` and `lectern check` (issue 18 part 2): the caption file is carried in
// the page (a data:text/vtt track, which Chromium loads from file:// too), and a malformed or
// missing caption file is reported with its line.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch, runCli, scratch } from './helpers.ts';

afterAll(removeScratch);

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nĐồng chí <b>Bí thư</b> phát biểu\n';
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]);

describe('lectern build with captions', () => {
  it('should put every caption file of a video into index.html as a data:text/vtt track inside the video', async () => {
    const dir = await scratch({
      'deck.md': '# Phim\n\n![Phim](<media/phim ngắn.webm#t=1,3>){captions="media/phim ngắn.vi.vtt,media/phim ngắn.en.vtt"}\n',
      'media/phim ngắn.webm': WEBM,
      'media/phim ngắn.vi.vtt': VTT,
      'media/phim ngắn.en.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nThe Secretary speaks\n',
    });
    const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const doc = new JSDOM(await readFile(join(dir, 'site', 'index.html'), 'utf8')).window.document;
    const tracks = [...doc.querySelectorAll('video > track')];
    expect(tracks.map((t) => [t.getAttribute('kind'), t.getAttribute('srclang')])).toEqual([
      ['captions', 'vi'],
      ['captions', 'en'],
    ]);
    const src = tracks[0]!.getAttribute('src')!;
    expect(src.startsWith('data:text/vtt;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString('utf8')).toBe(VTT);
  });

  it('should take a .vtt beside the video without captions=', async () => {
    const dir = await scratch({ 'deck.md': '# Phim\n\n![Phim](media/clip.webm)\n', 'media/clip.webm': WEBM, 'media/clip.vtt': VTT });
    expect((await runCli(['build', 'deck.md', '-o', 'site'], dir)).code).toBe(0);
    const doc = new JSDOM(await readFile(join(dir, 'site', 'index.html'), 'utf8')).window.document;
    expect(doc.querySelector('video > track')?.getAttribute('srclang')).toBe('vi');
  });
});

describe('lectern build with a hostile caption file', () => {
  it('should give a video no track for a caption file of 20,001 cues, and report it', async () => {
    const cues = Array.from({ length: 20_001 }, () => '00:00:01.000 --> 00:00:02.000\nx\n').join('\n');
    const dir = await scratch({ 'deck.md': '# Phim\n\n![Phim](media/clip.webm)\n', 'media/clip.webm': WEBM, 'media/clip.vtt': `WEBVTT\n\n${cues}` });
    const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('captions-invalid media/clip.vtt:1:1: caption file has more than 20000 cues');
    const doc = new JSDOM(await readFile(join(dir, 'site', 'index.html'), 'utf8')).window.document;
    expect(doc.querySelectorAll('video track')).toHaveLength(0);
  });
});

describe('lectern check with captions', () => {
  it('should report a malformed caption file with its own line, at the video', async () => {
    const dir = await scratch({
      'deck.md': '# Phim\n\n![Phim](media/clip.webm){captions=media/clip.vi.vtt}\n',
      'media/clip.webm': WEBM,
      'media/clip.vi.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMột\n\n00:00:05,000 --> 00:00:06.000\nHai\n',
    });
    const run = await runCli(['check', 'deck.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('deck.md:3:1 error captions-invalid media/clip.vi.vtt:6:9: No decimal separator (".") found.\n');
  });

  it('should report a missing caption file', async () => {
    const dir = await scratch({ 'deck.md': '# Phim\n\n![Phim](media/clip.webm){captions=media/clip.vi.vtt}\n', 'media/clip.webm': WEBM });
    const run = await runCli(['check', 'deck.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('deck.md:3:1 error media-missing caption file not found: media/clip.vi.vtt\n');
  });

  it('should report HTML a caption file tries to carry (the player would show it as text)', async () => {
    const dir = await scratch({
      'deck.md': '# Phim\n\n![Phim](media/clip.webm)\n',
      'media/clip.webm': WEBM,
      'media/clip.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<script>alert(1)</script>\n',
    });
    const run = await runCli(['check', 'deck.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('deck.md:3:1 error captions-invalid media/clip.vtt:4:9: Incorrect start tag.');
  });

  it('should pass a deck whose caption file is valid', async () => {
    const dir = await scratch({ 'deck.md': '# Phim\n\n![Phim](media/clip.webm)\n', 'media/clip.webm': WEBM, 'media/clip.vtt': VTT });
    const run = await runCli(['check', 'deck.md'], dir);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});
