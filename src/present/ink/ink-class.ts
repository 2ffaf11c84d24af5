// Which class the ink being drawn belongs to. Its id lives in localStorage (it survives a reload,
// a crash and a closed tab) until the class ends (Q / "End class"); the next presentation of the
// deck is a new class with clean slides. Kept apart from the drawing code, which loads lazily.
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

/** The class ended: the next presentation of this deck starts a new class (and clean slides). */
export function endClassInk(deckId: string): void {
  try {
    localStorage.removeItem(CLASS_KEY(deckId));
  } catch {
    // nothing was kept
  }
}

export function inkLayers(deckId: string): { class: string; deck: string } {
  return { class: classInkLayer(currentClassId(deckId)), deck: deckInkLayer(deckId) };
}

