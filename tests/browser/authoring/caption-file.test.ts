// The caption intake the media screen and the editor's drop share (src/media/caption-file.ts), in
// real Chromium: what it stores, and the refusal an instructor reads, in Vietnamese with the line.
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/app/i18n.ts';
import { captionFileToStore } from '../../../src/media/caption-file.ts';

const BAD_VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMột\n\n00:00:03,000 --> 00:00:04.000\nHai\n';

afterEach(() => setLang('en'));

describe('captionFileToStore', () => {
  it('should refuse a malformed WebVTT file in Vietnamese, naming the line, with no English sentence inside', async () => {
    setLang('vi');
    const refused = captionFileToStore(new File([BAD_VTT], 'hỏng.vtt'));
    await expect(refused).rejects.toThrow(
      '“hỏng.vtt” không phải tệp phụ đề WebVTT hợp lệ (dòng 6: mốc thời gian thiếu dấu chấm trước phần nghìn giây (viết 00:00:01.000, không phải 00:00:01,000)).',
    );
    setLang('en');
    await expect(captionFileToStore(new File([BAD_VTT], 'hỏng.vtt'))).rejects.toThrow('(line 6: No decimal separator (".") found.)');
  });

  it('should store a SubRip file as WebVTT named .vtt, and leave other files to the media check', async () => {
    const stored = await captionFileToStore(new File(['1\r\n00:00:01,000 --> 00:00:02,000\r\nĐảng viên\r\n'], 'Phim tư liệu.srt'));
    expect(stored?.name).toBe('Phim tư liệu.vtt');
    expect(stored?.type).toBe('text/vtt');
    expect(await stored?.text()).toBe('WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nĐảng viên\n');
    expect(await captionFileToStore(new File(['x'], 'ảnh.png', { type: 'image/png' }))).toBeUndefined();
  });
});
