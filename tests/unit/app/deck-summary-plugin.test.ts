// The first-run samples carry summaries computed at build time (vite.deck-summary.ts), so seeding
// them does not load the deck parser. Those summaries must be what the store would compute when
// saving the same text, Vietnamese titles intact.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckSummaries } from '../../../vite.deck-summary.ts';
import { deckSummary } from '../../../src/store/summarize.ts';

type LoadHook = (this: { addWatchFile(file: string): void }, id: string) => Promise<string | null>;

describe('deck.md?summary (build-time summaries of the samples)', () => {
  const load = deckSummaries().load as unknown as LoadHook; // the plugin's hook is a plain async function
  const watched: string[] = [];
  const context = { addWatchFile: (file: string) => void watched.push(file) };

  for (const name of readdirSync('slides')) {
    it(`gives the store's summary of slides/${name}`, async () => {
      const file = resolve('slides', name, 'deck.md');
      const code = await load.call(context, `${file}?summary`);
      const digest: unknown = JSON.parse(code!.replace(/^export default /, '').replace(/;$/, ''));
      expect(digest).toEqual(JSON.parse(JSON.stringify(deckSummary(readFileSync(file, 'utf8')))));
      expect((digest as { slideCount: number }).slideCount).toBeGreaterThan(1);
      expect(watched).toContain(file);
    });
  }

  it('leaves other modules alone', async () => {
    expect(await load.call(context, join(resolve('slides'), 'x', 'deck.md'))).toBeNull();
    expect(await load.call(context, `${resolve('src/main.ts')}?summary`)).toBeNull();
  });
});
