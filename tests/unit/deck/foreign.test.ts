// Decks from Quarto, Marp and Slidev, taken from those projects' own repositories
// (tests/fixtures/foreign/*/README.md), converted and read back as a lecturer would see them:
// the same slides in the same order, notes on the right slide, images kept, and a report that
// names what Lectern cannot show.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertForeignDeck, detectForeignDeck, parseDeck, type Deck, type ForeignConversion } from '../../../packages/deck/src/index.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/foreign/${path}`, import.meta.url), 'utf8');
const shown = (deck: Deck) => deck.slides.length + (deck.meta.titleSlide ? 1 : 0);
const errors = (deck: Deck) => deck.diagnostics.filter((d) => d.severity === 'error');
function convert(text: string, name?: string): { result: ForeignConversion; deck: Deck } {
  const result = convertForeignDeck(text, name);
  if (!result) throw new Error('not recognised');
  return { result, deck: parseDeck(result.deckText) };
}
const entry = (result: ForeignConversion, slide: number, kind: string) =>
  result.report.entries.find((e) => e.slide === slide && e.kind === kind);

describe('Quarto: the reveal.js demo deck of quarto-web', () => {
  const text = fixture('quarto/index.qmd');
  const { result, deck } = convert(text, 'index.qmd');

  it('is recognised from its front matter, with or without the file name', () => {
    expect(detectForeignDeck(text)).toEqual({ tool: 'quarto', name: 'Quarto' });
    // Lectern reads it today as one slide: the reason the conversion exists.
    expect(parseDeck(text).slides).toHaveLength(1);
  });

  it('splits at the ## headings into the 28 slides Quarto shows, title slide first', () => {
    expect(errors(deck)).toEqual([]);
    expect(shown(deck)).toBe(28);
    expect(result.report.slides).toBe(28);
    expect(deck.meta.title).toBe('Quarto Presentations');
    expect(deck.meta.subtitle).toBe('Create beautiful interactive slide decks with Reveal.js');
    const titles = deck.slides.map((s) => s.title);
    expect(titles.slice(0, 5)).toEqual(['Hello, There', 'Pretty Code', 'Code Animations', 'Line Highlighting', 'Executable Code']);
    expect(titles.at(-1)).toBe('And More...');
    expect(titles.filter((t) => t === 'Auto-Animate')).toHaveLength(2);
  });

  it('keeps backgrounds, classes, images and pauses', () => {
    const media = deck.slides.find((s) => s.title === 'Media Backgrounds')!;
    expect(media.attrs.attributes['data-background-image']).toBe('images/milky-way.jpeg');
    expect(media.attrs.attributes['data-background-color']).toBe('#43464B');
    expect(deck.slides.find((s) => s.title === 'Column Layout')!.attrs.classes).toContain('smaller');
    expect(deck.slides.find((s) => s.title === 'Authoring Tools')!.media.map((m) => m.path)).toEqual(['images/jupyter-edit.png', 'images/jupyter-preview.png']);
    expect(result.report.media).toContain('images/rstudio.png');
    const incremental = deck.slides.find((s) => s.title === 'Incremental Lists')!;
    expect(incremental.raw).toMatch(/::: fragment\n\n<br\/> Insert pauses/);
  });

  it('reports what Quarto runs or draws and Lectern cannot: code cells, footers, tabsets', () => {
    // Slide 6 on screen (after the title slide) is "Executable Code", its ```{r} cell on line 97.
    expect(entry(result, 6, 'code-execution')).toMatchObject({ line: 97, detail: '{r}' });
    expect(entry(result, 17, 'block')?.detail).toContain('::: panel-tabset');
    expect(entry(result, 0, 'option')?.detail).toContain('revealjs.chalkboard');
    expect(deck.slides[4]!.raw).toContain('```r');
  });

  it("drops and reports what Lectern's rules refuse, so the converted deck has no warning left", () => {
    expect(deck.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    // Absolute positions on the kittens: reported on slide 13, the sizes kept.
    expect(entry(result, 13, 'attribute')?.detail).toBe('attribute "top", attribute "left", attribute "right", attribute "bottom"');
    expect(deck.slides[11]!.raw).toContain('![](mini/images/kitten-400-350.jpeg){.absolute width="400" height="400"}');
    expect(entry(result, 21, 'attribute')?.detail).toBe('attribute "layout-ncol"');
    // The pause on "Incremental Lists" reveals the sentence, not the footer.
    expect(deck.slides[7]!.raw).toMatch(/::: fragment\n\n<br\/> Insert pauses[^]*?\n:::\n::: \{\.footer\}/);
  });
});

describe('Quarto/Pandoc structure', () => {
  it('makes # headings section slides with their ## slides stacked under them, notes on their slide', () => {
    const md = [
      '---', 'title: Nghị quyết', 'format: revealjs', '---', '',
      '# Phần I', '', '## Ý một', '', 'Nội dung một', '', '::: notes', 'Ghi chú cho ý một', ':::', '',
      '## Ý hai {background-color="#123456"}', '', '- a', '', '. . .', '', '- b', '',
      '# Phần II', '', '## Ý ba', '', 'Nội dung ba', '',
    ].join('\n');
    const { result, deck } = convert(md);
    expect(errors(deck)).toEqual([]);
    expect(deck.slides.map((s) => [s.title, s.h, s.v])).toEqual([
      ['Phần I', 1, 0], ['Ý một', 1, 1], ['Ý hai', 1, 2], ['Phần II', 2, 0], ['Ý ba', 2, 1],
    ]);
    expect(result.report.slides).toBe(6);
    expect(deck.slides[1]!.notes).toContain('Ghi chú cho ý một');
    expect(deck.slides[2]!.attrs.attributes['data-background-color']).toBe('#123456');
    expect(deck.slides[2]!.raw).toContain('::: fragment\n\n- b');
  });

  it('follows slide-level from the front matter and splits on --- rules', () => {
    const md = '---\nformat:\n  revealjs:\n    slide-level: 1\n---\n# A\n## A.1\ntext\n# B\ntext\n\n---\n\nmore\n';
    const { deck } = convert(md);
    expect(deck.slides.map((s) => s.title)).toEqual(['A', 'B', undefined]);
  });

  it('leaves a Lectern deck alone', () => {
    for (const deck of ['nghi-quyet-dang-vien-moi', 'syntax-tour']) {
      const text = readFileSync(new URL(`../../../slides/${deck}/deck.md`, import.meta.url), 'utf8');
      expect(detectForeignDeck(text, 'deck.md')).toBeUndefined();
      expect(convertForeignDeck(text, 'deck.md')).toBeUndefined();
    }
  });
});

describe('Marp: marp-cli-example PITCHME.md', () => {
  const text = fixture('marp/PITCHME.md');
  const { result, deck } = convert(text, 'PITCHME.md');

  it('splits at --- into the 8 slides Marp shows, notes and backgrounds on their slides', () => {
    expect(detectForeignDeck(text)?.tool).toBe('marp');
    expect(errors(deck)).toEqual([]);
    expect(shown(deck)).toBe(8);
    expect(deck.meta.title).toBe('Marp CLI example');
    expect(deck.slides[0]!.title).toBe('Marp CLI example');
    expect(deck.slides[0]!.notes).toContain('This is presenter note.');
    expect(deck.slides.slice(1).every((s) => s.notes === undefined)).toBe(true);
    expect(deck.slides[0]!.attrs.attributes['data-background-image']).toBe('./assets/gradient.jpg');
    expect(deck.slides[1]!.attrs.attributes['data-background-size']).toBe('60%');
    expect(deck.slides[2]!.attrs.attributes['data-background-color']).toBe('#123');
    expect(deck.slides[7]!.title).toBe('Created by Yuki Hattori (@yhatt)');
    expect(deck.slides[4]!.raw).toContain('![Deploy to Netlify](./assets/netlify-deploy-button.svg)');
  });

  it('reports the theme, the scoped style, the fitted headings and the split backgrounds', () => {
    expect(entry(result, 0, 'theme')?.detail).toBe('theme: uncover');
    expect(entry(result, 1, 'style')?.line).toBe(18);
    expect(entry(result, 1, 'fit-heading')?.line).toBe(12);
    expect(entry(result, 3, 'directive')?.detail).toBe('color: #fff');
    expect(entry(result, 4, 'background')?.detail).toBe('split background (right)');
    expect(result.report.media).toEqual(['./assets/gradient.jpg', './assets/netlify-deploy-button.svg']);
  });

  it('carries a plain directive on to the following slides and an _underscored one only on its slide', () => {
    const md = '---\nmarp: true\n---\n# A\n<!-- backgroundColor: "#fff" -->\n---\n# B\n<!-- _class: lead -->\n---\n# C\n';
    const { deck } = convert(md);
    expect(deck.slides.map((s) => s.attrs.attributes['data-background-color'])).toEqual(['#fff', '#fff', '#fff']);
    expect(deck.slides.map((s) => s.attrs.classes)).toEqual([[], ['lead'], []]);
  });
});

describe('Slidev: the starter deck of slidevjs/slidev', () => {
  const text = fixture('slidev/slides.md');
  const { result, deck } = convert(text, 'slides.md');

  it('splits at --- with per-slide front matter into its slides, notes from the last comment', () => {
    expect(detectForeignDeck(text)?.tool).toBe('slidev');
    expect(errors(deck)).toEqual([]);
    // 16 slides in the file; the one that only imports pages/imported-slides.md is reported, not shown.
    expect(shown(deck)).toBe(15);
    expect(deck.slides.map((s) => s.title)).toEqual([
      'Welcome to Slidev', 'What is Slidev?', 'Navigation', 'Table of contents', 'Code', 'Shiki Magic Move', 'Components',
      'Themes', 'Clicks Animations', 'Motions', 'LaTeX', 'Diagrams', 'Draggable Elements', 'Monaco Editor', 'Learn More',
    ]);
    expect(deck.slides[0]!.notes).toContain('The last comment block of each slide will be treated as slide notes');
    expect(deck.slides[1]!.notes?.trim()).toBe('Here is another comment.');
    expect(deck.slides[2]!.notes).toBeUndefined();
    expect(deck.slides[6]!.notes).toContain('Presenter note with **bold**');
    expect(deck.slides[0]!.attrs.attributes['data-background-image']).toBe('https://cover.sli.dev');
    expect(deck.slides[0]!.attrs.classes).toContain('text-center');
  });

  it('turns <v-click> and v-click into fragments', () => {
    const clicks = deck.slides[8]!.raw;
    expect(clicks).toContain('<div class="fragment">');
    expect(clicks).toMatch(/::: fragment\n\nThe <span/);
    expect(clicks).not.toContain('<v-click>');
  });

  it('reports components, layouts, the imported slides and styles, each on its slide', () => {
    expect(entry(result, 7, 'component')?.detail).toContain('<Tweet>');
    expect(entry(result, 4, 'layout')).toMatchObject({ line: 116 });
    expect(entry(result, 4, 'layout')?.detail).toContain('layout: two-cols');
    expect(entry(result, 13, 'import')?.detail).toContain('./pages/imported-slides.md');
    expect(entry(result, 10, 'script')).toBeDefined();
    expect(entry(result, 0, 'theme')?.detail).toBe('theme: seriph');
    expect(deck.slides[6]!.raw).not.toContain('<Tweet id="1390115482657726468" scale');
  });
});

describe('hostile input', () => {
  // A line of a hundred thousand openings that never close: each converter reads it once
  // (bounded runs in its patterns), gives it back and the deck still parses.
  const n = 100_000;
  it.each([
    ['slidev', '---\nlayout: cover\n---\n# T\n' + '<img v-click '.repeat(n) + '\n'],
    ['marp', '---\nmarp: true\n---\n# T\n' + '![bg](a'.repeat(n) + '\n'],
    ['quarto', '---\nformat: revealjs\n---\n## T\n' + '![x]('.repeat(n) + '\n'],
  ])('%s: a huge line of unclosed openings converts and keeps its slide', (tool, text) => {
    const result = convertForeignDeck(text)!;
    expect(result.report.tool).toBe(tool);
    expect(result.report.slides).toBe(1);
    expect(result.deckText.length).toBeGreaterThan(text.length / 2);
  });

  it('a deck that is only front matter, or broken YAML, gives no crash', () => {
    expect(convertForeignDeck('---\nmarp: true\n---\n')!.report.slides).toBe(1);
    expect(detectForeignDeck('---\nformat: [revealjs\n---\n# A\n')).toBeUndefined();
    expect(convertForeignDeck('---\nformat: revealjs\n---\n')!.report.slides).toBe(0);
  });
});
