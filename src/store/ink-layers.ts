// Names of the ink layers (store `ink`, key [layer, slide]): one class's ink, and the ink kept
// on a deck. The presenter, the bundle export, the import and the sessions all name layers
// through these.
export const classInkLayer = (classId: string): string => `class:${classId}`;
export const deckInkLayer = (deckId: string): string => `deck:${deckId}`;

/** Where a class's undo/redo history is kept: one record, key [`history:class:<id>`, ''], in the
 *  same store as its strokes but outside the layer's key range (listInk never returns it). */
export const inkHistoryLayer = (classLayer: string): string => `history:${classLayer}`;

/** A class layer's name as a session record may reference it (checked before it is stored). */
export function isClassInkLayer(value: unknown): value is string {
  return typeof value === 'string' && value.length > 'class:'.length && value.length <= 200 && value.startsWith('class:');
}
