// The text of every diagnostic, in Vietnamese and English. A diagnostic carries its stable `code`
// and structured `params`; its text is made here when it is shown, so a screen re-translates it
// when the language changes and the CLI writes it in the language it was asked for.
// Terms follow the glossary (trang chiếu, tư liệu, phần đầu...): see docs/languages.md.
import { captionProblemText } from './caption-problems.ts';
import type { Diagnostic, DiagnosticCode, DiagnosticLang, DiagnosticParams } from './types.ts';

type Text = (p: DiagnosticParams) => string;

const str = (p: DiagnosticParams, key: string): string => String(p[key] ?? '');

/** A number the way the language writes it (8,5 in Vietnamese, 8.5 in English). */
function num(p: DiagnosticParams, key: string, lang: DiagnosticLang): string {
  const value = Number(p[key]);
  if (!Number.isFinite(value)) return str(p, key);
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

// Front matter problems that carry no value but their kind.
const FRONT_MATTER_PROBLEM: Record<string, { vi: string; en: string }> = {
  text: { vi: 'phải là chữ', en: 'must be text' },
  minutes: { vi: 'phải là một số phút', en: 'must be a number of minutes' },
  boolean: { vi: 'phải là true hoặc false', en: 'must be true or false' },
  list: { vi: 'phải là một danh sách chữ', en: 'must be a list of text' },
  objectives: { vi: 'phải có các danh sách knowledge, skills và attitude', en: 'must have knowledge, skills and attitude lists' },
  'objective-kind': { vi: 'không phải knowledge, skills hay attitude', en: 'is not knowledge, skills or attitude' },
};

// Attribute value problems, by the kind of value the attribute takes.
const VALUE_PROBLEM: Record<string, { vi: string; en: string }> = {
  number: { vi: 'phải là một số', en: 'must be a number' },
  int: { vi: 'phải là một số nguyên', en: 'must be a whole number' },
  size: { vi: 'phải là một kích thước như 60% hoặc 320px', en: 'must be a size such as 60% or 320px' },
  url: { vi: 'phải là đường dẫn tương đối hoặc địa chỉ http(s)', en: 'must be a relative path or an http(s) URL' },
  flag: { vi: 'không nhận giá trị', en: 'takes no value' },
};

/** Why a media path written in a deck is not used (the CLI checks files on disk). */
export const MEDIA_PATH_PROBLEM = {
  empty: { vi: 'để trống', en: 'is empty' },
  nul: { vi: 'chứa ký tự NUL', en: 'contains a NUL character' },
  backslash: { vi: 'chứa dấu gạch ngược; hãy dùng / giữa các thư mục', en: 'contains a backslash; use / between folders' },
  absolute: { vi: 'là đường dẫn tuyệt đối; tư liệu phải nằm trong thư mục của bài giảng', en: "is an absolute path; media must sit in the deck's folder" },
  'goes-outside': { vi: 'đi ra ngoài thư mục của bài giảng (..)', en: "goes outside the deck's folder (..)" },
  'no-name': { vi: 'không chỉ tới tệp nào', en: 'names no file' },
  'link-outside': { vi: 'là liên kết tới một tệp ngoài thư mục của bài giảng', en: "is a link to a file outside the deck's folder" },
  'no-file': { vi: 'không có tệp này', en: 'no such file' },
  'not-file': { vi: 'không phải tệp thường', en: 'is not a regular file' },
  'reserved-name': { vi: 'là tên bản dựng dùng cho tệp của chính nó; hãy đổi tên', en: 'is a name the build uses for its own files; rename it' },
} as const;
export type MediaPathProblem = keyof typeof MEDIA_PATH_PROBLEM;

function pick(table: Record<string, { vi: string; en: string }>, key: string, lang: DiagnosticLang): string {
  return table[key]?.[lang] ?? key;
}

/** Every code, both languages: the type makes a missing code or language a compile error, and
 *  tests/unit/deck/diagnostic-messages.test.ts checks each text at run time. */
export const DIAGNOSTIC_MESSAGES: Record<DiagnosticCode, Record<DiagnosticLang, Text>> = {
  'frontmatter-invalid': {
    vi: (p) => {
      switch (p.variant) {
        case 'unclosed': return 'phần đầu (front matter) bắt đầu ở dòng 1 nhưng không được đóng bằng một dòng "---"';
        case 'not-map': return 'phần đầu (front matter) phải là các dòng "khóa: giá trị"';
        case 'key': return `phần đầu (front matter): "${str(p, 'key')}" ${pick(FRONT_MATTER_PROBLEM, str(p, 'problem'), 'vi')}`;
        default: return `phần đầu (front matter) không đọc được: ${str(p, 'detail')}`;
      }
    },
    en: (p) => {
      switch (p.variant) {
        case 'unclosed': return 'front matter starts on line 1 but is never closed with a "---" line';
        case 'not-map': return 'front matter must be a list of "key: value" lines';
        case 'key': return `front matter: "${str(p, 'key')}" ${pick(FRONT_MATTER_PROBLEM, str(p, 'problem'), 'en')}`;
        default: return `front matter: ${str(p, 'detail')}`;
      }
    },
  },
  'frontmatter-unknown-key': {
    vi: (p) => `khóa "${str(p, 'key')}" không có trong phần đầu (front matter) của Lectern (vẫn được giữ)`,
    en: (p) => `unknown front matter key "${str(p, 'key')}" (kept)`,
  },
  'fence-unclosed': {
    vi: (p) => (p.variant === 'block'
      ? `khối "::: ${str(p, 'info')}" không được đóng bằng :::`
      : `khối mã mở bằng ${str(p, 'fence')} không được đóng`),
    en: (p) => (p.variant === 'block'
      ? `block "::: ${str(p, 'info')}" is never closed with :::`
      : `code block opened with ${str(p, 'fence')} is never closed`),
  },
  'directive-unknown': {
    vi: (p) => `khối "::: ${str(p, 'name')}" không có trong Lectern (hiện như một khối thường)`,
    en: (p) => `unknown block "::: ${str(p, 'name')}" (shown as a plain block)`,
  },
  'attr-invalid': {
    vi: (p) => {
      const key = str(p, 'key');
      switch (p.variant) {
        case 'selector': return `"${key}" không phải ${p.kind === 'id' ? 'id' : 'class'} hợp lệ`;
        case 'name': return `"${key}" không phải tên thuộc tính hợp lệ`;
        case 'quote': return `giá trị của "${key}" thiếu dấu ${str(p, 'quote')} đóng`;
        case 'event': return `"${key}" là trình xử lý sự kiện, không được phép dùng`;
        case 'unknown': return `thuộc tính "${key}" không có trong Lectern`;
        case 'needs-value': return `"${key}" cần một giá trị`;
        case 'extra-text': return `có chữ "${str(p, 'text')}" thừa sau tên khối`;
        default: return `"${key}" ${pick(VALUE_PROBLEM, str(p, 'kind'), 'vi')}`;
      }
    },
    en: (p) => {
      const key = str(p, 'key');
      switch (p.variant) {
        case 'selector': return `"${key}" is not a valid ${p.kind === 'id' ? 'id' : 'class'}`;
        case 'name': return `"${key}" is not a valid attribute name`;
        case 'quote': return `the value of "${key}" has no closing ${str(p, 'quote')}`;
        case 'event': return `"${key}" is an event handler and is not allowed`;
        case 'unknown': return `unknown attribute "${key}"`;
        case 'needs-value': return `"${key}" needs a value`;
        case 'extra-text': return `unexpected text "${str(p, 'text')}" after the block's name`;
        default: return `"${key}" ${pick(VALUE_PROBLEM, str(p, 'kind'), 'en')}`;
      }
    },
  },
  'media-missing': {
    vi: (p) => {
      const problem = pick(MEDIA_PATH_PROBLEM, str(p, 'problem'), 'vi');
      switch (p.variant) {
        case 'not-read': return `${str(p, 'path')} ${problem}: không được đọc và không được chép vào bản dựng`;
        case 'not-copied': return `${str(p, 'path')} ${problem}: không được chép`;
        case 'not-used': return `${str(p, 'path')} ${problem}`;
        case 'same-file': return `${str(p, 'path')} trùng tệp với ${str(p, 'other')} trên macOS và Windows (tên chỉ khác chữ hoa/thường hoặc dấu); hãy đổi tên một tệp`;
        case 'caption': return `không tìm thấy tệp phụ đề: ${str(p, 'path')}`;
        default: return `không tìm thấy tư liệu: ${str(p, 'path')}`;
      }
    },
    en: (p) => {
      const problem = pick(MEDIA_PATH_PROBLEM, str(p, 'problem'), 'en');
      switch (p.variant) {
        case 'not-read': return `${str(p, 'path')} ${problem}: it is not read and not copied into a build`;
        case 'not-copied': return `${str(p, 'path')} ${problem}: not copied`;
        case 'not-used': return `${str(p, 'path')} ${problem}`;
        case 'same-file': return `${str(p, 'path')} is the same file as ${str(p, 'other')} on macOS and Windows (names differ only in case or accents); rename one`;
        case 'caption': return `caption file not found: ${str(p, 'path')}`;
        default: return `media file not found: ${str(p, 'path')}`;
      }
    },
  },
  'remote-media': {
    vi: (p) => `${str(p, 'path')} được tải từ mạng: sẽ không hiện khi ngoại tuyến`,
    en: (p) => `${str(p, 'path')} is loaded from the network: it will not show offline`,
  },
  'timing-over-duration': {
    vi: (p) => `thời gian dự kiến lên tới ${num(p, 'total', 'vi')} phút, vượt thời lượng bài giảng ${num(p, 'duration', 'vi')} phút (tính từ đây)`,
    en: (p) => `planned time reaches ${num(p, 'total', 'en')} minutes in total, more than the lesson's duration of ${num(p, 'duration', 'en')} minutes (from here on)`,
  },
  'html-removed': {
    vi: (p) => {
      switch (p.variant) {
        case 'element': return `đã bỏ HTML không an toàn: <${str(p, 'tag')}>`;
        case 'attribute': return `đã bỏ HTML không an toàn: ${str(p, 'attr')} trên <${str(p, 'tag')}>`;
        case 'text': return 'đã bỏ HTML không an toàn: chữ ở chỗ không được phép';
        default: return `đã bỏ HTML không an toàn: ${str(p, 'what')}`;
      }
    },
    en: (p) => {
      switch (p.variant) {
        case 'element': return `removed unsafe HTML: <${str(p, 'tag')}>`;
        case 'attribute': return `removed unsafe HTML: ${str(p, 'attr')} on <${str(p, 'tag')}>`;
        case 'text': return 'removed unsafe HTML: text in a forbidden place';
        default: return `removed unsafe HTML: ${str(p, 'what')}`;
      }
    },
  },
  'nesting-too-deep': {
    vi: (p) => `trang chiếu này lồng ${str(p, 'depth')} cấp (trích dẫn, danh sách hoặc khối :::); quá ${str(p, 'max')} cấp thì hiện như chữ thường`,
    en: (p) => `this slide nests ${str(p, 'depth')} levels deep (quotes, lists or ::: blocks); more than ${str(p, 'max')} is shown as plain text`,
  },
  'render-too-slow': {
    vi: () => 'trang chiếu này có quá nhiều dấu nhấn mạnh, liên kết, mã hoặc dấu < không thành cặp trong một đoạn, dựng nó sẽ mất nhiều phút (marked chạy bậc hai với chúng): hiện như chữ thường',
    en: () => 'this slide holds so many unpaired emphasis, link, code or < marks in one paragraph that rendering it would take minutes (marked is quadratic on them); shown as plain text',
  },
  'captions-invalid': {
    vi: (p) => {
      const path = str(p, 'path');
      switch (p.variant) {
        case 'unreadable': return `${path}: không đọc được`;
        case 'encoding': return `${path}: không phải văn bản UTF-8 (tệp WebVTT phải là UTF-8)`;
        case 'too-large': return `${path}:1:1: tệp phụ đề lớn hơn ${num(p, 'max', 'vi')} MB`;
        case 'too-many-cues': return `${path}:1:1: tệp phụ đề có hơn ${str(p, 'max')} câu phụ đề`;
        // The detail is the WebVTT parser's own sentence (English), told in Vietnamese by the catalogue.
        default: return `${path}:${str(p, 'line')}:${str(p, 'column')}: lỗi WebVTT: ${captionProblemText(str(p, 'detail'), 'vi')}`;
      }
    },
    en: (p) => {
      const path = str(p, 'path');
      switch (p.variant) {
        case 'unreadable': return `${path}: cannot be read`;
        case 'encoding': return `${path}: is not UTF-8 text (WebVTT files are UTF-8)`;
        case 'too-large': return `${path}:1:1: caption file is larger than ${num(p, 'max', 'en')} MB`;
        case 'too-many-cues': return `${path}:1:1: caption file has more than ${str(p, 'max')} cues`;
        default: return `${path}:${str(p, 'line')}:${str(p, 'column')}: ${str(p, 'detail')}`;
      }
    },
  },
  'render-failed': {
    vi: (p) => `không dựng được trang chiếu này (${str(p, 'reason')}): hiện như chữ thường`,
    en: (p) => `this slide could not be rendered (${str(p, 'reason')}): shown as plain text`,
  },
};

/** The diagnostic's text in `lang`, from its code and params. A code this catalogue does not
 *  know (a newer deck package's) falls back to the stored English `message`. */
export function formatDiagnostic(d: Pick<Diagnostic, 'code' | 'message'> & { params?: DiagnosticParams }, lang: DiagnosticLang): string {
  const entry = (DIAGNOSTIC_MESSAGES as Partial<Record<string, Record<DiagnosticLang, Text>>>)[d.code];
  if (!entry || !d.params) return d.message;
  return entry[lang](d.params);
}
