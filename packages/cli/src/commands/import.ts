// `lectern import FILE.pptx|FILE.docx -o DIR [--json]`: converts an Office file into DIR/deck.md and
// DIR/media/..., streaming each media file from the package to disk (never held whole). Writes
// into a temporary folder beside DIR and renames it into place, so a refused file or a failure
// half-way leaves nothing in DIR.
import { randomUUID } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, mkdir, open, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  importMarkdownDeck, importOfficeFile, isOfficeImportError, LOSS_KINDS, officeErrorMessage, reportKindLabel,
  type ImportReport, type OfficeImport, type OfficeLang,
} from '@lectern/office';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type CliIO } from '../io.ts';
import { parseFileArgs } from '../file-args.ts';
import { readTextInput } from '../read-input.ts';
import { usageError } from '../usage.ts';
import { fileSink, formatBytes, nodeCrc32, openFileSource } from './bundle-io.ts';
import { placeFolder, targetState } from './unpack.ts';

export const IMPORT_USAGE = `Usage: lectern import FILE.pptx|FILE.docx|FILE.qmd|FILE.md -o DIR [--json]

Converts a PowerPoint presentation or a Word lesson plan into a Lectern deck: DIR/deck.md and
DIR/media/... From .pptx: slides, titles, text, lists, tables, pictures, video/audio, notes and
hidden slides. From .docx: one slide per Heading 1/2, lists, tables, pictures, and the lesson-plan
headings (Mục tiêu, Đối tượng, Thời gian, Tài liệu tham khảo) in the front matter.
From a Quarto/Pandoc (.qmd, format: revealjs), Marp (marp: true) or Slidev deck: the same slides,
notes and fragments in Lectern Markdown, its local pictures copied into DIR/media/.
What cannot be carried over is listed (--json prints the whole report on stdout).
DIR must not exist or be empty. Nothing is left in DIR when the file is refused.
Exit: 0 converted, 1 converted with losses (listed), 2 bad usage, unreadable or refused file.
`;

interface ImportArgs { file: string; output: string; json: boolean }

function parseArgs(args: string[], cwd: string): ImportArgs | string {
  const parsed = parseFileArgs(args, { flags: { '--json': ['--json'] }, output: 'folder', input: 'file' });
  if (typeof parsed === 'string') return parsed;
  if (parsed.input === undefined) return 'name the file to import';
  if (parsed.output === undefined) return 'name the target folder with -o DIR';
  return { file: resolve(cwd, parsed.input), output: resolve(cwd, parsed.output), json: parsed.flags.has('--json') };
}

/** Text from the file, printed to a terminal: no control characters (escape sequences). */
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

const cliLang = (): OfficeLang => (/^vi/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'vi' : 'en');

async function writeDeck(result: OfficeImport, root: string): Promise<void> {
  await writeFile(join(root, 'deck.md'), result.deckText, { flag: 'wx' });
  for (const media of result.media) {
    const target = resolve(root, ...media.path.split('/'));
    // The importer only makes names under media/; this is the belt to its braces.
    const rel = relative(root, target);
    if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') throw new Error(`refusing to write outside the folder: ${media.path}`);
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(target, 'wx');
    try {
      const sink = fileSink(handle);
      for await (const chunk of media.chunks()) await sink.write(chunk);
    } finally {
      await handle.close();
    }
  }
}

export async function runImport(args: string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(IMPORT_USAGE);
    return EXIT_OK;
  }
  const parsed = parseArgs(args, io.cwd);
  if (typeof parsed === 'string') return usageError(io, 'import', parsed, IMPORT_USAGE);
  const { file, output, json } = parsed;
  const lang = cliLang();
  const state = await targetState(output);
  if (state === 'not-dir' || state === 'full') {
    io.stderr(`lectern import: ${output} ${state === 'full' ? 'is not empty' : 'exists and is not a folder'}; nothing was written\n`);
    return EXIT_USAGE;
  }
  if (RE_MARKDOWN_DECK.test(file)) return importOtherDeck(file, output, state, json, lang, io);
  let opened;
  try {
    if (!(await stat(file)).isFile()) throw new Error('is not a file');
    opened = await openFileSource(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    io.stderr(`lectern import: ${file}: ${reason}\n`);
    return EXIT_USAGE;
  }
  let temp: string | undefined;
  try {
    const result = await importOfficeFile(opened.source, { fileName: basename(file), crc32: nodeCrc32 });
    await mkdir(dirname(output), { recursive: true });
    temp = join(dirname(output), `.${basename(output)}.${randomUUID().slice(0, 8)}.tmp`);
    await mkdir(temp);
    await writeDeck(result, temp);
    await placeFolder(temp, output, state);
    temp = undefined;

    const mediaSize = result.media.reduce((sum, m) => sum + m.size, 0);
    return printReport(result.report, result.media.length, mediaSize, output, json, lang, io);
  } catch (error) {
    if (isOfficeImportError(error)) {
      io.stderr(`lectern import: ${basename(file)}: ${error.code}: ${printable(officeErrorMessage(error, lang))}; nothing was written\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    await opened.close().catch(() => undefined);
  }
}

function printReport(report: ImportReport, mediaCount: number, mediaSize: number, output: string, json: boolean, lang: OfficeLang, io: CliIO): number {
  if (json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  for (const entry of report.entries) {
    const where = entry.slide === undefined ? '' : `slide ${entry.slide}${entry.line === undefined ? '' : ` (deck.md:${entry.line})`}: `;
    const mark = LOSS_KINDS.has(entry.kind) ? 'loss' : 'note';
    io.stderr(`${mark}: ${where}${reportKindLabel(entry.kind, lang)}${entry.detail ? ` [${printable(entry.detail)}]` : ''}\n`);
  }
  io.stderr(`imported ${report.slides} slide(s), ${mediaCount} media file(s) (${formatBytes(mediaSize)}) into ${output}; ${report.losses} loss(es)\n`);
  return report.losses > 0 ? EXIT_ERRORS : EXIT_OK;
}

const RE_MARKDOWN_DECK = /\.(qmd|md|markdown)$/i;

/** A local file the deck names, if it is a regular file inside the deck's folder (Slidev's
 *  `/x.png` is `public/x.png`); never a file reached through `..` or a link out of the folder. */
async function localFile(deckDir: string, written: string): Promise<string | undefined> {
  let path = written;
  try {
    path = decodeURIComponent(written);
  } catch {
    // a stray % stays as written
  }
  const candidates = path.startsWith('/') ? [join(deckDir, 'public', path), join(deckDir, path)] : [join(deckDir, path)];
  const root = await realpath(deckDir);
  for (const candidate of candidates) {
    try {
      const real = await realpath(candidate);
      const rel = relative(root, real);
      if (rel.startsWith('..') || isAbsolute(rel) || !(await stat(real)).isFile()) continue;
      return real;
    } catch {
      // not there: try the next spelling
    }
  }
  return undefined;
}

/** `lectern import talk.qmd|slides.md -o DIR`: a Quarto, Marp or Slidev deck. */
async function importOtherDeck(file: string, output: string, state: 'absent' | 'empty', json: boolean, lang: OfficeLang, io: CliIO): Promise<number> {
  let text: string;
  try {
    text = await readTextInput(file);
  } catch (error) {
    io.stderr(`lectern import: ${file}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const result = importMarkdownDeck(text, basename(file));
  if (!result) {
    io.stderr(`lectern import: ${basename(file)}: not a Quarto, Marp or Slidev deck (no format: revealjs, marp: true or Slidev slide front matter); a Lectern deck needs no import; nothing was written\n`);
    return EXIT_USAGE;
  }
  const deckDir = dirname(file);
  let temp: string | undefined;
  try {
    await mkdir(dirname(output), { recursive: true });
    temp = join(dirname(output), `.${basename(output)}.${randomUUID().slice(0, 8)}.tmp`);
    await mkdir(temp);
    await writeFile(join(temp, 'deck.md'), result.deckText, { flag: 'wx' });
    let copied = 0;
    let size = 0;
    for (const { from, path } of result.localMedia) {
      const source = await localFile(deckDir, from);
      if (!source) {
        result.report.entries.push({ kind: 'media-missing', detail: from });
        result.report.losses++;
        continue;
      }
      await mkdir(dirname(join(temp, path)), { recursive: true });
      await copyFile(source, join(temp, path), fsConstants.COPYFILE_EXCL);
      copied++;
      size += (await stat(source)).size;
    }
    await placeFolder(temp, output, state);
    temp = undefined;
    return printReport(result.report, copied, size, output, json, lang, io);
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}
