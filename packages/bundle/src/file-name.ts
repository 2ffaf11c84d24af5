// The `.lectern` file-name rule, in one place: what a bundle is called when written (the app's
// export, `lectern pack`) and which dropped or named files are taken for bundles (the library's
// drop and import, `lectern check`).

export const BUNDLE_EXTENSION = '.lectern';

const RE_BUNDLE_NAME = /\.lectern$/i;
/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const RE_UNSAFE_FILE_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/** `bai-1.LECTERN` => true; `bai-1.lectern-backup`, `bai-1.zip` => false. */
export function isBundleFileName(name: string): boolean {
  return RE_BUNDLE_NAME.test(name);
}

/**
 * A file name for a deck's download, from its title: characters file systems refuse become `-`,
 * Vietnamese letters are kept (NFC), trailing dots and spaces go, at most 120 characters.
 * `Bài 1: Đảng?` => `Bài 1- Đảng-.lectern`; with `.html.zip` => `Bài 1- Đảng-.html.zip`.
 */
export function deckFileName(title: string, extension: string = BUNDLE_EXTENSION): string {
  const base = title.normalize('NFC').replace(RE_UNSAFE_FILE_CHARS, '-').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '').slice(0, 120);
  return `${base || 'lectern'}${extension}`;
}

/** `talk/deck.md` => `deck.lectern`: the bundle beside a deck file, named after it. */
export function bundleNameForDeckFile(deckFileBase: string): string {
  return `${deckFileBase}${BUNDLE_EXTENSION}`;
}
