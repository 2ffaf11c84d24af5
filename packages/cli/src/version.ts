// The CLI's version, from its package.json (one source of truth for --version and `generator`).
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function cliVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
