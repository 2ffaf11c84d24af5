// What the store keeps as a media file's type: what its bytes are (packages/deck media-types.ts),
// never the type a bundle's manifest, a browser's File.type or a file name claims. Bytes that are
// none of the media Lectern shows are kept as application/octet-stream, which a browser downloads
// instead of rendering, so a stored file can never open as a page with the app's origin. SVG is
// the one media type that is also a document: it is stored only after DOMPurify's SVG profile
// (createSvgSanitizer) removed whatever could run. The words for a refusal are the callers'
// (bundle import, media drop): the store only decides.
import type { MediaCheck, MediaTypeInfo } from '@lectern/deck';

// The deck package (its media-type table) loads with the first media file stored, never with the
// library's first load (budget.json).
const mediaTypes = () => import('@lectern/deck');

export const UNKNOWN_TYPE = 'application/octet-stream';

export async function headOf(blob: Blob): Promise<Uint8Array> {
  const { SNIFF_BYTES } = await mediaTypes();
  return new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
}

/** The media type of a Blob's bytes, from the allow-list, or undefined. */
export async function sniffBlob(blob: Blob): Promise<MediaTypeInfo | undefined> {
  const [{ sniffMediaBytes }, head] = await Promise.all([mediaTypes(), headOf(blob)]);
  return sniffMediaBytes(head);
}

/** A Blob checked as the media file `path` names (its kind must be the extension's). */
export async function checkMediaBlob(path: string, blob: Blob): Promise<MediaCheck> {
  const [{ checkMediaBytes }, head] = await Promise.all([mediaTypes(), headOf(blob)]);
  return checkMediaBytes(path, head);
}

let svgSanitizer: Promise<(svg: string) => string | undefined> | undefined;

/** The bytes and type to store: the type from the bytes, an SVG rewritten without scripts. */
export async function storableMedia(blob: Blob): Promise<{ blob: Blob; type: string; rewritten: boolean }> {
  const info = await sniffBlob(blob);
  if (!info) return { blob: blob.type === UNKNOWN_TYPE ? blob : blob.slice(0, blob.size, UNKNOWN_TYPE), type: UNKNOWN_TYPE, rewritten: false };
  if (info.type !== 'image/svg+xml') return { blob: blob.type === info.type ? blob : blob.slice(0, blob.size, info.type), type: info.type, rewritten: false };
  // Loaded when an SVG arrives: DOMPurify is already part of the app, the sanitizer is small.
  svgSanitizer ??= mediaTypes().then(({ createSvgSanitizer }) => createSvgSanitizer(window));
  const clean = (await svgSanitizer)(await blob.text());
  if (clean === undefined) return { blob: blob.slice(0, blob.size, UNKNOWN_TYPE), type: UNKNOWN_TYPE, rewritten: false };
  return { blob: new Blob([clean], { type: info.type }), type: info.type, rewritten: true };
}
