// `lectern build` output cannot be redirected by the deck or by the output folder (issue 13 item 2).
// The machine's disk is case-sensitive, so a case-insensitive one (macOS, Windows) is simulated
// by what it would do: every spelling it treats as the same file must be refused, and only one of
// media names that differ in case or Unicode form is written. Symlinks are real ones.
import { lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG_1X1, removeScratch, runCli, scratch } from './helpers.ts';

afterAll(removeScratch);

const RUNTIME_SPELLINGS = ['_Lectern/start.js', '_LECTERN/reveal.js', 'INDEX.HTML', 'Index.html.', '_lectern./start.js', '_lectern/Build.json'];

describe('build output names', () => {
  it('should refuse every spelling of the build\'s own files a case-insensitive disk would confuse, keeping the runtime', async () => {
    const files: Record<string, string | Uint8Array> = {};
    for (const name of RUNTIME_SPELLINGS) files[name] = 'alert("deck")';
    const deck = `# A\n\n${RUNTIME_SPELLINGS.map((name) => `![x](<${name}>)`).join('\n\n')}\n`;
    const dir = await scratch({ ...files, 'deck.md': deck });
    const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
    expect(run.code).toBe(1);
    for (const name of RUNTIME_SPELLINGS) expect(run.stderr).toContain(`${name} is a name the build uses for its own files`);
    // Nothing of the deck's was written beside the runtime.
    expect((await readdir(join(dir, 'site'))).sort()).toEqual(['_lectern', 'index.html']);
    expect(await readFile(join(dir, 'site/_lectern/start.js'), 'utf8')).not.toContain('alert("deck")');
  });

  it('should write one file for media names a case-insensitive, normalising disk sees as one', async () => {
    const nfc = 'media/Ảnh lớp.png'.normalize('NFC');
    const variants = [nfc, nfc.normalize('NFD'), nfc.toLowerCase(), 'media/ẢNH LỚP.PNG'];
    const files: Record<string, Uint8Array> = {};
    for (const name of variants) files[name] = PNG_1X1;
    const dir = await scratch({ ...files, 'deck.md': `# A\n\n${variants.map((v) => `![x](<${v}>)`).join('\n\n')}\n` });
    const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.match(/is the same file as media\/\S+ \S+ on macOS and Windows/g)).toHaveLength(variants.length - 1);
    expect(await readdir(join(dir, 'site/media'))).toHaveLength(1);
  });
});

describe('build output folder with symlinks', () => {
  it('should never write through a symlink in an earlier build folder', async () => {
    const dir = await scratch({ 'deck.md': '# A\n\n![x](media/ảnh.png)\n', 'media/ảnh.png': PNG_1X1, 'outside/victim.html': 'SECRET', 'outside/victim.js': 'SECRET JS' });
    expect((await runCli(['build', 'deck.md', '-o', 'site'], dir)).code).toBe(0);
    const site = join(dir, 'site');
    const outside = join(dir, 'outside');
    // Someone replaced parts of the earlier build with links pointing out of it.
    await rm(join(site, 'index.html'));
    await symlink(join(outside, 'victim.html'), join(site, 'index.html'));
    await rm(join(site, 'media'), { recursive: true });
    await symlink(outside, join(site, 'media'));
    await rm(join(site, '_lectern/start.js'));
    await symlink(join(outside, 'victim.js'), join(site, '_lectern/start.js'));

    const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(outside, 'victim.html'), 'utf8')).toBe('SECRET');
    expect(await readFile(join(outside, 'victim.js'), 'utf8')).toBe('SECRET JS');
    expect((await readdir(outside)).sort()).toEqual(['victim.html', 'victim.js']);
    for (const path of ['index.html', 'media', 'media/ảnh.png', '_lectern/start.js']) {
      expect((await lstat(join(site, path))).isSymbolicLink(), path).toBe(false);
    }
    expect(await readFile(join(site, 'index.html'), 'utf8')).toContain('<html');
  });

  it('should replace a symlinked _lectern folder instead of writing the runtime through it', async () => {
    const dir = await scratch({ 'deck.md': '# A\n', 'outside/keep.txt': 'x' });
    const site = join(dir, 'site');
    await mkdir(site);
    await writeFile(join(dir, 'outside/build.json'), '{}');
    await symlink(join(dir, 'outside'), join(site, '_lectern'));
    const run = await runCli(['build', 'deck.md', '-o', 'site'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(join(dir, 'outside'))).sort()).toEqual(['build.json', 'keep.txt']);
    expect((await lstat(join(site, '_lectern'))).isDirectory()).toBe(true);
  });
});
