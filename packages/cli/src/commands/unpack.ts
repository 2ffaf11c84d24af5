// `lectern unpack FILE.lectern -o DIR [--force]`: checks the whole bundle first (structure,
// limits, paths, manifest, deck text, every asset's size and SHA-256, and what each media file
// is by its bytes, as the app does: bundle-media.ts), then extracts into a
// temporary folder beside DIR and renames it into place. Nothing is written when the bundle is
// refused, and a failure half-way (disk full) removes the temporary folder: DIR is either the
// complete bundle or as it was.
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BundleError, readBundle, type Bundle } from '@lectern/bundle';
import { parseFileArgs } from '../file-args.ts';
import { EXIT_ERRORS, EXIT_OK, langOf, type CliIO } from '../io.ts';
import { cliMessages, type CliMessages } from '../messages.ts';
import { untrusted } from '../terminal-text.ts';
import { commandArgs } from '../usage.ts';
import { bundleErrorText, formatBytes, nodeCrc32, nodeHash, openCommandInput, progressReporter, writeChunksInside } from './bundle-io.ts';
import { mediaRefusals } from './bundle-media.ts';
import { placeFolder, targetState, tempFolderBeside } from './in-place.ts';

interface UnpackArgs { file: string; output: string; force: boolean }

function parseArgs(args: string[], cwd: string, m: CliMessages): UnpackArgs | string {
  const parsed = parseFileArgs(args, { flags: { '--force': ['--force', '-f'] }, output: 'folder', input: 'bundle' }, m);
  if (typeof parsed === 'string') return parsed;
  if (parsed.input === undefined) return m.nameBundle;
  if (parsed.output === undefined) return m.nameTarget;
  return { file: resolve(cwd, parsed.input), output: resolve(cwd, parsed.output), force: parsed.flags.has('--force') };
}

/** Writes the checked bundle under `root` (an empty folder). */
async function extract(bundle: Bundle, root: string, onAsset: (path: string, size: number) => void): Promise<void> {
  const encoder = new TextEncoder();
  await writeChunksInside(root, 'manifest.json', [encoder.encode(bundle.manifestText)]);
  await writeChunksInside(root, 'deck.md', [encoder.encode(bundle.deck)]);
  for (const asset of bundle.assets) {
    await writeChunksInside(root, asset.path, asset.chunks());
    onAsset(asset.path, asset.size);
  }
}

export async function runUnpack(args: string[], io: CliIO): Promise<number> {
  const lang = langOf(io);
  const m = cliMessages(lang);
  const parsed = commandArgs(io, 'unpack', m.unpackUsage, args, (given) => parseArgs(given, io.cwd, m));
  if (typeof parsed === 'number') return parsed;
  const { file, output, force } = parsed;
  const state = await targetState(output);
  if (state === 'not-dir') {
    io.stderr(`lectern unpack: ${m.targetNotFolder(output)}\n`);
    return EXIT_ERRORS;
  }
  if (state === 'full' && !force) {
    io.stderr(`lectern unpack: ${m.targetNotEmpty(output)}\n`);
    return EXIT_ERRORS;
  }

  const opened = await openCommandInput(io, 'unpack', file);
  if (typeof opened === 'number') return opened;

  let temp: string | undefined;
  try {
    const bundle = await readBundle(opened.source, { hash: nodeHash, crc32: nodeCrc32, onProgress: progressReporter(io.stderr, 'checked', lang) });
    const refused = await mediaRefusals(bundle.assets, lang);
    if (refused.length > 0) {
      io.stderr(`lectern unpack: ${untrusted(file)}: media-type: ${m.mediaNotWhatNamed(refused.length)}\n`);
      for (const line of refused) io.stderr(`  ${untrusted(line)}\n`);
      return EXIT_ERRORS;
    }
    temp = await tempFolderBeside(output);
    const progress = progressReporter(io.stderr, 'extracted', lang);
    let done = 0;
    const listed: string[] = ['manifest.json', 'deck.md'];
    await extract(bundle, temp, (path, size) => {
      done += size;
      listed.push(path);
      progress({ done, total: bundle.mediaSize });
    });
    await placeFolder(temp, output, state);
    temp = undefined;
    for (const name of listed) io.stdout(`${untrusted(join(output, name))}\n`);
    io.stderr(`${m.unpacked(untrusted(bundle.manifest.title), bundle.assets.length + 2, formatBytes(bundle.mediaSize, lang), untrusted(output))}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof BundleError) {
      io.stderr(`lectern unpack: ${untrusted(file)}: ${error.code}: ${lang === 'en' ? untrusted(error.message) : bundleErrorText(error.code, lang)}; ${m.nothingWritten}\n`);
      return EXIT_ERRORS;
    }
    io.stderr(`lectern unpack: ${untrusted((error as Error).message)}; ${m.nothingWritten}\n`);
    return EXIT_ERRORS;
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    await opened.close().catch(() => undefined);
  }
}
