// What a .pptx cannot keep of a deck, as data: `message` is one English line (lossLine, the CLI's
// English); lossText words each `code` with its `subject` (a media path, a colour…) in Vietnamese
// or English, for the app's toast and the CLI in Vietnamese.

export type PptxLossCode =
  /** Raw HTML in the slide (its text is kept). */
  | 'html'
  /** An image or video inside a table cell. */
  | 'media-in-table'
  /** A media file not embedded: see `reason`. */
  | 'media'
  /** A video's poster not embedded (a plain picture is shown): see `reason`. */
  | 'poster'
  /** A background image not embedded: see `reason`. */
  | 'background'
  /** A background colour that is not #RGB / #RRGGBB. */
  | 'background-colour'
  /** A background video or web page. */
  | 'background-kind'
  /** A column width that is not a percentage. */
  | 'column-width'
  /** Fragments: shown all at once. */
  | 'fragments';

export type MediaProblem = 'missing' | 'remote' | 'format' | 'unsafe';

export interface PptxLoss {
  code: PptxLossCode;
  /** `3`, `3.2` (vertical), as the deck counts slides; absent for the deck as a whole. */
  slide?: string;
  /** The media path, colour or width concerned. */
  subject?: string;
  reason?: MediaProblem;
  /** One English line, without the slide number. */
  message: string;
}

export type Lose = (loss: Omit<PptxLoss, 'slide'>) => void;

/** `slide 3: media/x.webm: …` — how the CLI prints a loss. */
export function lossLine(loss: PptxLoss): string {
  return loss.slide === undefined ? loss.message : `slide ${loss.slide}: ${loss.message}`;
}

type Lang = 'vi' | 'en';

/** Why a media file is not embedded, by language. */
const PROBLEM: Record<Lang, Record<MediaProblem, string>> = {
  vi: {
    missing: 'không có trong bài giảng',
    remote: 'nằm trên mạng, không nhúng được',
    format: 'PowerPoint không hiển thị được định dạng này',
    unsafe: 'nằm ngoài thư mục bài giảng',
  },
  en: {
    missing: 'is not in the deck',
    remote: 'is on the network and cannot be embedded',
    format: 'is in a format PowerPoint cannot show',
    unsafe: "lies outside the deck's folder",
  },
};

/** Each loss code's text, from its subject and its media problem (already worded). */
const LOSS: Record<Lang, Record<PptxLossCode, (subject: string, problem: string) => string>> = {
  vi: {
    html: () => 'HTML viết trong trang chiếu không được xuất (giữ phần chữ)',
    'media-in-table': (subject) => `${subject}: ảnh trong ô bảng không được xuất`,
    media: (subject, problem) => `${subject}: ${problem}`,
    poster: (subject, problem) => `ảnh bìa ${subject}: ${problem}`,
    background: (subject, problem) => `ảnh nền ${subject}: ${problem}`,
    'background-colour': (subject) => `màu nền “${subject}” không phải dạng #RRGGBB`,
    'background-kind': () => 'nền video hoặc trang web không được giữ',
    'column-width': (subject) => `độ rộng cột “${subject}” không phải phần trăm`,
    fragments: () => 'các phần hiện dần (fragment) được hiện cùng lúc, không có hiệu ứng',
  },
  en: {
    html: () => 'HTML written in the slide is not exported (its text is kept)',
    'media-in-table': (subject) => `${subject}: pictures in table cells are not exported`,
    media: (subject, problem) => `${subject} ${problem}`,
    poster: (subject, problem) => `poster ${subject} ${problem}`,
    background: (subject, problem) => `background ${subject} ${problem}`,
    'background-colour': (subject) => `background colour “${subject}” is not #RRGGBB`,
    'background-kind': () => 'video or web-page backgrounds are not kept',
    'column-width': (subject) => `column width “${subject}” is not a percentage`,
    fragments: () => 'fragments are shown all at once, without animation',
  },
};

const SLIDE: Record<Lang, (slide: string, text: string) => string> = {
  vi: (slide, text) => `trang chiếu ${slide}: ${text}`,
  en: (slide, text) => `slide ${slide}: ${text}`,
};

/** One loss in `lang`, with its slide number: "trang chiếu 3: media/x.webm: PowerPoint không …"
 *  (the app's toast, and the CLI in Vietnamese). */
export function lossText(loss: PptxLoss, lang: Lang): string {
  const text = LOSS[lang][loss.code](loss.subject ?? '', loss.reason ? PROBLEM[lang][loss.reason] : '');
  return loss.slide === undefined ? text : SLIDE[lang](loss.slide, text);
}
