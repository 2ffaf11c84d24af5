// First run: the sample decks of slides/ (with their media) go into the store, so a new user
// has something to open and present. Runs when the library is empty (trash included) and no
// seeding happened before in this browser (flag in localStorage: deleting every deck later must
// not bring the samples back). Two tabs starting at once are serialised by a Web Lock.
import type { DeckDigest, Store } from '../store/index.ts';

const FLAG = 'lectern.samplesSeeded';
/** Which deck id each sample got: {"nghi-quyet-dang-vien-moi": "<uuid>", …} */
export const SAMPLES_KEY = 'lectern.samples';

// Lazy: the deck texts and media URLs load only when seeding actually runs.
const deckTexts = import.meta.glob<string>('/slides/*/deck.md', { query: '?raw', import: 'default' });
const mediaUrls = import.meta.glob<string>('/slides/*/media/*', { query: '?url', import: 'default' });
// Each sample's summary, computed at build time by the store's summarizer (vite.deck-summary.ts):
// seeding on a first visit then does not load the deck parser (budget.json).
const deckDigests = import.meta.glob<DeckDigest>('/slides/*/deck.md', { query: '?summary', import: 'default' });

const RE_SAMPLE = /^\/slides\/([^/]+)\/deck\.md$/;

function flagSet(): boolean {
  try {
    return localStorage.getItem(FLAG) !== null;
  } catch {
    return true; // no storage: never seed repeatedly on every start
  }
}

export async function seedSamplesOnce(store: Store): Promise<void> {
  if (flagSet()) return;
  const run = () => seed(store);
  if (navigator.locks) await navigator.locks.request('lectern-seed-samples', run);
  else await run();
}

async function seed(store: Store): Promise<void> {
  if (flagSet()) return; // the other tab did it while we waited for the lock
  const existing = [...(await store.listDecks()), ...(await store.listDecks({ trash: true }))];
  if (existing.length > 0) {
    localStorage.setItem(FLAG, new Date().toISOString());
    return;
  }
  const ids: Record<string, string> = {};
  for (const [path, loadText] of Object.entries(deckTexts).sort(([a], [b]) => a.localeCompare(b))) {
    const name = RE_SAMPLE.exec(path)?.[1];
    if (!name) continue;
    const markdown = await loadText();
    const prefix = `/slides/${name}/`;
    const assets = await Promise.all(
      Object.entries(mediaUrls)
        .filter(([mediaPath]) => mediaPath.startsWith(`${prefix}media/`))
        .map(async ([mediaPath, loadUrl]) => {
          const response = await fetch(await loadUrl());
          if (!response.ok) throw new Error(`${mediaPath}: HTTP ${response.status}`);
          const blob = await response.blob();
          const relative = mediaPath.slice(prefix.length);
          return { path: relative, blob, name: relative.split('/').pop() ?? relative };
        }),
    );
    const digest = await deckDigests[path]?.();
    const record = await store.importDeck({ markdown, assets, ...(digest ? { digest } : {}) });
    ids[name] = record.id;
  }
  localStorage.setItem(SAMPLES_KEY, JSON.stringify(ids));
  localStorage.setItem(FLAG, new Date().toISOString());
}
