// `lectern import`: real .pptx files in, a folder that `lectern check` passes out; exit codes;
// nothing left behind when the file is refused; never a stack trace.
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../office/helpers.ts';
import { PNG_1X1, removeScratch, runCli, scratch, STACK_FRAME } from './helpers.ts';

afterAll(removeScratch);

describe('lectern import', () => {
  it('should write deck.md and media/ that lectern check passes with no error (exit 0)', async () => {
    const dir = await scratch({ 'bai-1.pptx': fixture('libreoffice-lesson.pptx') });
    const run = await runCli(['import', 'bai-1.pptx', '-o', 'bai-1'], dir);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('imported 6 slide(s), 3 media file(s)');
    const deck = await readFile(join(dir, 'bai-1', 'deck.md'), 'utf8');
    expect(deck).toContain('## Mối quan hệ giữa vật chất và ý thức');
    expect((await readdir(join(dir, 'bai-1', 'media'))).sort()).toEqual(['05-bản-đồ-việt-nam-năm-1945.png', '06-phim-tư-liệu-poster.png', '06-phim-tư-liệu.mp4']);
    expect((await stat(join(dir, 'bai-1', 'media', '06-phim-tư-liệu.mp4'))).size).toBe(470987);
    const check = await runCli(['check', 'bai-1/deck.md'], dir);
    expect(check.stdout + check.stderr).toContain('0 errors');
    expect(check.code).toBe(0);
  });

  it('should import a Word lesson plan with its front matter filled', async () => {
    const dir = await scratch({ 'giao-an.docx': fixture('libreoffice-lesson-plan.docx') });
    const run = await runCli(['import', 'giao-an.docx', '-o', 'giao-an'], dir);
    expect(run.code).toBe(0);
    const deck = await readFile(join(dir, 'giao-an', 'deck.md'), 'utf8');
    expect(deck).toMatch(/^---\ntitle: Chủ nghĩa duy vật biện chứng\naudience: Đảng viên mới\nduration: 90\n/);
    expect((await runCli(['check', 'giao-an/deck.md'], dir)).code).toBe(0);
  });

  it('should import a Quarto deck with its pictures, and never copy a file from outside its folder', async () => {
    const qmd = readFileSync('tests/fixtures/other-decks/quarto/bai-giang.qmd', 'utf8').replace('![Sơ đồ](img/so-do.png)', '![Sơ đồ](img/so-do.png)\n\n![lạ](../bi-mat.png)');
    const dir = await scratch({ 'de/bai-giang.qmd': qmd, 'de/img/nen.png': PNG_1X1, 'de/img/so-do.png': PNG_1X1, 'bi-mat.png': PNG_1X1 });
    const run = await runCli(['import', 'de/bai-giang.qmd', '-o', 'out', '--json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).entries).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'media-missing', detail: '../bi-mat.png' })]));
    expect((await readdir(join(dir, 'out', 'media'))).sort()).toEqual(['nen.png', 'so-do.png']);
    const check = await runCli(['check', 'out/deck.md'], dir);
    expect(check.stdout + check.stderr).toMatch(/1 error/);
    expect(check.stdout + check.stderr).toContain('media/bi-mat.png');
  });

  it('should refuse a plain Lectern deck with one line (nothing to import)', async () => {
    const dir = await scratch({ 'deck.md': '# Bài 1\n' });
    const run = await runCli(['import', 'deck.md', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a Quarto, Marp or Slidev deck');
    expect(await readdir(dir)).toEqual(['deck.md']);
  });

  it('should exit 1 and list the losses when something could not be carried over; --json prints the report', async () => {
    const dir = await scratch({ 'linked.pptx': fixture('libreoffice-lesson-linked-video.pptx') });
    const run = await runCli(['import', 'linked.pptx', '-o', 'out', '--json'], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { losses: number; entries: { kind: string; slide: number }[] };
    expect(report.losses).toBe(1);
    expect(report.entries).toContainEqual(expect.objectContaining({ kind: 'media-external', slide: 6 }));
    expect(run.stderr).toMatch(/loss: slide 6 \(deck\.md:\d+\): Video\/audio linked to a file outside the package/);
    expect((await runCli(['check', 'out/deck.md'], dir)).code).toBe(0);
  });

  it('should exit 2 with one clear line and leave nothing behind for a refused file', async () => {
    const dir = await scratch({ 'cu.ppt': fixture('libreoffice-legacy.ppt') });
    const run = await runCli(['import', 'cu.ppt', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('legacy-format');
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(await readdir(dir)).toEqual(['cu.ppt']);
  });

  it('should refuse a non-empty target folder and a missing -o with exit 2', async () => {
    const dir = await scratch({ 'a.pptx': fixture('python-pptx-sld-notes.pptx'), 'out/keep.txt': 'x' });
    expect((await runCli(['import', 'a.pptx', '-o', 'out'], dir)).code).toBe(2);
    expect(await readdir(join(dir, 'out'))).toEqual(['keep.txt']);
    const missing = await runCli(['import', 'a.pptx'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('-o DIR');
  });
});
