// Media types come from the bytes (issue 13 item 1). A bundle's manifest, a file's name or a
// browser's File.type can claim anything; an HTML page or a scripted SVG opened through its
// blob: URL runs with the app's origin (it can read IndexedDB). In real Chromium with real
// IndexedDB: what a hostile bundle or a dropped file tries, and what the library keeps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobChunks, writeBundleToBlob, type BundleAssetInput } from '@lectern/bundle';
import { setLang } from '../../../src/app/i18n.ts';
import { DeckMedia } from '../../../src/media/deck-media.ts';
import { MediaRefusedError } from '../../../src/media/media-check.ts';
import { importBundle, previewBundle, SharingError, sharingErrorText } from '../../../src/sharing/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { freshStore, mediaBytes } from '../store/helpers.ts';

declare global {
  interface Window {
    __ran?: string[];
  }
}

/** What a hostile file does when it runs: note it where the test looks. */
const RUN = (what: string) => `(window.parent||window).__ran=((window.parent||window).__ran||[]).concat('${what}')`;
const HTML_PAGE = `<!doctype html><html><body><script>${RUN('html')};localStorage.setItem('pwned','1')</script>tin tức</body></html>`;
const SCRIPTED_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20" onload="${RUN('svg-onload')}">
  <script>${RUN('svg-script')}</script>
  <a xlink:href="javascript:${RUN('svg-link')}"><rect width="40" height="20" fill="#c00"/></a>
  <foreignObject width="40" height="20"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="${RUN('svg-foreign')}"/></div></foreignObject>
  <text x="2" y="15">Đảng</text>
</svg>`;

beforeEach(() => setLang('vi'));

afterEach(() => {
  delete window.__ran;
  localStorage.removeItem('pwned');
  setLang('vi');
});

function asset(path: string, type: string, body: string | Uint8Array<ArrayBuffer>): BundleAssetInput {
  const blob = new Blob([body], { type });
  return { path, type, size: blob.size, blob, chunks: () => blobChunks(blob) };
}

async function bundleWith(...assets: BundleAssetInput[]): Promise<File> {
  const deck = `# Tư liệu\n\n${assets.map((a) => `![x](${a.path.replace(/ /g, '%20')})`).join('\n\n')}\n`;
  const { blob } = await writeBundleToBlob({
    id: crypto.randomUUID(),
    title: 'Gói tư liệu',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    generator: 'test',
    deck,
    assets,
  });
  return new File([blob], 'tu-lieu.lectern');
}

async function libraryState(store: Store) {
  return { decks: await store.listDecks(), assets: await store.listAssets() };
}

/** Opens a URL as a document in a frame, as "open image in new tab" would, and waits. */
async function openAsDocument(url: string): Promise<void> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  // Give handlers (onload, onerror of a broken image) their turn.
  await new Promise((resolve) => setTimeout(resolve, 300));
  frame.remove();
}

describe('media types decided from the bytes', () => {
  it('should refuse a bundle whose "photo" is an HTML page declared image/png, with a reason naming it, library untouched', async () => {
    const store = await freshStore();
    const before = await libraryState(store);
    const file = await bundleWith(asset('media/ảnh.png', 'image/png', HTML_PAGE));
    const error = await previewBundle(store, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SharingError);
    expect((error as SharingError).code).toBe('media-type');
    // What the instructor reads: said when shown, in the UI language.
    expect(sharingErrorText(error)).toContain('media/ảnh.png');
    expect(sharingErrorText(error)).toContain('Thư viện không thay đổi');
    await expect(importBundle(store, file)).rejects.toBeInstanceOf(SharingError);
    expect(await libraryState(store)).toEqual(before);
  });

  it('should refuse an SVG declared as video/mp4 under a .mp4 name, in English when the UI is English', async () => {
    setLang('en');
    const store = await freshStore();
    const file = await bundleWith(asset('media/phim.mp4', 'video/mp4', SCRIPTED_SVG));
    const error = (await previewBundle(store, file).catch((e: unknown) => e)) as SharingError;
    expect(error.code).toBe('media-type');
    expect(sharingErrorText(error)).toMatch(/media\/phim\.mp4.*the name says video but the content is a SVG image/);
  });

  it('should import real media typed by their bytes, whatever the manifest declared', async () => {
    const store = await freshStore();
    // A PNG the manifest calls text/html, an MP4 it calls application/octet-stream.
    const file = await bundleWith(asset('media/ảnh.png', 'text/html', mediaBytes('png', 5_000, 1)), asset('media/phim.mp4', 'application/octet-stream', mediaBytes('mp4', 9_000, 2)));
    const { deck } = await importBundle(store, file);
    const types = Object.fromEntries((await store.listDeckAssets(deck.id)).map((a) => [a.path, a.type]));
    expect(types).toEqual({ 'media/ảnh.png': 'image/png', 'media/phim.mp4': 'video/mp4' });
  });

  it('should store an SVG without anything that runs, so opening it as a page runs nothing', async () => {
    const store = await freshStore();
    const { deck } = await importBundle(store, await bundleWith(asset('media/sơ đồ.svg', 'image/svg+xml', SCRIPTED_SVG)));
    const [stored] = await store.listDeckAssets(deck.id);
    expect(stored!.type).toBe('image/svg+xml');
    const blob = await store.getAssetBlob(stored!.assetId);
    const text = await blob.text();
    expect(text).toContain('Đảng');
    expect(text).toContain('<rect');
    expect(text).not.toMatch(/<script|onload|onerror|javascript:|foreignObject/i);
    const url = URL.createObjectURL(blob);
    try {
      await openAsDocument(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    expect(window.__ran).toBeUndefined();
    // Still an image a slide can show.
    const image = new Image();
    image.src = URL.createObjectURL(blob);
    await image.decode();
    expect(image.naturalWidth).toBe(40);
  });

  it('should keep bytes that are no media as application/octet-stream, which never opens as a page', async () => {
    const store = await freshStore();
    const info = await store.putAsset(new Blob([HTML_PAGE], { type: 'text/html' }), 'tin.png');
    expect(info.type).toBe('application/octet-stream');
    // What a tab opening the blob: URL is told: a download, not a page.
    const url = URL.createObjectURL(await store.getAssetBlob(info.id));
    try {
      expect((await fetch(url)).headers.get('content-type')).toBe('application/octet-stream');
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('should refuse a dropped "image" that is an HTML page, with a Vietnamese reason, storing nothing', async () => {
    const store = await freshStore();
    const deck = await store.importDeck({ markdown: '# Bài\n', assets: [] });
    const media = new DeckMedia(store, deck.id);
    await media.reload();
    const error = await media.add(new File([HTML_PAGE], 'Ảnh lớp.png', { type: 'image/png' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaRefusedError);
    expect((error as Error).message).toContain('media/Ảnh-lớp.png');
    expect((error as Error).message).toContain('không phải ảnh PNG');
    expect(await store.listDeckAssets(deck.id)).toEqual([]);
    expect(await store.listAssets()).toEqual([]);
    media.dispose();
  });
});
