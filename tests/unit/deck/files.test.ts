// deckFiles: the one list of files a deck refers to, by any attribute.
import { describe, expect, it } from 'vitest';
import { deckFiles, parseDeck } from '../../../packages/deck/src/index.ts';

const md = `# Một {background-image="media/nền.png"}

![Ảnh](media/ảnh%20một.png) ![Trên mạng](https://example.org/x.png)

![Phim](./media/phim.mp4#t=2,5){poster="media/bìa.png"}

\`![không phải](media/code-span.png)\`

\`\`\`
![trong code](media/code.png)
\`\`\`

---

<!-- .slide: data-background-video="media/nền.webm" -->

<img src='media/html.png' alt="x"> <audio src=media/tiếng.mp3></audio>
<video poster="media/bìa.png"><source src="media/nguồn.webm" type="video/webm"></video>

![Lại ảnh](<media/ảnh một.png>)
`;

describe('deckFiles', () => {
  it('lists every local file once, in order of first use, with each place that names it', () => {
    const files = deckFiles(parseDeck(md));
    expect(files.map((f) => [f.path, f.kind])).toEqual([
      ['media/nền.png', 'image'],
      ['media/ảnh một.png', 'image'],
      ['media/phim.mp4', 'video'],
      ['media/bìa.png', 'image'],
      ['media/nền.webm', 'video'],
      ['media/html.png', 'image'],
      ['media/tiếng.mp3', 'audio'],
      ['media/nguồn.webm', 'video'],
    ]);
    const poster = files.find((f) => f.path === 'media/bìa.png')!;
    expect(poster.uses.map((u) => [u.slide, u.line, u.from])).toEqual([
      [0, 5, 'poster'],
      [1, 18, 'poster'],
    ]);
    expect(files.find((f) => f.path === 'media/ảnh một.png')!.uses.map((u) => [u.line, u.written])).toEqual([
      [3, 'media/ảnh%20một.png'],
      [20, 'media/ảnh một.png'],
    ]);
  });

  it('names no URL and nothing inside code', () => {
    const paths = deckFiles(parseDeck(md)).map((f) => f.path);
    expect(paths.some((p) => p.includes('example.org') || p.includes('code'))).toBe(false);
  });

  it('keeps a Windows path as a file (to be refused by its user), not as a URL', () => {
    expect(deckFiles(parseDeck('![x](C:/ảnh.png)')).map((f) => f.path)).toEqual(['C:/ảnh.png']);
  });
});
