import { describe, expect, it } from 'vitest';
import { freshStore, DECK_MD } from './helpers.ts';

describe('store smoke', () => {
  it('creates, saves and lists a deck', async () => {
    const store = await freshStore();
    const deck = await store.createDeck({ markdown: DECK_MD });
    expect(deck.title).toBe('Những vấn đề cơ bản về Đảng');
    expect(deck.slideCount).toBe(3);
    const saved = await store.saveDeck(deck.id, DECK_MD + '\nThêm.\n', deck.rev);
    expect(saved.ok).toBe(true);
    const list = await store.listDecks();
    expect(list).toHaveLength(1);
    expect(list[0]).not.toHaveProperty('markdown');
    expect(list[0]?.rev).toBe(2);
  });
});
