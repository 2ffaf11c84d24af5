// Fixture helpers for the store's browser tests: each test opens its own database (unique name)
// and deletes it afterwards, so tests never see each other's records.
import { afterEach } from 'vitest';
import { deleteStore, openStore, type OpenStoreOptions, type Store } from '../../../src/store/index.ts';
import { withMagic, type MagicExt } from '../../support/media-magic.ts';

const opened: Store[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) {
    store.close();
    await deleteStore(store.name);
  }
});

export function uniqueName(label = 'test'): string {
  return `lectern-test-${label}-${crypto.randomUUID()}`;
}

/** A fresh store on a new database, closed and deleted after the test. */
export async function freshStore(options: OpenStoreOptions & { name?: string } = {}): Promise<Store> {
  const store = await openStore(options.name ?? uniqueName(), { requestPersistence: false, ...options });
  opened.push(store);
  return store;
}

/** A second connection to the same database (another tab, as far as IndexedDB is concerned). */
export async function secondConnection(store: Store, options: OpenStoreOptions = {}): Promise<Store> {
  const other = await openStore(store.name, { requestPersistence: false, ...options });
  opened.unshift(other); // closed before the first, so deleteStore is not blocked
  return other;
}

/** Deterministic bytes (xorshift), fast enough for 100 MB. */
export function patternBytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  const words = new Uint32Array(out.buffer, 0, Math.floor(size / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  for (let i = words.length * 4; i < size; i++) out[i] = i & 0xff;
  return out;
}

/** patternBytes that begin as a real file of `ext` ('png', 'jpg', 'mp4') does. */
export function mediaBytes(ext: MagicExt, size: number, seed = 1): Uint8Array<ArrayBuffer> {
  return withMagic(ext, patternBytes(size, seed));
}

export const DECK_MD = `---
title: Những vấn đề cơ bản về Đảng
audience: Đảng viên mới
duration: 90
tags: [lý luận, Đảng viên mới]
---

# Bài 1 {minutes=10}

Nội dung.

---

## Thảo luận

::: discussion {minutes=15}
Câu hỏi?
:::

---

## Kết luận
`;
