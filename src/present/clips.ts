// Media clips: `![](media/talk.mp4#t=90,180)` plays seconds 90 to 180 only. Browsers honour a
// `#t=` fragment for the start, but not reliably the end on Blob URLs, and not at all once the
// element has been seeked or replayed; so the clip is enforced here: seek to its start when the
// media is ready or replayed past the end, pause at its end.
import type { Deck } from '@lectern/deck';

export interface Clip {
  start: number;
  end?: number;
}

const RE_T = /#t=(?:npt:)?([\d.]+)?(?:,([\d.]+))?$/;

/** `blob:…#t=1,4` => { start: 1, end: 4 } */
export function clipFromUrl(url: string | null | undefined): Clip | undefined {
  const match = url ? RE_T.exec(url) : null;
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const start = match[1] !== undefined ? Number(match[1]) : 0;
  const end = match[2] !== undefined ? Number(match[2]) : undefined;
  if (!Number.isFinite(start) || (end !== undefined && !(end > start))) return undefined;
  return end === undefined ? { start } : { start, end };
}

/** Clips named in the deck, by the URL their media resolves to (fallback when the rendered
 *  element's src carries no fragment). */
export function clipsByUrl(deck: Deck, resolve: (path: string) => string | undefined): Map<string, Clip> {
  const map = new Map<string, Clip>();
  for (const slide of deck.slides) {
    for (const media of slide.media) {
      if (!media.clip) continue;
      const url = resolve(media.path) ?? media.path;
      map.set(url, media.clip);
    }
  }
  return map;
}

function mediaSrc(el: HTMLMediaElement): string {
  return el.getAttribute('src') ?? el.querySelector('source')?.getAttribute('src') ?? '';
}

/** Finds the clip of a media element: its own URL fragment, else the deck's clip for its URL. */
export function clipOf(el: HTMLMediaElement, known: Map<string, Clip>): Clip | undefined {
  const src = mediaSrc(el);
  return clipFromUrl(src) ?? known.get(src.replace(/#.*$/, ''));
}

/** Makes every clip in `root` start at its start and stop at its end. */
export function enforceClips(root: ParentNode, known: Map<string, Clip>): void {
  for (const el of root.querySelectorAll<HTMLMediaElement>('video, audio')) {
    const clip = clipOf(el, known);
    if (!clip) continue;
    el.dataset.clipStart = String(clip.start);
    if (clip.end !== undefined) el.dataset.clipEnd = String(clip.end);
    const toStart = () => {
      if (el.currentTime < clip.start || (clip.end !== undefined && el.currentTime >= clip.end)) el.currentTime = clip.start;
    };
    if (el.readyState >= HTMLMediaElement.HAVE_METADATA) toStart();
    el.addEventListener('loadedmetadata', toStart);
    el.addEventListener('play', toStart);
    if (clip.end !== undefined) {
      const end = clip.end;
      el.addEventListener('timeupdate', () => {
        if (el.currentTime >= end) {
          el.pause();
          el.currentTime = end;
          el.dispatchEvent(new CustomEvent('lectern-clip-end'));
        }
      });
    }
  }
}

/** A still of a video for print: its poster, else the frame at its clip's start (or 1 s). */
export async function posterFrame(video: HTMLVideoElement, clip?: Clip): Promise<string | undefined> {
  const poster = video.getAttribute('poster');
  if (poster) return poster;
  try {
    if (video.readyState < HTMLMediaElement.HAVE_METADATA) {
      video.preload = 'auto';
      await once(video, 'loadedmetadata');
    }
    const at = Math.min(clip?.start ?? 1, Math.max(0, (video.duration || 1) - 0.1));
    video.currentTime = at;
    await once(video, 'seeked');
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth || 640;
    canvas.height = video.videoHeight || 360;
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.85);
  } catch {
    return undefined; // unreadable media: printed as its caption only
  }
}

function once(target: EventTarget, type: string): Promise<void> {
  return new Promise((resolve, reject) => {
    target.addEventListener(type, () => resolve(), { once: true });
    target.addEventListener('error', () => reject(new Error(`media ${type} failed`)), { once: true });
  });
}

/** Replaces every video in `root` with an image of its poster frame (print views). */
export async function videosToPosters(root: ParentNode, known: Map<string, Clip>): Promise<void> {
  const videos = [...root.querySelectorAll<HTMLVideoElement>('video')];
  await Promise.all(
    videos.map(async (video) => {
      const still = await posterFrame(video, clipOf(video, known));
      const img = document.createElement('img');
      img.className = 'lectern-video-still';
      img.alt = video.getAttribute('aria-label') ?? video.getAttribute('title') ?? '';
      if (still) img.src = still;
      for (const attr of ['width', 'height', 'style']) {
        const value = video.getAttribute(attr);
        if (value !== null) img.setAttribute(attr, value);
      }
      video.replaceWith(img);
    }),
  );
}
