// Golden decks: tests/fixtures/decks/NAME.md => NAME.html (rendered without a sanitizer) and
// NAME.diagnostics.json. Round trip first: serializeDeck(parseDeck(md)) must give the bytes back.
// After an intended change to the output: `npx vitest run --project unit tests/unit/deck -u`,
// then read the diff of the golden files before committing them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck, renderDeck, serializeDeck } from '../../../packages/deck/src/index.ts';

const dir = join(import.meta.dirname, '../../fixtures/decks');
/** Golden renders pretend every local file exists except those named `missing…` and caption
 *  files (a video's captions are looked for beside it: tests/unit/deck/captions.test.ts). */
const options = { mediaExists: (path: string) => !path.includes('missing') && !path.endsWith('.vtt') };

describe('golden decks', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    it(`${name} round-trips and renders as its golden files`, async () => {
      const md = readFileSync(join(dir, name), 'utf8');
      const deck = parseDeck(md);
      expect(serializeDeck(deck)).toBe(md);
      const rendered = renderDeck(deck, options);
      const base = join(dir, name.slice(0, -'.md'.length));
      await expect(rendered.html).toMatchFileSnapshot(`${base}.html`);
      await expect(`${JSON.stringify(rendered.diagnostics, null, 2)}\n`).toMatchFileSnapshot(`${base}.diagnostics.json`);
    });
  }
});
