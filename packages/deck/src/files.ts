// Every file a deck refers to, by any attribute: Markdown images and players, a video's poster,
// slide backgrounds (image and video), and media elements written as HTML. One list, used by
// `lectern check`, `build` and `pack`, the app's export and the media screen's "in use", so a
// file one of them knows about is never missing from another.
import { isLocal } from './media.ts';
import type { Deck, MediaKind, MediaRef } from './types.ts';

export interface DeckFileUse {
  /** Index in deck.slides. */
  slide: number;
  line: number;
  column: number;
  from: NonNullable<MediaRef['from']>;
  /** The path exactly as the deck writes it there (without a `#t=` fragment). */
  written: string;
}

export interface DeckFile {
  /** Relative path, query and fragment removed, percent-decoded, without a leading `./`: the
   *  name of the file (`media/ảnh lớp.png`). Unicode as written: a caller that compares names
   *  normalizes them (the store keeps NFC; the CLI tries NFC and NFD on disk). */
  path: string;
  /** What the first use loads it as. */
  kind: MediaKind;
  /** Every place that names it, in deck order. */
  uses: DeckFileUse[];
}

/** `./media/%E1%BA%A3nh.png?v=2` => `media/ảnh.png` (a stray `%` stays as written). */
export function deckFilePath(written: string): string {
  const bare = written.trim().replace(/[?#].*$/s, '');
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    // A `%` that starts no escape is part of the name.
  }
  return decoded.replace(/^(?:\.\/)+/, '');
}

/** The local files the deck refers to (no URLs), in order of first use, each once. */
export function deckFiles(deck: Pick<Deck, 'slides'>): DeckFile[] {
  const byPath = new Map<string, DeckFile>();
  for (const slide of deck.slides) {
    for (const ref of slide.media) {
      if (ref.remote || !isLocal(ref.path)) continue;
      const path = deckFilePath(ref.path);
      if (path === '') continue;
      const use: DeckFileUse = { slide: slide.index, line: ref.line, column: ref.column, from: ref.from ?? 'markdown', written: ref.path };
      const known = byPath.get(path);
      if (known) known.uses.push(use);
      else byPath.set(path, { path, kind: ref.kind, uses: [use] });
    }
  }
  return [...byPath.values()];
}
