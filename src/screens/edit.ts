// Route `edit` (src/app/screens.ts convention): the editor screen lives in src/editor.
import { EditorScreen } from '../editor/editor-screen.ts';

if (!customElements.get('lectern-screen-edit')) customElements.define('lectern-screen-edit', EditorScreen);
