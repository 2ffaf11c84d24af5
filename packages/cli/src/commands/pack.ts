// `lectern pack DECK.md -o FILE.lectern`: the deck and every local media file it uses, in one
// bundle. Media come from the deck package's one list of files a deck refers to (deckFiles: images,
// video, audio, posters, slide backgrounds, media written as HTML); each must be
// a file under the deck's media/ folder. Any missing or unsafe one stops the pack with the full
// list (exit 1) before anything is written. The bundle is written beside its final name and
// renamed into place, so a failed pack never leaves a half-written file.
import { createHash } from 'node:crypto';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { assertAssetPath, BundleError, bundleNameForDeckFile, writeBundle, type BundleAssetInput } from '@lectern/bundle';
import { checkMediaBytes, deckFiles, describeMediaRefusal, MEDIA_PATH_PROBLEM, parseDeck, SNIFF_BYTES } from '@lectern/deck';
import { parseFileArgs } from '../file-args.ts';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, langOf, type CliIO } from '../io.ts';
import { cliMessages, type CliLang, type CliMessages } from '../messages.ts';
import { InputError, inputErrorText, readTextInput } from '../read-input.ts';
import { untrusted } from '../terminal-text.ts';
import { commandArgs } from '../usage.ts';
import { bundleErrorText, fileChunks, fileSink, formatBytes, nodeCrc32, nodeHash, progressReporter } from './bundle-io.ts';
import { tempPathBeside } from './in-place.ts';

const RE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first bytes of a file, enough for checkMediaBytes. */
async function fileHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The media paths a deck uses, as written (fragments such as `#t=` removed), in order of first use. */
export function deckMediaPaths(markdown: string): string[] {
  return deckFiles(parseDeck(markdown)).map((file) => file.uses[0]!.written);
}

interface PlannedAsset { path: string; file: string; size: number; type: string }

async function planAssets(markdown: string, deckDir: string, lang: CliLang): Promise<{ assets: PlannedAsset[]; problems: string[] }> {
  const why = (problem: keyof typeof MEDIA_PATH_PROBLEM) => MEDIA_PATH_PROBLEM[problem][lang];
  const deckRealDir = await realpath(deckDir);
  const assets: PlannedAsset[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const file of deckFiles(parseDeck(markdown))) {
    const { path } = file;
    const written = file.uses[0]!.written;
    const shown = path === written ? written : `${written} (${path})`;
    if (seen.has(path)) continue;
    seen.add(path);
    try {
      assertAssetPath(path);
    } catch (error) {
      const reason = error instanceof BundleError ? (lang === 'en' ? error.message.replace(`${path}: `, '') : bundleErrorText(error.code, lang)) : String(error);
      problems.push(`${shown}: ${reason}`);
      continue;
    }
    let real: string;
    try {
      real = await realpath(join(deckRealDir, path));
    } catch {
      problems.push(`${shown}: ${why('no-file')}`);
      continue;
    }
    const rel = relative(deckRealDir, real);
    if (rel.startsWith('..') || rel.startsWith(sep) || resolve(deckRealDir, rel) !== real) {
      problems.push(`${shown}: ${why('link-outside')}`);
      continue;
    }
    const info = await stat(real);
    if (!info.isFile()) {
      problems.push(`${shown}: ${why('not-file')}`);
      continue;
    }
    // The type written into the manifest is what the bytes are (the app checks the same way and
    // refuses a bundle whose media are not what their names say: never pack one).
    const check = checkMediaBytes(path, await fileHead(real));
    if (!check.ok) {
      problems.push(describeMediaRefusal(shown, check, lang));
      continue;
    }
    assets.push({ path, file: real, size: info.size, type: check.info.type });
  }
  return { assets, problems };
}

interface PackArgs { deck: string; output: string }

function parseArgs(args: string[], cwd: string, m: CliMessages): PackArgs | string {
  const parsed = parseFileArgs(args, { output: 'file', input: 'deck', dashIsFile: true }, m);
  if (typeof parsed === 'string') return parsed;
  const deck = parsed.input;
  if (deck === undefined) return m.nameDeckToPack;
  return { deck: resolve(cwd, deck), output: resolve(cwd, parsed.output ?? bundleNameForDeckFile(basename(deck, extname(deck)))) };
}

/** A stable id for a deck without one: the same file packs to the same bundle id (so importing a
 *  newer pack offers "replace"). Formatted as a UUID (version 8: custom). */
function stableId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function runPack(args: string[], io: CliIO): Promise<number> {
  const lang = langOf(io);
  const m = cliMessages(lang);
  const parsed = commandArgs(io, 'pack', m.packUsage, args, (given) => parseArgs(given, io.cwd, m));
  if (typeof parsed === 'number') return parsed;
  const { deck: deckPath, output } = parsed;
  let markdown: string;
  try {
    // The same checks and words as check and build: missing, a folder, binary, not UTF-8 (where).
    markdown = await readTextInput(deckPath);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`lectern pack: ${untrusted(deckPath)}: ${inputErrorText(error, lang)}\n`);
    return EXIT_USAGE;
  }
  const deckStat = await stat(deckPath);

  const { assets, problems } = await planAssets(markdown, dirname(deckPath), lang);
  if (problems.length > 0) {
    io.stderr(`lectern pack: ${untrusted(deckPath)}: ${m.mediaCannotBePacked(problems.length)}\n`);
    for (const problem of problems) io.stderr(`  ${untrusted(problem)}\n`);
    return EXIT_ERRORS;
  }

  const meta = parseDeck(markdown).meta;
  const givenId = meta.extra['id'];
  const id = typeof givenId === 'string' && RE_UUID.test(givenId) ? givenId.toLowerCase() : stableId(await realpath(deckPath));
  const created = deckStat.birthtimeMs > 0 ? deckStat.birthtime : deckStat.mtime;
  const inputs: BundleAssetInput[] = assets.map((asset) => ({
    path: asset.path,
    type: asset.type,
    size: asset.size,
    chunks: () => fileChunks(asset.file, asset.size),
  }));

  const temp = tempPathBeside(output);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    io.stderr(`lectern pack: ${m.cannotWrite(output, (error as Error).message)}\n`);
    return EXIT_USAGE;
  }
  let manifest;
  try {
    manifest = await writeBundle(
      {
        id,
        title: (meta.title ?? basename(deckPath, extname(deckPath))).slice(0, 1000),
        createdAt: created.toISOString(),
        updatedAt: deckStat.mtime.toISOString(),
        generator: 'lectern 0.1.0',
        deck: markdown,
        assets: inputs,
      },
      fileSink(handle),
      { hash: nodeHash, crc32: nodeCrc32, onProgress: progressReporter(io.stderr, 'packed', lang) },
    );
    await handle.close();
    await rename(temp, output);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    if (error instanceof BundleError) {
      io.stderr(`lectern pack: ${lang === 'en' ? untrusted(error.message) : bundleErrorText(error.code, lang)}; ${m.nothingWritten}\n`);
      return EXIT_ERRORS;
    }
    io.stderr(`lectern pack: ${m.cannotWrite(output, (error as Error).message)}\n`);
    return EXIT_USAGE;
  }
  const total = manifest.assets.reduce((sum, asset) => sum + asset.size, 0);
  io.stdout(`deck.md\t${formatBytes(new TextEncoder().encode(markdown).length)}\n`);
  for (const asset of manifest.assets) io.stdout(`${untrusted(asset.path)}\t${formatBytes(asset.size)}\n`);
  io.stderr(`${m.packed(manifest.assets.length + 1, formatBytes(total, lang), untrusted(output))}\n`);
  return EXIT_OK;
}
