// `import summary from './deck.md?summary'`: a deck's summary fields (title, audience, tags,
// duration, slide count) computed at build time by the store's own summarizer
// (src/store/summarize.ts, i.e. parseDeck). The first-run samples carry theirs, so seeding them
// on a first visit does not load the deck parser: the library's first load stays within
// budget.json. tsx loads the TypeScript sources (the config itself is bundled without them).
import { readFile } from 'node:fs/promises';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

type SummarizeModule = typeof import('./src/store/summarize.ts');

const QUERY = '?summary';

export async function summaryModule(file: string): Promise<string> {
  const { deckSummary } = (await tsImport('./src/store/summarize.ts', import.meta.url)) as SummarizeModule;
  return `export default ${JSON.stringify(deckSummary(await readFile(file, 'utf8')))};`;
}

export function deckSummaries(): Plugin {
  return {
    name: 'lectern-deck-summary',
    async load(id) {
      if (!id.endsWith(`.md${QUERY}`)) return null;
      const file = id.slice(0, -QUERY.length);
      this.addWatchFile(file);
      return summaryModule(file);
    },
  };
}
