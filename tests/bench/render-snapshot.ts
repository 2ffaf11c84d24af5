// Byte-identity check for work on the deck's parse and render speed: writes everything
// parseDeck and renderDeck produce for a corpus (every deck under slides/ and tests/fixtures/,
// generated decks of 100, 1,000 and 5,000 slides, and a corpus of speaker notes) to one JSON
// file. Run it before a change and after, and compare the two files:
//   npx tsx tests/bench/render-snapshot.ts /tmp/before.json   (on the old code)
//   npx tsx tests/bench/render-snapshot.ts /tmp/after.json    (on the new code)
//   cmp /tmp/before.json /tmp/after.json
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRenderCache, lexMarkdown, parseDeck, renderDeck, renderMarkdown, renderMarkdownInline, type Deck, type RenderOptions } from '../../packages/deck/src/index.ts';
import { editMiddleSlide, generateDeck } from '../unit/deck/generate-deck.ts';
import { NOTES_CORPUS } from '../unit/deck/notes-corpus.ts';

const root = join(import.meta.dirname, '../..');

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** The parse model without the source text (kept once per deck). */
function model(deck: Deck): unknown {
  return { ...deck, source: undefined, slides: deck.slides.map((s) => ({ ...s })) };
}

const plain: RenderOptions = {};
const withMedia: RenderOptions = { mediaExists: (path) => !path.includes('missing') && !path.endsWith('.vtt'), resolveMedia: (path) => `blob:x/${path}` };

function snapshot(text: string): unknown {
  const deck = parseDeck(text);
  const out: Record<string, unknown> = { model: model(deck) };
  for (const [name, options] of [['plain', plain], ['media', withMedia]] as const) {
    const rendered = renderDeck(deck, options);
    out[name] = { html: rendered.html, slides: rendered.slides, diagnostics: rendered.diagnostics, titleSlide: rendered.titleSlide };
  }
  // Through a render cache, then again after a one-character edit (the editor's path).
  const cache = createRenderCache();
  renderDeck(deck, withMedia, cache);
  if (deck.slides.length > 1) {
    const mid = deck.slides[deck.slides.length >> 1]!;
    const at = mid.raw.length > 1 ? deck.source.indexOf(mid.raw) + 1 : -1;
    if (at > 0 && deck.source.charCodeAt(at) !== 10 && deck.source.charCodeAt(at - 1) !== 10) {
      const edited = `${deck.source.slice(0, at)}x${deck.source.slice(at)}`;
      const next = parseDeck(edited, deck, { from: at, toOld: at, toNew: at + 1 });
      const again = renderDeck(next, withMedia, cache);
      out['edited'] = { model: model(next), html: again.html, diagnostics: again.diagnostics, rendered: again.rendered };
    }
  }
  out['notes'] = deck.slides.map((s) => (s.notes === undefined ? null : renderMarkdown(s.notes)));
  out['titles'] = deck.slides.map((s) => (s.title === undefined ? null : renderMarkdownInline(s.title)));
  out['tokens'] = deck.slides.map((s) => lexMarkdown(s.content));
  return out;
}

const result: Record<string, unknown> = {};
for (const file of [...markdownFiles(join(root, 'slides')), ...markdownFiles(join(root, 'tests/fixtures'))]) {
  result[relative(root, file)] = snapshot(readFileSync(file, 'utf8'));
}
for (const n of [100, 1000, 5000]) {
  const generated = generateDeck(n);
  result[`generated-${n}`] = snapshot(generated.text);
  if (n === 1000) result['generated-1000-edited'] = snapshot(editMiddleSlide(generated, 3));
}
result['generated-1000-seed-7'] = snapshot(generateDeck(1000, 7).text);
// The notes corpus, each as a slide's `Note:` tail and as a `::: notes` block.
result['notes-corpus'] = NOTES_CORPUS.map((note) => {
  const asTail = renderDeck(parseDeck(`# Slide\n\nText.\n\nNote: ${note}`)).html;
  const asTailOwnLine = renderDeck(parseDeck(`# Slide\n\nText.\n\nNotes:\n${note}\n`)).html;
  const asBlock = renderDeck(parseDeck(`# Slide\n\n::: notes\n${note}\n:::\n`)).html;
  return { asTail, asTailOwnLine, asBlock, alone: renderMarkdown(note) };
});

const out = process.argv[2] ?? '/tmp/deck-render-snapshot.json';
writeFileSync(out, JSON.stringify(result));
console.log(`wrote ${out}: ${Object.keys(result).length} entries`);
