// Media references: which paths a slide names, what kind of player each needs, and `#t=` clips.
import type { MediaKind } from './types.ts';

const VIDEO = new Set(['mp4', 'webm', 'ogv', 'mov', 'm4v']);
const AUDIO = new Set(['mp3', 'ogg', 'oga', 'm4a', 'wav']);
const RE_REMOTE = /^https?:\/\//i;
/** A URL scheme has two letters or more: `C:` starts a Windows path, which is a (refused) file. */
const RE_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** `media/clip.MP4?x=1#t=5` => 'video'. */
export function mediaKind(path: string): MediaKind {
  let end = path.length;
  const q = path.indexOf('?');
  if (q >= 0) end = q;
  const h = path.indexOf('#');
  if (h >= 0 && h < end) end = h;
  const dot = path.lastIndexOf('.', end);
  if (dot < 0 || end - dot > 5) return 'image';
  const ext = path.slice(dot + 1, end).toLowerCase();
  if (VIDEO.has(ext)) return 'video';
  if (AUDIO.has(ext)) return 'audio';
  return 'image';
}

export function isRemote(path: string): boolean {
  return RE_REMOTE.test(path);
}

/** A path in the deck's own folder (`media/x.jpg`), as opposed to a URL (`https:`, `data:`, `blob:`). */
export function isLocal(path: string): boolean {
  return !RE_SCHEME.test(path) && !path.startsWith('//') && !path.startsWith('#');
}

/** `90`, `1:30`, `0:01:30.5` => seconds. */
function seconds(text: string): number | undefined {
  if (!/^\d+(?::\d+){0,2}(?:\.\d+)?$/.test(text)) return undefined;
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

export interface SplitMediaPath {
  path: string;
  fragment: string;
  clip?: { start: number; end?: number };
}

/** `media/clip.mp4#t=90,180` => path `media/clip.mp4`, fragment `#t=90,180`, clip 90-180. */
export function splitMediaPath(href: string): SplitMediaPath {
  const hash = href.indexOf('#');
  if (hash < 0) return { path: href, fragment: '' };
  const path = href.slice(0, hash);
  const fragment = href.slice(hash);
  const m = /^#t=(?:npt:)?([\d:.]*)(?:,([\d:.]+))?$/.exec(fragment);
  if (!m) return { path, fragment };
  const start = m[1] ? seconds(m[1]) : 0;
  const end = m[2] ? seconds(m[2]) : undefined;
  if (start === undefined) return { path, fragment };
  return end === undefined ? { path, fragment, clip: { start } } : { path, fragment, clip: { start, end } };
}
