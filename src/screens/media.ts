// Route `media` (src/app/screens.ts convention): the deck's media panel lives in src/media.
import { MediaScreen } from '../media/media-screen.ts';

if (!customElements.get('lectern-screen-media')) customElements.define('lectern-screen-media', MediaScreen);
