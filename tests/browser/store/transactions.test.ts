import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../src/store/index.ts';
import { freshStore } from './helpers.ts';

describe('transactions', () => {
  it('should import a deck with its media and excerpts in one go', async () => {
    const store = await freshStore();
    const known = await store.createExcerpt({ text: 'Đã có.', source: 'Nghị quyết', ref: 'I' });
    const deck = await store.importDeck({
      markdown: '---\ntitle: Bài nhập\n---\n![](media/a.png)\n',
      title: 'ignored',
      assets: [
        { path: 'media/a.png', blob: new Blob(['a'], { type: 'image/png' }), sha256: 'CA978112CA1BBDCAFAC231B39A23DC4DA786EFF8147C4E72B9807785AFEE48BB' },
        { path: 'media/clip.mp4', blob: new Blob(['clip']) },
      ],
      excerpts: [{ text: 'Đã có.', source: 'Nghị quyết', ref: 'I' }, { text: 'Mới.' }],
    });
    expect(deck.title).toBe('Bài nhập');
    // Types come from the bytes, never from the Blob or the name: these bytes are no media.
    expect((await store.listDeckAssets(deck.id)).map((a) => [a.path, a.type])).toEqual([
      ['media/a.png', 'application/octet-stream'],
      ['media/clip.mp4', 'application/octet-stream'],
    ]);
    expect((await store.listExcerpts()).map((e) => e.text).sort()).toEqual(['Mới.', 'Đã có.']);
    expect(await store.getExcerpt(known.id)).toEqual(known);
  });

  it('should keep an import id, and refuse a second import with the same id', async () => {
    const store = await freshStore();
    const id = '6f1c2d4e-0000-4000-8000-000000000001';
    const first = await store.importDeck({ id, markdown: '# Một' });
    expect(first.id).toBe(id);
    const again = await store.importDeck({ id, markdown: '# Hai', assets: [{ path: 'media/x.png', blob: new Blob(['x']) }] }).catch((e: unknown) => e);
    expect(isStoreError(again, 'conflict')).toBe(true);
    expect((await store.getDeck(id))?.markdown).toBe('# Một');
    expect(await store.listAssets()).toEqual([]);
  });

  it('should leave nothing half-written when a write fails midway through an import', async () => {
    const store = await freshStore();
    const before = await store.createDeck({ markdown: '# Có sẵn' });
    const error = await store
      .importDeck({
        markdown: '# Nhập lỗi',
        assets: [
          { path: 'media/ok.png', blob: new Blob(['fine']) },
          // The deck and the first asset are already written in this transaction when this
          // record fails to clone (a function cannot be stored): the browser aborts it all.
          { path: 'media/bad.png', blob: new Blob(['bad']), name: (() => 'x') as unknown as string },
        ],
        excerpts: [{ text: 'Không được lưu.' }],
      })
      .catch((e: unknown) => e);
    expect(isStoreError(error)).toBe(true);
    expect(isStoreError(error, 'invalid-input') || isStoreError(error, 'aborted')).toBe(true);
    expect((await store.listDecks()).map((d) => d.id)).toEqual([before.id]);
    expect(await store.listAssets()).toEqual([]);
    expect(await store.listExcerpts()).toEqual([]);
    expect(await store.getDeck(before.id)).toEqual(before);
  });

  it('should refuse an import whose given SHA-256 is not a digest, before writing', async () => {
    const store = await freshStore();
    const error = await store
      .importDeck({ markdown: '# X', assets: [{ path: 'media/a.png', blob: new Blob(['a']), sha256: 'not-a-hash' }] })
      .catch((e: unknown) => e);
    expect(isStoreError(error, 'invalid-input')).toBe(true);
    expect((error as Error & { detail?: string }).detail).toContain('media/a.png');
    expect(await store.listDecks()).toEqual([]);
    expect(await store.listAssets()).toEqual([]);
  });

  it('should refuse duplicate or hostile asset paths in an import', async () => {
    const store = await freshStore();
    for (const paths of [['media/a.png', 'media/a.png'], ['../evil.png'], ['media/x\\y.png']]) {
      const error = await store
        .importDeck({ markdown: '# X', assets: paths.map((path) => ({ path, blob: new Blob([path]) })) })
        .catch((e: unknown) => e);
      expect(isStoreError(error, 'invalid-input'), paths.join()).toBe(true);
    }
    expect(await store.listDecks()).toEqual([]);
  });

  it('should give StoreErrors a code and the record in their detail', async () => {
    const store = await freshStore();
    const error = await store.getAssetBlob('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isStoreError(error, 'not-found')).toBe(true);
    expect((error as Error & { detail?: string }).detail).toContain('nope');
  });
});
