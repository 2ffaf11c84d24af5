// Entry of index.html (the authoring app). Keeps the first load small: only the shell is
// imported here; screens, the editor and reveal.js load on demand (src/app/screens.ts).
import './app/app.css';
import { getLang } from './app/i18n.ts';
import './app/app-shell.ts';
import { startOffline } from './offline/index.ts';

document.documentElement.lang = getLang();
startOffline('app'); // service worker, update notice, files opened from the OS (src/offline)

// First run: put the sample decks into the store (lazy chunk; never blocks the first paint).
// Every run: start-up housekeeping of the store.
void (async () => {
  try {
    const [{ getStore }, { seedSamplesOnce }, { startHousekeeping }] = await Promise.all([
      import('./app/store.ts'),
      import('./app/seed-samples.ts'),
      import('./app/housekeeping.ts'),
    ]);
    const store = await getStore();
    // Old trash and unused media are cleared when the page is idle; an upgrade from another tab
    // is announced with a reload button (src/app/housekeeping.ts).
    startHousekeeping(store);
    // Centre sync, only when the lecturer turned it on: then (and only then) its code loads.
    if (await store.getSetting('centreSync')) {
      void import('./sync/centre-sync.ts')
        .then((sync) => sync.resumeCentreSync(store))
        .catch((error: unknown) => console.error('Centre sync could not resume', error));
    }
    await seedSamplesOnce(store);
    window.dispatchEvent(new CustomEvent('lectern-samples-ready'));
    document.documentElement.dataset.lecternSamples = 'ready';
  } catch (error) {
    console.error('Sample decks could not be added', error);
    document.documentElement.dataset.lecternSamples = 'failed';
  }
})();
