// What a .pptx cannot keep of a deck, as data: the CLI prints `message` (English, one line), the
// app words each `code` in the UI language with `subject` (a media path, a colour…).

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
