#!/usr/bin/env node
// Browser tests need Debian's Chromium at /usr/bin/chromium (no tool may download its own
// browser here). Install it when we can (root with apt-get); otherwise say exactly what to run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.error(`[lectern] ${CHROMIUM} is missing: installing Debian's chromium with apt-get (about a minute)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
      : update;
    if (install.status === 0 && existsSync(CHROMIUM)) return true;
  }
  console.error(
    `[lectern] The browser tests need Chromium at ${CHROMIUM}, and it is not there.\n` +
      `  On Debian or Ubuntu run:  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `  Or point LECTERN_CHROMIUM at an existing Chromium binary. (Playwright's own browser download is not used.)`,
  );
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureChromium() ? 0 : 1);
}
