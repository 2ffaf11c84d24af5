// Media entering the app (a bundle's files, a file dropped on the editor) is checked against
// what its bytes are before anything is stored (packages/deck media-types.ts decides; the store
// types what it keeps the same way). This file holds the words for a refusal, in Vietnamese and
// English, shared by the bundle import and the media drop.
import type { MediaRefusal } from '@lectern/deck';
import { mediaExtensions } from '@lectern/deck';
import { defineMessages } from '../app/i18n.ts';
import { checkMediaBlob } from '../store/media-bytes.ts';

const KIND = {
  vi: { image: 'ảnh', video: 'video', audio: 'âm thanh', captions: 'phụ đề' },
  en: { image: 'image', video: 'video', audio: 'audio', captions: 'captions' },
} as const;

const msg = defineMessages({
  vi: {
    extension: (path: string, ext: string) =>
      `“${path}”: ${ext ? `tệp .${ext}` : 'tệp không có phần mở rộng'} không phải ảnh, video hay âm thanh mà Lectern hiển thị được (được phép: ${mediaExtensions().map((e) => `.${e}`).join(' ')}).`,
    bytes: (path: string, label: string, kind: keyof typeof KIND.vi) =>
      `“${path}”: nội dung tệp không phải ${KIND.vi[kind]} ${label} như tên tệp nói (có thể là trang web hoặc mã chạy được), nên không được nhận.`,
    kind: (path: string, expected: keyof typeof KIND.vi, label: string, actual: keyof typeof KIND.vi) =>
      `“${path}”: tên tệp nói là ${KIND.vi[expected]} nhưng nội dung là ${KIND.vi[actual]} ${label}.`,
  },
  en: {
    extension: (path: string, ext: string) =>
      `“${path}”: ${ext ? `.${ext} files are` : 'a file without an extension is'} not an image, video or audio Lectern can show (allowed: ${mediaExtensions().map((e) => `.${e}`).join(' ')}).`,
    bytes: (path: string, label: string, kind: keyof typeof KIND.en) =>
      `“${path}”: the file's content is not the ${label} ${KIND.en[kind]} its name says (it may be a web page or a script), so it was refused.`,
    kind: (path: string, expected: keyof typeof KIND.en, label: string, actual: keyof typeof KIND.en) =>
      `“${path}”: the name says ${KIND.en[expected]} but the content is a ${label} ${KIND.en[actual]}.`,
  },
});

/** One sentence in the UI language saying why `path` was refused. */
export function mediaRefusalMessage(path: string, refusal: MediaRefusal): string {
  const m = msg();
  switch (refusal.reason) {
    case 'extension':
      return m.extension(path, refusal.extension);
    case 'bytes':
      return m.bytes(path, refusal.expected.label, refusal.expected.kind);
    case 'kind':
      return m.kind(path, refusal.expected.kind, refusal.actual.label, refusal.actual.kind);
  }
}

/** A media file refused for what its bytes are; `message` is ready for the UI. */
export class MediaRefusedError extends Error {
  override name = 'MediaRefusedError';
  constructor(
    readonly path: string,
    readonly refusal: MediaRefusal,
  ) {
    super(mediaRefusalMessage(path, refusal));
  }
}

/** @throws MediaRefusedError when `blob` is not the media `path` names. */
export async function assertMediaBlob(path: string, blob: Blob): Promise<void> {
  const check = await checkMediaBlob(path, blob);
  if (!check.ok) throw new MediaRefusedError(path, check);
}
