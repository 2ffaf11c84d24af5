// Where a presented deck's ink is kept: IndexedDB (store `ink`), one record per layer and slide,
// written as soon as a stroke ends (strict durability), so a reload, a crash or a closed tab
// loses nothing. The class layer belongs to the class being taught: its id lives in localStorage
// until the class ends (Q / "End class"), so the next class starts with clean slides, while ink
// the instructor kept on the deck (layer `deck:<deckId>`) shows in every class.
import type { Store } from '../../store/index.ts';
import { inkLayers } from './ink-class.ts';
import { InkModel } from './ink-model.ts';

export interface InkSession {
  model: InkModel;
  /** Resolves once every change so far is stored. */
  flushed(): Promise<void>;
}

/** Loads both layers and saves every change, in order, per slide. Save failures are reported to `onError`. */
export async function openInkSession(store: Store, deckId: string, onError: (error: unknown) => void): Promise<InkSession> {
  const layers = inkLayers(deckId);
  const model = new InkModel();
  const [own, kept] = await Promise.all([store.listInk(layers.class), store.listInk(layers.deck)]);
  model.load('class', own);
  model.load('deck', kept);
  let queue: Promise<void> = Promise.resolve();
  model.onChange((kind, slide, strokes) => {
    queue = queue.then(() => store.putInk(layers[kind], deckId, slide, strokes)).catch(onError);
  });
  return { model, flushed: () => queue };
}
