// Which names may appear inside a bundle. A bundle is unpacked onto someone else's disk (CLI) or
// keyed into their store (app), so a name must be a plain relative path that means the same
// thing on Windows, macOS and Linux: no way up (`..`), no way out (absolute, drive letters, UNC),
// no separators that Windows reads differently (backslash), no control characters, and no two
// names that a case-insensitive or normalising file system would merge.

import { BundleError } from './errors.ts';

export const MANIFEST_NAME = 'manifest.json';
export const DECK_NAME = 'deck.md';
export const MEDIA_DIR = 'media/';

const RE_CONTROL = /[\u0000-\u001f\u007f]/;
const RE_DRIVE = /^[A-Za-z]:/;
// Characters Windows refuses in file names (`:` would also open an NTFS alternate stream).
const RE_WINDOWS_RESERVED = /[<>:"|?*]/;
const RE_WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_PATH_LENGTH = 512;

/**
 * Throws a BundleError unless `path` is a safe relative file path (folder entries end in `/`).
 * `media/Bài 1/ảnh.jpg` => ok; `media/../x` => path-traversal; `C:/x` => path-absolute.
 */
export function assertSafePath(path: string, entry: string = path): void {
  if (path.includes('\u0000')) throw new BundleError('path-nul', 'the name contains a NUL character', { entry });
  if (RE_CONTROL.test(path)) throw new BundleError('path-nul', 'the name contains a control character', { entry });
  if (path.includes('\\')) throw new BundleError('path-backslash', 'the name contains a backslash', { entry });
  if (path.startsWith('/') || RE_DRIVE.test(path)) {
    throw new BundleError('path-absolute', 'the name is an absolute path', { entry });
  }
  const body = path.endsWith('/') ? path.slice(0, -1) : path;
  const segments = body.split('/');
  if (segments.includes('..')) throw new BundleError('path-traversal', 'the name contains `..`', { entry });
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) {
    throw new BundleError('path-invalid', `the name is empty or longer than ${MAX_PATH_LENGTH} characters`, { entry });
  }
  for (const segment of segments) {
    if (segment === '' || segment === '.') {
      throw new BundleError('path-invalid', 'the name has an empty or `.` segment', { entry });
    }
    if (RE_WINDOWS_RESERVED.test(segment) || RE_WINDOWS_DEVICE.test(segment) || /[. ]$/.test(segment)) {
      throw new BundleError('path-invalid', `"${segment}" is not a valid file name on every system`, { entry });
    }
  }
}

/** Asset paths: safe, a file (not a folder), under `media/`. */
export function assertAssetPath(path: string): void {
  assertSafePath(path);
  if (!path.startsWith(MEDIA_DIR) || path.endsWith('/') || path.length === MEDIA_DIR.length) {
    throw new BundleError('path-invalid', 'assets must be files under media/', { entry: path });
  }
}

/** The key two names collide under on a case-insensitive, normalising file system. */
export function foldPath(path: string): string {
  return path.normalize('NFC').toLowerCase().normalize('NFC');
}
