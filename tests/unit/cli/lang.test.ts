// The CLI speaks Vietnamese and English: `--lang vi|en` on every command, else the locale
// (LC_ALL, then LC_MESSAGES, then LANG; vi_VN.UTF-8 => vi, anything else => en). Codes and exit
// statuses stay the same in both; --json keeps `code` and gives `message` in the chosen language.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_MESSAGES, langFromEnv } from '../../../packages/cli/src/messages.ts';
import { PNG_1X1, removeScratch, runCli, scratch, STACK_FRAME } from './helpers.ts';

afterAll(removeScratch);

const DECK = `---
title: Lý luận chính trị
duration: 10
---
# Mở đầu {minutes=8}

![Ảnh](media/ảnh.png)

![thiếu](media/không-có.png)

---

# Thảo luận {minutes=5}
`;

async function deckDir(): Promise<string> {
  return scratch({ 'bài.md': DECK, 'media/ảnh.png': PNG_1X1 });
}

describe('CLI language', () => {
  it('should take the language from LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromEnv({ LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(langFromEnv({ LANG: 'vi' })).toBe('vi');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'vi_VN.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'vi_VN.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('vi');
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(langFromEnv({ LANG: 'video' })).toBe('en');
  });

  it('should have every message in both languages, and different words in each', () => {
    const vi = CLI_MESSAGES.vi as Record<string, unknown>;
    const en = CLI_MESSAGES.en as Record<string, unknown>;
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const key of ['usage', 'checkUsage', 'packUsage', 'unpackUsage', 'noFile', 'noDeck', 'nothingWritten']) expect(vi[key], key).not.toBe(en[key]);
  });

  it('should print the help of every command in the language asked for', async () => {
    const dir = await scratch();
    for (const command of [[], ['check'], ['build'], ['pack'], ['unpack']]) {
      const vi = await runCli([...command, '--help', '--lang', 'vi'], dir);
      expect(vi.code).toBe(0);
      expect(vi.stdout).toMatch(/^Cách dùng: lectern/);
      expect(vi.stdout).toContain('--lang vi|en');
      const en = await runCli(['--lang=en', ...command, '--help'], dir);
      expect(en.stdout).toMatch(/^Usage: lectern/);
    }
    const top = await runCli(['--lang', 'vi'], dir);
    expect(top.code).toBe(2);
    expect(top.stderr).toMatch(/^Cách dùng/);
  });

  it('should refuse an unknown language as bad usage', async () => {
    const dir = await scratch();
    const result = await runCli(['check', 'x.md', '--lang', 'fr'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lectern: --lang takes vi or en \(not "fr"\)/);
  });

  it('should check a deck in Vietnamese: diagnostics, summary, unreadable files', async () => {
    const dir = await deckDir();
    const vi = await runCli(['check', 'bài.md', 'thiếu.md', '--lang', 'vi'], dir);
    expect(vi.code).toBe(2);
    expect(vi.stdout).toContain('bài.md:9:1 error media-missing không tìm thấy tư liệu: media/không-có.png');
    expect(vi.stdout).toContain('timing-over-duration thời gian dự kiến lên tới 13 phút, vượt thời lượng bài giảng 10 phút');
    expect(vi.stderr).toContain('lectern check: thiếu.md: không có tệp này');
    expect(vi.stderr).toContain('đã kiểm tra 2 tệp: 1 lỗi, 1 cảnh báo, 0 thông tin, 1 tệp không đọc được');
    const en = await runCli(['check', 'bài.md', '--lang', 'en'], dir);
    expect(en.stdout).toContain('bài.md:9:1 error media-missing media file not found: media/không-có.png');
    expect(en.stderr).toContain('1 file checked: 1 error, 1 warning, 0 info');
  });

  it('should keep the codes in --json and give the message in the chosen language', async () => {
    const dir = await deckDir();
    const vi = JSON.parse((await runCli(['check', '--json', '--lang', 'vi', 'bài.md'], dir)).stdout) as { code: string; message: string }[];
    const en = JSON.parse((await runCli(['check', '--json', '--lang', 'en', 'bài.md'], dir)).stdout) as { code: string; message: string }[];
    expect(vi.map((d) => d.code)).toEqual(en.map((d) => d.code));
    expect(vi.map((d) => d.code)).toEqual(['media-missing', 'timing-over-duration']);
    expect(vi[0]!.message).toBe('không tìm thấy tư liệu: media/không-có.png');
    expect(en[0]!.message).toBe('media file not found: media/không-có.png');
    expect(Object.keys(vi[0]!).sort()).toEqual(['code', 'column', 'file', 'line', 'message', 'severity']);
  });

  it('should build, pack and unpack in Vietnamese', async () => {
    const dir = await scratch({ 'bài.md': DECK.replace('![thiếu](media/không-có.png)', ''), 'media/ảnh.png': PNG_1X1 });
    const built = await runCli(['build', 'bài.md', '-o', 'web', '--lang', 'vi'], dir);
    expect(built.code).toBe(0);
    expect(built.stderr).toContain('lectern build: đang dựng bài.md');
    expect(built.stderr).toMatch(/lectern build: đã chép 1 tư liệu \(\d+,\d KiB\)/); // a decimal comma, through Intl
    expect(built.stderr).toMatch(/lectern build: đã ghi 2 trang chiếu vào .*web/);
    expect(built.stderr).toContain('thời gian dự kiến lên tới 13 phút');

    const packed = await runCli(['pack', 'bài.md', '-o', 'bài.lectern', '--lang', 'vi'], dir);
    expect(packed.code).toBe(0);
    expect(packed.stderr).toMatch(/^đã đóng 2 tệp, .* tư liệu, vào .*bài\.lectern$/m);

    const unpacked = await runCli(['unpack', 'bài.lectern', '-o', 'ra', '--lang', 'vi'], dir);
    expect(unpacked.code).toBe(0);
    expect(unpacked.stderr).toMatch(/^đã giải nén "Lý luận chính trị": 3 tệp, .* tư liệu, vào .*ra$/m);
    const again = await runCli(['unpack', 'bài.lectern', '-o', 'ra', '--lang', 'vi'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('không trống; dùng --force để thay thế; không ghi gì');

    await writeFile(join(dir, 'hỏng.lectern'), 'đây không phải tệp zip');
    const refused = await runCli(['unpack', 'hỏng.lectern', '-o', 'ra2', '--lang', 'vi'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/hỏng\.lectern: not-a-zip: Tệp này không phải là gói bài giảng Lectern; không ghi gì/);
    const checked = await runCli(['check', 'hỏng.lectern', '--lang', 'vi'], dir);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('hỏng.lectern:1:1 error bundle-not-a-zip Tệp này không phải là gói bài giảng Lectern');
    const inBundle = await runCli(['check', 'bài.lectern', '--lang', 'vi'], dir);
    expect(inBundle.stdout).toContain('timing-over-duration deck.md: thời gian dự kiến lên tới 13 phút');
    const missing = await runCli(['pack', 'bài.md', '--lang', 'vi'], await scratch({ 'bài.md': '# A\n\n![x](media/không.png)\n' }));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('1 tư liệu không đóng gói được; không ghi gì:');
    expect(missing.stderr).toContain('media/không.png: không có tệp này');
  });

  it('should follow LANG and LC_ALL in a real process', () => {
    const run = (env: Record<string, string>) =>
      spawnSync('npx', ['lectern', 'check', 'không-có.md'], { encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env } });
    const vi = run({ LANG: 'vi_VN.UTF-8' });
    expect(vi.status).toBe(2);
    expect(vi.stderr).toContain('lectern check: không-có.md: không có tệp này');
    expect(vi.stderr).not.toMatch(STACK_FRAME);
    const overridden = run({ LANG: 'vi_VN.UTF-8', LC_ALL: 'C.UTF-8' });
    expect(overridden.stderr).toContain('lectern check: không-có.md: no such file');
    const messages = run({ LC_MESSAGES: 'vi_VN.UTF-8', LANG: 'en_GB.UTF-8' });
    expect(messages.stderr).toContain('đã kiểm tra 1 tệp');
  }, 300_000); // cold npx + tsx starts on a loaded machine
});
