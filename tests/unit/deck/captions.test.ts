// Captions of videos (issue 18 part 2): which <track> a video gets, in which language, the
// missing-file diagnostic, the WebVTT check and the SubRip conversion.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  captionPaths,
  captionProblemText,
  checkCaptionText,
  diagnostic,
  formatDiagnostic,
  createSanitizer,
  parseDeck,
  renderDeck,
  srtToVtt,
  type SanitizerWindow,
} from '@lectern/deck';

const sanitize = createSanitizer(new JSDOM('').window as unknown as SanitizerWindow);

function tracksOf(html: string): { srclang: string | null; src: string | null; label: string | null; default: boolean }[] {
  const doc = new JSDOM(html).window.document;
  return [...doc.querySelectorAll('video > track')].map((t) => ({
    srclang: t.getAttribute('srclang'),
    src: t.getAttribute('src'),
    label: t.getAttribute('label'),
    default: t.hasAttribute('default'),
  }));
}

describe('caption tracks', () => {
  it('should give a video one track per file named in captions=, language from the file name, the first shown by default', () => {
    const deck = parseDeck('# Phim\n\n![Phim](media/clip.mp4#t=2,8){captions="media/clip.vi.vtt, media/clip.en.vtt"}\n');
    const html = renderDeck(deck, { sanitize, resolveMedia: (p) => `blob:x/${p}` }).html;
    expect(tracksOf(html)).toEqual([
      { srclang: 'vi', src: 'blob:x/media/clip.vi.vtt', label: 'Tiếng Việt', default: true },
      { srclang: 'en', src: 'blob:x/media/clip.en.vtt', label: 'English', default: false },
    ]);
    expect(html).toContain('src="blob:x/media/clip.mp4#t=2,8"'); // the clip range stays on the video
  });

  it('should find a .vtt beside the video when none is named, in the deck language', () => {
    const deck = parseDeck('---\nlang: en\n---\n# Film\n\n![Film](media/talk.webm)\n');
    const stored = new Set(['media/talk.webm', 'media/talk.vtt']);
    const html = renderDeck(deck, { sanitize, resolveMedia: (p) => (stored.has(p) ? p : undefined) }).html;
    expect(tracksOf(html)).toEqual([{ srclang: 'en', src: 'media/talk.vtt', label: 'English', default: true }]);
    expect(captionPaths(deck, (p) => stored.has(p)).map((c) => c.path)).toEqual(['media/talk.vtt']);
  });

  it('should give no track when there is no caption file', () => {
    const deck = parseDeck('# Phim\n\n![Phim](media/talk.webm)\n');
    expect(tracksOf(renderDeck(deck, { sanitize, resolveMedia: (p) => (p === 'media/talk.webm' ? p : undefined) }).html)).toEqual([]);
  });

  it('should report a named caption file that is missing at the video line', () => {
    const deck = parseDeck('# Phim\n\n![Phim](media/clip.mp4){captions=media/clip.vi.vtt}\n');
    const rendered = renderDeck(deck, { sanitize, mediaExists: (p) => p === 'media/clip.mp4' });
    expect(rendered.diagnostics).toEqual([
      expect.objectContaining({ code: 'media-missing', line: 3, message: 'caption file not found: media/clip.vi.vtt' }),
    ]);
    expect(tracksOf(rendered.html)).toEqual([]); // no <track> that could only fail to load
  });

  it('should keep a data:text/vtt track source and refuse other data: and script sources', () => {
    const html = sanitize(
      '<video src="a.webm"><track kind="captions" src="data:text/vtt;base64,V0VCVlRU"><track kind="captions" src="data:text/html,<script>alert(1)</script>"><track src="javascript:alert(1)"></video>',
    ).html;
    const srcs = tracksOf(html).map((t) => t.src);
    expect(srcs).toEqual(['data:text/vtt;base64,V0VCVlRU', null, null]);
  });
});

describe('checkCaptionText', () => {
  it('should accept a valid WebVTT file and count its cues', async () => {
    const result = await checkCaptionText('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nXin chào các đồng chí\n');
    expect(result).toEqual({ cues: 1, problems: [] });
  });

  it('should report a malformed file with its line', async () => {
    const result = await checkCaptionText('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nMột\n\n00:00:05,000 --> 00:00:06.000\nHai\n');
    expect(result.problems).toEqual([{ line: 6, column: 9, message: 'No decimal separator (".") found.' }]);
  });

  it('should report a file without the WEBVTT header at line 1', async () => {
    const result = await checkCaptionText('00:00:01.000 --> 00:00:04.000\nMột\n');
    expect(result.problems[0]).toMatchObject({ line: 1 });
  });

  it('should refuse a file with a huge number of cues without parsing it', async () => {
    const cue = (i: number) => `00:00:${String(i % 60).padStart(2, '0')}.000 --> 00:00:${String(i % 60).padStart(2, '0')}.500\nx\n`;
    const text = `WEBVTT\n\n${Array.from({ length: 20_001 }, (_, i) => cue(i)).join('\n')}`;
    const result = await checkCaptionText(text);
    expect(result.problems).toEqual([{ line: 1, column: 1, message: 'caption file has more than 20000 cues' }]);
  });
});

describe('srtToVtt', () => {
  it('should turn SubRip into valid WebVTT with the same cues and Vietnamese text', async () => {
    const srt = '\uFEFF1\r\n00:00:01,000 --> 00:00:04,500\r\nĐảng viên mới\r\n\r\n2\r\n00:00:05,000 --> 00:00:07,000\r\nPhải học tập, 1,5 giờ\r\n';
    const vtt = srtToVtt(srt);
    expect(vtt).toBe('WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.500\nĐảng viên mới\n\n2\n00:00:05.000 --> 00:00:07.000\nPhải học tập, 1,5 giờ\n');
    expect(await checkCaptionText(vtt)).toEqual({ cues: 2, problems: [] });
  });
});

describe('caption problems in Vietnamese', () => {
  // The parser's own source: every sentence it can report, as written there.
  const parserSource = readFileSync(createRequire(import.meta.url).resolve('webvtt-parser'), 'utf8');
  const sentences = [...parserSource.matchAll(/err\("((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\"/g, '"'));

  it('should give every fixed sentence of webvtt-parser Vietnamese text', () => {
    const fixed = sentences.filter((s) => s !== 'Never happens.' && !s.endsWith('of '));
    expect(fixed.length).toBeGreaterThan(40);
    for (const sentence of fixed) {
      const vi = captionProblemText(sentence, 'vi');
      expect(vi, sentence).not.toBe(`“${sentence}”`);
      expect(vi, sentence).not.toMatch(/[“"]?[A-Z][a-z]+ [a-z]+ [a-z]+/); // no English sentence left inside
    }
    expect(captionProblemText('Alignment can only be set to one of start, center, end, left, right.', 'vi')).toBe(
      'căn lề (align) chỉ được là một trong: start, center, end, left, right',
    );
  });

  it('should keep the English sentence in English, and quote one the catalogue does not know', () => {
    expect(captionProblemText('No timestamp found.', 'en')).toBe('No timestamp found.');
    expect(captionProblemText('Something new.', 'vi')).toBe('“Something new.”');
  });

  it('should tell the deck check\'s problem in Vietnamese with its file, line and column', async () => {
    const { problems } = await checkCaptionText('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nMột\n\n00:00:05,000 --> 00:00:06.000\nHai\n');
    const first = problems[0]!;
    const params = { path: 'media/clip.vi.vtt', line: first.line, column: first.column, detail: first.message };
    expect(formatDiagnostic(diagnostic('captions-invalid', 3, 1, params), 'vi')).toBe(
      'media/clip.vi.vtt:6:9: lỗi WebVTT: mốc thời gian thiếu dấu chấm trước phần nghìn giây (viết 00:00:01.000, không phải 00:00:01,000)',
    );
  });
});
