// The one media table (packages/deck media-types.ts): types from magic numbers, checked against
// the allow-list and the name's kind; nothing else is media.
import { checkMediaBytes, mediaTypeByMime, mediaTypeByName, sniffMediaBytes } from '@lectern/deck';
import { describe, expect, it } from 'vitest';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const ftyp = (major: string, ...compatible: string[]) => bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 0, 0], ...compatible);

const SAMPLES: [string, Uint8Array][] = [
  ['image/png', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13])],
  ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
  ['image/gif', bytes('GIF89a', [1, 0, 1, 0])],
  ['image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
  ['image/avif', ftyp('avif', 'mif1', 'miaf')],
  ['image/svg+xml', bytes('\uFEFF<?xml version="1.0"?>\n<!-- vẽ -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ['video/mp4', ftyp('isom', 'isom', 'mp42')],
  ['video/quicktime', ftyp('qt  ', 'qt  ')],
  ['audio/mp4', ftyp('M4A ', 'M4A ', 'mp42')],
  ['video/webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm')],
  ['audio/ogg', bytes('OggS', [0, 2])],
  ['audio/mpeg', bytes('ID3', [4, 0])],
  ['audio/mpeg', bytes([0xff, 0xfb, 0x90, 0x64])],
  ['audio/wav', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
];

describe('media types from bytes', () => {
  it.each(SAMPLES)('should recognise %s from its first bytes', (type, head) => {
    expect(sniffMediaBytes(head)?.type).toBe(type);
  });

  it('should recognise nothing else: HTML, scripts, PDF, text, Matroska, empty', () => {
    for (const text of ['<!doctype html><script>alert(1)</script>', '<html><svg></svg></html>', '%PDF-1.7', 'alert(1)', '', 'MZ\x90\x00', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>']) {
      expect(sniffMediaBytes(bytes(text)), JSON.stringify(text)).toBeUndefined();
    }
    expect(sniffMediaBytes(bytes([0x1a, 0x45, 0xdf, 0xa3], 'matroska'))).toBeUndefined();
  });

  it('should take the type from the bytes and the kind from the name, refusing what disagrees', () => {
    const png = SAMPLES[0]![1];
    expect(checkMediaBytes('media/ảnh.jpg', png)).toMatchObject({ ok: true, info: { type: 'image/png' } });
    expect(checkMediaBytes('media/phim.mp4', png)).toMatchObject({ ok: false, reason: 'kind', actual: { kind: 'image' }, expected: { kind: 'video' } });
    expect(checkMediaBytes('media/ảnh.png', bytes('<html><script>x</script>'))).toMatchObject({ ok: false, reason: 'bytes' });
    expect(checkMediaBytes('media/trang.html', png)).toMatchObject({ ok: false, reason: 'extension', extension: 'html' });
    // Shared containers: the extension says audio or video.
    expect(checkMediaBytes('media/bai.m4a', ftyp('isom', 'mp42'))).toMatchObject({ ok: true, info: { type: 'audio/mp4' } });
    expect(checkMediaBytes('media/phim.ogv', bytes('OggS'))).toMatchObject({ ok: true, info: { type: 'video/ogg' } });
  });

  it('should give one answer for names and types everywhere', () => {
    expect(mediaTypeByName('media/Clip.MP4#t=5')?.type).toBe('video/mp4');
    expect(mediaTypeByName('media/a.b/không-đuôi')).toBeUndefined();
    expect(mediaTypeByMime('audio/x-wav')?.type).toBe('audio/wav');
    expect(mediaTypeByName('media/bai.oga')?.kind).toBe('audio');
  });
});
