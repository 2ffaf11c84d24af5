// Route `excerpts` (src/app/screens.ts convention): the excerpt library lives in src/excerpts.
import { ExcerptsScreen } from '../excerpts/excerpts-screen.ts';

if (!customElements.get('lectern-screen-excerpts')) customElements.define('lectern-screen-excerpts', ExcerptsScreen);
