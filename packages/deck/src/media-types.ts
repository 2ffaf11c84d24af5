// The one table of media Lectern can show: file extension => MIME type and kind, and how each
// type is recognised from its first bytes (magic numbers). Used by the deck (which player a path
// needs), the app (names for dropped files, the store's types, bundle import), and the CLI (pack,
// check). A media file's type is decided from its bytes, checked against this allow-list, never
// from a manifest or a file name alone: an HTML page named `photo.png` or declared `image/png`
// would otherwise run with the app's origin when its blob: URL is opened as a page.
import type { MediaKind } from './types.ts';

export interface MediaTypeInfo {
  /** The canonical MIME type stored and sent with the bytes. */
  type: string;
  /** The player a slide gives it; 'captions' for caption files, which belong to a video. */
  kind: MediaKind | 'captions';
  /** Extensions (lower case, no dot) naming this type; the first is the one given to new files. */
  extensions: readonly string[];
  /** Name shown in messages: 'PNG', 'MP4'. */
  label: string;
}

/** A type a slide shows with a player of its own (image, video, audio). */
export type SlideMediaTypeInfo = MediaTypeInfo & { kind: MediaKind };

/** The allow-list. Order matters only for sniffing (first match wins) and for messages. */
export const MEDIA_TYPES: readonly SlideMediaTypeInfo[] = [
  { type: 'image/png', kind: 'image', extensions: ['png'], label: 'PNG' },
  { type: 'image/jpeg', kind: 'image', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  { type: 'image/gif', kind: 'image', extensions: ['gif'], label: 'GIF' },
  { type: 'image/webp', kind: 'image', extensions: ['webp'], label: 'WebP' },
  { type: 'image/avif', kind: 'image', extensions: ['avif'], label: 'AVIF' },
  { type: 'image/svg+xml', kind: 'image', extensions: ['svg'], label: 'SVG' },
  { type: 'image/bmp', kind: 'image', extensions: ['bmp'], label: 'BMP' },
  { type: 'image/x-icon', kind: 'image', extensions: ['ico'], label: 'ICO' },
  { type: 'video/mp4', kind: 'video', extensions: ['mp4', 'm4v'], label: 'MP4' },
  { type: 'video/quicktime', kind: 'video', extensions: ['mov'], label: 'QuickTime' },
  { type: 'video/webm', kind: 'video', extensions: ['webm'], label: 'WebM' },
  { type: 'video/ogg', kind: 'video', extensions: ['ogv'], label: 'Ogg video' },
  { type: 'audio/mpeg', kind: 'audio', extensions: ['mp3'], label: 'MP3' },
  { type: 'audio/ogg', kind: 'audio', extensions: ['ogg', 'oga'], label: 'Ogg audio' },
  { type: 'audio/mp4', kind: 'audio', extensions: ['m4a'], label: 'M4A' },
  { type: 'audio/wav', kind: 'audio', extensions: ['wav'], label: 'WAV' },
];

/** Caption files (WebVTT) are not a slide medium (no player of their own): they travel with the
 *  video that shows them, are stored and packed like media, and a browser shows text/vtt as text,
 *  never runs it. Recognised by the signature every WebVTT file starts with. */
export const WEBVTT: MediaTypeInfo = { type: 'text/vtt', kind: 'captions', extensions: ['vtt'], label: 'WebVTT' };

/** Optional UTF-8 BOM, `WEBVTT`, then the end, a space, a tab or a line break (the WebVTT spec's
 *  file signature). */
export function isWebVttBytes(head: Uint8Array): boolean {
  const at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (!ascii(head, at, 'WEBVTT')) return false;
  const next = head[at + 6];
  return next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

const BY_EXTENSION = new Map<string, SlideMediaTypeInfo>(MEDIA_TYPES.flatMap((info) => info.extensions.map((ext) => [ext, info] as const)));
const BY_TYPE = new Map<string, MediaTypeInfo>([...MEDIA_TYPES, WEBVTT].map((info) => [info.type, info]));
// Other spellings browsers and tools use for the same types.
for (const [alias, type] of [['audio/x-wav', 'audio/wav'], ['audio/wave', 'audio/wav'], ['audio/mp3', 'audio/mpeg'], ['video/x-m4v', 'video/mp4'], ['audio/x-m4a', 'audio/mp4'], ['image/vnd.microsoft.icon', 'image/x-icon']] as const) {
  BY_TYPE.set(alias, BY_TYPE.get(type)!);
}

/** How many leading bytes sniffMediaType needs (more are ignored). */
export const SNIFF_BYTES = 4096;

/** `media/Ảnh.JPG?x#t=1` => 'jpg'; '' when there is none. Query and fragment are not part of it. */
export function extensionOf(path: string): string {
  let end = path.length;
  const q = path.indexOf('?');
  if (q >= 0) end = q;
  const h = path.indexOf('#');
  if (h >= 0 && h < end) end = h;
  const slash = path.lastIndexOf('/', end - 1);
  const dot = path.lastIndexOf('.', end - 1);
  if (dot < 0 || dot <= slash || end - dot > 9) return '';
  return path.slice(dot + 1, end).toLowerCase();
}

/** The table's entry for a file name's extension, or undefined when it is not media Lectern shows. */
export function mediaTypeByName(path: string): SlideMediaTypeInfo | undefined {
  return BY_EXTENSION.get(extensionOf(path));
}

/** The table's entry for a MIME type (`image/JPEG; x=1` works), or undefined. */
export function mediaTypeByMime(type: string): MediaTypeInfo | undefined {
  return BY_TYPE.get(type.split(';')[0]!.trim().toLowerCase());
}

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** ISO base media file (MP4, MOV, M4A, AVIF): `ftyp` box first; its brands tell which. */
function isoBrands(bytes: Uint8Array): string[] | undefined {
  if (!ascii(bytes, 4, 'ftyp')) return undefined;
  const size = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
  const end = Math.min(bytes.length, size >= 16 ? size : 16);
  const brands: string[] = [];
  const read = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length >= 12) brands.push(read(8));
  for (let at = 16; at + 4 <= end; at += 4) brands.push(read(at));
  return brands;
}

/** An SVG document: optional BOM, XML declaration, comments, doctype, then `<svg`. */
function isSvg(bytes: Uint8Array): boolean {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, '');
  for (;;) {
    text = text.trimStart();
    const skipped = /^(?:<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+svg[^>[]*(?:\[[\s\S]*?\])?\s*>)/i.exec(text);
    if (!skipped) break;
    text = text.slice(skipped[0].length);
  }
  return /^<svg[\s>/]/.test(text) || /^<[A-Za-z_][\w.-]*:svg[\s>/]/.test(text);
}

/** The type the bytes are, from the allow-list, or undefined for anything else (HTML, scripts,
 *  PDFs, executables, unknown). `head` is the first SNIFF_BYTES bytes (fewer for a small file). */
export function sniffMediaBytes(head: Uint8Array): MediaTypeInfo | undefined {
  const b = head;
  const is = (type: string) => BY_TYPE.get(type);
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) return is('image/png');
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return is('image/jpeg');
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return is('image/gif');
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return is('image/webp');
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return is('audio/wav');
  if (ascii(b, 0, 'BM') && b.length >= 26 && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0) return is('image/bmp');
  if (b.length >= 6 && b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0 && (b[4]! | b[5]!) !== 0) return is('image/x-icon');
  if (ascii(b, 0, 'OggS')) return is('audio/ogg');
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) {
    // EBML: WebM when its DocType says so (Matroska files are not on the list).
    return indexOfAscii(b, 'webm', 64) >= 0 ? is('video/webm') : undefined;
  }
  const brands = isoBrands(b);
  if (brands) {
    if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return is('image/avif');
    if (brands[0] === 'qt  ') return is('video/quicktime');
    if (brands[0] === 'M4A ' || brands[0] === 'M4B ') return is('audio/mp4');
    return is('video/mp4');
  }
  if (ascii(b, 0, 'ID3')) return is('audio/mpeg');
  // An MPEG audio frame: 11 sync bits, a defined version and layer.
  if (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && (b[1]! & 0x18) !== 0x08 && (b[1]! & 0x06) !== 0) return is('audio/mpeg');
  if (isSvg(b)) return is('image/svg+xml');
  if (isWebVttBytes(b)) return WEBVTT;
  return undefined;
}

function indexOfAscii(bytes: Uint8Array, text: string, limit: number): number {
  const end = Math.min(bytes.length, limit) - text.length;
  for (let at = 0; at <= end; at++) if (ascii(bytes, at, text)) return at;
  return -1;
}

/** Why bytes were refused as the media a name says they are. */
export type MediaRefusal =
  /** The name has no extension of the allow-list (`notes.html`, `clip`). */
  | { reason: 'extension'; extension: string }
  /** The bytes are none of the allow-list's types (HTML, script, PDF, unknown). */
  | { reason: 'bytes'; expected: MediaTypeInfo }
  /** The bytes are media of another kind than the name says (`clip.mp4` holding a PNG). */
  | { reason: 'kind'; expected: MediaTypeInfo; actual: MediaTypeInfo };

export type MediaCheck = { ok: true; info: MediaTypeInfo } | ({ ok: false } & MediaRefusal);

/**
 * Decides the type of a media file from its first bytes and checks it against the allow-list and
 * its name: the kind (image, video, audio) must be the one its extension gives, as the deck picks
 * its player by extension. Within a kind the bytes win (a PNG named `.jpg` is stored as
 * image/png). A declared type (a bundle's manifest, a browser's File.type) is never consulted.
 */
export function checkMediaBytes(path: string, head: Uint8Array): MediaCheck {
  if (extensionOf(path) === 'vtt') return isWebVttBytes(head) ? { ok: true, info: WEBVTT } : { ok: false, reason: 'bytes', expected: WEBVTT };
  const expected = mediaTypeByName(path);
  if (!expected) return { ok: false, reason: 'extension', extension: extensionOf(path) };
  const actual = sniffMediaBytes(head);
  if (!actual) return { ok: false, reason: 'bytes', expected };
  // Ogg holds audio or video with the same magic: the extension decides which.
  if (actual.type === 'audio/ogg' && expected.type === 'video/ogg') return { ok: true, info: expected };
  // MP4 and M4A share brands (isom, mp42): the extension decides audio or video.
  if (actual.type === 'video/mp4' && expected.type === 'audio/mp4') return { ok: true, info: expected };
  if (actual.type === 'audio/mp4' && expected.type === 'video/mp4') return { ok: true, info: expected };
  if (actual.kind !== expected.kind) return { ok: false, reason: 'kind', expected, actual };
  return { ok: true, info: actual };
}

/** The allow-list's extensions by kind, for file pickers and messages: '.png, .jpg, …'. */
export function mediaExtensions(kind?: MediaKind): string[] {
  return MEDIA_TYPES.filter((info) => kind === undefined || info.kind === kind).flatMap((info) => info.extensions);
}

const KIND: Record<'vi' | 'en', Record<MediaKind | 'captions', string>> = {
  vi: { image: 'ảnh', video: 'video', audio: 'âm thanh', captions: 'phụ đề' },
  en: { image: 'image', video: 'video', audio: 'audio', captions: 'captions' },
};

/** The CLI's line for each refusal, by language (the app words its own in src/media/media-check.ts). */
const REFUSAL = {
  vi: {
    extension: (path: string, ext: string, allowed: string) =>
      `${path}: ${ext ? `tệp .${ext}` : 'tệp không có phần mở rộng'} không phải tư liệu Lectern hiển thị được (được phép: ${allowed})`,
    bytes: (path: string, expected: MediaTypeInfo) =>
      `${path}: nội dung tệp không phải ${KIND.vi[expected.kind]} ${expected.label} (không phải ảnh, video hay âm thanh Lectern hiển thị được)`,
    kind: (path: string, expected: MediaTypeInfo, actual: MediaTypeInfo) =>
      `${path}: tên tệp nói là ${KIND.vi[expected.kind]} nhưng nội dung là ${KIND.vi[actual.kind]} ${actual.label}`,
  },
  en: {
    extension: (path: string, ext: string, allowed: string) =>
      `${path}: ${ext ? `.${ext} files are` : 'a file without an extension is'} not media Lectern can show (allowed: ${allowed})`,
    bytes: (path: string, expected: MediaTypeInfo) =>
      `${path}: the file is not a ${expected.label} ${expected.kind} (its bytes are no image, video or audio Lectern can show)`,
    kind: (path: string, expected: MediaTypeInfo, actual: MediaTypeInfo) =>
      `${path}: the name says ${expected.kind} but the file is a ${actual.label} ${actual.kind}`,
  },
};

/** One line for the CLI, in Vietnamese or English. */
export function describeMediaRefusal(path: string, refusal: MediaRefusal, lang: 'vi' | 'en' = 'en'): string {
  const text = REFUSAL[lang];
  switch (refusal.reason) {
    case 'extension':
      return text.extension(path, refusal.extension, mediaExtensions().map((e) => `.${e}`).join(' '));
    case 'bytes':
      return text.bytes(path, refusal.expected);
    case 'kind':
      return text.kind(path, refusal.expected, refusal.actual);
  }
}
