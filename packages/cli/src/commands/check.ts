// `lectern check FILE... [--json]`: diagnostics for decks (.md) and bundles (.lectern).
// stdout: one `file:line:col severity code message` line per diagnostic, or with --json one JSON
// array of {file, line, column, severity, code, message} (message in the chosen language, code
// stable); stderr: unreadable files and a summary.
// Exit 0: clean or warnings/info only; 1: at least one error; 2: bad usage or a file that could
// not be read (the other files are still checked and printed).
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { isBundleFileName } from '@lectern/bundle';
import { analyseDeck, createDomTools, type DomTools } from '../deck-analysis.ts';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, langOf, type CliIO } from '../io.ts';
import { cliMessages, type CliLang } from '../messages.ts';
import { untrusted } from '../terminal-text.ts';
import { InputError, inputErrorText, readTextInput, statInput } from '../read-input.ts';
import { countSeverities, formatDiagnostic, localize, sortDiagnostics, summarize, type CliDiagnostic } from '../report.ts';
import { usageError } from '../usage.ts';


export async function runCheck(args: string[], io: CliIO): Promise<number> {
  const lang = langOf(io);
  const m = cliMessages(lang);
  const CHECK_USAGE = m.checkUsage;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usageError(io, 'check', (error as Error).message, CHECK_USAGE); // parseArgs throws TypeErrors with a readable message
  }
  if (parsed.values.help) {
    io.stdout(CHECK_USAGE);
    return EXIT_OK;
  }
  const files = parsed.positionals;
  if (files.length === 0) return usageError(io, 'check', m.noFile, CHECK_USAGE);

  const all: CliDiagnostic[] = [];
  let unreadable = 0;
  let tools: DomTools | undefined;
  for (const file of files) {
    const path = resolve(io.cwd, file);
    try {
      const found = isBundleFileName(file) ? await checkBundle(path, lang) : await checkDeck(path, (tools ??= createDomTools()));
      const withFile = sortDiagnostics(found.map((d) => localize({ file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message, params: d.params }, lang)));
      if (!parsed.values.json) for (const d of withFile) io.stdout(`${formatDiagnostic(d)}\n`);
      all.push(...withFile);
    } catch (error) {
      if (error instanceof InputError) {
        io.stderr(`lectern check: ${untrusted(file)}: ${untrusted(inputErrorText(error, lang))}\n`);
        unreadable++;
        continue;
      }
      throw error;
    }
  }
  if (parsed.values.json) io.stdout(`${JSON.stringify(all, null, 2)}\n`);
  const counts = countSeverities(all);
  io.stderr(`${summarize(files.length, counts, unreadable, lang)}\n`);
  if (unreadable > 0) return EXIT_USAGE;
  return counts.error > 0 ? EXIT_ERRORS : EXIT_OK;
}

type Found = Pick<CliDiagnostic, 'line' | 'column' | 'severity' | 'code' | 'message' | 'params'>;

async function checkDeck(path: string, tools: DomTools): Promise<Found[]> {
  const text = await readTextInput(path);
  return (await analyseDeck(text, dirname(path), tools)).diagnostics;
}

async function checkBundle(path: string, lang: CliLang): Promise<Found[]> {
  await statInput(path); // missing file, folder: the same one-line errors as for decks
  // Loaded on demand: checking a deck never loads the zip code.
  const module = await import('./check-bundle.ts');
  try {
    return await module.checkBundleFile(path, lang);
  } catch (error) {
    // The checker reports problems as diagnostics; anything thrown is an IO failure of the file.
    throw new InputError('unchecked', { detail: (error as Error).message }, { cause: error });
  }
}
