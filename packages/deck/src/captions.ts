// Captions of a deck's videos (WebVTT): which caption files a video has, in which language, and
// whether a caption file is well formed. A video gets captions from `{captions=media/clip.vi.vtt}`
// (several: separated by commas) or, when it names none, from a `.vtt` file beside it
// (`media/clip.vtt`, `media/clip.vi.vtt`, `media/clip.en.vtt`). The language is the part before
// `.vtt` when it is a language tag (`clip.vi.vtt` => vi), else the deck's language.
//
// Kept apart from media.ts so the deck's list of media can take captions in with one call
// (captionPaths) wherever that list is built.
import { escapeHtml } from './html.ts';
import { isLocal, splitMediaPath } from './media.ts';
import type { Deck, MediaRef } from './types.ts';

/** What a caption file may hold: a lesson video has a few hundred cues; a file far beyond that
 *  is a mistake or an attack on the presenting page (each cue is a DOM tree while it shows). */
export const CAPTION_LIMITS = { bytes: 2 * 1024 * 1024, cues: 20_000 } as const;

const RE_LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Languages looked for beside a video, besides the deck's own. */
const BESIDE_LANGS = ['vi', 'en'];

export function isCaptionPath(path: string): boolean {
  return /\.vtt$/i.test(splitMediaPath(path).path);
}

export function isSubRipPath(path: string): boolean {
  return /\.srt$/i.test(path);
}

/** `media/clip.vi.vtt` => 'vi'; `media/clip.vtt` => fallback. */
export function captionLanguage(path: string, fallback: string): string {
  const m = /\.([^./]+)\.vtt$/i.exec(path);
  const tag = m?.[1];
  return tag !== undefined && RE_LANG.test(tag) ? tag : fallback;
}

/** The value of `captions=` => the local caption paths it names (other entries are dropped). */
export function captionPathsFromAttr(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '' && isLocal(p) && isCaptionPath(p));
}

/** Where a caption file beside `videoPath` may be: `media/clip.mp4` => media/clip.vtt, media/clip.vi.vtt … */
export function besideCaptionPaths(videoPath: string, lang: string): string[] {
  const { path } = splitMediaPath(videoPath);
  if (!isLocal(path)) return [];
  const dot = path.lastIndexOf('.');
  const stem = dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
  const langs = [...new Set([lang, ...BESIDE_LANGS].filter((l) => RE_LANG.test(l)))];
  return [`${stem}.vtt`, ...langs.map((l) => `${stem}.${l}.vtt`)];
}

export interface CaptionTrack {
  path: string;
  srclang: string;
  /** The language's own name (`Tiếng Việt`, `English`): what the player's captions menu lists. */
  label: string;
}

/** Names by language tag: an Intl.DisplayNames costs more than rendering the video around it. */
const languageNames = new Map<string, string>();

function languageName(lang: string): string {
  let known = languageNames.get(lang);
  if (known !== undefined) return known;
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
    known = name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : lang;
  } catch {
    known = lang;
  }
  // Tags come from file names (any `x.<tag>.vtt`): keep the map small whatever a deck holds.
  if (languageNames.size >= 64) languageNames.clear();
  languageNames.set(lang, known);
  return known;
}

/**
 * The caption tracks of a video: those `captions=` names (whether or not they exist: a missing
 * one is reported), else the files beside it for which `exists` answers true.
 */
export function captionTracks(videoPath: string, captionsAttr: string | undefined, lang: string, exists: (path: string) => boolean): CaptionTrack[] {
  const named = captionsAttr === undefined ? undefined : captionPathsFromAttr(captionsAttr);
  const paths = named ?? besideCaptionPaths(videoPath, lang).filter(exists);
  const seen = new Set<string>();
  const tracks: CaptionTrack[] = [];
  for (const path of paths) {
    const srclang = captionLanguage(path, lang);
    // One track per language (clip.vtt and clip.vi.vtt in a Vietnamese deck: the first).
    if (seen.has(path) || seen.has(srclang)) continue;
    seen.add(path).add(srclang);
    tracks.push({ path, srclang, label: languageName(srclang) });
  }
  return tracks;
}

/** `<track>` elements for a `<video>`; the first is the default, so captions show unless turned off. */
export function trackHtml(tracks: readonly CaptionTrack[], resolve: (path: string) => string): string {
  return tracks
    .map(
      (t, i) =>
        `<track kind="captions" srclang="${escapeHtml(t.srclang)}" label="${escapeHtml(t.label)}" src="${escapeHtml(resolve(t.path))}"${i === 0 ? ' default' : ''}>`,
    )
    .join('');
}

/** The caption files a deck's videos use: explicit ones always, beside ones that `exists`. */
export function captionPaths(deck: Deck, exists: (path: string) => boolean): { path: string; video: MediaRef }[] {
  const out: { path: string; video: MediaRef }[] = [];
  const lang = deck.meta.lang || 'vi';
  for (const slide of deck.slides) {
    for (const ref of slide.media) {
      if (ref.kind !== 'video' || ref.remote) continue;
      for (const track of captionTracks(ref.path, ref.captions, lang, exists)) out.push({ path: track.path, video: ref });
    }
  }
  return out;
}

/**
 * How captions look on a projected video, in every output (presenter, build, Offline HTML):
 * large, white on an almost opaque black box whatever the frame behind them (contrast about 18:1,
 * above WCAG AA's 4.5:1), and never in a script or link style a cue might ask for.
 */
export const CAPTION_CSS = `video::cue { color: #fff; background-color: rgba(0, 0, 0, 0.88); font-size: 1.1em; line-height: 1.35; font-family: system-ui, sans-serif; }
video::cue(b) { font-weight: 700; }
`;

/** A problem in a caption file, at a line of that file (1-based). */
export interface CaptionProblem {
  line: number;
  column: number;
  message: string;
}

export interface CaptionCheck {
  cues: number;
  problems: CaptionProblem[];
}

/** Too big a caption file, or too many cues (a quick count: a million cues would keep a parser,
 *  or the player, busy for seconds), as a problem at line 1; undefined within CAPTION_LIMITS. */
export function captionLimitProblem(text: string): CaptionProblem | undefined {
  if (text.length > CAPTION_LIMITS.bytes) {
    return { line: 1, column: 1, message: `caption file is larger than ${CAPTION_LIMITS.bytes / 1024 / 1024} MB` };
  }
  let arrows = 0;
  for (let at = text.indexOf('-->'); at >= 0; at = text.indexOf('-->', at + 3)) {
    if (++arrows > CAPTION_LIMITS.cues) return { line: 1, column: 1, message: `caption file has more than ${CAPTION_LIMITS.cues} cues` };
  }
  return undefined;
}

/**
 * Checks a WebVTT text with webvtt-parser (the W3C validator's parser), loaded on first use so
 * pages that never check a caption file do not carry it. Too big a file or too many cues is a
 * problem at line 1, and the text is then not parsed further.
 */
export async function checkCaptionText(text: string): Promise<CaptionCheck> {
  const limit = captionLimitProblem(text);
  if (limit) return { cues: 0, problems: [limit] };
  const { WebVTTParser } = (await import('webvtt-parser')).default;
  const result = new WebVTTParser().parse(text, 'captions');
  const lines = text.split(/\r\n|\r|\n/);
  const problems = result.errors.map((e) => ({ ...locate(lines, e.line, e.col), message: e.message }));
  return { cues: result.cues.length, problems };
}

/**
 * Where a parser error really is. webvtt-parser reports an error in a cue's text at the line
 * after the cue (the blank line that ended it) with the column as an offset into the cue's
 * text, and leaves `col` out when a whole line is wrong: map those back to a line and column of
 * the file, so the check points at the text that needs fixing.
 */
function locate(lines: readonly string[], line: number, col: number | undefined): { line: number; column: number } {
  const offset = col !== undefined && Number.isFinite(col) ? Math.max(0, col) : 0;
  const at = lines[line - 1];
  if (at !== undefined && at !== '') return { line, column: Math.max(1, offset) };
  let first = line - 2; // 0-based: the cue's last text line
  while (first > 0 && !lines[first - 1]!.includes('-->')) first--;
  let rest = offset;
  for (let i = first; i <= line - 2; i++) {
    const length = lines[i]!.length;
    if (rest <= length) return { line: i + 1, column: Math.max(1, rest) };
    rest -= length + 1;
  }
  return { line: Math.max(1, line - 1), column: 1 };
}

const RE_SRT_TIME = /(\d{1,2}:\d{2}:\d{2}),(\d{3})/g;

/**
 * SubRip (.srt) => WebVTT. SubRip is WebVTT without the header, with commas in its timestamps
 * and a number above each cue (kept: WebVTT reads it as the cue's id). Cue text is kept as is:
 * the player shows it as text (WebVTT has no HTML). A BOM and CRLF line ends are normalised.
 */
export function srtToVtt(srt: string): string {
  const body = srt.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim();
  const converted = body
    .split(/\n{2,}/)
    .map((block) => block.replace(/^(.*-->.*)$/m, (line) => line.replace(RE_SRT_TIME, '$1.$2')))
    .join('\n\n');
  return `WEBVTT\n\n${converted}\n`;
}
