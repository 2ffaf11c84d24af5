// What reaches the audience: sections, notes, blocks, media elements, and render-time diagnostics.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  createSanitizer,
  parseDeck,
  renderDeck,
  renderMarkdown,
  renderMarkdownInline,
  renderNotes,
  splitMediaPath,
  type Sanitizer,
} from '../../../packages/deck/src/index.ts';

const render = (md: string, options = {}) => renderDeck(parseDeck(md), options);

describe('renderDeck', () => {
  it('should render one section per slide and nest vertical stacks', () => {
    const { html, slides } = render('# A\n---\n# B\n--\n# B1\n---\n# C\n');
    expect(slides).toHaveLength(4);
    expect(html).toBe(
      '<section>\n<h1>A</h1>\n</section>\n<section>\n<section>\n<h1>B</h1>\n</section>\n<section>\n<h1>B1</h1>\n</section>\n</section>\n<section>\n<h1>C</h1>\n</section>\n',
    );
  });

  it('should put notes in <aside class="notes"> of their own slide', () => {
    const { slides } = render('# A\nNote: **một**\n---\n# B\n');
    expect(slides[0]!.html).toContain('<aside class="notes">\n<p><strong>một</strong></p>\n</aside>');
    expect(slides[1]!.html).not.toContain('aside');
  });

  it('should keep link definitions to their own slide and notes, and an unclosed construct to its own call', () => {
    // Each marked call reuses one lexer (render.ts): what it holds between calls must be reset.
    const { slides } = render('# A\n\n[x]: https://a.example\n\n[x]\n\nNote: [x] and *open\n---\n# B\n\n[x] <em>\n---\n# C\n\n*c*\n');
    expect(slides[0]!.html).toContain('<a href="https://a.example">x</a>');
    expect(slides[0]!.html).toContain('<aside class="notes">\n<p>[x] and *open</p>');
    expect(slides[1]!.html).toContain('<p>[x] <em></p>');
    expect(slides[1]!.html).not.toContain('href');
    expect(slides[2]!.html).toBe('<section>\n<h1>C</h1>\n<p><em>c</em></p>\n</section>');
    // Text without `]:` shares one empty link map (render.ts, lex()): a definition anywhere,
    // nested in a quote or a list, must never reach it.
    const nested = render('# A\n\n> [y]: https://b.example\n\n- [z]: https://c.example\n\n[y] [z]\n---\n# B\n\n[y] [z]\n---\n# C\n\n[y]\n');
    expect(nested.slides[0]!.html).toContain('<a href="https://b.example">y</a> <a href="https://c.example">z</a>');
    for (const slide of nested.slides.slice(1)) expect(slide.html).not.toContain('href');
  });

  it('should escape slide attributes on the section', () => {
    const { slides } = render('<!-- .slide: data-x="a&quot;><script>" -->\n# A\n');
    expect(slides[0]!.html.startsWith('<section data-x="a&amp;quot;&gt;&lt;script&gt;">')).toBe(true);
  });

  it('should resolve media through resolveMedia and keep the clip on the src', () => {
    const { slides } = render('![clip](media/clip.mp4#t=90,180){muted}\n\n![](media/a.jpg)\n', {
      resolveMedia: (path: string) => (path === 'media/clip.mp4' ? 'blob:abc' : undefined),
    });
    expect(slides[0]!.html).toContain('<video controls preload="metadata" src="blob:abc#t=90,180" aria-label="clip" muted>clip</video>');
    expect(slides[0]!.html).toContain('<img src="media/a.jpg" alt="">');
  });

  it('should read a clip range in seconds, minutes:seconds and hours:minutes:seconds', () => {
    expect(splitMediaPath('media/clip.mp4#t=90,180').clip).toEqual({ start: 90, end: 180 });
    expect(splitMediaPath('media/clip.mp4#t=1:30,2:05.5').clip).toEqual({ start: 90, end: 125.5 });
    expect(splitMediaPath('media/clip.mp4#t=npt:0:01:30.5').clip).toEqual({ start: 90.5 });
    expect(splitMediaPath('media/clip.mp4#t=,1:00:00').clip).toEqual({ start: 0, end: 3600 });
    expect(splitMediaPath('media/clip.mp4#t=1:2:3:4').clip).toBeUndefined(); // four parts: not a time
    expect(parseDeck('![](media/phim.mp4#t=1:30)\n').slides[0]!.media[0]!.clip).toEqual({ start: 90 });
  });

  it('should render audio with controls', () => {
    expect(render('![](media/a.ogg)').html).toContain('<audio controls src="media/a.ogg"></audio>');
  });

  it('should report missing local media and remote media, but not ask about remote files', () => {
    const asked: string[] = [];
    const { diagnostics } = render('# A\n\n![](media/x.png)\n\n![](https://example.org/y.png)\n', {
      mediaExists: (path: string) => {
        asked.push(path);
        return false;
      },
    });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['3:1 media-missing', '5:1 remote-media']);
    expect(asked).toEqual(['media/x.png']);
  });

  it('should report what the sanitizer removed at the line where it was written', () => {
    const fake: Sanitizer = (html) => ({ html: html.replace(/<script>.*?<\/script>/s, ''), removed: html.includes('<script>') ? [{ what: '<script>' }] : [] });
    const { diagnostics, slides } = render('# A\n---\n# B\n\ntext <script>alert(1)</script>\n', { sanitize: fake });
    expect(diagnostics).toEqual([{ code: 'html-removed', severity: 'warning', line: 5, column: 6, message: 'removed unsafe HTML: <script>', params: { variant: 'element', tag: 'script' } }]);
    expect(slides[1]!.html).not.toContain('script');
    // Batched (Sanitizer.many, as in the CLI), two slides with removals and none before them:
    // each gets its own list (a slide without diagnostics holds the shared empty one).
    const batched: Sanitizer = Object.assign((html: string) => fake(html), { many: (htmls: readonly string[]) => htmls.map((h) => fake(h)) });
    const two = render('# A\n\n<script>1</script>\n---\n# B\n---\n# C\n\n<script>2</script>\n', { sanitize: batched });
    expect(two.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['3 html-removed', '9 html-removed']);
    expect(two.slides.map((s) => s.diagnostics.length)).toEqual([1, 0, 1]);
  });

  it('should sanitize with the real sanitizer and leave no script', () => {
    const sanitize = createSanitizer(new JSDOM('').window as unknown as Parameters<typeof createSanitizer>[0]);
    const { html, diagnostics } = render('# A\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n', { sanitize });
    expect(html).not.toMatch(/onerror|javascript:/);
    expect(diagnostics.some((d) => d.code === 'html-removed' && d.line === 3)).toBe(true);
  });

  it('should add a title slide from the front matter when titleSlide is true', () => {
    const { html, titleSlide } = render('---\ntitle: Bài <1>\nauthor: An\ntitleSlide: true\n---\n# A\n');
    expect(titleSlide).toBe('<section class="title-slide">\n<h1>Bài &lt;1&gt;</h1>\n<p class="author">An</p>\n</section>');
    expect(html.startsWith(titleSlide!)).toBe(true);
    expect(parseDeck('---\ntitleSlide: true\n---\n# A\n').slides[0]!.h).toBe(1);
  });

  it('should render the content of an unknown block and of a broken deck', () => {
    const { html } = render('::: hoithao\n**vẫn hiện**\n:::\n\n```\nunclosed\n---\n# Sau\n');
    expect(html).toContain('<div class="hoithao">\n<p><strong>vẫn hiện</strong></p>\n</div>');
    expect(html).toContain('<h1>Sau</h1>');
  });
});

describe('notes and inline Markdown for the presenter and handout', () => {
  it('should render notes Markdown to HTML, sanitized when asked', () => {
    expect(renderNotes('Nhắc **học viên**')).toBe('<p>Nhắc <strong>học viên</strong></p>\n');
    expect(renderMarkdown('x', { sanitize: (html) => ({ html: html.toUpperCase(), removed: [] }) })).toBe('<P>X</P>\n');
    expect(renderMarkdownInline('*Nghị quyết* XIII')).toBe('<em>Nghị quyết</em> XIII');
  });
});
