// Captions on lesson videos (issue 18 part 2), as an instructor meets them: a real WebM recorded
// by Chromium's MediaRecorder and a SubRip file are added on the media screen (the .srt becomes
// media/phim.vtt and is shown as the video's captions), a malformed .vtt is refused with its line,
// the editor preview and the presenter show a <track kind="captions"> inside the video, the cue
// is on screen at its time within the clip range (#t=1,4), C hides and shows it; a caption file
// that arrived unchecked (as from a bundle) with HTML and script in a cue shows as text only, one of
// 25,000 cues gets no track; the Offline HTML export, opened from file:// with the network
// refused, shows the same cue.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { appUrl, editor, editorText, freshPage, newSavedDeck, poll, preview } from './authoring-support.ts';
import { recordWebm, storeUnchecked } from './media-support.ts';
import { rewriteDeck } from './present-support.ts';

const chrome = useBrowser({ tempDir: 'lectern-e2e-captions-' });
const { dir } = chrome;

const CUE = 'Đồng chí Bí thư phát biểu';
const SRT = `1\r\n00:00:01,000 --> 00:00:04,000\r\n${CUE}\r\n\r\n2\r\n00:00:04,500 --> 00:00:05,500\r\nHết\r\n`;
const BAD_VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMột\n\n00:00:03,000 --> 00:00:04.000\nHai\n';

/** Plays the page's first video (muted) until a cue of its track `index` is active; returns the
 *  cue text, what the player builds from it, and the track's mode. */
async function playToCue(page: Page, videoSelector: string, index = 0): Promise<{ text: string; html: string; mode: string; time: number }> {
  const video = page.locator(videoSelector).first();
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    v.currentTime = 0;
    await v.play();
  });
  await poll(
    () => video.evaluate((v: HTMLVideoElement, i: number) => v.textTracks[i]?.activeCues?.length ?? 0, index),
    (n) => n > 0,
    'caption cue active while the video plays',
    600,
  );
  return video.evaluate((v: HTMLVideoElement, i: number) => {
    v.pause();
    const track = v.textTracks[i]!;
    const cue = track.activeCues![0] as VTTCue;
    const box = document.createElement('div');
    box.append(cue.getCueAsHTML());
    return { text: cue.text, html: box.innerHTML, mode: track.mode, time: v.currentTime };
  }, index);
}

describe('captions', () => {
  let deckId = '';
  let page: Page;

  it('should turn an .srt into the video\'s WebVTT captions on the media screen and refuse a malformed .vtt', { timeout: 300_000 }, async () => {
    ({ page } = await freshPage(chrome.browser, 'en'));
    deckId = await newSavedDeck(page, '# Phim tư liệu\n\n![Phim](media/phim.webm#t=1,4)\n');
    writeFileSync(join(dir, 'phim.webm'), await recordWebm(page));
    writeFileSync(join(dir, 'phim.srt'), SRT);
    writeFileSync(join(dir, 'hỏng.vtt'), BAD_VTT);

    await page.getByRole('link', { name: 'Media', exact: true }).click();
    const input = page.locator('lectern-screen-media input[type=file]');
    await input.setInputFiles([join(dir, 'phim.webm'), join(dir, 'phim.srt')]);
    const card = page.locator('li.card[data-path="media/phim.vtt"]');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.locator('.captions-for').innerText()).toMatch(/Captions for\s+media\/phim\.webm/);
    expect(await card.innerText()).toContain('text/vtt');

    await input.setInputFiles([join(dir, 'hỏng.vtt')]);
    const toast = page.getByText(/“hỏng\.vtt” is not a valid WebVTT caption file \(line 6: No decimal separator/);
    await toast.waitFor({ timeout: 30_000 });
    expect(await page.locator('li.card[data-path="media/hỏng.vtt"]').count()).toBe(0);
  });

  it('should show the captions track in the editor preview', { timeout: 120_000 }, async () => {
    await page.goto(appUrl(`#/edit/${encodeURIComponent(deckId)}`));
    const track = preview(page).locator('video > track[kind="captions"]');
    await track.first().waitFor({ state: 'attached', timeout: 30_000 });
    expect(await track.first().getAttribute('srclang')).toBe('vi');
    expect(await track.first().getAttribute('src')).toMatch(/^blob:/);
  });

  it('should take a .srt and a .vtt dropped onto the editor through the media screen\'s caption check, inserting no text', { timeout: 300_000 }, async () => {
    const before = await editorText(page);
    const drop = (name: string, body: string) =>
      editor(page).evaluate(
        (el, [n, b]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([b], n, { type: '' }));
          const box = el.getBoundingClientRect();
          el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: box.left + 20, clientY: box.bottom - 10 }));
        },
        [name, body] as const,
      );
    await drop('phim.en.srt', SRT.replace(CUE, 'The Secretary speaks'));
    await page.getByText('Added the caption file media/phim.en.vtt: captions for media/phim.webm.').waitFor({ timeout: 30_000 });
    const tracks = preview(page).locator('video > track[kind="captions"]');
    await poll(() => tracks.evaluateAll((list) => list.map((t) => t.getAttribute('srclang'))), (l) => l.join() === 'vi,en', 'the English track in the preview');
    await drop('hỏng.vtt', BAD_VTT);
    await page.getByText(/“hỏng\.vtt” is not a valid WebVTT caption file \(line 6: No decimal separator/).first().waitFor({ timeout: 30_000 });
    expect(await editorText(page)).toBe(before); // a caption file is never inserted as a slide medium
    // What the deck links now; the English file is then unlinked, so the tests below meet the
    // deck as the media screen left it (one Vietnamese track).
    const stored = await page.evaluate(
      (id) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('lectern');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('deckAssets', 'readwrite');
            const req = tx.objectStore('deckAssets').getAll();
            req.onsuccess = () => {
              const paths = (req.result as { deckId: string; path: string }[]).filter((l) => l.deckId === id).map((l) => l.path).sort();
              tx.objectStore('deckAssets').delete([id, 'media/phim.en.vtt']);
              tx.oncomplete = () => {
                open.result.close();
                resolve(paths);
              };
            };
          };
        }),
      deckId,
    );
    expect(stored).toEqual(['media/phim.en.vtt', 'media/phim.vtt', 'media/phim.webm']);
  });

  it('should show the cue on the projected video at its time in the clip and hide it with C', { timeout: 300_000 }, async () => {
    await page.goto(`${inject('baseURL')}present.html?lectern-deck=${encodeURIComponent(deckId)}&lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 120_000 });
    const selector = '.reveal .slides section.present video';
    expect(await page.locator(`${selector} > track[kind="captions"][srclang="vi"]`).count()).toBe(1);
    const shown = await playToCue(page, selector);
    expect(shown).toMatchObject({ text: CUE, mode: 'showing' });
    expect(shown.time).toBeGreaterThanOrEqual(1); // the clip starts at 1 s
    const video = page.locator(selector).first();
    const withCaption = await video.screenshot();

    await page.keyboard.press('c');
    await poll(() => page.evaluate(() => document.documentElement.dataset.lecternCaptions), (s) => s === 'off', 'captions off');
    expect(await video.evaluate((v: HTMLVideoElement) => v.textTracks[0]!.mode)).toBe('hidden');
    const without = await video.screenshot();
    expect(without.equals(withCaption)).toBe(false); // the caption box left the picture

    await page.keyboard.press('c');
    expect(await video.evaluate((v: HTMLVideoElement) => v.textTracks[0]!.mode)).toBe('showing');
  });

  it('should show a hostile caption file as text only, and give no captions from a file of 25,000 cues', { timeout: 300_000 }, async () => {
    await page.goto(appUrl('#/library'));
    const hostile = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<script>window.hacked=1</script><img src=x onerror="window.hacked=2"><b>Chữ đậm</b>\n';
    const huge = `WEBVTT\n\n${Array.from({ length: 25_000 }, () => '00:00:01.000 --> 00:00:04.000\nx\n').join('\n')}`;
    await storeUnchecked(page, deckId, 'media/phim.en.vtt', hostile);
    await storeUnchecked(page, deckId, 'media/phim.fr.vtt', huge);
    await rewriteDeck(page, deckId, (md) => md.replace('#t=1,4)', '#t=1,4){captions="media/phim.vtt,media/phim.en.vtt,media/phim.fr.vtt"}'));
    await page.goto(`${inject('baseURL')}present.html?lectern-deck=${encodeURIComponent(deckId)}&lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.lecternState === 'ready', null, { timeout: 120_000 });
    const selector = '.reveal .slides section.present video';
    expect(await page.locator(`${selector} > track`).evaluateAll((tracks) => tracks.map((t) => t.getAttribute('srclang')))).toEqual(['vi', 'en']);
    await page.locator(selector).evaluate((v: HTMLVideoElement) => {
      v.textTracks[0]!.mode = 'hidden';
      v.textTracks[1]!.mode = 'showing';
    });
    const shown = await playToCue(page, selector, 1);
    expect(shown.html).toBe('window.hacked=1<b>Chữ đậm</b>'); // tags the player does not know are dropped, their text shown
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  });

  it('should carry the captions into the Offline HTML export, shown from file:// with no network', { timeout: 300_000 }, async () => {
    const context = page.context();
    const library = await context.newPage();
    await library.goto(appUrl('#/library'));
    const card = library.locator(`[data-deck-id="${deckId}"]`);
    const button = card.getByRole('button', { name: 'Offline HTML' });
    await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
    const [download] = await Promise.all([library.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    const zipPath = join(dir, 'export.zip');
    await download.saveAs(zipPath);
    const out = join(dir, 'site');
    const entries = unzipSync(readFileSync(zipPath));
    for (const [name, bytes] of Object.entries(entries)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(out, name)), { recursive: true });
      writeFileSync(join(out, name), bytes);
    }
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['media/phim.webm', 'media/phim.vtt']));

    const viewer = await chrome.browser.newContext();
    const requests: string[] = [];
    await viewer.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const show = await viewer.newPage();
    await show.goto(pathToFileURL(join(out, 'index.html')).href);
    await show.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout: 60_000 });
    const tracks = show.locator('video > track[kind="captions"]');
    expect(await tracks.evaluateAll((list) => list.map((t) => t.getAttribute('srclang')))).toEqual(['vi', 'en']); // not the 25,000-cue file
    expect(await tracks.first().getAttribute('src')).toMatch(/^data:text\/vtt;/);
    const shown = await playToCue(show, '.reveal .slides section.present video');
    expect(shown).toMatchObject({ text: CUE, mode: 'showing' });
    expect(requests).toEqual([]);
    await viewer.close();
    await context.close();
  });
});
