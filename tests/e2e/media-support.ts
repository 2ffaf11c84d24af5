// Real media for e2e tests: a WebM recorded by the page's own MediaRecorder, and a file stored in
// the app's IndexedDB as a bundle import would store it (object stores `assets` and `deckAssets`,
// docs/storage.md), without the media screen's checks.
import type { Page } from 'playwright';

/** `seconds` of a moving picture, recorded as WebM (VP8) by the page's own MediaRecorder. */
export async function recordWebm(page: Page, seconds = 5.5): Promise<Buffer> {
  const base64 = await page.evaluate(async (ms) => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    const ctx = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start(250);
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const draw = () => {
        const t = performance.now() - started;
        ctx.fillStyle = '#2a6';
        ctx.fillRect(0, 0, 320, 180);
        ctx.fillStyle = '#fd0';
        ctx.fillRect((t / 20) % 300, 60, 20, 60);
        if (t < ms) requestAnimationFrame(draw);
        else resolve();
      };
      draw();
    });
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, seconds * 1000);
  return Buffer.from(base64, 'base64');
}

/** Stores a file (text, or bytes) as one of a deck's media files, as a bundle import would. */
export async function storeUnchecked(page: Page, deckId: string, path: string, body: string | Buffer, type = 'text/vtt'): Promise<void> {
  const encoded = typeof body === 'string' ? { text: body } : { base64: body.toString('base64') };
  await page.evaluate(
    async ([id, p, content, mime]) => {
      const bytes = 'base64' in content ? Uint8Array.from(atob(content.base64!), (c) => c.charCodeAt(0)) : undefined;
      const blob = new Blob([bytes ?? content.text!], { type: mime });
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
      const sha = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['assets', 'deckAssets'], 'readwrite');
          tx.objectStore('assets').put({ id: sha, blob, type: mime, size: blob.size, name: p.split('/').pop(), createdAt: new Date().toISOString() });
          tx.objectStore('deckAssets').put({ deckId: id, path: p, assetId: sha });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    [deckId, path, encoded as { text?: string; base64?: string }, type] as const,
  );
}
