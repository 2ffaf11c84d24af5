// `lectern import FILE.pptx|FILE.docx -o DIR [--json]`: converts an Office file into DIR/deck.md and
// DIR/media/..., streaming each media file from the package to disk (never held whole). Writes
// into a temporary folder beside DIR and renames it into place, so a refused file or a failure
// half-way leaves nothing in DIR.
import { rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  importOfficeFile, isOfficeImportError, LOSS_KINDS, officeErrorMessage, reportKindLabel,
  type ImportReport, type OfficeImport, type OfficeLang,
} from '@lectern/office';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, langOf, type CliIO } from '../io.ts';
import { parseFileArgs } from '../file-args.ts';
import { importForeignFile } from '../foreign-import.ts';
import { cliMessages, type CliMessages } from '../messages.ts';
import { InputError, inputErrorText, readTextInput } from '../read-input.ts';
import { untrusted } from '../terminal-text.ts';
import { commandArgs } from '../usage.ts';
import { formatBytes, nodeCrc32, openCommandInput, writeChunksInside } from './bundle-io.ts';
import { placeFolder, targetState, tempFolderBeside } from './in-place.ts';

interface ImportArgs { file: string; output: string; json: boolean }

function parseArgs(args: string[], cwd: string, m: CliMessages): ImportArgs | string {
  const parsed = parseFileArgs(args, { flags: { '--json': ['--json'] }, output: 'folder', input: 'file' }, m);
  if (typeof parsed === 'string') return parsed;
  if (parsed.input === undefined) return m.nameFileToImport;
  if (parsed.output === undefined) return m.nameTarget;
  return { file: resolve(cwd, parsed.input), output: resolve(cwd, parsed.output), json: parsed.flags.has('--json') };
}

async function writeDeck(result: OfficeImport, root: string): Promise<void> {
  await writeChunksInside(root, 'deck.md', [new TextEncoder().encode(result.deckText)]);
  for (const media of result.media) await writeChunksInside(root, media.path, media.chunks());
}

export async function runImport(args: string[], io: CliIO): Promise<number> {
  // The language of --lang or the locale (main() decided): the report's labels and the office
  // package's refusal sentences follow it too.
  const lang: OfficeLang = langOf(io);
  const m = cliMessages(lang);
  const parsed = commandArgs(io, 'import', m.importUsage, args, (given) => parseArgs(given, io.cwd, m));
  if (typeof parsed === 'number') return parsed;
  const { file, output, json } = parsed;
  const state = await targetState(output);
  if (state === 'not-dir' || state === 'full') {
    io.stderr(`lectern import: ${state === 'full' ? m.importTargetNotEmpty(untrusted(output)) : m.targetNotFolder(untrusted(output))}\n`);
    return EXIT_USAGE;
  }
  if (RE_MARKDOWN_DECK.test(file)) return importOtherDeck(file, output, state, json, lang, io);
  const opened = await openCommandInput(io, 'import', file);
  if (typeof opened === 'number') return opened;
  let temp: string | undefined;
  try {
    const result = await importOfficeFile(opened.source, { fileName: basename(file), crc32: nodeCrc32 });
    temp = await tempFolderBeside(output);
    await writeDeck(result, temp);
    await placeFolder(temp, output, state);
    temp = undefined;

    const mediaSize = result.media.reduce((sum, m) => sum + m.size, 0);
    return printReport(result.report, result.media.length, mediaSize, output, json, lang, io);
  } catch (error) {
    if (isOfficeImportError(error)) {
      io.stderr(`lectern import: ${untrusted(basename(file))}: ${error.code}: ${untrusted(officeErrorMessage(error, lang))}; ${m.nothingWritten}\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    await opened.close().catch(() => undefined);
  }
}

function printReport(report: ImportReport, mediaCount: number, mediaSize: number, output: string, json: boolean, lang: OfficeLang, io: CliIO): number {
  const m = cliMessages(lang);
  // --json: each entry keeps its `kind` code and gets its label in the chosen language.
  if (json) io.stdout(`${JSON.stringify({ ...report, entries: report.entries.map((e) => ({ ...e, message: reportKindLabel(e.kind, lang) })) }, null, 2)}\n`);
  for (const entry of report.entries) {
    const where = entry.slide === undefined ? '' : `${m.importWhere(entry.slide, entry.line)}: `;
    const mark = LOSS_KINDS.has(entry.kind) ? m.importLoss : m.importNote;
    io.stderr(`${mark}: ${where}${reportKindLabel(entry.kind, lang)}${entry.detail ? ` [${untrusted(entry.detail)}]` : ''}\n`);
  }
  io.stderr(`${m.imported(report.slides, mediaCount, formatBytes(mediaSize, lang), untrusted(output), report.losses)}\n`);
  return report.losses > 0 ? EXIT_ERRORS : EXIT_OK;
}

const RE_MARKDOWN_DECK = /\.(qmd|md|markdown)$/i;

/** `lectern import talk.qmd|slides.md -o DIR`: a Quarto, Marp or Slidev deck, converted by
 *  importForeignFile into a temporary folder that is renamed into place. */
async function importOtherDeck(file: string, output: string, state: 'absent' | 'empty', json: boolean, lang: OfficeLang, io: CliIO): Promise<number> {
  let temp: string | undefined;
  try {
    temp = await tempFolderBeside(output);
    const result = await importForeignFile(file, temp);
    if (result.error !== undefined) {
      io.stderr(`lectern import: ${untrusted(result.error)}; nothing was written\n`);
      return EXIT_USAGE;
    }
    if (result.tool === undefined) {
      io.stderr(`lectern import: ${untrusted(basename(file))}: ${cliMessages(lang).notOtherDeck}\n`);
      return EXIT_USAGE;
    }
    await placeFolder(temp, output, state);
    temp = undefined;
    if (json) io.stdout(`${JSON.stringify({ source: result.tool, slides: result.slides, losses: result.entries.length, entries: result.entries, media: result.media }, null, 2)}\n`);
    for (const entry of result.entries) {
      const where = entry.slide === 0 ? '' : `slide ${entry.slide}: `;
      const line = entry.line > 0 ? ` (${basename(file)}:${entry.line})` : '';
      io.stderr(`loss: ${where}${entry.kind}${line} [${untrusted(entry.detail)}]\n`);
    }
    io.stderr(`imported ${result.slides} slide(s), ${result.media.length} media file(s) into ${output}; ${result.entries.length} loss(es)\n`);
    return result.code;
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}
