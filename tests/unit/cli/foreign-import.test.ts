// importForeignFile: a Quarto / Marp / Slidev file becomes DIR/deck.md and DIR/media/, called
// in-process as `lectern import` will call it. The written deck is then checked by `lectern check`.
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importForeignFile } from '../../../packages/cli/src/foreign-import.ts';
import { parseDeck } from '../../../packages/deck/src/index.ts';
import { PNG_1X1, removeScratch, runCli, scratch } from './helpers.ts';

afterAll(removeScratch);

const fixture = (path: string) => new URL(`../../fixtures/foreign/${path}`, import.meta.url).pathname;

const TALK = `---
title: "Học tập Nghị quyết Đại hội XIII"
author: Nguyễn Văn An
format: revealjs
---

# Phần I: Bối cảnh

## Tình hình thế giới {background-image="hình/nền.png"}

![Bản đồ](hình/bản_đồ.png)

::: notes
Nhấn mạnh bối cảnh quốc tế.
:::

## Tình hình trong nước

- Thành tựu
- Hạn chế
`;

describe('importForeignFile', () => {
  it('writes a Quarto deck and copies its pictures into media/, keeping Vietnamese names (exit 0)', async () => {
    const src = await scratch({ 'bai-giang.qmd': TALK, 'hình/nền.png': PNG_1X1, 'hình/bản_đồ.png': PNG_1X1 });
    const out = join(src, 'out');
    const result = await importForeignFile(join(src, 'bai-giang.qmd'), out);
    expect(result).toMatchObject({ code: 0, tool: 'quarto', slides: 4, entries: [] });
    expect(result.media.sort()).toEqual(['media/hình/bản_đồ.png', 'media/hình/nền.png']);
    expect((await readdir(join(out, 'media', 'hình'))).sort()).toEqual(['bản_đồ.png', 'nền.png']);
    const deckText = await readFile(join(out, 'deck.md'), 'utf8');
    const deck = parseDeck(deckText);
    expect(deck.slides.map((s) => s.title)).toEqual(['Phần I: Bối cảnh', 'Tình hình thế giới', 'Tình hình trong nước']);
    expect(deck.slides[1]!.notes).toContain('Nhấn mạnh bối cảnh quốc tế.');
    expect(deck.slides[1]!.attrs.attributes['data-background-image']).toBe('media/hình/nền.png');
    expect(deck.slides[1]!.media.map((m) => m.path)).toContain('media/hình/bản_đồ.png');
    const check = await runCli(['check', join(out, 'deck.md')], src);
    expect(check.code).toBe(0);
  });

  it('converts the Quarto demo deck with losses and names the pictures it could not find (exit 1)', async () => {
    const out = join(await scratch(), 'quarto');
    const result = await importForeignFile(fixture('quarto/index.qmd'), out);
    expect(result.code).toBe(1);
    expect(result.slides).toBe(28);
    expect(result.entries.some((e) => e.kind === 'code-execution' && e.line === 97)).toBe(true);
    expect(result.entries.filter((e) => e.kind === 'media-missing').map((e) => e.detail)).toContain('images/rstudio.png: no such file');
    expect(parseDeck(await readFile(join(out, 'deck.md'), 'utf8')).slides).toHaveLength(27);
  });

  it('converts Marp and Slidev example decks', async () => {
    const dir = await scratch();
    const marp = await importForeignFile(fixture('marp/PITCHME.md'), join(dir, 'marp'));
    expect([marp.code, marp.tool, marp.slides]).toEqual([1, 'marp', 8]);
    const slidev = await importForeignFile(fixture('slidev/slides.md'), join(dir, 'slidev'));
    expect([slidev.code, slidev.tool, slidev.slides]).toEqual([1, 'slidev', 15]);
    expect(slidev.entries.some((e) => e.kind === 'component' && e.detail.includes('<Tweet>'))).toBe(true);
  });

  it("copies a Slidev deck's /picture.png from its public/ folder", async () => {
    const slides = readFileSync(new URL('../../fixtures/other-decks/slidev/slides.md', import.meta.url), 'utf8');
    const src = await scratch({ 'slides.md': slides, 'public/anh-bac.png': PNG_1X1 });
    const result = await importForeignFile(join(src, 'slides.md'), join(src, 'out'));
    expect(result).toMatchObject({ code: 1, tool: 'slidev', slides: 3, media: ['media/anh-bac.png'] });
    expect(await readFile(join(src, 'out', 'deck.md'), 'utf8')).toContain('![Ảnh](media/anh-bac.png)');
    expect((await runCli(['check', join(src, 'out', 'deck.md')], src)).code).toBe(0);
  });

  it('writes a Lectern deck as it is', async () => {
    const text = '# Mở đầu\n\n![Ảnh](media/ảnh.png)\n\n---\n\n# Kết luận\n';
    const src = await scratch({ 'deck.md': text, 'media/ảnh.png': PNG_1X1 });
    const out = join(src, 'out');
    const result = await importForeignFile(join(src, 'deck.md'), out);
    expect(result).toMatchObject({ code: 0, slides: 2, media: ['media/ảnh.png'] });
    expect(result.tool).toBeUndefined();
    expect(await readFile(join(out, 'deck.md'), 'utf8')).toBe(text);
  });

  it('refuses unreadable input and an occupied folder with one line, writing nothing (exit 2)', async () => {
    const src = await scratch({ 'photo.qmd': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'old/deck.md': '# Cũ\n' });
    const binary = await importForeignFile(join(src, 'photo.qmd'), join(src, 'out'));
    expect(binary.code).toBe(2);
    expect(binary.error).toMatch(/^photo\.qmd: is a binary file/);
    expect(await readdir(src)).not.toContain('out');
    const missing = await importForeignFile(join(src, 'nothing.qmd'), join(src, 'out'));
    expect([missing.code, missing.error]).toEqual([2, 'nothing.qmd: no such file']);
    const occupied = await importForeignFile(fixture('marp/PITCHME.md'), join(src, 'old'));
    expect(occupied.code).toBe(2);
    expect(await readFile(join(src, 'old', 'deck.md'), 'utf8')).toBe('# Cũ\n');
  });
});
