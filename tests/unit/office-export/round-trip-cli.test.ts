// The round trip on the command line, on the sample lesson an instructor would start from:
// `lectern export deck.md -o X.pptx`, `lectern import X.pptx -o DIR`, `lectern check DIR/deck.md`.
// Titles and notes must come back on the same slides; what the trip changes by design (the title
// slide becomes an ordinary first slide, vertical slides become horizontal, a clip range is added
// to the notes, formats PowerPoint cannot show are left out) is asserted as documented in
// docs/export-pptx.md and docs/import.md ("Round trip").
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck, renderNotes, type Deck } from '@lectern/deck';
import { removeScratch, runCli, scratch, type CliRun } from '../cli/helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SAMPLE = 'slides/nghi-quyet-dang-vien-moi';

const window = new JSDOM('').window;
/** Notes as the presenter shows them: rendered, then their text with spaces collapsed. */
const notesText = (notes: string | undefined) => {
  if (notes === undefined) return undefined;
  const div = window.document.createElement('div');
  div.innerHTML = renderNotes(notes);
  return (div.textContent ?? '').replace(/\s+/g, ' ').trim();
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let original: Deck;
let exported: CliRun;
let imported: CliRun;
let checked: CliRun;
let deck: Deck;

beforeAll(async () => {
  dir = await scratch();
  original = parseDeck(await readFile(join(ROOT, SAMPLE, 'deck.md'), 'utf8'));
  exported = await runCli(['export', `${SAMPLE}/deck.md`, '-o', join(dir, 'Nghị quyết XIII.pptx')], ROOT);
  imported = await runCli(['import', 'Nghị quyết XIII.pptx', '-o', 'bài nhập'], dir);
  checked = await runCli(['check', 'bài nhập/deck.md'], dir);
  deck = parseDeck(await readFile(join(dir, 'bài nhập', 'deck.md'), 'utf8'));
});

afterAll(removeScratch);

describe('lectern export, then lectern import, then lectern check', () => {
  it('exports with the losses the sample deck is known for, imports with none, and the result checks clean', () => {
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('fragments are shown all at once');
    expect(exported.stderr).toContain('media/quy-trinh.svg: PowerPoint cannot show .svg files');
    expect(exported.stderr).toContain('media/clip.webm: PowerPoint cannot show .webm files');
    expect(imported.code, imported.stderr).toBe(0);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout + checked.stderr).toContain('0 errors');
    expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps every slide title in order: the title slide first, then each slide, vertical ones flattened', () => {
    const visible = original.slides.filter((s) => s.attrs.attributes['data-visibility'] !== 'hidden');
    expect(original.slides.some((s) => s.v > 0)).toBe(true);
    expect(deck.slides.map((s) => s.title)).toEqual([original.meta.title, ...visible.map((s) => s.title)]);
    expect(deck.slides.every((s) => s.v === 0)).toBe(true);
    // The title slide comes back as an ordinary slide holding what PowerPoint showed on it.
    const titleSlide = deck.slides[0]!.raw;
    for (const line of [original.meta.subtitle, original.meta.author, original.meta.organization]) expect(titleSlide).toContain(line);
  });

  it('brings back the front matter the document properties hold: title, author, course, tags', () => {
    expect(original.meta.tags.length).toBeGreaterThan(0);
    const { title, author, course, tags } = deck.meta;
    expect({ title, author, course, tags }).toEqual({ title: original.meta.title, author: original.meta.author, course: original.meta.course, tags: original.meta.tags });
  });

  it('keeps each slide\'s notes on that slide, word for word; a clip range is added to its slide\'s notes', () => {
    const visible = original.slides.filter((s) => s.attrs.attributes['data-visibility'] !== 'hidden');
    expect(deck.slides[0]!.notes).toBeUndefined();
    for (const [i, slide] of visible.entries()) {
      const back = notesText(deck.slides[i + 1]!.notes);
      const clip = slide.media.find((m) => m.clip);
      if (clip) {
        const { start, end } = clip.clip!;
        expect(back).toBe(`${notesText(slide.notes)} Đoạn phát của ${clip.path}: từ ${start} đến ${end} (giây).`);
      } else expect(back, `notes of "${slide.title}"`).toBe(notesText(slide.notes));
    }
  });

  it('brings the background picture back byte for byte', async () => {
    const i = original.slides.findIndex((s) => s.media.some((m) => m.from === 'background' && m.path === 'media/nen-do.png'));
    expect(i).toBeGreaterThanOrEqual(0);
    const background = deck.slides[i + 1]!.media.find((m) => m.from === 'background');
    expect(background).toBeDefined();
    const back = await readFile(join(dir, 'bài nhập', background!.path));
    expect(sha256(back)).toBe(sha256(await readFile(join(ROOT, SAMPLE, 'media/nen-do.png'))));
  });
});
