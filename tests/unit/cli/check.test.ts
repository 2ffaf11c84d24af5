// `lectern check`: output format, --json shape and exit codes (docs/cli.md), run
// in-process through main() with captured output, and once as a real `npx lectern` process.
import { spawnSync } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG_1X1, removeScratch, runCli, scratch, STACK_FRAME } from './helpers.ts';

afterAll(removeScratch);

const CLEAN = `---
title: Học tập Nghị quyết
duration: 45
---
# Xin chào các đồng chí

![Ảnh tư liệu](media/ảnh.png)

---

## Thảo luận {minutes=10}

Note: Nói chậm, hỏi ý kiến từng tổ.
`;
const WARNINGS_ONLY = `# Trang một

<script>alert(1)</script>

Đoạn <img src="media/ảnh.png" onerror="alert(1)">
`;
const WITH_ERRORS = `# Trang một

![thiếu](media/khong-co.png)

---

# Trang hai

![ra ngoài](../bi-mat.png)
`;

const RE_LINE = /^(.+):(\d+):(\d+) (error|warning|info) ([a-z-]+) (.+)$/;

describe('lectern check', () => {
  it('exits 0 and prints nothing on stdout for a clean deck', async () => {
    const dir = await scratch({ 'deck.md': CLEAN, 'media/ảnh.png': PNG_1X1 });
    const run = await runCli(['check', 'deck.md'], dir);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe('1 file checked: 0 errors, 0 warnings, 0 info\n');
  });

  it('exits 0 with warnings only, one file:line:col line per warning', async () => {
    const dir = await scratch({ 'deck.md': WARNINGS_ONLY, 'media/ảnh.png': PNG_1X1 });
    const run = await runCli(['check', 'deck.md'], dir);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(RE_LINE);
    expect(lines[0]).toMatch(/^deck\.md:3:\d+ warning html-removed .*<script>/);
    expect(lines[1]).toMatch(/^deck\.md:5:\d+ warning html-removed .*onerror on <img>/);
    expect(run.stderr).toContain('0 errors, 2 warnings');
  });

  it('exits 1 when the deck has errors: missing media, media outside the deck folder', async () => {
    const dir = await scratch({ 'talk/deck.md': WITH_ERRORS, 'bi-mat.png': PNG_1X1 });
    const run = await runCli(['check', 'talk/deck.md'], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^talk\/deck\.md:3:\d+ error media-missing .*media\/khong-co\.png/);
    expect(lines[1]).toMatch(/^talk\/deck\.md:9:\d+ error media-missing \.\.\/bi-mat\.png goes outside the deck's folder/);
    expect(run.stderr).toContain('2 errors');
  });

  it('reports media that is a symlink to a file outside the deck folder', async () => {
    const dir = await scratch({ 'secret.png': PNG_1X1, 'talk/deck.md': '# A\n\n![x](media/link.png)\n' });
    await mkdir(join(dir, 'talk/media'));
    await symlink(join(dir, 'secret.png'), join(dir, 'talk/media/link.png'));
    const run = await runCli(['check', 'talk/deck.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^talk\/deck\.md:3:\d+ error media-missing media\/link\.png is a link to a file outside the deck's folder/);
  });

  it('prints a JSON array of {file, line, column, severity, code, message} with --json', async () => {
    const dir = await scratch({ 'a.md': WARNINGS_ONLY, 'b.md': WITH_ERRORS, 'media/ảnh.png': PNG_1X1 });
    const run = await runCli(['check', '--json', 'a.md', 'b.md'], dir);
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as unknown[];
    expect(parsed).toHaveLength(4);
    for (const item of parsed) {
      expect(Object.keys(item as object).sort()).toEqual(['code', 'column', 'file', 'line', 'message', 'severity']);
    }
    expect(parsed[0]).toMatchObject({ file: 'a.md', line: 3, severity: 'warning', code: 'html-removed' });
    expect(parsed[3]).toMatchObject({ file: 'b.md', line: 9, severity: 'error', code: 'media-missing' });
    expect(run.stderr).toContain('2 files checked');
  });

  it('prints [] for clean files with --json', async () => {
    const dir = await scratch({ 'deck.md': CLEAN, 'media/ảnh.png': PNG_1X1 });
    const run = await runCli(['check', 'deck.md', '--json'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  describe('unreadable input: one clear line on stderr, exit 2, never a stack trace', () => {
    const cases: [string, Record<string, string | Uint8Array>, string, RegExp][] = [
      ['a missing file', {}, 'nope.md', /^lectern check: nope\.md: no such file$/m],
      ['a directory', { 'dir/x.md': '# x' }, 'dir', /^lectern check: dir: is a directory, not a file$/m],
      ['a binary file', { 'photo.md': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) }, 'photo.md', /^lectern check: photo\.md: is a binary file/m],
      ['invalid UTF-8', { 'cp1258.md': Uint8Array.from([0x23, 0x20, 0x41, 0x0a, 0x42, 0xe0, 0x0a]) }, 'cp1258.md', /^lectern check: cp1258\.md: is not valid UTF-8 at line 2, byte 5/m],
      ['a lone surrogate in UTF-8', { 's.md': Uint8Array.from([0x61, 0xed, 0xa0, 0x80]) }, 's.md', /is not valid UTF-8 at line 1, byte 1/],
    ];
    for (const [name, files, arg, message] of cases) {
      it(name, async () => {
        const dir = await scratch(files);
        const run = await runCli(['check', arg], dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toMatch(STACK_FRAME);
        expect(run.stdout).toBe('');
      });
    }

    it('still checks and prints the other files, then exits 2', async () => {
      const dir = await scratch({ 'b.md': WITH_ERRORS });
      const run = await runCli(['check', 'missing.md', 'b.md'], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toContain('b.md:3:');
      expect(run.stderr).toContain('1 file could not be read');
    });
  });

  it('keeps a UTF-8 BOM and CRLF decks working, lines counted from the top of the file', async () => {
    const dir = await scratch({ 'deck.md': '\uFEFF# Một\r\n\r\n![x](media/thieu.png)\r\n' });
    const run = await runCli(['check', 'deck.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^deck\.md:3:\d+ error media-missing/);
  });

  describe('bad usage exits 2', () => {
    for (const args of [['check'], ['check', '--frobnicate', 'x.md'], ['frobnicate'], [], ['--nope']]) {
      it(`lectern ${args.join(' ')}`, async () => {
        const run = await runCli(args, process.cwd());
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('Usage: lectern');
        expect(run.stderr).not.toMatch(STACK_FRAME);
      });
    }
  });

  it('prints help and version on stdout with exit 0', async () => {
    expect(await runCli(['--help'], process.cwd())).toMatchObject({ code: 0, stdout: expect.stringContaining('check FILE... [--json]') });
    expect(await runCli(['check', '--help'], process.cwd())).toMatchObject({ code: 0, stdout: expect.stringContaining('--json') });
    expect(await runCli(['--version'], process.cwd())).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect(await runCli(['help'], process.cwd())).toMatchObject({ code: 0, stdout: expect.stringContaining('check FILE... [--json]') });
    expect(await runCli(['help', 'pack'], process.cwd())).toMatchObject({ code: 0, stdout: expect.stringContaining('-o FILE.lectern') });
    expect(await runCli(['unpack', '--help'], process.cwd())).toMatchObject({ code: 0, stdout: expect.stringContaining('FILE.lectern -o DIR') });
    expect(await runCli(['build', '-h'], process.cwd())).toMatchObject({ code: 0, stdout: expect.stringContaining('build DECK.md') });
  });

  it('checks bundles through the bundle checker: a valid bundle, and a file that is not a zip', async () => {
    const dir = await scratch({ 'deck.md': CLEAN, 'media/ảnh.png': PNG_1X1, 'junk.lectern': 'this is not a zip file at all' });
    const packed = await runCli(['pack', 'deck.md', '-o', 'deck.lectern'], dir);
    expect(packed.code).toBe(0);
    const ok = await runCli(['check', 'deck.lectern', '--json'], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);
    const junk = await runCli(['check', 'junk.lectern'], dir);
    expect(junk.code).toBe(1);
    expect(junk.stdout).toMatch(/^junk\.lectern:1:1 error bundle-[a-z-]+ /);
    const missing = await runCli(['check', 'gone.lectern'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/gone\.lectern: no such file/);
  });

  it('runs for real as `npx lectern` from the repository root', async () => {
    const dir = await scratch({ 'deck.md': WITH_ERRORS });
    const result = spawnSync('npx', ['lectern', 'check', join(dir, 'deck.md'), join(dir, 'nope.md'), '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(2); // one unreadable file wins over errors found
    const parsed = JSON.parse(result.stdout) as { code: string }[];
    expect(parsed.map((d) => d.code)).toEqual(['media-missing', 'media-missing']);
    expect(result.stderr).toMatch(/nope\.md: no such file$/m);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  }, 180_000); // a cold npx + tsx start on a loaded machine
});
