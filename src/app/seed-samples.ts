// First run: the sample decks of slides/ (with their media) go into the store, so a new user
// has something to open and present. Runs when the library is empty (trash included) and no
// seeding happened before in this browser (flag in localStorage: deleting every deck later must
// not bring the samples back). Two tabs starting at once are serialised by a Web Lock.
//
// Each sample gets the id of its folder (sample-identity.ts), the same on every computer, and its
// signature as shipped is recorded: the centre sync uses both to list a sample once.
import type { DeckDigest, ImportAssetInput, Store } from '../store/index.ts';
import { deckSignature } from '../sync/signatures.ts';

const FLAG = 'lectern.samplesSeeded';

// Lazy: the deck texts and media URLs load only when seeding actually runs.
const deckTexts = import.meta.glob<string>('/slides/*/deck.md', { query: '?raw', import: 'default' });
const mediaUrls = import.meta.glob<string>('/slides/*/media/*', { query: '?url', import: 'default' });
// Each sample's summary, computed at build time by the store's summarizer (vite.deck-summary.ts):
// seeding on a first visit then does not load the deck parser (budget.json).
const deckDigests = import.meta.glob<DeckDigest>('/slides/*/deck.md', { query: '?summary', import: 'default' });
// Each sample media file's type, SHA-256 and (an SVG) cleaned text, decided at build time by the
// store's own rules (vite.deck-summary.ts): seeding then loads neither the media table nor DOMPurify.
const mediaFacts = import.meta.glob<ShippedMediaFacts>('/slides/*/media/*', { query: '?media-facts', import: 'default' });

interface ShippedMediaFacts {
  type: string;
  sha256: string;
  svg?: string;
}

/** One sample of slides/: its folder name, and its content, read only when it is seeded. */
export interface ShippedSample {
  name: string;
  load(): Promise<{ markdown: string; assets: ImportAssetInput[]; digest?: DeckDigest }>;
}

export interface SeededSamples {
  /** folder name → deck id */
  ids: Record<string, string>;
  /** deck id → signature as shipped */
  signatures: Record<string, string>;
}

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
  const { SAMPLES_KEY, SAMPLE_SIGNATURES_KEY } = await import('./sample-identity.ts');
  const seeded = await seedSamples(store, shippedSamples());
  localStorage.setItem(SAMPLES_KEY, JSON.stringify(seeded.ids));
  localStorage.setItem(SAMPLE_SIGNATURES_KEY, JSON.stringify(seeded.signatures));
  localStorage.setItem(FLAG, new Date().toISOString());
}

/** Stores each sample under its stable id and returns the ids and signatures it got. */
export async function seedSamples(store: Store, samples: readonly ShippedSample[]): Promise<SeededSamples> {
  // Loaded only when seeding runs: every later start imports this module and returns at once.
  const { sampleDeckId } = await import('./sample-identity.ts');
  const seeded: SeededSamples = { ids: {}, signatures: {} };
  for (const sample of samples) {
    const { markdown, assets, digest } = await sample.load();
    const record = await store.importDeck({ id: sampleDeckId(sample.name), markdown, assets, ...(digest ? { digest } : {}) });
    // The signature of what the store holds, as the sync computes it for this deck.
    const links = await store.listDeckAssets(record.id);
    seeded.ids[sample.name] = record.id;
    seeded.signatures[record.id] = await deckSignature({ markdown: record.markdown, media: links.map((l) => ({ path: l.path, sha256: l.assetId })) });
  }
  return seeded;
}

/** The samples this build ships, in folder order. */
function shippedSamples(): ShippedSample[] {
  const samples: ShippedSample[] = [];
  for (const [path, loadText] of Object.entries(deckTexts).sort(([a], [b]) => a.localeCompare(b))) {
    const name = RE_SAMPLE.exec(path)?.[1];
    if (!name) continue;
    const prefix = `/slides/${name}/`;
    samples.push({
      name,
      load: async () => {
        const markdown = await loadText();
        const assets = await Promise.all(
          Object.entries(mediaUrls)
            .filter(([mediaPath]) => mediaPath.startsWith(`${prefix}media/`))
            .map(async ([mediaPath, loadUrl]): Promise<ImportAssetInput> => {
              const facts = await mediaFacts[mediaPath]?.();
              const relative = mediaPath.slice(prefix.length);
              const fileName = relative.split('/').pop() ?? relative;
              if (facts?.svg !== undefined) {
                return { path: relative, blob: new Blob([facts.svg], { type: facts.type }), name: fileName, sha256: facts.sha256, shippedType: facts.type };
              }
              const response = await fetch(await loadUrl());
              if (!response.ok) throw new Error(`${mediaPath}: HTTP ${response.status}`);
              const blob = await response.blob();
              return { path: relative, blob, name: fileName, ...(facts ? { sha256: facts.sha256, shippedType: facts.type } : {}) };
            }),
        );
        const digest = await deckDigests[path]?.();
        return { markdown, assets, ...(digest ? { digest } : {}) };
      },
    });
  }
  return samples;
}
