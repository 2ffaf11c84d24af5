// The app side of bundles in real Chromium with real IndexedDB: export from one library, import
// into a fresh one (another database stands for another browser profile), conflicts, and the
// hostile corpus, each leaving the library exactly as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blobSource, readBundle } from '@lectern/bundle';
import { setLang } from '../../../src/app/i18n.ts';
import { buildDeckExport, importBundle, previewBundle, SharingError, sharingErrorText } from '../../../src/sharing/index.ts';
import { exportDeckBundle } from '../../../src/sharing/export-deck.ts';
import { exportDeckHtml } from '../../../src/sharing/offline-html.ts';
import { deckInkLayer, sha256Hex, type Store, type StoreNotice, type WriteStep } from '../../../src/store/index.ts';
import { freshStore, mediaBytes, secondConnection, uniqueName } from '../store/helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
  setLang('vi');
});
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
  await store.addDeckAsset(deck.id, 'media/ảnh tư liệu.png', new Blob([mediaBytes('png', 200_000, 3)], { type: 'image/png' }));
  await store.addDeckAsset(deck.id, 'media/Bài 4/phim ngắn.mp4', new Blob([mediaBytes('mp4', 3_000_000, 7)], { type: 'video/mp4' }));
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
    expect((await buildDeckExport(a, deck.id)).missing).toEqual([]);
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

  it('should carry a video poster and name the referred files the library does not hold', async () => {
    const store = await freshStore();
    const markdown = '# Phim\n\n![phim](media/phim.mp4){poster="media/ảnh bìa.png"}\n\n---\n\n## Nền {background-image="media/nền.png"}\n';
    const deck = await store.importDeck({ markdown, assets: [] });
    await store.addDeckAsset(deck.id, 'media/phim.mp4', new Blob([mediaBytes('mp4', 1000, 1)], { type: 'video/mp4' }));
    expect((await buildDeckExport(store, deck.id)).missing).toEqual(['media/ảnh bìa.png', 'media/nền.png']);
    await store.addDeckAsset(deck.id, 'media/ảnh bìa.png', new Blob([mediaBytes('png', 100, 2)], { type: 'image/png' }));
    const exported = await buildDeckExport(store, deck.id);
    expect(exported.missing).toEqual(['media/nền.png']);
    expect(exported.manifest.assets.map((x) => x.path).sort()).toEqual(['media/phim.mp4', 'media/ảnh bìa.png']);
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
      expect(sharingErrorText(error), name).toContain(name);
    }
    expect(await libraryState(store)).toEqual(before);
  });
});

/** A library holding the deck at the old text, and a bundle of a newer text of it. */
async function replaceSetUp(probe?: (step: WriteStep) => void) {
  const name = uniqueName('replace');
  const a = await freshStore({ name, ...(probe ? { probe } : {}) });
  const deck = await makeDeck(a);
  const edited = DECK.replace('# Mở đầu', '# Mở đầu (sửa)');
  const saved = await a.saveDeck(deck.id, edited, deck.rev);
  expect(saved.ok).toBe(true);
  // The newer export carries a new video under the same path, and a second one.
  await a.addDeckAsset(deck.id, 'media/Bài 4/phim ngắn.mp4', new Blob([mediaBytes('mp4', 1_000_000, 11)], { type: 'video/mp4' }));
  await a.addDeckAsset(deck.id, 'media/phim 2.mp4', new Blob([mediaBytes('mp4', 500_000, 12)], { type: 'video/mp4' }));
  const file = new File([(await buildDeckExport(a, deck.id)).blob], 'Bài 4.lectern');
  // Library A goes back to the old text and media; the bundle is the newer version.
  const reverted = await a.saveDeck(deck.id, DECK, deck.rev + 1);
  expect(reverted.ok).toBe(true);
  await a.addDeckAsset(deck.id, 'media/Bài 4/phim ngắn.mp4', new Blob([mediaBytes('mp4', 3_000_000, 7)], { type: 'video/mp4' }));
  await a.unlinkAsset(deck.id, 'media/phim 2.mp4');
  await a.gcAssets({ graceMs: -1 });
  const other = await secondConnection(a);
  return { a, other, deck: (await a.getDeck(deck.id))!, file, edited };
}

describe('replace on import is one store operation', () => {
  it('should replace text and media in one step that other tabs hear of once, with no temporary deck', { timeout: 120_000 }, async () => {
    const { a, other, deck, file, edited } = await replaceSetUp();
    const heard: StoreNotice[] = [];
    other.subscribe((notice) => heard.push(notice));
    const preview = await previewBundle(a, file);
    const result = await importBundle(a, preview, { onConflict: 'replace' });
    expect(result.action).toBe('replaced');
    expect(result.deck).toMatchObject({ id: deck.id, markdown: edited, rev: deck.rev + 1 });
    expect((await other.listDeckAssets(deck.id)).map((l) => [l.path, l.size])).toEqual([
      ['media/Bài 4/phim ngắn.mp4', 1_000_000],
      ['media/phim 2.mp4', 500_000],
      ['media/ảnh tư liệu.png', 200_000],
    ]);
    await expect.poll(() => heard.map((n) => n.type)).toContain('deck-saved');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Before: a temporary deck was created, then purged, in separate transactions.
    expect(heard.filter((n) => n.type === 'deck-created' || n.type === 'deck-deleted' || n.type === 'deck-purged')).toEqual([]);
    expect(heard.filter((n) => n.type === 'deck-saved')).toEqual([{ type: 'deck-saved', deckId: deck.id, rev: deck.rev + 1, local: false }]);
    expect(await other.listDecks({ trash: true })).toEqual([]);
  });

  for (const failAt of ['revision', 'deck', 'asset', 'link', 'excerpt'] as const) {
    it(`should leave the library unchanged when the replace fails at step "${failAt}"`, { timeout: 120_000 }, async () => {
      let armed = false;
      let reached = false;
      const { a, other, deck, file } = await replaceSetUp((step) => {
        if (armed && step === failAt) {
          reached = true;
          throw new Error(`injected failure at ${failAt}`);
        }
      });
      const heard: StoreNotice[] = [];
      other.subscribe((notice) => heard.push(notice));
      const before = { ...(await libraryState(a)), links: await a.listDeckAssets(deck.id), deck: await a.getDeck(deck.id), revisions: await a.listRevisions(deck.id) };
      const preview = await previewBundle(a, file);
      armed = true;
      const error = await importBundle(a, preview, { onConflict: 'replace' }).then(() => undefined, (e: unknown) => e);
      armed = false;
      expect(reached).toBe(true);
      expect(error).toBeInstanceOf(SharingError);
      expect((error as SharingError).code).toBe('store');
      const after = { ...(await libraryState(other)), links: await other.listDeckAssets(deck.id), deck: await other.getDeck(deck.id), revisions: await other.listRevisions(deck.id) };
      expect(after).toEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual([]);
    });
  }

  it('should keep a text saved in another tab after the preview in history when replacing', { timeout: 120_000 }, async () => {
    const { a, other, deck, file } = await replaceSetUp();
    const preview = await previewBundle(a, file);
    const meanwhile = await other.saveDeck(deck.id, `${DECK}
Sửa ở thẻ khác.
`, deck.rev);
    expect(meanwhile.ok).toBe(true);
    const before = await libraryState(a);
    // The importer reads the current rev just before replacing: edited after that, the store
    // refuses; edited before, it replaces the newer text (kept in history). Both keep data safe.
    const result = await importBundle(a, preview, { onConflict: 'replace' });
    expect((await a.getRevision(deck.id, meanwhile.ok ? meanwhile.record.rev : 0))?.markdown).toBe(`${DECK}
Sửa ở thẻ khác.
`);
    expect(result.deck.rev).toBe(deck.rev + 2);
    expect(before.decks.length).toBe((await a.listDecks()).length);
  });
});

describe('every imported byte is hashed once', () => {
  it('should store the previewed media without reading their bytes again', { timeout: 120_000 }, async () => {
    const a = await freshStore();
    const deck = await makeDeck(a);
    const file = new File([(await buildDeckExport(a, deck.id)).blob], 'x.lectern');
    const b = await freshStore();
    const preview = await previewBundle(b, file); // reads and verifies every byte once
    let bytesRead = 0;
    const arrayBuffer = Blob.prototype.arrayBuffer;
    vi.spyOn(Blob.prototype, 'arrayBuffer').mockImplementation(function (this: Blob) {
      bytesRead += this.size;
      return arrayBuffer.call(this);
    });
    const digest = vi.spyOn(crypto.subtle, 'digest');
    const result = await importBundle(b, preview);
    vi.restoreAllMocks();
    expect(result.action).toBe('created');
    // Before: Store.importDeck read each asset whole again to hash it (3.2 MB here).
    expect(digest).not.toHaveBeenCalled();
    expect(bytesRead).toBeLessThan(10_000);
    // Keyed by the verified hash, and the stored bytes are those bytes.
    const linked = await b.listDeckAssets(deck.id);
    expect(linked.map((l) => l.assetId).sort()).toEqual((await a.listDeckAssets(deck.id)).map((l) => l.assetId).sort());
    for (const link of linked) expect(await sha256Hex(await b.getAssetBlob(link.assetId))).toBe(link.assetId);
  });

  it('should refuse asset paths by the bundle package\'s rule, before writing', async () => {
    const { assertAssetPath } = await import('@lectern/bundle');
    const store = await freshStore();
    // The store's own rule would accept a path outside media/; a bundle's rule does not.
    const error = await store
      .importDeck({ markdown: '# X', checkPath: assertAssetPath, assets: [{ path: 'notes/a.png', blob: new Blob(['a']), sha256: 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb' }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreError', code: 'invalid-input' });
    expect(await store.listDecks()).toEqual([]);
    expect(await store.listAssets()).toEqual([]);
  });
});

describe('errors are translated when shown', () => {
  it('should say a refusal in the language active when it is shown, not when it was thrown', async () => {
    setLang('vi');
    const store = await freshStore();
    const error = await importBundle(store, new File([new Uint8Array([1, 2, 3])], 'hỏng.lectern')).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-a-zip', details: { file: 'hỏng.lectern' } });
    expect(sharingErrorText(error)).toMatch(/Không mở được “hỏng.lectern”/);
    setLang('en');
    expect(sharingErrorText(error)).toMatch(/Cannot open “hỏng.lectern”/);
  });

  it('should report a deck that is gone with a code, for the bundle and the Offline HTML export', async () => {
    const store = await freshStore();
    for (const run of [() => buildDeckExport(store, 'không-có'), () => exportDeckHtml(store, 'không-có')]) {
      setLang('vi');
      const error = await run().then(() => undefined, (e: unknown) => e);
      expect(error).toMatchObject({ name: 'SharingError', code: 'deck-not-found', details: { deckId: 'không-có' } });
      setLang('en');
      expect(sharingErrorText(error)).toBe('Deck not found.');
    }
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
