// Which class the ink being drawn belongs to. Its id lives in localStorage (it survives a reload,
// a crash and a closed tab) until the class ends (Q / "End class"); the next presentation of the
// deck is a new class with clean slides. When the class is recorded, the session record
// references the class's ink layer (SessionRecord.inkLayer) and the ink lives as long as the
// record; a class not recorded leaves no ink behind. Kept apart from the drawing code, which
// loads lazily.
import type { Store } from '../../store/index.ts';
import { classInkLayer, deckInkLayer } from '../../store/ink-layers.ts';

const CLASS_KEY = (deckId: string) => `lectern.inkClass.${deckId}`;

/** The id of the class now being taught from this deck (made on first use). */
export function currentClassId(deckId: string): string {
  try {
    const saved = localStorage.getItem(CLASS_KEY(deckId));
    if (saved) return saved;
    const id = crypto.randomUUID();
    localStorage.setItem(CLASS_KEY(deckId), id);
    return id;
  } catch {
    return `page-${crypto.randomUUID()}`; // storage disabled: this page's own class
  }
}

/** The class's ink layer when the class drew anything still on it: what its session record
 *  references. */
export async function classInkToRecord(store: Pick<Store, 'listInk'>, deckId: string): Promise<string | undefined> {
  const layer = inkLayers(deckId).class;
  return (await store.listInk(layer)).length > 0 ? layer : undefined;
}

/** The class ended: its undo history goes, and its ink too unless a session record now references
 *  it (`recorded`); the next presentation of this deck starts a new class (and clean slides), even
 *  when the store cannot be reached (`store` undefined). */
export async function endClassInk(store: Pick<Store, 'putInkHistory' | 'replaceInkLayer'> | undefined, deckId: string, recorded: boolean): Promise<void> {
  const layer = inkLayers(deckId).class;
  try {
    await store?.putInkHistory(layer, deckId, undefined);
    if (!recorded) await store?.replaceInkLayer(layer, deckId, []);
  } finally {
    try {
      localStorage.removeItem(CLASS_KEY(deckId));
    } catch {
      // nothing was kept
    }
  }
}

export function inkLayers(deckId: string): { class: string; deck: string } {
  return { class: classInkLayer(currentClassId(deckId)), deck: deckInkLayer(deckId) };
}

