import { describe, expect, it, vi } from 'vitest';
import { BlobUrls, isStoreError, sha256Hex } from '../../../src/store/index.ts';
import { freshStore, mediaBytes, patternBytes } from './helpers.ts';

async function bytesEqual(a: Blob, b: Blob, slice = 8 * 1024 * 1024): Promise<boolean> {
  if (a.size !== b.size) return false;
  for (let offset = 0; offset < a.size; offset += slice) {
    const [x, y] = await Promise.all([a.slice(offset, offset + slice).arrayBuffer(), b.slice(offset, offset + slice).arrayBuffer()]);
    const u = new Uint32Array(x, 0, Math.floor(x.byteLength / 4));
    const v = new Uint32Array(y, 0, Math.floor(y.byteLength / 4));
    for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
    const tu = new Uint8Array(x, u.length * 4);
    const tv = new Uint8Array(y, v.length * 4);
    for (let i = 0; i < tu.length; i++) if (tu[i] !== tv[i]) return false;
  }
  return true;
}

/** The keys (and sizes) of the staged bytes in `assetBlobs`, read over a raw connection. */
async function stagedBlobs(name: string): Promise<Map<string, number>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const out = new Map<string, number>();
    await new Promise<void>((resolve, reject) => {
      const req = db.transaction('assetBlobs').objectStore('assetBlobs').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return resolve();
        out.set(String(cursor.key), (cursor.value as Blob).size);
        cursor.continue();
      };
      req.onerror = () => reject(req.error);
    });
    return out;
  } finally {
    db.close();
  }
}

/** Writes bytes into `assetBlobs` as a put that never finished would leave them. */
async function stageRaw(name: string, key: string, blob: Blob): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const tx = db.transaction('assetBlobs', 'readwrite');
    tx.objectStore('assetBlobs').put(blob, key);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

describe('assets', () => {
  it('should key an asset by the SHA-256 of its bytes', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const store = await freshStore();
    const info = await store.putAsset(new Blob(['abc'], { type: 'text/plain' }), 'ghi-chú.txt');
    // Typed by its bytes, not by the Blob's type: text is no media, so it is kept as a download.
    expect(info).toMatchObject({ id: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', size: 3, type: 'application/octet-stream', name: 'ghi-chú.txt' });
    const blob = await store.getAssetBlob(info.id);
    expect(blob).toBeInstanceOf(Blob);
    expect(await blob.text()).toBe('abc');
    expect(await store.getAsset(info.id)).toEqual(info);
  });

  // No time limit (suite rule): slow machines take long over 100 MB, which is not a failure.
  it('should hash in slices (large Blobs) exactly as Web Crypto hashes whole', { timeout: 0 }, async () => {
    for (const size of [0, 1, 8 * 1024 * 1024, 8 * 1024 * 1024 + 1, 20 * 1024 * 1024 + 3]) {
      const blob = new Blob([patternBytes(size, size + 1)]);
      expect(await sha256Hex(blob, { streamAbove: 0 }), `size ${size}`).toBe(await sha256Hex(blob));
    }
    expect(await sha256Hex(new Blob(['abc']), { streamAbove: 0 })).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('should hash large Blobs in a Worker, reading none of their bytes on the page', { timeout: 0 }, async () => {
    const blob = new Blob([patternBytes(20 * 1024 * 1024 + 3, 5)]);
    const expected = await sha256Hex(blob); // Web Crypto, on the page
    const read = vi.spyOn(Blob.prototype, 'arrayBuffer');
    try {
      // Before: the 8 MiB slices were read and hashed on the page, freezing it for minutes on a
      // 2 GB video.
      expect(await sha256Hex(blob, { streamAbove: 0 })).toBe(expected);
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  it('should store a 100 MB Blob and read it back byte-identical', { timeout: 0 }, async () => {
    const store = await freshStore();
    const bytes = mediaBytes('mp4', 100 * 1024 * 1024, 7);
    const source = new Blob([bytes], { type: 'video/mp4' });
    const expected = await sha256Hex(source);
    const deck = await store.createDeck({ markdown: '![](media/big.mp4)' });
    const info = await store.addDeckAsset(deck.id, 'media/big.mp4', source);
    expect(info).toMatchObject({ assetId: expected, size: bytes.length, type: 'video/mp4', name: 'big.mp4' });
    const back = await store.getAssetBlob(expected);
    expect(back.size).toBe(bytes.length);
    expect(await bytesEqual(back, source)).toBe(true);
    expect(await sha256Hex(back)).toBe(expected);
  });

  it('should store the same media used by two decks once', async () => {
    const store = await freshStore();
    const a = await store.createDeck({ markdown: '# A' });
    const b = await store.createDeck({ markdown: '# B' });
    const bytes = mediaBytes('jpg', 256 * 1024, 3);
    const one = await store.addDeckAsset(a.id, 'media/anh.jpg', new Blob([bytes], { type: 'image/jpeg' }), 'ảnh.jpg');
    const two = await store.addDeckAsset(b.id, 'media/photo.jpg', new Blob([bytes.slice()], { type: 'image/jpeg' }), 'photo.jpg');
    expect(two.assetId).toBe(one.assetId);
    expect(two.name).toBe('ảnh.jpg'); // the first name it arrived with
    const assets = await store.listAssets();
    expect(assets).toHaveLength(1);
    expect(assets[0]?.uses).toBe(2);
    expect(await store.listDeckAssets(a.id)).toEqual([{ path: 'media/anh.jpg', assetId: one.assetId, type: 'image/jpeg', size: bytes.length, name: 'ảnh.jpg' }]);
  });

  it('should write the bytes while it hashes them, and keep one copy of the same bytes', { timeout: 0 }, async () => {
    const store = await freshStore();
    const bytes = mediaBytes('mp4', 4 * 1024 * 1024, 11);
    const order: string[] = [];
    // Which requests reach IndexedDB and Web Crypto, in order (the real ones run underneath).
    const originalPut = IDBObjectStore.prototype.put;
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      order.push(`put ${this.name}`);
      return originalPut.apply(this, args);
    };
    const spy = vi.spyOn(crypto.subtle, 'digest').mockImplementation((...args: Parameters<SubtleCrypto['digest']>) => {
      order.push('digest');
      return digest(...args);
    });
    let first: Awaited<ReturnType<typeof store.putAsset>>;
    try {
      first = await store.putAsset(new Blob([bytes], { type: 'video/mp4' }), 'bài giảng.mp4');
    } finally {
      IDBObjectStore.prototype.put = originalPut;
      spy.mockRestore();
    }
    // Before: the whole Blob was hashed first, and only then written.
    expect(order.indexOf('put assetBlobs')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('put assetBlobs')).toBeLessThan(order.indexOf('digest'));
    expect(first.id).toBe(await sha256Hex(new Blob([bytes])));
    expect([...(await stagedBlobs(store.name)).values()]).toEqual([bytes.length]);

    // The same bytes again, put and added to a deck: still one asset and one copy of the bytes.
    const again = await store.putAsset(new Blob([bytes.slice()]), 'copy.mp4');
    const deck = await store.createDeck({ markdown: '![](media/v.mp4)' });
    const linked = await store.addDeckAsset(deck.id, 'media/v.mp4', new Blob([bytes.slice()]));
    expect(again.id).toBe(first.id);
    expect(linked.assetId).toBe(first.id);
    expect(await store.listAssets()).toHaveLength(1);
    expect((await stagedBlobs(store.name)).size).toBe(1);
    expect(await bytesEqual(await store.getAssetBlob(first.id), new Blob([bytes]))).toBe(true);
  });

  it('should delete staged bytes no asset names once the grace period is over', async () => {
    let now = new Date('2026-11-01T00:00:00Z');
    const store = await freshStore({ now: () => now });
    const kept = await store.putAsset(new Blob(['giữ lại']), 'kept.bin');
    // Two puts that never finished (the tab closed while hashing): one old, one from just now.
    await stageRaw(store.name, '2026-10-31T23:00:00.000Z 1', new Blob(['bỏ dở cũ']));
    await stageRaw(store.name, '2026-11-01T00:00:00.000Z 2', new Blob(['đang băm']));
    now = new Date('2026-11-01T00:09:00Z');
    const result = await store.gcAssets();
    // `kept` is unused but younger than the grace period (10 minutes), and so is the second put.
    expect(result).toEqual({ deleted: [], bytes: new Blob(['bỏ dở cũ']).size });
    const left = await stagedBlobs(store.name);
    expect(left.size).toBe(2);
    expect(left.has('2026-11-01T00:00:00.000Z 2')).toBe(true);
    expect([...left.keys()].filter((k) => /^2026-11-01T00:00:00\.000Z [0-9a-f-]{36}$/.test(k))).toHaveLength(1); // kept's bytes
    expect(await (await store.getAssetBlob(kept.id)).text()).toBe('giữ lại');

    // An asset collected takes its bytes with it.
    now = new Date('2026-11-02T00:00:00Z');
    expect((await store.gcAssets()).deleted).toEqual([kept.id]);
    expect((await stagedBlobs(store.name)).size).toBe(0);
  });

  it('should collect only assets no deck uses, trashed decks included', async () => {
    const store = await freshStore();
    const kept = await store.createDeck({ markdown: '# kept' });
    const trashed = await store.createDeck({ markdown: '# trashed' });
    const used = await store.addDeckAsset(kept.id, 'media/a.png', new Blob(['a']));
    const inTrash = await store.addDeckAsset(trashed.id, 'media/b.png', new Blob(['b']));
    const orphan = await store.putAsset(new Blob(['orphan']));
    await store.deleteDeck(trashed.id);

    expect((await store.gcAssets()).deleted).toEqual([]); // grace period protects fresh assets
    const first = await store.gcAssets({ graceMs: 0 });
    expect(first).toEqual({ deleted: [orphan.id], bytes: 6 });
    expect(await store.getAsset(inTrash.assetId)).toBeDefined();

    await store.purgeDeleted();
    expect((await store.gcAssets({ graceMs: 0 })).deleted).toEqual([inTrash.assetId]);
    expect(await store.getAsset(used.assetId)).toBeDefined();
    const gone = await store.getAssetBlob(orphan.id).catch((e: unknown) => e);
    expect(isStoreError(gone, 'not-found')).toBe(true);
  });

  it('should not collect an unused asset that was just stored again', async () => {
    let now = new Date('2026-11-01T00:00:00Z');
    const store = await freshStore({ now: () => now });
    const first = await store.putAsset(new Blob(['video']), 'a.mp4');
    now = new Date('2026-11-10T00:00:00Z');
    const again = await store.putAsset(new Blob(['video']), 'b.mp4');
    expect(again.id).toBe(first.id);
    expect(again.name).toBe('a.mp4');
    expect((await store.gcAssets()).deleted).toEqual([]);
    now = new Date('2026-11-10T01:00:00Z');
    expect((await store.gcAssets()).deleted).toEqual([first.id]);
  });

  it('should tidy: purge decks trashed long ago, then their unused media', async () => {
    let now = new Date('2026-10-01T00:00:00Z');
    const store = await freshStore({ now: () => now });
    const old = await store.createDeck({ markdown: '# Cũ' });
    const recent = await store.createDeck({ markdown: '# Mới' });
    const oldMedia = await store.addDeckAsset(old.id, 'media/a.mp4', new Blob(['old video']));
    const recentMedia = await store.addDeckAsset(recent.id, 'media/b.mp4', new Blob(['recent video']));
    await store.deleteDeck(old.id);
    now = new Date('2026-11-20T00:00:00Z');
    await store.deleteDeck(recent.id);
    now = new Date('2026-11-25T00:00:00Z');
    expect(await store.tidy()).toEqual({ purged: [old.id], deletedAssets: 1, bytes: 9 });
    expect(await store.getAsset(oldMedia.assetId)).toBeUndefined();
    expect(await store.getAsset(recentMedia.assetId)).toBeDefined();
    expect((await store.listDecks({ trash: true })).map((d) => d.id)).toEqual([recent.id]);
  });

  it('should link, rename and unlink deck paths', async () => {
    const store = await freshStore();
    const deck = await store.createDeck({ markdown: '# A' });
    const asset = await store.putAsset(new Blob(['x']), 'x.png');
    await store.linkAsset(deck.id, 'media/x.png', asset.id);
    await store.linkAsset(deck.id, 'media/y.png', asset.id);
    const clash = await store.renameAssetPath(deck.id, 'media/x.png', 'media/y.png').catch((e: unknown) => e);
    expect(isStoreError(clash, 'conflict')).toBe(true);
    await store.renameAssetPath(deck.id, 'media/x.png', 'media/z.png');
    expect((await store.listDeckAssets(deck.id)).map((a) => a.path)).toEqual(['media/y.png', 'media/z.png']);
    await store.unlinkAsset(deck.id, 'media/y.png');
    expect((await store.listDeckAssets(deck.id)).map((a) => a.path)).toEqual(['media/z.png']);
    const noAsset = await store.linkAsset(deck.id, 'media/q.png', 'f'.repeat(64)).catch((e: unknown) => e);
    expect(isStoreError(noAsset, 'not-found')).toBe(true);
    const noDeck = await store.linkAsset('nope', 'media/q.png', asset.id).catch((e: unknown) => e);
    expect(isStoreError(noDeck, 'not-found')).toBe(true);
  });

  it('should refuse hostile media paths and store nothing', async () => {
    const store = await freshStore();
    const deck = await store.createDeck({ markdown: '# A' });
    for (const path of ['', '/etc/passwd', '../x.png', 'media/../../x', 'media\\x.png', 'C:x.png', 'media/\0x', 'media//x', './x']) {
      const error = await store.addDeckAsset(deck.id, path, new Blob(['x'])).catch((e: unknown) => e);
      expect(isStoreError(error, 'invalid-input'), path).toBe(true);
    }
    expect(await store.listAssets()).toEqual([]);
  });

  it('should hand out one object URL per asset and revoke them all', async () => {
    const store = await freshStore();
    const a = await store.putAsset(new Blob(['a']));
    const b = await store.putAsset(new Blob(['b']));
    const created: string[] = [];
    const revoked: string[] = [];
    const urls = new BlobUrls(
      store,
      (blob) => {
        const url = URL.createObjectURL(blob);
        created.push(url);
        return url;
      },
      (url) => {
        revoked.push(url);
        URL.revokeObjectURL(url);
      },
    );
    const [u1, u2, u3] = await Promise.all([urls.acquire(a.id), urls.acquire(a.id), urls.acquire(b.id)]);
    expect(u1).toBe(u2);
    expect(u3).not.toBe(u1);
    expect(await (await fetch(u1!)).text()).toBe('a');
    expect(urls.size).toBe(2);
    const missing = await urls.acquire('0'.repeat(64)).catch((e: unknown) => e);
    expect(isStoreError(missing, 'not-found')).toBe(true);
    urls.releaseAll();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(urls.size).toBe(0);
    expect(revoked.sort()).toEqual(created.sort());
    await expect(fetch(u1!)).rejects.toThrow();
  });
});
