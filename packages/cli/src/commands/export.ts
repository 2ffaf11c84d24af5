// `lectern export DECK.md -o FILE.pptx [--json]`: the deck as an editable PowerPoint file
// (@lectern/office-export). Media are found beside the deck as `lectern build` finds them
// (paths inside the deck's folder, symlinks out of it refused). The file is written beside its
// final name and renamed into place, so a failed export never leaves half a file.
//
// stdout: the written file (or, with --json, {output, slides, losses: PptxLoss[]}); stderr: losses,
// one line each, and progress.
// Exit 0 written; 1 written, with losses listed (what PowerPoint cannot keep); 2 bad usage,
// unreadable deck, or an output that cannot be written.
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { MEDIA_PATH_PROBLEM, mediaTypeByName, parseDeck } from '@lectern/deck';
import { lossLine, lossText, writePptx, type PptxLoss, type PptxMedia, type RefusedMedia } from '@lectern/office-export';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, langOf, type CliIO } from '../io.ts';
import { cliMessages, type CliLang } from '../messages.ts';
import { classifyMediaPath, localMediaState, resolveCopySource } from '../media-paths.ts';
import { InputError, inputErrorText, readTextInput } from '../read-input.ts';
import { untrusted } from '../terminal-text.ts';
import { parseDeckCommandArgs, usageError } from '../usage.ts';
import { cliVersion } from '../version.ts';
import { fileChunks, fileSink, nodeCrc32, progressReporter } from './bundle-io.ts';
import { tempPathBeside } from './in-place.ts';

/** A loss as the chosen language says it (English: the writer's own line). */
const lossIn = (loss: PptxLoss, lang: CliLang, withSlide: boolean): string =>
  lang === 'en' ? (withSlide ? lossLine(loss) : loss.message) : lossText(withSlide ? loss : { ...loss, slide: undefined }, lang);

export async function runExport(args: string[], io: CliIO): Promise<number> {
  const lang = langOf(io);
  const m = cliMessages(lang);
  const EXPORT_USAGE = m.exportUsage;
  const parsed = parseDeckCommandArgs(io, 'export', EXPORT_USAGE, args, { json: { type: 'boolean' } }, m.noOutFile);
  if (typeof parsed === 'number') return parsed;
  if (extname(parsed.out).toLowerCase() !== '.pptx') {
    return usageError(io, 'export', m.exportFormat(untrusted(parsed.out)), EXPORT_USAGE);
  }
  const deckArg = parsed.deck;
  const deckPath = resolve(io.cwd, deckArg);
  const output = resolve(io.cwd, parsed.out);

  let text: string;
  try {
    text = await readTextInput(deckPath);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`lectern export: ${untrusted(deckArg)}: ${inputErrorText(error, lang)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const deckDir = await realpath(dirname(deckPath));
  const media = async (written: string): Promise<PptxMedia | RefusedMedia | undefined> => {
    const path = classifyMediaPath(written);
    if (path.kind === 'unsafe') return { refused: MEDIA_PATH_PROBLEM[path.reason].en };
    if (path.kind === 'remote') return undefined;
    // As lectern build: the composed, decomposed and written spellings of a Vietnamese name are
    // tried, then the file is followed and must stay inside the deck's folder.
    const local = localMediaState(deckDir, path.path);
    if (local.state !== 'ok') return local.state === 'missing' ? undefined : { refused: MEDIA_PATH_PROBLEM['link-outside'].en };
    const found = await resolveCopySource(deckDir, local.found);
    if ('reason' in found) return { refused: MEDIA_PATH_PROBLEM[found.reason].en };
    const { size } = await stat(found.file);
    return { type: mediaTypeByName(path.path)?.type ?? 'application/octet-stream', size, chunks: () => fileChunks(found.file, size) };
  };

  const temp = tempPathBeside(output);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    io.stderr(`lectern export: ${m.cannotWrite(untrusted(parsed.out), (error as NodeJS.ErrnoException).code ?? (error as Error).message)}\n`);
    return EXIT_USAGE;
  }
  let result;
  try {
    result = await writePptx(parseDeck(text), media, fileSink(handle), {
      crc32: nodeCrc32,
      generator: `Lectern ${cliVersion()}`,
      onProgress: progressReporter(io.stderr, 'written', lang),
    });
    await handle.close();
    await rename(temp, output);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    io.stderr(`lectern export: ${m.cannotWrite(untrusted(parsed.out), (error as Error).message)}; ${m.nothingWritten}\n`);
    return EXIT_USAGE;
  }
  const { losses } = result;
  // --json: codes as they are, each loss's message in the chosen language.
  const shown = losses.map((loss) => ({ ...loss, message: lossIn(loss, lang, false) }));
  if (parsed.values['json']) io.stdout(`${JSON.stringify({ output, slides: result.slides, losses: shown }, null, 2)}\n`);
  else io.stdout(`${output}\n`);
  io.stderr(`lectern export: ${m.exportWrote(result.slides, untrusted(parsed.out))}\n`);
  if (losses.length === 0) return EXIT_OK;
  io.stderr(`lectern export: ${m.exportLosses(losses.length)}\n`);
  for (const loss of losses) io.stderr(`  ${untrusted(lossIn(loss, lang, true))}\n`);
  return EXIT_ERRORS;
}
