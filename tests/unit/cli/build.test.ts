// `lectern build`: what lands in the output folder, what never does, and the exit codes.
// (tests/e2e/cli-build.test.ts opens the result in Chromium from file:// and over HTTP.)
import { existsSync } from 'node:fs';
import { readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, PNG_1X1, removeScratch, runCli, scratch, STACK_FRAME } from './helpers.ts';
import { main } from '../../../packages/cli/src/main.ts';

afterAll(removeScratch);

const DECK = `---
title: "Bài 1: Nghị quyết & <thực tiễn>"
duration: 45
theme: black
---
# Học tập Nghị quyết Đại hội XIII

![Ảnh tư liệu](media/ảnh%20lớp.png)

Note: Nhắc học viên ghi chép.

---

## Phim tư liệu {minutes=5 background-image="media/nền.png"}

![Đoạn phim](media/clip.webm#t=1,3)

--

### Trang dọc

<img src="media/khac/so-do.png" onerror="alert(1)">
`;

async function deckFolder() {
  return scratch({
    'talk/deck.md': DECK,
    'talk/media/ảnh lớp.png': PNG_1X1,
    'talk/media/nền.png': PNG_1X1,
    'talk/media/clip.webm': new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]),
    'talk/media/khac/so-do.png': PNG_1X1,
    'talk/media/unused.png': PNG_1X1,
  });
}

describe('lectern build', () => {
  it('writes index.html, the reveal.js runtime and the used media under the same paths', async () => {
    const dir = await deckFolder();
    const run = await runCli(['build', 'talk/deck.md', '-o', 'site'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${join(dir, 'site')}\n`);
    expect(run.stderr).toContain('lectern build: copied 4 media files');
    // The sanitizer's removal is reported (a warning) but does not fail the build.
    expect(run.stderr).toMatch(/talk\/deck\.md:\d+:\d+ warning html-removed .*onerror on <img>/);
    expect(await listFiles(join(dir, 'site'))).toEqual([
      '_lectern/build.json',
      '_lectern/lectern.css',
      '_lectern/notes.js',
      '_lectern/reset.css',
      '_lectern/reveal.css',
      '_lectern/reveal.js',
      '_lectern/reveal.js-LICENSE.txt',
      '_lectern/start.js',
      '_lectern/theme.css',
      'index.html',
      'media/clip.webm',
      'media/khac/so-do.png',
      'media/nền.png',
      'media/ảnh lớp.png',
    ]);
    expect(await readFile(join(dir, 'site/media/ảnh lớp.png'))).toEqual(Buffer.from(PNG_1X1));
  });

  it('writes a page that loads only classic scripts and plain stylesheets by relative URL', async () => {
    const dir = await deckFolder();
    await runCli(['build', 'talk/deck.md', '-o', 'site'], dir);
    const html = await readFile(join(dir, 'site/index.html'), 'utf8');
    const { document } = new JSDOM(html).window;
    expect(document.documentElement.lang).toBe('vi');
    // The title is text, never markup.
    expect(document.title).toBe('Bài 1: Nghị quyết & <thực tiễn>');
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('src') ?? s.type)).toEqual(['application/json', '_lectern/reveal.js', '_lectern/notes.js', '_lectern/start.js']);
    expect(document.querySelector('[crossorigin], script[type=module]')).toBeNull();
    expect([...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href'))).toEqual([
      '_lectern/reset.css',
      '_lectern/reveal.css',
      '_lectern/theme.css',
      '_lectern/lectern.css',
    ]);
    // Nothing points at the network.
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    // Slides: two horizontal, the second with a vertical child; notes as <aside class="notes">.
    expect(document.querySelectorAll('.slides > section')).toHaveLength(2);
    expect(document.querySelector('.slides > section h1')?.textContent).toBe('Học tập Nghị quyết Đại hội XIII');
    expect(document.querySelector('aside.notes')?.textContent).toContain('Nhắc học viên ghi chép.');
    expect(document.querySelector('[onerror]')).toBeNull();
    // Lectern's own settings for the site runtime: the speaker view's language, the pacing plan
    // (seconds per slide, from the deck's minutes) and the lesson's length; no reveal.js option.
    expect(JSON.parse(document.getElementById('lectern-config')?.textContent ?? '')).toMatchObject({ hash: true, lang: 'vi', duration: 45, plan: [1200, 300, 1200] });
    // The theme named in the front matter (black: Source Sans Pro, all Vietnamese letters).
    const theme = await readFile(join(dir, 'site/_lectern/theme.css'), 'utf8');
    expect(theme).toContain('Source Sans Pro');
    expect(theme).not.toContain('fonts.googleapis.com');
    expect(JSON.parse(await readFile(join(dir, 'site/_lectern/build.json'), 'utf8'))).toMatchObject({ theme: 'black', reveal: expect.stringMatching(/^6\./) });
  });

  it("gives the site's interface the language --lang names, else the deck's, never the locale's", async () => {
    const dir = await scratch({ 'vi.md': '---\nlang: vi\n---\n# Chào\n', 'en.md': '---\nlang: en\n---\n# Hello\n' });
    const built = async (args: string[], env: 'vi' | 'en') => {
      let stderr = '';
      const code = await main(['build', ...args], { stdout: () => {}, stderr: (t) => void (stderr += t), cwd: dir, lang: env });
      expect(code, stderr).toBe(0);
      const { document } = new JSDOM(await readFile(join(dir, args[2]!, 'index.html'), 'utf8')).window;
      const config = JSON.parse(document.getElementById('lectern-config')?.textContent ?? '') as { lang?: string };
      return { ui: config.lang, content: document.documentElement.lang, stderr };
    };
    // --lang en on a Vietnamese deck: an English speaker view, the slides still marked Vietnamese;
    // the messages follow --lang too.
    const en = await built(['vi.md', '-o', 'a', '--lang', 'en'], 'vi');
    expect([en.ui, en.content]).toEqual(['en', 'vi']);
    expect(en.stderr).toContain('lectern build: rendering vi.md');
    expect((await built(['en.md', '-o', 'b', '--lang=vi'], 'en')).ui).toBe('vi');
    // Without --lang the deck decides, whatever the locale (LANG) says.
    expect((await built(['vi.md', '-o', 'c'], 'en')).ui).toBe('vi');
    expect((await built(['en.md', '-o', 'd'], 'vi')).ui).toBe('en');
  });

  it('falls back to an offline theme that covers Vietnamese', async () => {
    const dir = await scratch({ 'deck.md': '---\ntheme: league\n---\n# Chào\n' });
    const run = await runCli(['build', 'deck.md', '-o', 'out'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('theme "league" lacks Vietnamese letters or needs the network; using "white"');
    const unknown = await runCli(['build', 'deck.md', '-o', 'out', '--theme', 'moon'], dir);
    expect(unknown.code).toBe(2);
  });

  it('never reads or copies media outside the deck folder: ../, absolute paths, symlinks out', async () => {
    const dir = await scratch({
      'secret.png': PNG_1X1,
      'talk/deck.md': '# A\n\n![a](../secret.png)\n\n![b](/etc/hostname)\n\n![c](media/link.png)\n\n![d](media/ok.png)\n',
      'talk/media/ok.png': PNG_1X1,
    });
    await symlink(join(dir, 'secret.png'), join(dir, 'talk/media/link.png'));
    const run = await runCli(['build', 'talk/deck.md', '-o', 'site'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/talk\/deck\.md:3:\d+ error media-missing \.\.\/secret\.png goes outside the deck's folder/);
    expect(run.stderr).toMatch(/talk\/deck\.md:5:\d+ error media-missing \/etc\/hostname is an absolute path/);
    expect(run.stderr).toMatch(/error media-missing media\/link\.png is a link to a file outside the deck's folder/);
    const files = await listFiles(join(dir, 'site'));
    expect(files.filter((f) => !f.startsWith('_lectern/'))).toEqual(['index.html', 'media/ok.png']);
    expect(existsSync(join(dir, 'secret.png'))).toBe(true);
  });

  it('finds media whose Vietnamese name is decomposed (NFD) on disk and composed (NFC) in the deck', async () => {
    const nfc = 'media/ảnh lớp.png'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    const dir = await scratch({ 'deck.md': `# A\n\n![x](<${nfc}>)\n`, [nfd]: PNG_1X1 });
    expect((await runCli(['check', 'deck.md'], dir)).code).toBe(0);
    const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
    expect(run.code, run.stderr).toBe(0);
    // Copied under the name the page asks for.
    expect(existsSync(join(dir, 'site', nfc))).toBe(true);
  });

  it('still builds a deck with errors, reports them on stderr and exits 1', async () => {
    const dir = await scratch({ 'deck.md': '# Một\n\n![x](media/thieu.png)\n\n```js\nkhông đóng\n' });
    const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/deck\.md:3:\d+ error media-missing/);
    expect(run.stderr).toMatch(/error fence-unclosed/);
    expect(run.stdout).toBe(`${join(dir, 'site')}\n`);
    expect(existsSync(join(dir, 'site/index.html'))).toBe(true);
  });

  it('rebuilds over an earlier build, but refuses a folder that holds something else', async () => {
    const dir = await scratch({ 'deck.md': '# Một\n', 'other/notes.txt': 'của tôi' });
    expect((await runCli(['build', 'deck.md', '-o', 'site'], dir)).code).toBe(0);
    expect((await runCli(['build', 'deck.md', '-o', 'site'], dir)).code).toBe(0);
    const refused = await runCli(['build', 'deck.md', '-o', 'other'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('lectern build: other: is not empty and is not an earlier lectern build; choose a new or empty folder\n');
    expect(await readdir(join(dir, 'other'))).toEqual(['notes.txt']);
    await writeFile(join(dir, 'a-file'), 'x');
    expect((await runCli(['build', 'deck.md', '-o', 'a-file'], dir)).code).toBe(2);
  });

  it('does not let a media path overwrite the build’s own files', async () => {
    const dir = await scratch({ 'deck.md': '# A\n\n![x](_lectern/reveal.js)\n', '_lectern/reveal.js': 'alert(1)' });
    const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/_lectern\/reveal\.js is a name the build uses for its own files/);
    expect(await readFile(join(dir, 'site/_lectern/reveal.js'), 'utf8')).not.toBe('alert(1)');
  });

  describe('bad usage or unreadable input exits 2 and writes nothing', () => {
    const cases: [string, string[], Record<string, string | Uint8Array>, RegExp][] = [
      ['no output folder', ['build', 'deck.md'], { 'deck.md': '# A' }, /no output folder given/],
      ['no deck', ['build', '-o', 'site'], {}, /no DECK\.md given/],
      ['two decks', ['build', 'a.md', 'b.md', '-o', 'site'], {}, /exactly one deck/],
      ['a missing deck', ['build', 'nope.md', '-o', 'site'], {}, /nope\.md: no such file/],
      ['a folder as deck', ['build', 'd', '-o', 'site'], { 'd/x.md': '# x' }, /d: is a directory/],
      ['a binary deck', ['build', 'x.md', '-o', 'site'], { 'x.md': Uint8Array.from([0, 1, 2, 3]) }, /x\.md: is a binary file/],
      ['invalid UTF-8', ['build', 'x.md', '-o', 'site'], { 'x.md': Uint8Array.from([0x41, 0xff]) }, /x\.md: is not valid UTF-8/],
    ];
    for (const [name, args, files, message] of cases) {
      it(name, async () => {
        const dir = await scratch(files);
        const run = await runCli(args, dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toMatch(STACK_FRAME);
        expect(existsSync(join(dir, 'site'))).toBe(false);
      });
    }
  });

  it('builds the sample decks in slides/ without errors', async () => {
    for (const deck of ['slides/nghi-quyet-dang-vien-moi/deck.md', 'slides/syntax-tour/deck.md']) {
      const out = join(await scratch(), 'site');
      const run = await runCli(['build', deck, '-o', out], process.cwd());
      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(join(out, 'index.html'))).toBe(true);
    }
  });

  it('counts slides as the presenter and the library card do: the title slide included', async () => {
    // The Vietnamese sample: a title slide from its front matter and 14 slides of its own.
    const out = join(await scratch(), 'site');
    const run = await runCli(['build', 'slides/nghi-quyet-dang-vien-moi/deck.md', '-o', out], process.cwd());
    expect(run.stderr).toContain(`15 slides written to ${out}`);
  });
});
