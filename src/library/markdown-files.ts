// Markdown decks picked or dropped on the library (`.md`, `.qmd`, `.markdown`): each becomes a
// new deck holding the file's text as it is. A deck written for Quarto, Marp or Slidev is then
// offered for conversion by the editor, which recognises it; the library does not parse decks
// (its first load stays small). Text that is not UTF-8 is refused with the file's name.

export const MARKDOWN_ACCEPT = '.md,.qmd,.markdown,text/markdown';

const RE_MARKDOWN_NAME = /\.(md|qmd|markdown)$/i;
/** A deck someone typed is far below this; anything bigger is not a deck. */
const MAX_MARKDOWN_BYTES = 16 * 1024 * 1024;

export const isMarkdownFile = (file: { name: string }): boolean => RE_MARKDOWN_NAME.test(file.name);

export type MarkdownFileText = { text: string } | { refused: 'too-large' | 'not-utf8' };

/** The file's text (strict UTF-8, a BOM kept for the deck's round trip), or why it is refused. */
export async function readMarkdownFile(file: Blob): Promise<MarkdownFileText> {
  if (file.size > MAX_MARKDOWN_BYTES) return { refused: 'too-large' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { refused: 'not-utf8' };
  }
}
