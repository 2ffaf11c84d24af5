// The Offline HTML export in real Chromium with real IndexedDB, on a deck with a 64 MB video:
// the zip is streamed (media read chunk by chunk, stored), and what comes out is a valid zip
// whose entries (read back with packages/bundle's strict zip reader, CRC checked) hold the same
// bytes as the library (SHA-256), under their Vietnamese names flagged UTF-8; progress is
// reported to the caller, increasing, ending at the total.
import { describe, expect, it } from 'vitest';
import { blobSource, defaultHashFactory, resolveLimits } from '@lectern/bundle';
import { entryChunks } from '../../../packages/bundle/src/entry-data.ts';
import { readZipDirectory } from '../../../packages/bundle/src/zip-directory.ts';
import { exportDeckHtml, type HtmlExportProgress } from '../../../src/sharing/offline-html.ts';
import { freshStore, patternBytes } from '../store/helpers.ts';

const VIDEO = 'media/Bài 4/phim ngắn.mp4';
const IMAGE = 'media/ảnh tư liệu.png';
const MIB = 1024 * 1024;
const REPEATS = 64;

const DECK = `---
title: Bài 4 — Nghị quyết Đại hội XIII
---

# Mở đầu

![Ảnh tư liệu](media/ảnh%20tư%20liệu.png)

---

## Phim

![phim](<media/Bài 4/phim ngắn.mp4>)
`;

async function sha256(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<string> {
  const hash = defaultHashFactory();
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest();
}

describe('offline HTML export', () => {
  it('should stream a deck with a 64 MB video into a valid zip and report progress up to the total', { timeout: 600_000 }, async () => {
    const store = await freshStore();
    const deck = await store.importDeck({ markdown: DECK, assets: [] });
    // 64 MB from one repeated 1 MiB chunk: the Blob is cheap to make, its bytes are known.
    const chunk = patternBytes(MIB, 5);
    await store.addDeckAsset(deck.id, VIDEO, new Blob(Array.from({ length: REPEATS }, () => chunk), { type: 'video/mp4' }));
    const image = patternBytes(200_000, 3);
    await store.addDeckAsset(deck.id, IMAGE, new Blob([image], { type: 'image/png' }));

    const progress: HtmlExportProgress[] = [];
    const result = await exportDeckHtml(store, deck.id, { onProgress: (p) => progress.push({ ...p }) });
    expect(result.fileName).toBe('Bài 4 — Nghị quyết Đại hội XIII.html.zip');
    expect(result.blob.type).toBe('application/zip');

    // Progress: several steps while the video streams, each further than the last, one total
    // throughout, the last at the total (the media and every text file).
    expect(progress.length).toBeGreaterThan(REPEATS / 2);
    const total = progress[0]!.total;
    expect(total).toBeGreaterThan(REPEATS * MIB + image.length);
    for (const [i, p] of progress.entries()) {
      expect(p.total).toBe(total);
      if (i > 0) expect(p.done).toBeGreaterThan(progress[i - 1]!.done);
    }
    expect(progress.at(-1)!.done).toBe(total);

    // The zip, read back from the Blob by a strict reader (no whole copy in memory).
    const source = blobSource(result.blob);
    const entries = await readZipDirectory(source, resolveLimits());
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    expect([...byName.keys()]).toEqual(expect.arrayContaining(['index.html', '_lectern/reveal.js', '_lectern/notes.js', VIDEO, IMAGE]));

    const video = byName.get(VIDEO)!;
    expect(video.method).toBe(0); // stored: media are compressed already
    expect(video.size).toBe(REPEATS * MIB);
    expect(video.flags & 0x800).toBe(0x800); // UTF-8 name flag: the Vietnamese name survives unzipping
    expect(byName.get(IMAGE)!.flags & 0x800).toBe(0x800);
    expect(await sha256(entryChunks(source, video))).toBe(await sha256(Array.from({ length: REPEATS }, () => chunk)));
    expect(await sha256(entryChunks(source, byName.get(IMAGE)!))).toBe(await sha256([image]));

    // The page points at the video by its encoded relative URL.
    let page = '';
    const decoder = new TextDecoder();
    for await (const part of entryChunks(source, byName.get('index.html')!)) page += decoder.decode(part, { stream: true });
    expect(page).toContain('Bài 4 — Nghị quyết Đại hội XIII');
    expect(page).toContain(encodeURI(VIDEO).replace(/#/g, '%23'));
  });
});
