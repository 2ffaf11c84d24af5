// Opening a file in software other than Lectern's: Debian's LibreOffice converts it to PDF
// (headless, with a profile of its own so parallel runs do not fight over ~/.config), and
// poppler's pdftotext / pdfinfo read the result back.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Converts `file` to PDF in `outDir` with `soffice --headless --convert-to pdf`; returns the PDF's path. */
export async function convertToPdf(file: string, outDir: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'lectern-lo-'));
  try {
    await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return join(outDir, `${basename(file, extname(file))}.pdf`);
}

/** The PDF's text in reading order (pdftotext, UTF-8), one string per page. */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

/** Page count from pdfinfo. */
export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}
