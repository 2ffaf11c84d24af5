// `lectern build DECK.md -o DIR [--theme NAME] [--lang vi|en]`: a static site that presents the deck with
// reveal.js 6 and no network, from a web server or straight from file://.
//
//   DIR/index.html            the sanitized slides, the config, three classic <script>s
//   DIR/_lectern/             reveal.js, the notes plugin, CSS, theme, start.js (Lectern's speaker
//                             view and message gate: @lectern/present-runtime's site runtime)
//   DIR/media/...             the deck's local media, under the paths the deck uses
//
// stderr: progress and the deck's diagnostics; stdout: the output folder (absolute), for scripts.
// Exit 0: built, deck clean or warnings only; 1: built, but the deck has errors (a missing image,
// an unclosed fence...) -- the site is still written, as the app would still present it;
// 2: bad usage, an unreadable deck, or an output folder that cannot be used.
import { mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BLOCKS_CSS, BLOCKS_CSS_PATH, diagnostic, renderPage, slideNumbering, type DiagnosticParams } from '@lectern/deck';
import { sitePresentConfig } from '@lectern/present-runtime';
import { analyseDeck, createDomTools } from '../deck-analysis.ts';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, langOf, type CliIO } from '../io.ts';
import { cliMessages, formatCliNumber, type CliLang, type CliMessages } from '../messages.ts';
import { untrusted } from '../terminal-text.ts';
import { resolveCopySource } from '../media-paths.ts';
import { InputError, inputErrorText, readTextInput } from '../read-input.ts';
import { formatDiagnostic, localize, type CliDiagnostic } from '../report.ts';
import { parseDeckCommandArgs, usageError } from '../usage.ts';
import { cliVersion } from '../version.ts';
import { copyInside, isBuildOwnName, outputKey, writeInside } from '../site/output-files.ts';
import { DEFAULT_THEME, isOfflineTheme, OFFLINE_THEMES, revealVersion, RUNTIME_DIR, runtimeFiles } from '../site/runtime.ts';

/** Written last: marks a folder as a lectern build, which a later build may overwrite. */
const MARKER = `${RUNTIME_DIR}/build.json`;

export async function runBuild(args: string[], io: CliIO): Promise<number> {
  const lang = langOf(io);
  const m = cliMessages(lang);
  const BUILD_USAGE = m.buildUsage(RUNTIME_DIR, OFFLINE_THEMES.join(', '), DEFAULT_THEME);
  const parsed = parseDeckCommandArgs(io, 'build', BUILD_USAGE, args, { theme: { type: 'string' } }, m.noOut);
  if (typeof parsed === 'number') return parsed;
  const themeArg = parsed.values['theme'];
  const values = { out: parsed.out, theme: typeof themeArg === 'string' ? themeArg : undefined };
  if (values.theme !== undefined && !isOfflineTheme(values.theme)) {
    return usageError(io, 'build', m.unknownTheme(values.theme, OFFLINE_THEMES.join(', ')), BUILD_USAGE);
  }

  const deckArg = parsed.deck;
  const deckPath = resolve(io.cwd, deckArg);
  const outDir = resolve(io.cwd, values.out);
  const say = (text: string) => io.stderr(`lectern build: ${text}\n`);

  let text: string;
  try {
    text = await readTextInput(deckPath);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`lectern build: ${deckArg}: ${inputErrorText(error, lang)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const outProblem = await checkOutputFolder(outDir, m);
  if (outProblem) {
    io.stderr(`lectern build: ${values.out}: ${outProblem}\n`);
    return EXIT_USAGE;
  }

  say(m.rendering(deckArg));
  const deckDir = dirname(deckPath);
  const tools = createDomTools();
  const analysis = await analyseDeck(text, deckDir, tools);
  const { deck, rendered } = analysis;
  const diagnostics: CliDiagnostic[] = analysis.diagnostics.map((d) => ({ file: deckArg, ...d }));

  const requested = values.theme ?? deck.meta.theme ?? DEFAULT_THEME;
  const theme = isOfflineTheme(requested) ? requested : DEFAULT_THEME;
  if (theme !== requested) say(m.themeFallback(untrusted(requested), theme));

  // Media first: a name that clashes with the build's own files, or with another media file, on a
  // case-insensitive disk (macOS, Windows) is reported, not copied (site/output-files.ts).
  const deckRealDir = await realpath(deckDir);
  const copies: { from: string; to: string }[] = [];
  const taken = new Map<string, string>();
  for (const { path, found } of analysis.media) {
    if (isBuildOwnName(path)) {
      diagnostics.push(mediaProblem(deckArg, deck.slides, path, { variant: 'not-used', problem: 'reserved-name' }));
      continue;
    }
    const key = outputKey(path);
    const other = taken.get(key);
    if (other !== undefined) {
      if (other !== path) diagnostics.push(mediaProblem(deckArg, deck.slides, path, { variant: 'same-file', other }));
      continue;
    }
    taken.set(key, path);
    const source = await resolveCopySource(deckRealDir, found);
    if ('reason' in source) {
      diagnostics.push(mediaProblem(deckArg, deck.slides, path, { variant: 'not-copied', problem: source.reason }));
      continue;
    }
    copies.push({ from: source.file, to: path });
  }

  await mkdir(outDir, { recursive: true });
  let mediaBytes = 0;
  for (const copy of copies) {
    await copyInside(outDir, copy.to, copy.from);
    mediaBytes += (await stat(copy.from)).size;
  }
  if (copies.length > 0) say(m.copiedMedia(copies.length, formatKiB(mediaBytes, lang)));

  const generator = `lectern ${cliVersion()}`;
  // The class clock is kept per deck: the deck's file name tells two sites apart. The site's
  // interface speaks the deck's language unless --lang chose one (the slides' <html lang> stays
  // the deck's: it names the language of the content).
  const config = { ...sitePresentConfig(deck, `lectern:${basename(deckPath)}`), ...(io.langOption ? { lang: io.langOption } : {}) };
  // The renderer sanitized every slide; one more pass over the assembled HTML costs little and
  // keeps this file safe even if a wrapper added around the slides ever carried author text.
  const slidesHtml = tools.sanitize(rendered.html).html;
  const title = deck.meta.title ?? deck.slides.find((s) => s.title)?.title ?? basename(deckPath).replace(/\.[^.]*$/, '');
  await writeInside(outDir, 'index.html', renderPage({ title, lang: deck.meta.lang || 'vi', generator, slidesHtml, config }));
  // The runtime after the media: on a case-insensitive disk it replaces anything spelled like it.
  for (const file of runtimeFiles(theme)) await copyInside(outDir, file.to, file.from);
  await writeInside(outDir, BLOCKS_CSS_PATH, BLOCKS_CSS);
  await writeInside(outDir, MARKER, `${JSON.stringify({ generator, reveal: revealVersion(), theme, deck: basename(deckPath) }, null, 2)}\n`);

  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(localize(d, lang))}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  // The deck package's count (the title slide counts), as the library card and the presenter say.
  say(m.slidesWritten(slideNumbering(deck).count, outDir, errors));
  io.stdout(`${outDir}\n`);
  return errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** Why `dir` cannot receive a build, or undefined when it can (missing, empty, or an earlier build). */
async function checkOutputFolder(dir: string, m: CliMessages): Promise<string | undefined> {
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return m.outFolder['not-folder'];
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code; // fs errors carry an errno code
    if (code === 'ENOENT') return undefined;
    return m.outFolder.unusable(code ?? 'unknown error');
  }
  if (entries.length === 0) return undefined;
  try {
    await stat(join(dir, MARKER));
    return undefined;
  } catch {
    return m.outFolder['not-build'];
  }
}

function mediaProblem(file: string, slides: { media: { path: string; line: number; column: number }[]; startLine: number }[], path: string, params: DiagnosticParams): CliDiagnostic {
  const ref = slides.flatMap((s) => s.media).find((m) => m.path === path || safeDecode(m.path) === path);
  return { file, ...diagnostic('media-missing', ref?.line ?? 1, ref?.column ?? 1, { ...params, path }) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const formatKiB = (bytes: number, lang: CliLang) =>
  `${formatCliNumber(bytes / 1024, lang, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })} KiB`;
