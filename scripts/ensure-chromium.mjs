#!/usr/bin/env node
// The tests need Debian's Chromium at /usr/bin/chromium (no tool may download its own browser
// here) and the few Debian tools listed in NEEDS. Install them when we can (root with apt-get); otherwise say
// exactly what to run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium';

/** What the tests need from Debian, by the file that proves it is there. */
const NEEDS = [
  { file: CHROMIUM, pkg: 'chromium', why: 'the browser tests' },
  // The print tests read the PDFs they print (handout, half-year report) with pdftotext.
  { file: '/usr/bin/pdftotext', pkg: 'poppler-utils', why: 'the print tests (pdftotext)' },
  // The Offline HTML zip is extracted the way lecturers do: Info-ZIP's unzip and libarchive.
  { file: '/usr/bin/unzip', pkg: 'unzip', why: 'the export tests (unzip)' },
  { file: '/usr/bin/bsdtar', pkg: 'libarchive-tools', why: 'the export tests (bsdtar)' },
  // The .pptx export tests open the exported file in LibreOffice Impress (converted to PDF).
  { file: '/usr/bin/soffice', pkg: 'libreoffice-impress', why: 'the PowerPoint tests (LibreOffice)' },
];

export function ensureChromium() {
  const missing = NEEDS.filter((need) => !existsSync(need.file));
  if (missing.length === 0) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const pkgs = missing.map((need) => need.pkg);
  if (isRoot && hasApt) {
    console.error(`[lectern] missing ${missing.map((n) => n.file).join(', ')}: installing Debian's ${pkgs.join(' ')} with apt-get (about a minute)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env })
      : update;
    if (install.status === 0 && missing.every((need) => existsSync(need.file))) return true;
  }
  const still = missing.filter((need) => !existsSync(need.file));
  console.error(
    `[lectern] The tests need ${still.map((n) => `${n.file} (${n.why})`).join(' and ')}, and it is not there.\n` +
      `  On Debian or Ubuntu run:  sudo apt-get update && sudo apt-get install -y ${still.map((n) => n.pkg).join(' ')}\n` +
      `  Or point LECTERN_CHROMIUM at an existing Chromium binary. (Playwright's own browser download is not used.)`,
  );
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureChromium() ? 0 : 1);
}
