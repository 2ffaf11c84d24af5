// Whole-library backup and restore in real Chromium: everything comes back (decks, media bytes,
// excerpts, classes taught), restoring twice duplicates nothing, and a backup holding one bad
// deck is refused before anything is stored.
import { describe, expect, it } from 'vitest';
import { blobSource, readBundle, writeBackup } from '@lectern/bundle';
import { exportLibrary, previewLibraryBackup, restoreLibrary, SharingError } from '../../../src/sharing/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { freshStore, mediaBytes } from '../store/helpers.ts';

async function fill(store: Store) {
  const one = await store.importDeck({ markdown: '---\ntitle: Bài 1 — Lịch sử Đảng\n---\n\n# Mở đầu\n\n![ảnh](media/ảnh.png)\n', assets: [] });
  await store.addDeckAsset(one.id, 'media/ảnh.png', new Blob([mediaBytes('png', 500_000, 11)], { type: 'image/png' }));
  const two = await store.importDeck({ markdown: '# Bài 2 — Điều lệ Đảng\n\n![phim](media/phim.mp4)\n', assets: [] });
  await store.addDeckAsset(two.id, 'media/phim.mp4', new Blob([mediaBytes('mp4', 2_000_000, 12)], { type: 'video/mp4' }));
  await store.createExcerpt({ text: 'Đảng Cộng sản Việt Nam là đội tiên phong của giai cấp công nhân.', source: 'Điều lệ Đảng', number: 'Điều 1' });
  await store.createSession({ deckId: one.id, deckTitle: 'Bài 1 — Lịch sử Đảng', date: '2026-03-05', className: 'Lớp đảng viên mới K12', cohort: 'new-members', learners: 45, minutes: 180 });
  return { one, two };
}

async function snapshot(store: Store) {
  const decks = await store.listDecks();
  const out: Record<string, unknown> = {};
  for (const deck of decks) {
    const full = (await store.getDeck(deck.id))!;
    const assets = await store.listDeckAssets(deck.id);
    out[deck.id] = { markdown: full.markdown, assets: assets.map((a) => [a.path, a.assetId, a.size]).sort() };
  }
  const strip = <T extends object>(list: T[]) => list.map(({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: T & { id?: unknown; createdAt?: unknown; updatedAt?: unknown }) => rest);
  return { decks: out, excerpts: strip(await store.listExcerpts()), sessions: strip(await store.listSessions()) };
}

describe('library backup', () => {
  it('should restore a whole library into a fresh one, and change nothing when restored twice', { timeout: 600_000 }, async () => {
    const a = await freshStore();
    await fill(a);
    const backup = await exportLibrary(a);
    expect(backup).toMatchObject({ decks: 2, excerpts: 1, sessions: 1 });
    expect(backup.fileName).toMatch(/^lectern-\d{4}-\d{2}-\d{2}\.lectern-backup$/);

    const b = await freshStore();
    const file = new File([backup.blob], backup.fileName);
    const preview = await previewLibraryBackup(b, file);
    expect(preview.decks.map((d) => d.title).sort()).toEqual(['Bài 1 — Lịch sử Đảng', 'Bài 2 — Điều lệ Đảng']);
    expect(preview.decks.every((d) => !d.exists)).toBe(true);
    // The library excerpt is not quoted in a deck, so it comes from backup.json.
    expect(await restoreLibrary(b, preview)).toEqual({ created: 2, keptBoth: 0, replaced: 0, skipped: 0, excerpts: 1, sessions: 1 });
    const restored = await snapshot(b);
    expect(restored).toEqual(await snapshot(a));
    for (const deck of await a.listDecks()) {
      for (const link of await a.listDeckAssets(deck.id)) {
        const x = new Uint8Array(await (await a.getAssetBlob(link.assetId)).arrayBuffer());
        const y = new Uint8Array(await (await b.getAssetBlob(link.assetId)).arrayBuffer());
        expect(y).toEqual(x);
      }
    }
    // Again: every deck exists (skipped), excerpts and sessions are already there.
    expect(await restoreLibrary(b, file)).toEqual({ created: 0, keptBoth: 0, replaced: 0, skipped: 2, excerpts: 0, sessions: 0 });
    expect(await snapshot(b)).toEqual(restored);
  });

  it('should refuse a backup holding one hostile deck and store nothing', async () => {
    const a = await freshStore();
    await fill(a);
    const good = await exportLibrary(a);
    // A second deck whose bundle climbs out of its folder (from the hostile corpus).
    const bad = await (await fetch(new URL('../../fixtures/bundles/path-traversal.lectern', import.meta.url))).blob();
    const goodDecks = (await previewLibraryBackup(a, good.blob)).decks;
    const parts: BlobPart[] = [];
    await writeBackup(
      {
        createdAt: new Date().toISOString(),
        generator: 'test',
        decks: [
          ...goodDecks.map((d) => ({ id: d.id, size: d.preview.file.size, blob: d.preview.file, chunks: async function* () { yield new Uint8Array(await d.preview.file.arrayBuffer()); } })),
          { id: 'evil', size: bad.size, chunks: async function* () { yield new Uint8Array(await bad.arrayBuffer()); } },
        ],
        excerpts: [],
        sessions: [],
      },
      { write: (bytes) => void parts.push(bytes.slice() as Uint8Array<ArrayBuffer>), writeBlob: (blob) => void parts.push(blob) },
    );
    const hostile = new File(parts, 'hostile.lectern-backup');
    const b = await freshStore();
    const before = await snapshot(b);
    const error = await restoreLibrary(b, hostile).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SharingError);
    expect((error as SharingError).code).toBe('path-traversal');
    expect(await snapshot(b)).toEqual(before);
    expect(await b.listAssets()).toEqual([]);
    // A deck bundle is not a backup.
    const notBackup = await restoreLibrary(b, new File([goodDecks[0]!.preview.file], 'x.lectern')).then(() => undefined, (e: unknown) => e);
    expect((notBackup as SharingError).code).toBe('manifest-missing');
    expect(await readBundle(blobSource(goodDecks[0]!.preview.file))).toBeDefined();
  });
});
