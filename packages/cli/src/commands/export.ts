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
import { randomUUID } from 'node:crypto';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { mediaTypeByName, parseDeck } from '@lectern/deck';
import { lossLine, writePptx, type PptxMedia, type RefusedMedia } from '@lectern/office-export';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type CliIO } from '../io.ts';
import { classifyMediaPath, localMediaState, resolveCopySource } from '../media-paths.ts';
import { InputError, readTextInput } from '../read-input.ts';
import { parseDeckCommandArgs, usageError } from '../usage.ts';
import { cliVersion } from '../version.ts';
import { fileChunks, fileSink, nodeCrc32, progressReporter } from './bundle-io.ts';

export const EXPORT_USAGE = `Usage: lectern export DECK.md -o FILE.pptx [--json]

Writes the deck as an editable PowerPoint file: titles, text, lists, tables, lesson blocks,
images, video, audio and speaker notes; media are taken from beside the deck (media/...).
  -o, --out FILE   the file to write; its extension picks the format (.pptx)
  --json           print {output, slides, losses} on stdout
Exit status: 0 written, 1 written but something could not be kept (listed), 2 bad usage or
unreadable input.
`;

export async function runExport(args: string[], io: CliIO): Promise<number> {
  const parsed = parseDeckCommandArgs(io, 'export', EXPORT_USAGE, args, { json: { type: 'boolean' } }, 'no output file given (-o FILE.pptx)');
  if (typeof parsed === 'number') return parsed;
  if (extname(parsed.out).toLowerCase() !== '.pptx') {
    return usageError(io, 'export', `cannot tell the format of "${parsed.out}": the output must end in .pptx`, EXPORT_USAGE);
  }
  const deckArg = parsed.deck;
  const deckPath = resolve(io.cwd, deckArg);
  const output = resolve(io.cwd, parsed.out);

  let text: string;
  try {
    text = await readTextInput(deckPath);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`lectern export: ${deckArg}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const deckDir = await realpath(dirname(deckPath));
  const media = async (written: string): Promise<PptxMedia | RefusedMedia | undefined> => {
    const path = classifyMediaPath(written);
    if (path.kind === 'unsafe') return { refused: path.reason };
    if (path.kind === 'remote') return undefined;
    // As lectern build: the composed, decomposed and written spellings of a Vietnamese name are
    // tried, then the file is followed and must stay inside the deck's folder.
    const local = localMediaState(deckDir, path.path);
    if (local.state !== 'ok') return local.state === 'missing' ? undefined : { refused: "is a link to a file outside the deck's folder" };
    const found = await resolveCopySource(deckDir, local.found);
    if ('reason' in found) return { refused: found.reason };
    const { size } = await stat(found.file);
    return { type: mediaTypeByName(path.path)?.type ?? 'application/octet-stream', size, chunks: () => fileChunks(found.file, size) };
  };

  const temp = join(dirname(output), `.${basename(output)}.${randomUUID().slice(0, 8)}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    io.stderr(`lectern export: cannot write ${parsed.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT_USAGE;
  }
  let result;
  try {
    result = await writePptx(parseDeck(text), media, fileSink(handle), {
      crc32: nodeCrc32,
      generator: `Lectern ${cliVersion()}`,
      onProgress: progressReporter(io.stderr, 'written'),
    });
    await handle.close();
    await rename(temp, output);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    io.stderr(`lectern export: cannot write ${parsed.out}: ${(error as Error).message}; nothing was written\n`);
    return EXIT_USAGE;
  }
  const { losses } = result;
  if (parsed.values['json']) io.stdout(`${JSON.stringify({ output, slides: result.slides, losses }, null, 2)}\n`);
  else io.stdout(`${output}\n`);
  io.stderr(`lectern export: wrote ${result.slides} slide(s) to ${parsed.out}\n`);
  if (losses.length === 0) return EXIT_OK;
  io.stderr(`lectern export: ${losses.length} thing(s) could not be kept:\n`);
  for (const loss of losses) io.stderr(`  ${lossLine(loss)}\n`);
  return EXIT_ERRORS;
}
