// Untrusted text printed by the CLI (front-matter keys, media paths, a bundle's title) must not
// reach the terminal as control characters: no ESC/BEL/CR/C1/bidi byte in any output, JSON
// included, and a hostile title cannot print a line of its own.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG_1X1, removeScratch, runCli, scratch, type CliRun } from './helpers.ts';

afterAll(removeScratch);

/** Any control character a terminal acts on (line feed and tab are the CLI's own layout). */
const RE_RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// YAML double-quoted escapes: \e is ESC, \a BEL, \r CR; \x9b the 8-bit CSI; \u202e right-to-left override.
const HOSTILE_DECK = `---
title: "Bài 1\\e]0;owned\\a\\r\\e[2K\\nlectern: bundle is safe\\x9b2J\\u202e"
"\\e]0;terminal title\\a\\x9b2J": 1
---
# Trang một

![x](media/\u001b[2Kgia\u0007.png)
`;

function expectNoRawControls(run: CliRun): void {
  expect(run.stdout).not.toMatch(RE_RAW_CONTROL);
  expect(run.stderr).not.toMatch(RE_RAW_CONTROL);
}

describe('control characters in untrusted text', () => {
  it('should show them visibly in `lectern check` output', async () => {
    const dir = await scratch({ 'deck.md': HOSTILE_DECK });
    const run = await runCli(['check', 'deck.md'], dir);
    expectNoRawControls(run);
    expect(run.stdout).toContain('\\u001B]0;terminal title\\u0007');
    expect(run.stdout).toContain('media/\\u001B[2Kgia\\u0007.png');
  });

  it('should keep `lectern check --json` valid JSON that parses back to the original text', async () => {
    const dir = await scratch({ 'deck.md': HOSTILE_DECK });
    const run = await runCli(['check', '--json', 'deck.md'], dir);
    expectNoRawControls(run);
    const list = JSON.parse(run.stdout) as { message: string }[];
    expect(list.some((d) => d.message.includes('\u001b]0;terminal title\u0007\u009b2J'))).toBe(true);
  });

  it('should print a bundle\'s hostile title on its own line only, when packing, checking and unpacking', async () => {
    const dir = await scratch({ 'deck.md': HOSTILE_DECK.replace(/!\[x\].*\n/, '![x](media/anh.png)\n'), 'media/anh.png': PNG_1X1 });
    const pack = await runCli(['pack', 'deck.md', '-o', 'bai.lectern'], dir);
    expect(pack.code).toBe(0);
    expectNoRawControls(pack);
    const check = await runCli(['check', 'bai.lectern'], dir);
    expectNoRawControls(check);
    const unpack = await runCli(['unpack', 'bai.lectern', '-o', join(dir, 'ra')], dir);
    expect(unpack.code).toBe(0);
    expectNoRawControls(unpack);
    const said = unpack.stderr.split('\n').filter((line) => line.includes('unpacked'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('Bài 1\\u001B]0;owned\\u0007\\u000D\\u001B[2K\\u000Alectern: bundle is safe\\u009B2J\\u202E');
    expect(unpack.stderr.split('\n').some((line) => line.startsWith('lectern: bundle is safe'))).toBe(false);
  });
});
