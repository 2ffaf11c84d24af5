// Route `library` (src/app/screens.ts convention): the deck library lives in src/library.
import { LibraryScreen } from '../library/library-screen.ts';

if (!customElements.get('lectern-screen-library')) customElements.define('lectern-screen-library', LibraryScreen);
