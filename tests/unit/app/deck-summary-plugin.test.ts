// The first-run samples carry summaries computed at build time (vite.deck-summary.ts), so seeding
// them does not load the deck parser. Those summaries must be what the store would compute when
// saving the same text, Vietnamese titles intact.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckSummaries } from '../../../vite.deck-summary.ts';
import { deckSummary } from '../../../src/store/summarize.ts';
import { SNIFF_BYTES, sniffMediaBytes } from '../../../packages/deck/src/media-types.ts';

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

describe('media?media-facts (build-time facts of the samples\' media)', () => {
  const load = deckSummaries().load as unknown as LoadHook;
  const context = { addWatchFile: () => undefined };
  const facts = async (file: string) => JSON.parse((await load.call(context, `${file}?media-facts`))!.replace(/^export default /, '').replace(/;$/, '')) as { type: string; sha256: string; svg?: string };

  for (const name of readdirSync('slides')) {
    for (const media of readdirSync(join('slides', name, 'media'))) {
      it(`types slides/${name}/media/${media} by its bytes, as the store would, with the SHA-256 of what is stored`, async () => {
        const file = resolve('slides', name, 'media', media);
        const bytes = readFileSync(file);
        const got = await facts(file);
        expect(got.type).toBe(sniffMediaBytes(bytes.subarray(0, SNIFF_BYTES))?.type);
        const stored = got.svg !== undefined ? Buffer.from(got.svg, 'utf8') : bytes;
        expect(got.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
        if (got.type === 'image/svg+xml') {
          expect(got.svg).toMatch(/<svg/);
          expect(got.svg).not.toMatch(/<script|\son[a-z]+=/i);
        }
      });
    }
  }

  it('fails the build for a sample file that is no media Lectern accepts', async () => {
    await expect(facts(resolve('slides', 'syntax-tour', 'deck.md'))).rejects.toThrow(/must be an image, video, audio or WebVTT/);
  });
});
