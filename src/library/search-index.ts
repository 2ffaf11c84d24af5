// Full-text search over the library: titles, tags and deck text, ignoring case and Vietnamese
// diacritics ("nghi quyet" finds "Nghị quyết", "dang vien" finds "Đảng viên"). MiniSearch keeps
// the index in memory; the same foldText() runs over indexed terms and query terms, so both
// sides meet in the folded form.
import MiniSearch from 'minisearch';
import { foldText } from '../text/fold.ts';

export interface SearchableDeck {
  id: string;
  title: string;
  tags: string[];
  /** The deck's Markdown (or any text worth finding it by). */
  text: string;
}

interface IndexedDoc {
  id: string;
  title: string;
  tags: string;
  text: string;
}

export interface DeckSearchIndex {
  /** Adds or replaces one deck. */
  set(deck: SearchableDeck): void;
  remove(id: string): void;
  /** Ids of matching decks, best first. An empty query matches nothing (callers show all). */
  search(query: string): string[];
  has(id: string): boolean;
}

export function createDeckSearchIndex(decks: Iterable<SearchableDeck> = []): DeckSearchIndex {
  const mini = new MiniSearch<IndexedDoc>({
    fields: ['title', 'tags', 'text'],
    storeFields: [],
    processTerm: (term) => foldText(term),
    searchOptions: {
      boost: { title: 3, tags: 2 },
      // Every word must match (as people expect from a search box), the last as a prefix so
      // results narrow while typing; slight fuzziness forgives one typo in longer words.
      combineWith: 'AND',
      prefix: (_term, index, terms) => index === terms.length - 1,
      fuzzy: (term) => (term.length > 5 ? 1 : 0),
    },
  });
  const toDoc = (deck: SearchableDeck): IndexedDoc => ({
    id: deck.id,
    title: deck.title,
    tags: deck.tags.join(' '),
    text: deck.text,
  });
  for (const deck of decks) mini.add(toDoc(deck));
  return {
    set(deck) {
      if (mini.has(deck.id)) mini.discard(deck.id);
      mini.add(toDoc(deck));
    },
    remove(id) {
      if (mini.has(id)) mini.discard(id);
    },
    has: (id) => mini.has(id),
    search(query) {
      if (!query.trim()) return [];
      return mini.search(query).map((result) => String(result.id));
    },
  };
}
