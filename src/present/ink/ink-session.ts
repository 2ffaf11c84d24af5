// Where a presented deck's ink is kept: IndexedDB (store `ink`), one record per layer and slide,
// written as soon as a stroke ends (strict durability), so a reload, a crash or a closed tab
// loses nothing; the undo/redo history is kept beside the class's ink, so undo works after a
// reload too. The class layer belongs to the class being taught (ink-class.ts); when the class is
// recorded after presenting, the session record references it (src/present/after-class.ts),
// while ink the instructor kept on the deck (layer `deck:<deckId>`) shows in every class.
//
// The speaker view's slide previews (present.html?receiver, same origin) show the same ink: each
// stored change is announced on a BroadcastChannel, and a preview reads the ink again.
import type { Store } from '../../store/index.ts';
import { inkLayers } from './ink-class.ts';
import { InkModel } from './ink-model.ts';

const CHANNEL = 'lectern-ink';

export interface InkSession {
  model: InkModel;
  /** Resolves once every change so far is stored. */
  flushed(): Promise<void>;
}

async function loadInk(store: Store, deckId: string, model: InkModel): Promise<void> {
  const layers = inkLayers(deckId);
  const [own, kept] = await Promise.all([store.listInk(layers.class), store.listInk(layers.deck)]);
  model.load('class', own);
  model.load('deck', kept);
}

/** Loads both layers and the history and saves every change, in order, per slide. Save failures
 *  are reported to `onError`. */
export async function openInkSession(store: Store, deckId: string, onError: (error: unknown) => void): Promise<InkSession> {
  const layers = inkLayers(deckId);
  const model = new InkModel();
  const [history] = await Promise.all([store.getInkHistory(layers.class), loadInk(store, deckId, model)]);
  model.loadHistory(history);
  const channel = new BroadcastChannel(CHANNEL);
  let queue: Promise<void> = Promise.resolve();
  let historyQueued = false;
  model.onChange((kind, slide, strokes) => {
    queue = queue
      .then(() => store.putInk(layers[kind], deckId, slide, strokes))
      .then(() => channel.postMessage({ deckId }))
      .catch(onError);
    // One history write after the strokes of a change ("keep on the deck" changes two layers).
    if (historyQueued) return;
    historyQueued = true;
    queue = queue
      .then(() => {
        historyQueued = false;
        return store.putInkHistory(layers.class, deckId, model.history());
      })
      .catch(onError);
  });
  return { model, flushed: () => queue };
}

/** A read-only copy of the ink for a preview: read again whenever the presenting page stores a change. */
export async function watchInk(store: Store, deckId: string, onUpdate: () => void): Promise<InkModel> {
  const model = new InkModel();
  await loadInk(store, deckId, model);
  new BroadcastChannel(CHANNEL).addEventListener('message', (event: MessageEvent<{ deckId?: unknown }>) => {
    if (event.data?.deckId !== deckId) return;
    const fresh = new InkModel();
    void loadInk(store, deckId, fresh).then(() => {
      model.takeFrom(fresh);
      onUpdate();
    });
  });
  return model;
}
