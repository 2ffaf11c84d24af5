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

const viProblem: Record<MediaProblem, string> = {
  missing: 'không có trong bài giảng',
  remote: 'nằm trên mạng, không nhúng được',
  format: 'PowerPoint không hiển thị được định dạng này',
  unsafe: 'nằm ngoài thư mục bài giảng',
};
const enProblem: Record<MediaProblem, string> = {
  missing: 'is not in the deck',
  remote: 'is on the network and cannot be embedded',
  format: 'is in a format PowerPoint cannot show',
  unsafe: "lies outside the deck's folder",
};

/** One loss of the .pptx export in Vietnamese: "trang chiếu 3: media/x.webm: PowerPoint không …". */
function viLoss(loss: PptxLoss): string {
  const problem = loss.reason ? viProblem[loss.reason] : '';
  const subject = loss.subject ?? '';
  const text = {
    html: 'HTML viết trong trang không được xuất (giữ phần chữ)',
    'media-in-table': `${subject}: ảnh trong ô bảng không được xuất`,
    media: `${subject}: ${problem}`,
    poster: `ảnh bìa ${subject}: ${problem}`,
    background: `ảnh nền ${subject}: ${problem}`,
    'background-colour': `màu nền “${subject}” không phải dạng #RRGGBB`,
    'background-kind': `nền video hoặc trang web không được giữ`,
    'column-width': `độ rộng cột “${subject}” không phải phần trăm`,
    fragments: 'các phần hiện dần (fragment) được hiện cùng lúc, không có hiệu ứng',
  }[loss.code];
  return loss.slide === undefined ? text : `trang chiếu ${loss.slide}: ${text}`;
}

function enLoss(loss: PptxLoss): string {
  const problem = loss.reason ? enProblem[loss.reason] : '';
  const subject = loss.subject ?? '';
  const text = {
    html: 'HTML written in the slide is not exported (its text is kept)',
    'media-in-table': `${subject}: pictures in table cells are not exported`,
    media: `${subject} ${problem}`,
    poster: `poster ${subject} ${problem}`,
    background: `background ${subject} ${problem}`,
    'background-colour': `background colour “${subject}” is not #RRGGBB`,
    'background-kind': 'video or web-page backgrounds are not kept',
    'column-width': `column width “${subject}” is not a percentage`,
    fragments: 'fragments are shown all at once, without animation',
  }[loss.code];
  return loss.slide === undefined ? text : `slide ${loss.slide}: ${text}`;
}

/** One loss in `lang`, with its slide number. */
export function lossText(loss: PptxLoss, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? viLoss(loss) : enLoss(loss);
}
