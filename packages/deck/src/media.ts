// Media references: which paths a slide names, what kind of player each needs, and `#t=` clips.
import { mediaTypeByName } from './media-types.ts';
import type { MediaKind } from './types.ts';

const RE_REMOTE = /^https?:\/\//i;
/** A URL scheme has two letters or more: `C:` starts a Windows path, which is a (refused) file. */
const RE_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** `media/clip.MP4?x=1#t=5` => 'video'; a name the media table does not know shows as an image. */
export function mediaKind(path: string): MediaKind {
  return mediaTypeByName(path)?.kind ?? 'image';
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
  // (Each part read in place: split and reduce were 2 % of rendering slides with clips.)
  let total = 0;
  let start = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', start)) {
    total = total * 60 + Number(text.slice(start, colon));
    start = colon + 1;
  }
  return total * 60 + Number(text.slice(start));
}

export interface SplitMediaPath {
  path: string;
  fragment: string;
  clip?: { start: number; end?: number };
}

/** `media/clip.mp4#t=90,180` => `media/clip.mp4`: the file, without reading the clip (what the
 *  renderer needs for every image and player). */
export function mediaPathOf(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

/** `media/clip.mp4#t=90,180` => path `media/clip.mp4`, fragment `#t=90,180`, clip 90-180. */
export function splitMediaPath(href: string): SplitMediaPath {
  const path = mediaPathOf(href);
  if (path.length === href.length) return { path: href, fragment: '' };
  const fragment = href.slice(path.length);
  const m = /^#t=(?:npt:)?([\d:.]*)(?:,([\d:.]+))?$/.exec(fragment);
  if (!m) return { path, fragment };
  const start = m[1] ? seconds(m[1]) : 0;
  const end = m[2] ? seconds(m[2]) : undefined;
  if (start === undefined) return { path, fragment };
  return end === undefined ? { path, fragment, clip: { start } } : { path, fragment, clip: { start, end } };
}
