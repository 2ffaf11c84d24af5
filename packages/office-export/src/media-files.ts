// The deck's media as files in ppt/media/: each path the slides name is looked up once, given one
// part name (media1.png, media2.mp4…) however many slides use it, and images are measured (their
// first bytes only) so pictures keep their shape. Formats PowerPoint cannot show are not embedded
// and are listed as losses.
import { isLocal, mediaKind } from '@lectern/deck';
import { imageSize } from 'image-size';
import type { MediaProblem } from './losses.ts';
import type { MediaResolver, PlacedMedia } from './slide-xml.ts';

/** One media file, as the caller has it. `chunks()` may be called more than once; each call
 *  yields the bytes from the start (the browser: Blob slices; Node: a file stream). */
export interface PptxMedia {
  /** Media type, e.g. `video/mp4`. */
  type: string;
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
  /** The same bytes as a Blob (the browser): written into the output Blob without a copy. */
  blob?: Blob;
}

/** A path the caller will not read (outside the deck's folder, a link out of it…), and why. */
export interface RefusedMedia {
  refused: string;
}

/** Finds a media file by the path the deck writes (`media/ảnh.png`, no `#t=`); undefined when missing. */
export type MediaSource = (path: string) => PptxMedia | RefusedMedia | undefined | Promise<PptxMedia | RefusedMedia | undefined>;

/** Formats PowerPoint (2016 and later, Windows and Mac) plays or shows without add-ons. */
const EMBEDDABLE: Record<string, readonly string[]> = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff'],
  video: ['mp4', 'm4v', 'mov'],
  audio: ['mp3', 'm4a', 'wav'],
};

/** 1x1 grey PNG: the picture of a video or audio that has no poster (PowerPoint needs one). */
const PLACEHOLDER_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x68, 0x68, 0x68, 0xf8,
  0x0f, 0x00, 0x04, 0x84, 0x02, 0x7f, 0x2e, 0x4d, 0x2f, 0x47, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

const SNIFF_BYTES = 512 * 1024;

export interface MediaEntry {
  /** Zip entry name: `ppt/media/media3.png`. */
  name: string;
  file: PptxMedia;
}

export class MediaFiles implements MediaResolver {
  private readonly found = new Map<string, PlacedMedia>();
  readonly entries: MediaEntry[] = [];
  /** Extension => content type, for [Content_Types].xml. */
  readonly types = new Map<string, string>();
  private placeholderUsed: PlacedMedia | undefined;
  /** Why a path has no file, for the slides that use it. */
  private readonly refused = new Map<string, { reason: MediaProblem; message: string }>();

  constructor(
    private readonly source: MediaSource,
  ) {}

  /** Looks up and measures every path (once each). */
  async load(paths: Iterable<string>): Promise<void> {
    for (const path of new Set(paths)) {
      if (this.found.has(path)) continue;
      if (!isLocal(path)) {
        this.refused.set(path, { reason: 'remote', message: 'is on the network; not embedded' });
        continue;
      }
      const kind = mediaKind(path);
      const ext = extensionOf(path);
      if (!EMBEDDABLE[kind]!.includes(ext)) {
        this.refused.set(path, { reason: 'format', message: `PowerPoint cannot show .${ext || '?'} files; not embedded (convert it to ${EMBEDDABLE[kind]!.slice(0, 2).join(' or ')})` });
        continue;
      }
      const file = await this.source(path);
      if (!file) continue; // reported where a slide uses it
      if ('refused' in file) {
        this.refused.set(path, { reason: 'unsafe', message: `${file.refused}; not embedded` });
        continue;
      }
      const placed: PlacedMedia = { target: `../media/media${this.entries.length + 1}.${ext}` };
      if (kind === 'image') Object.assign(placed, await measure(file));
      this.entries.push({ name: `ppt/media/media${this.entries.length + 1}.${ext}`, file });
      this.types.set(ext, file.type || 'application/octet-stream');
      this.found.set(path, placed);
    }
  }

  get(path: string): PlacedMedia | undefined {
    return this.found.get(path);
  }

  problem(path: string): { reason: MediaProblem; message: string } {
    return this.refused.get(path) ?? { reason: 'missing', message: 'not found; not embedded' };
  }

  placeholder(): PlacedMedia {
    if (!this.placeholderUsed) {
      const bytes = PLACEHOLDER_PNG;
      this.entries.push({
        name: `ppt/media/media${this.entries.length + 1}.png`,
        file: { type: 'image/png', size: bytes.length, chunks: async function* () { yield bytes; } },
      });
      this.types.set('png', 'image/png');
      this.placeholderUsed = { target: `../media/media${this.entries.length}.png`, width: 1, height: 1 };
    }
    return this.placeholderUsed;
  }
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Pixel size from the first bytes of an image; nothing when they do not say. */
async function measure(file: PptxMedia): Promise<{ width?: number; height?: number }> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of file.chunks()) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= SNIFF_BYTES) break;
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    head.set(part, at);
    at += part.length;
  }
  try {
    const size = imageSize(head);
    const turned = size.orientation !== undefined && size.orientation >= 5;
    if (size.width && size.height) return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch {
    // Not an image this library knows, or cut short: laid out at 4:3.
  }
  return {};
}
