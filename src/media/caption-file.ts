// Caption files added to a deck (media screen, editor drop): a WebVTT file is checked before it is
// stored, a SubRip (.srt) file is converted to WebVTT first and stored as `<name>.vtt`, so every
// output (presenter, export, bundle, build) only ever meets WebVTT. A file that is not valid
// WebVTT is refused with its first problem and line; nothing is stored.
import { captionPaths, captionProblemText, checkCaptionText, CAPTION_LIMITS, isCaptionPath, isSubRipPath, parseDeck, srtToVtt } from '@lectern/deck';
import { defineMessages, formatBytes, formatNumber, getLang } from '../app/i18n.ts';

const msg = defineMessages({
  vi: {
    tooLarge: (name: string, max: string) => `“${name}” lớn hơn ${max}: không phải tệp phụ đề.`,
    notText: (name: string) => `“${name}” không phải văn bản UTF-8: tệp phụ đề phải là UTF-8.`,
    invalid: (name: string, line: string, problem: string) => `“${name}” không phải tệp phụ đề WebVTT hợp lệ (dòng ${line}: ${problem}).`,
  },
  en: {
    tooLarge: (name: string, max: string) => `“${name}” is larger than ${max}: not a caption file.`,
    notText: (name: string) => `“${name}” is not UTF-8 text: caption files must be UTF-8.`,
    invalid: (name: string, line: string, problem: string) => `“${name}” is not a valid WebVTT caption file (line ${line}: ${problem}).`,
  },
});

/** A caption file that cannot be used; the message is in the UI language. */
export class CaptionFileError extends Error {
  override name = 'CaptionFileError';
}

export function isCaptionFile(name: string): boolean {
  return isCaptionPath(name) || isSubRipPath(name);
}

/** The file to store for a caption file (WebVTT, type text/vtt), or undefined for other files.
 *  @throws CaptionFileError when it is too large, not UTF-8 or not valid WebVTT. */
export async function captionFileToStore(file: File): Promise<File | undefined> {
  if (!isCaptionFile(file.name)) return undefined;
  if (file.size > CAPTION_LIMITS.bytes) throw new CaptionFileError(msg().tooLarge(file.name, formatBytes(CAPTION_LIMITS.bytes)));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new CaptionFileError(msg().notText(file.name));
  }
  const vtt = isSubRipPath(file.name) ? srtToVtt(text) : text.replace(/^\uFEFF/, '');
  const { problems } = await checkCaptionText(vtt);
  const first = problems[0];
  if (first) throw new CaptionFileError(msg().invalid(file.name, formatNumber(first.line), captionProblemText(first.message, getLang())));
  const name = isSubRipPath(file.name) ? file.name.replace(/\.srt$/i, '.vtt') : file.name;
  return new File([vtt], name, { type: 'text/vtt' });
}

/** Caption file path (NFC) => the videos of the deck that show it (named in `captions=` or beside
 *  the video), as the media screen and the editor's drop report it. */
export function captionVideos(markdown: string, storedPaths: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stored = new Set([...storedPaths].map((p) => p.normalize('NFC')));
  for (const { path, video } of captionPaths(parseDeck(markdown), (p) => stored.has(p.normalize('NFC')))) {
    const key = path.normalize('NFC');
    const list = out.get(key) ?? [];
    if (!list.includes(video.path)) list.push(video.path);
    out.set(key, list);
  }
  return out;
}
