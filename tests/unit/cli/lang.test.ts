// The CLI speaks Vietnamese and English: `--lang vi|en` on every command, else the locale
// (LC_ALL, then LC_MESSAGES, then LANG; vi_VN.UTF-8 => vi, anything else => en). Codes and exit
// statuses stay the same in both; --json keeps `code` and gives `message` in the chosen language.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_MESSAGES, langFromEnv } from '../../../packages/cli/src/messages.ts';
import { fixture } from '../office/helpers.ts';
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
    for (const command of [[], ['check'], ['build'], ['pack'], ['unpack'], ['export'], ['import']]) {
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
    expect(top.stderr).toContain('export BÀI.md -o TỆP.pptx');
    expect(top.stderr).toContain('import TỆP.pptx|.docx -o THƯ_MỤC');
    // `lectern help CMD` keeps the language too.
    expect((await runCli(['help', 'export', '--lang', 'vi'], dir)).stdout).toMatch(/^Cách dùng: lectern export/);
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

  it('should export to .pptx in Vietnamese: usage problems, losses, --json with codes', async () => {
    const deck = '# Phim\n\n![Phim webm](media/phim.webm)\n\n![thiếu](media/không-có.png)\n';
    const dir = await scratch({ 'bài.md': deck, 'media/phim.webm': new Uint8Array(16) });
    const wrongFormat = await runCli(['export', 'bài.md', '-o', 'bài\u001b[31m.txt', '--lang', 'vi'], dir);
    expect(wrongFormat.code).toBe(2);
    // The name the user typed is shown with its escape made visible, in the Vietnamese sentence.
    expect(wrongFormat.stderr).toContain('lectern export: không biết định dạng của "bài\\u001B[31m.txt": tệp đích phải có đuôi .pptx');
    expect((await runCli(['export', 'bài.md', '--lang', 'vi'], dir)).stderr).toContain('chưa nêu tệp đích (-o TỆP.pptx)');

    const vi = await runCli(['export', 'bài.md', '-o', 'bài.pptx', '--lang', 'vi'], dir);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain('lectern export: đã ghi 1 trang chiếu vào bài.pptx');
    expect(vi.stderr).toContain('lectern export: 2 mục không giữ được:');
    expect(vi.stderr).toContain('  trang chiếu 1: media/phim.webm: PowerPoint không hiển thị được định dạng này');
    expect(vi.stderr).toContain('  trang chiếu 1: media/không-có.png: không có trong bài giảng');

    const json = await runCli(['export', 'bài.md', '-o', 'bài2.pptx', '--json', '--lang', 'vi'], dir);
    const en = await runCli(['export', 'bài.md', '-o', 'bài3.pptx', '--json', '--lang', 'en'], dir);
    const viLosses = (JSON.parse(json.stdout) as { losses: { code: string; reason: string; message: string }[] }).losses;
    const enLosses = (JSON.parse(en.stdout) as { losses: { code: string; reason: string; message: string }[] }).losses;
    expect(viLosses.map((l) => [l.code, l.reason])).toEqual(enLosses.map((l) => [l.code, l.reason]));
    expect(viLosses.map((l) => l.message)).toEqual(['media/phim.webm: PowerPoint không hiển thị được định dạng này', 'media/không-có.png: không có trong bài giảng']);
    expect(enLosses[0]!.message).toMatch(/^media\/phim\.webm: PowerPoint cannot show \.webm files/);
  });

  it('should import in Vietnamese: the report, the summary and --json with kinds and Vietnamese labels', async () => {
    const dir = await scratch({ 'linked.pptx': fixture('libreoffice-lesson-linked-video.pptx'), 'đầy/x.txt': 'x', 'bài.md': '# Bài 1\n' });
    const vi = await runCli(['import', 'linked.pptx', '-o', 'ra', '--json', '--lang', 'vi'], dir);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toMatch(/^mất: trang chiếu 6 \(deck\.md:\d+\): Video\/âm thanh liên kết tới tệp bên ngoài \(không được nhập\)/m);
    expect(vi.stderr).toMatch(/^đã nhập \d+ trang chiếu, \d+ tư liệu \(.*\) vào .*ra; 1 mục không chuyển được$/m);
    const report = JSON.parse(vi.stdout) as { entries: { kind: string; slide?: number; message: string }[] };
    expect(report.entries).toContainEqual(expect.objectContaining({ kind: 'media-external', slide: 6, message: 'Video/âm thanh liên kết tới tệp bên ngoài (không được nhập)' }));

    const full = await runCli(['import', 'linked.pptx', '-o', 'đầy', '--lang', 'vi'], dir);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/lectern import: .*đầy không trống; không ghi gì/);
    const plain = await runCli(['import', 'bài.md', '-o', 'ra2', '--lang', 'vi'], dir);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('lectern import: bài.md: không phải bài trình chiếu Quarto, Marp hay Slidev');
    expect((await runCli(['import', '--lang', 'vi'], dir)).stderr).toContain('lectern import: hãy nêu tệp cần nhập');
    const twice = await runCli(['import', 'a.pptx', 'b.pptx', '-o', 'x', '--lang', 'vi'], dir);
    expect(twice.stderr).toContain('mỗi lần một tệp (đã nêu a.pptx và b.pptx)');
  });

  it('should word the newer build, pack and check problems in Vietnamese: media by bytes, captions, build names', async () => {
    const fakePng = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const deck = '# Ảnh\n\n![giả](media/giả.png)\n\n![Phim](media/phim.mp4){captions=media/phụ-đề.vtt}\n\n![tên](index.html)\n';
    const dir = await scratch({ 'bài.md': deck, 'media/giả.png': fakePng, 'media/phim.mp4': new Uint8Array(16), 'media/phụ-đề.vtt': 'WEBVTT\n\n00:00:05,000 --> 00:00:06.000\nXin chào\n', 'index.html': '<p>x</p>' });
    const packed = await runCli(['pack', 'bài.md', '--lang', 'vi'], dir);
    expect(packed.code).toBe(1);
    expect(packed.stderr).toContain('media/giả.png: nội dung tệp không phải ảnh PNG');
    const packedEn = await runCli(['pack', 'bài.md', '--lang', 'en'], dir);
    expect(packedEn.stderr).toContain('media/giả.png: the file is not a PNG image');

    const checked = await runCli(['check', 'bài.md', '--json', '--lang', 'vi'], dir);
    const found = JSON.parse(checked.stdout) as { code: string; message: string }[];
    const captions = found.find((d) => d.code === 'captions-invalid');
    expect(captions?.message).toMatch(/^media\/phụ-đề\.vtt:\d+:\d+: lỗi WebVTT: /);

    const built = await runCli(['build', 'bài.md', '-o', 'web', '--lang', 'vi'], dir);
    expect(built.stderr).toContain('media-missing index.html là tên bản dựng dùng cho tệp của chính nó; hãy đổi tên');
    expect(built.stderr).toContain('captions-invalid media/phụ-đề.vtt:');
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
