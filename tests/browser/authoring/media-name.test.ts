import { describe, expect, it } from 'vitest';
import { fileMediaKind, mediaMarkdown, safeMediaName } from '../../../src/media/media-name.ts';

describe('safeMediaName', () => {
  it('should keep Vietnamese letters readable and make the name safe', () => {
    expect(safeMediaName('Ảnh Bác Hồ (1945).JPG')).toBe('Ảnh-Bác-Hồ-1945.jpg');
  });
  it('should normalise decomposed names to NFC', () => {
    expect(safeMediaName('Đại hội.png'.normalize('NFD'))).toBe('Đại-hội.png');
  });
  it('should strip path separators, brackets and control characters', () => {
    expect(safeMediaName('../../etc/pa[ss]wd\u0000.mp4')).toBe('etc-pa-ss-wd.mp4');
    expect(safeMediaName('C:\\x\\y.webm')).toBe('C-x-y.webm');
  });
  it('should add an extension from the MIME type and never return an empty name', () => {
    expect(safeMediaName('image', 'image/png')).toBe('image.png');
    expect(safeMediaName('???', 'video/mp4')).toBe('media.mp4');
  });
  it('should make names unique against those taken', () => {
    expect(safeMediaName('a.jpg', '', ['A.jpg', 'a-2.jpg'])).toBe('a-3.jpg');
  });
  it('should write Markdown the deck parser reads as media', () => {
    expect(mediaMarkdown('Ảnh-Bác-Hồ.jpg')).toBe('![Ảnh Bác Hồ](media/Ảnh-Bác-Hồ.jpg)');
    expect(fileMediaKind({ name: 'x.bin', type: 'video/mp4' })).toBe('video');
    expect(fileMediaKind({ name: 'x.ogg', type: '' })).toBe('audio');
  });
});
