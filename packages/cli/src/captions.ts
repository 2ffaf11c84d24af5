// Caption files (WebVTT) of a deck on disk: carried inside the built page, and checked.
//
// A built site and an Offline HTML export are opened from file://, where Chromium refuses a
// <track> whose src is a file: URL (an opaque origin cannot load it); so the build writes each
// caption file into the page as a data:text/vtt URL, which loads from file:// and from a server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captionLimitProblem, captionPaths, checkCaptionText, CAPTION_LIMITS, diagnostic, isCaptionPath, type Deck, type Diagnostic, type DiagnosticParams } from '@lectern/deck';
import { classifyMediaPath, localMediaState } from './media-paths.ts';

/** The caption file as a data: URL, or undefined when it is not a readable local .vtt file
 *  within CAPTION_LIMITS (its video then gets no track and `lectern check` says why). */
export function captionDataUrl(deckDir: string, written: string): string | undefined {
  if (!isCaptionPath(written)) return undefined;
  const bytes = readCaption(deckDir, written);
  if (!bytes || captionLimitProblem(bytes.toString('utf8')) !== undefined) return undefined;
  return `data:text/vtt;charset=utf-8;base64,${bytes.toString('base64')}`;
}

/** Where a caption path leads on disk (inside the deck's folder), or undefined. */
function captionFile(deckDir: string, written: string): string | undefined {
  const path = classifyMediaPath(written);
  if (path.kind !== 'local') return undefined;
  const state = localMediaState(deckDir, path.path);
  return state.state === 'ok' ? join(deckDir, state.found) : undefined;
}

function readCaption(deckDir: string, written: string): Buffer | undefined {
  const file = captionFile(deckDir, written);
  if (!file) return undefined;
  try {
    const bytes = readFileSync(file);
    return bytes.length > CAPTION_LIMITS.bytes ? undefined : bytes;
  } catch {
    return undefined;
  }
}

/** `captions-invalid` errors for every caption file of the deck that is not valid WebVTT, at the
 *  video's line, naming the caption file's own line. Missing files are media-missing already. */
export async function captionDiagnostics(deck: Deck, deckDir: string, exists: (path: string) => boolean): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const checked = new Map<string, DiagnosticParams[]>();
  for (const { path, video } of captionPaths(deck, exists)) {
    let problems = checked.get(path);
    if (!problems) {
      problems = await problemsOf(deckDir, path);
      checked.set(path, problems);
    }
    for (const params of problems) out.push(diagnostic('captions-invalid', video.line, video.column, params));
  }
  return out;
}

/** The caption file's problems as params of `captions-invalid` (worded in diagnostic-messages.ts). */
async function problemsOf(deckDir: string, path: string): Promise<DiagnosticParams[]> {
  const file = captionFile(deckDir, path);
  if (!file) return [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return [{ variant: 'unreadable', path }];
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [{ variant: 'encoding', path }];
  }
  if (text.length > CAPTION_LIMITS.bytes) return [{ variant: 'too-large', path, max: CAPTION_LIMITS.bytes / 1024 / 1024 }];
  if (captionLimitProblem(text)) return [{ variant: 'too-many-cues', path, max: CAPTION_LIMITS.cues }];
  const { problems } = await checkCaptionText(text);
  return problems.map((p) => ({ variant: 'cue', path, line: p.line, column: p.column, detail: p.message }));
}
