// Readable, unique names for imported media: `media/03-ban-do-viet-nam.png` from the slide number
// and the picture's alt text (Vietnamese letters kept), never `image17.png`. Names are unique
// ignoring case and Unicode form (as a disk or the bundle reader would compare them) and pass the
// bundle's path rules, so the deck packs and unpacks anywhere.
import { assertAssetPath, foldPath, MEDIA_DIR } from '@lectern/bundle';

const MAX_STEM = 60;

export function slug(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/-+$/, '');
}

export class MediaNamer {
  private readonly used = new Set<string>();

  /** `label` (alt text, a title) becomes the readable part; `ext` is kept lower-case. */
  name(slideNumber: number | undefined, label: string, ext: string): string {
    const prefix = slideNumber === undefined ? '' : `${String(slideNumber).padStart(2, '0')}-`;
    const stem = `${prefix}${slug(label) || 'media'}`;
    const suffix = ext ? `.${ext.toLowerCase().replace(/[^a-z0-9]/g, '')}` : '';
    for (let n = 1; ; n++) {
      const candidate = `${MEDIA_DIR}${n === 1 ? stem : `${stem}-${n}`}${suffix}`;
      const key = foldPath(candidate);
      if (this.used.has(key)) continue;
      assertAssetPath(candidate);
      this.used.add(key);
      return candidate;
    }
  }
}

export function extensionOf(part: string): string {
  const base = part.split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

