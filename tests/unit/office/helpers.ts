// Fixture helpers for the Office importer tests: real files from tests/fixtures/office, and
// hostile variants made by rewriting single parts of those real files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { bytesSource } from '@lectern/bundle';
import { parseDeck, renderDeck, type Deck } from '@lectern/deck';
import { importOfficeFile, OfficeImportError, type ImportOptions, type OfficeImport } from '@lectern/office';

export const FIXTURES = 'tests/fixtures/office';

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** A real file with some parts replaced (string or bytes) or removed (null). */
export function rewrite(bytes: Uint8Array, changes: Record<string, string | Uint8Array | null>): Uint8Array {
  const files = unzipSync(bytes) as Zippable;
  for (const [name, content] of Object.entries(changes)) {
    if (content === null) delete files[name];
    else files[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  // Stored, not deflated: a crafted part (100,000 nested elements) must reach the XML checks
  // rather than trip the zip reader's compression-ratio limit.
  return zipSync(files, { level: 0 });
}

export const partText = (bytes: Uint8Array, name: string): string => strFromU8(unzipSync(bytes, { filter: (f) => f.name === name })[name]!);

export interface Imported extends OfficeImport {
  deck: Deck;
  /** Each slide's rendered HTML, as the preview and presenter show it. */
  html: string[];
}

export async function importBytes(bytes: Uint8Array, options: ImportOptions = {}): Promise<Imported> {
  const result = await importOfficeFile(bytesSource(bytes), { fileName: 'test.pptx', ...options });
  const deck = parseDeck(result.deckText);
  const paths = new Set(result.media.map((m) => m.path));
  const rendered = renderDeck(deck, { mediaExists: (path) => paths.has(path) });
  return { ...result, deck, html: rendered.slides.map((s) => s.html) };
}

/** The refusal an import ends with (fails the test when it succeeds). */
export async function refusal(bytes: Uint8Array, options: ImportOptions = {}): Promise<OfficeImportError> {
  const error = await importOfficeFile(bytesSource(bytes), { fileName: 'test.pptx', ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof OfficeImportError)) throw new Error(`expected an OfficeImportError, got ${String(error)}`);
  return error;
}

/** Visible text of an HTML fragment (tags dropped, entities decoded), spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<aside class="notes">[\s\S]*?<\/aside>/g, ' ')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** An entry's streamed bytes, joined (the bundle tests' helper). */
export { collect as bytesOf } from '../bundle/helpers.ts';
