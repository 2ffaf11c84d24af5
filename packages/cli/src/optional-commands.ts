// Commands written by other parts of the CLI (pack, unpack, the bundle checker) are loaded on
// demand: `lectern check deck.md` never pays for the zip code, and a checkout where one of them
// is missing still runs every other command.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A command module that is not in this checkout; its message is the line the user sees. */
export class NotAvailableError extends Error {
  constructor(readonly command: string) {
    super(`"${command}" is not available yet in this version of lectern`);
    this.name = 'NotAvailableError';
  }
}

/**
 * Imports `commands/<name>.ts` and checks that it exports `exportName` as a function.
 * @throws NotAvailableError when the file or the export is missing.
 */
export async function loadOptionalCommand<T>(name: string, exportName: keyof T & string): Promise<T> {
  const url = new URL(`./commands/${name}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new NotAvailableError(name);
  // A computed specifier: the module may not exist at type-check time; its shape is checked below.
  const module = (await import(url.href)) as Record<string, unknown>;
  if (typeof module[exportName] !== 'function') throw new NotAvailableError(name);
  return module as T;
}
