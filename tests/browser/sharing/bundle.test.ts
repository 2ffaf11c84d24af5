// The app side of bundles in real Chromium with real IndexedDB: export from one library, import
// into a fresh one (another database stands for another browser profile), conflicts, and the
// hostile corpus, each leaving the library exactly as it was.
import { describe, expect, it } from 'vitest';
import { blobSource, readBundle } from '@lectern/bundle';
import { buildDeckExport, importBundle, previewBundle, SharingError } from '../../../src/sharing/index.ts';
import { exportDeckBundle } from '../../../src/sharing/export-deck.ts';
import { deckInkLayer, type Store } from '../../../src/store/index.ts';
import { freshStore, patternBytes } from '../store/helpers.ts';
import expected from '../../fixtures/bundles/expected.json';

const fixtureUrls = import.meta.glob('../../fixtures/bundles/*.lectern', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

const DECK = `---
title: Bài 4 — Nghị quyết Đại hội XIII
---

# Mở đầu

![Ảnh tư liệu](media/ảnh%20tư%20liệu.png)

::: excerpt {source="Nghị quyết Đại hội XIII" number="01-NQ/TW" ref="Phần II"}
Phát huy ý chí và sức mạnh đại đoàn kết toàn dân tộc.
:::

---

## Phim

![phim](<media/Bài 4/phim ngắn.mp4>)
`;

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

async function makeDeck(store: Store) {
  const deck = await store.importDeck({ markdown: DECK, assets: [] });
  await store.addDeckAsset(deck.id, 'media/ảnh tư liệu.png', new Blob([patternBytes(200_000, 3)], { type: 'image/png' }));
  await store.addDeckAsset(deck.id, 'media/Bài 4/phim ngắn.mp4', new Blob([patternBytes(3_000_000, 7)], { type: 'video/mp4' }));
  return (await store.getDeck(deck.id))!;
}

/** Everything a user could see of a library, for "untouched" checks. */
async function libraryState(store: Store) {
  return {
    decks: await store.listDecks(),
    trash: await store.listDecks({ trash: true }),
    assets: await store.listAssets(),
    excerpts: await store.listExcerpts(),
  };
}

describe('sharing bundles in the browser', () => {
  // The first test also waits for Chromium and Vite's first optimisation run: a generous timeout.
  it('should export a deck and import it into a fresh library byte for byte', { timeout: 600_000 }, async () => {
    const a = await freshStore();
    const deck = await makeDeck(a);
    const { blob, manifest, fileName } = await buildDeckExport(a, deck.id);
    expect(fileName).toBe('Bài 4 — Nghị quyết Đại hội XIII.lectern');
    expect(manifest.id).toBe(deck.id);
    expect(manifest.assets.map((x) => x.path).sort()).toEqual(['media/Bài 4/phim ngắn.mp4', 'media/ảnh tư liệu.png']);
    expect(manifest.excerpts).toEqual([expect.objectContaining({ source: 'Nghị quyết Đại hội XIII', number: '01-NQ/TW' })]);
    expect((await readBundle(blobSource(blob))).deck).toBe(DECK);
    expect((await exportDeckBundle(a, deck.id)).size).toBe(blob.size);

    const b = await freshStore();
    const file = new File([blob], fileName);
    const preview = await previewBundle(b, file);
    expect(preview).toMatchObject({ action: 'create', title: 'Bài 4 — Nghị quyết Đại hội XIII', mediaCount: 2, mediaSize: 3_200_000, excerptCount: 1 });
    expect(preview.slideCount).toBeGreaterThanOrEqual(2);
    const result = await importBundle(b, preview);
    expect(result.action).toBe('created');
    expect(result.deck.id).toBe(deck.id);
    expect(result.deck.markdown).toBe(DECK);
    const linkedA = await a.listDeckAssets(deck.id);
    const linkedB = await b.listDeckAssets(deck.id);
    expect(linkedB.map((x) => [x.path, x.assetId]).sort()).toEqual(linkedA.map((x) => [x.path, x.assetId]).sort());
    for (const link of linkedA) {
      expect(await bytesOf(await b.getAssetBlob(link.assetId))).toEqual(await bytesOf(await a.getAssetBlob(link.assetId)));
    }
    expect((await b.listExcerpts()).map((e) => e.number)).toEqual(['01-NQ/TW']);
  });

  it('should carry the ink kept on the deck and the caption files, not the ink of a class', async () => {
    const a = await freshStore();
    const deck = await makeDeck(a);
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nĐồng chí Bí thư phát biểu\n';
    await a.addDeckAsset(deck.id, 'media/Bài 4/phim ngắn.vtt', new Blob([vtt], { type: 'text/vtt' }));
    const kept = { id: 'k1', tool: 'highlighter' as const, color: '#ffd60a', size: 0.028, step: 0, points: [0.2, 0.3, 0.5, 0.6, 0.3, 0.5] };
    await a.putInk(deckInkLayer(deck.id), deck.id, '1.0', [kept]);
    await a.putInk('class:one-class', deck.id, '0.0', [{ ...kept, id: 'c1', tool: 'pen', color: '#d62828', size: 0.006 }]);
    const { blob, manifest } = await buildDeckExport(a, deck.id);
    expect(manifest.version).toBe(2);
    expect(manifest.ink).toEqual([{ slide: '1.0', strokes: [kept] }]);

    const b = await freshStore();
    const result = await importBundle(b, blob);
    expect((await b.listInk(deckInkLayer(result.deck.id))).map((r) => [r.slide, r.strokes])).toEqual([['1.0', [kept]]]);
    const assets = await b.listDeckAssets(result.deck.id);
    const caption = assets.find((x) => x.path === 'media/Bài 4/phim ngắn.vtt');
    expect(caption?.type).toBe('text/vtt');
    expect(await (await b.getAssetBlob(caption!.assetId)).text()).toBe(vtt);
  });

  it('should offer keep-both or replace when the deck already exists, keeping the old text in history', async () => {
    const a = await freshStore();
    const deck = await makeDeck(a);
    const edited = DECK.replace('# Mở đầu', '# Mở đầu (sửa)');
    const saved = await a.saveDeck(deck.id, edited, deck.rev);
    expect(saved.ok).toBe(true);
    const file = new File([(await buildDeckExport(a, deck.id)).blob], 'x.lectern');
    // Put the old text back in library A, then import the newer export into it.
    const reverted = await a.saveDeck(deck.id, DECK, deck.rev + 1);
    expect(reverted.ok).toBe(true);

    const preview = await previewBundle(a, file);
    expect(preview.action).toBe('conflict');
    expect(preview.existing?.id).toBe(deck.id);

    const both = await importBundle(a, preview, { onConflict: 'keep-both' });
    expect(both.action).toBe('kept-both');
    expect(both.deck.id).not.toBe(deck.id);
    expect((await a.listDecks()).length).toBe(2);

    const before = (await a.getDeck(deck.id))!;
    const replaced = await importBundle(a, preview, { onConflict: 'replace' });
    expect(replaced.action).toBe('replaced');
    expect(replaced.deck.id).toBe(deck.id);
    expect(replaced.deck.markdown).toBe(edited);
    expect(replaced.deck.rev).toBe(before.rev + 1);
    const history = await a.listRevisions(deck.id);
    expect((await a.getRevision(deck.id, history.find((r) => r.rev === before.rev)!.rev))?.markdown).toBe(DECK);
    // The staging deck is gone: still two decks (the original and the kept copy), none in the trash.
    expect((await a.listDecks()).length).toBe(2);
    expect(await a.listDecks({ trash: true })).toEqual([]);
  });

  const entries = Object.entries(expected as Record<string, { code: string | null }>);
  it(`should refuse every hostile bundle with its code and leave the library untouched (${entries.length} files)`, async () => {
    const store = await freshStore();
    await makeDeck(store);
    const before = await libraryState(store);
    for (const [name, { code }] of entries) {
      const url = Object.entries(fixtureUrls).find(([path]) => path.endsWith(`/${name}`))?.[1];
      expect(url, name).toBeDefined();
      const file = new File([await (await fetch(url!)).blob()], name);
      if (code === null) continue;
      const error = await importBundle(store, file, { onConflict: 'replace' }).then(() => undefined, (e: unknown) => e);
      expect(error, name).toBeInstanceOf(SharingError);
      expect((error as SharingError).code, name).toBe(code);
      expect((error as SharingError).message.length, name).toBeGreaterThan(10);
    }
    expect(await libraryState(store)).toEqual(before);
  });
});

describe('several files at once', () => {
  it('should import the good files and report the refused ones', async () => {
    const { importBundleFiles } = await import('../../../src/sharing/import-bundle.ts');
    const a = await freshStore();
    const deck = await makeDeck(a);
    const good = new File([(await buildDeckExport(a, deck.id)).blob], 'tốt.lectern');
    const bad = new File([new Uint8Array([1, 2, 3])], 'hỏng.lectern');
    const b = await freshStore();
    // The dialog waits for a choice: answer it as the user would (the primary button: Import).
    const timer = setInterval(() => document.querySelector('lectern-import-dialog')?.shadowRoot?.querySelector<HTMLButtonElement>('button.primary')?.click(), 50);
    try {
      const outcomes = await importBundleFiles(b, [bad, good]);
      expect(outcomes[0]).toMatchObject({ file: 'hỏng.lectern', error: { code: 'not-a-zip' } });
      expect(outcomes[1]).toMatchObject({ file: 'tốt.lectern', deckId: deck.id });
    } finally {
      clearInterval(timer);
    }
    expect((await b.listDecks()).map((d) => d.id)).toEqual([deck.id]);
  });
});
