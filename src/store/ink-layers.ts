// Names of the ink layers (store `ink`, key [layer, slide]): one class's ink, and the ink kept
// on a deck. The presenter, the bundle export and the import all name layers through these.
export const classInkLayer = (classId: string): string => `class:${classId}`;
export const deckInkLayer = (deckId: string): string => `deck:${deckId}`;
