// File names for media dropped into a deck. They become Markdown paths (`media/<name>`), so they
// must survive Markdown link syntax, URLs and every file system a bundle is unpacked on, yet stay
// readable for Vietnamese instructors: "Ảnh Bác Hồ (1945).jpg" => "Ảnh-Bác-Hồ-1945.jpg".
// Which extensions and types are media comes from the one table in @lectern/deck (media-types.ts).
import { mediaTypeByMime, mediaTypeByName, type MediaKind } from '@lectern/deck';

export type { MediaKind };

// Characters that break Markdown links, URLs or Windows/macOS/Linux file names.
const RE_UNSAFE = /[\\/:*?"<>|()[\]{}#%&^`'!$;=+,~@\u0000-\u001f\u007f]/g;
const RE_SPACES = /[\s\-_]+/g;
const RE_EDGE_DASH = /^[-.]+|[-.]+$/g;
const RE_EXT = /\.([A-Za-z0-9]{1,8})$/;
const MAX_BASE = 80;

/** `clip.MP4` => 'video'; unknown extensions => undefined. */
export function mediaKindOf(name: string): MediaKind | undefined {
  return mediaTypeByName(name)?.kind;
}

/** The kind of a dropped file by MIME type, falling back to its extension. Only a first guess
 *  for the drop: the store decides the type from the file's bytes. */
export function fileMediaKind(file: { name: string; type: string }): MediaKind | undefined {
  const byType = mediaTypeByMime(file.type)?.kind;
  // A caption file is no slide medium: it is stored (caption-file.ts) but never inserted as one.
  return byType === 'captions' ? undefined : (byType ?? mediaKindOf(file.name));
}

/**
 * "Ảnh Bác Hồ (1945).JPG" => "Ảnh-Bác-Hồ-1945.jpg". Keeps letters of every script (NFC, so
 * "ệ" is one character), replaces spaces with dashes, drops characters unsafe in Markdown, URLs
 * or file names, lower-cases the extension, and adds one from the MIME type when missing.
 * `taken` (lower-cased comparison) makes the result unique: "a.jpg", "a-2.jpg", …
 */
export function safeMediaName(original: string, type = '', taken: Iterable<string> = []): string {
  const nfc = original.normalize('NFC').trim();
  const extMatch = RE_EXT.exec(nfc);
  let ext = extMatch?.[1]?.toLowerCase() ?? mediaTypeByMime(type)?.extensions[0] ?? 'bin';
  if (ext === 'jpeg' && !extMatch) ext = 'jpg';
  let base = (extMatch ? nfc.slice(0, extMatch.index) : nfc)
    .replace(RE_UNSAFE, ' ')
    .replace(RE_SPACES, '-')
    .replace(RE_EDGE_DASH, '');
  if (!base) base = 'media';
  base = Array.from(base).slice(0, MAX_BASE).join('').replace(RE_EDGE_DASH, '') || 'media';
  const used = new Set(Array.from(taken, (n) => n.normalize('NFC').toLowerCase()));
  let candidate = `${base}.${ext}`;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}.${ext}`;
  return candidate;
}

/** The Markdown that shows a media file: `![Ảnh-Bác-Hồ](media/Ảnh-Bác-Hồ.jpg)`. */
export function mediaMarkdown(fileName: string): string {
  const alt = fileName.replace(RE_EXT, '').replace(/-/g, ' ');
  return `![${alt}](media/${fileName})`;
}
