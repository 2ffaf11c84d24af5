// The signature of a deck's content that survives the round trip through the centre's server
// (its Markdown, its media paths and hashes). Kept apart from mapping.ts, which needs valibot and
// the centre's schemas, because seeding the sample decks on a first visit records each sample's
// signature (src/app/seed-samples.ts) and must stay small.
import { sha256Hex } from '../store/index.ts';

/** A signature for a record that is absent, or a deck in the trash. */
export const ABSENT = 'absent';

export async function digest(value: unknown): Promise<string> {
  return sha256Hex(new Blob([JSON.stringify(value)]));
}

export function deckSignature(deck: { markdown: string; media: readonly { path: string; sha256: string }[] } | undefined): Promise<string> {
  if (!deck) return Promise.resolve(ABSENT);
  const media = deck.media.map((m) => [m.path, m.sha256]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return digest(['deck', deck.markdown, media]);
}
