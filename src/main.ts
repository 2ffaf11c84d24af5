// Entry of index.html (the authoring app). Keeps the first load small: only the shell is
// imported here; screens, the editor and reveal.js load on demand (src/app/screens.ts).
import './app/app.css';
import { getLang } from './app/i18n.ts';
import './app/app-shell.ts';
import { startOffline } from './offline/index.ts';

document.documentElement.lang = getLang();
startOffline('app'); // service worker, update notice, files opened from the OS (src/offline)
