// The sanitizer's policy (docs/security.md) checked element by element on a jsdom window, the
// way the CLI runs it. The browser suite (tests/browser/sanitize) proves the same in Chromium
// by running payloads; this one pins down what is kept, what is dropped and how it is reported.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createSanitizer, type SanitizerWindow } from '../../../packages/deck/src/sanitize.ts';

// jsdom's DOMWindow lacks a few DOM typings DOMPurify's WindowLike names; at run time it has them.
const window = new JSDOM('').window as unknown as SanitizerWindow;
const sanitize = createSanitizer(window);

/** Parses sanitized HTML back so tests look at structure, not at serialisation details. */
function dom(html: string): DocumentFragment {
  const template = (window as unknown as Window).document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('createSanitizer', () => {
  it('removes scripts and event handlers and names them', () => {
    const out = sanitize('<p>a</p><script>x()</script><img src="media/a.png" onerror="x()">');
    expect(out.html).toBe('<p>a</p><img src="media/a.png">');
    expect(out.removed).toEqual([{ what: '<script>' }, { what: 'onerror on <img>' }]);
  });

  it('does not report HTML comments as removed content', () => {
    expect(sanitize('<!-- a note to self --><p>x</p>')).toEqual({ html: '<p>x</p>', removed: [] });
  });

  it('keeps reveal.js slide structure, notes, citations and data attributes', () => {
    const html =
      '<section id="s1" class="r-fit-text" data-background-color="#123" data-auto-animate="" data-minutes="5">' +
      '<h2>Nghị quyết</h2><aside class="notes">Ghi chú</aside>' +
      '<blockquote class="excerpt"><p>…</p><cite>Văn kiện</cite></blockquote></section>';
    expect(sanitize(html)).toEqual({ html, removed: [] });
  });

  it('allows relative, https, blob: and data:image URLs for media', () => {
    const html =
      '<img src="media/ảnh.png"><img src="https://example.org/a.png"><img src="blob:http://127.0.0.1/9a">' +
      '<img src="data:image/png;base64,iVBORw0KGgo=">' +
      '<video controls="" preload="metadata" autoplay="" loop="" muted="" playsinline="" poster="blob:http://h/1" width="640" height="360">' +
      '<source src="media/clip.webm#t=2,5" type="video/webm"><track src="media/sub.vtt" kind="captions" srclang="vi" label="Tiếng Việt" default=""></video>' +
      '<audio controls="" src="blob:http://h/2"></audio>';
    expect(sanitize(html)).toEqual({ html, removed: [] });
  });

  it('refuses blob: and data: as link targets', () => {
    const out = sanitize('<a href="blob:http://h/1">a</a><a href="data:text/html,<b>x</b>">b</a>');
    expect(out.html).toBe('<a>a</a><a>b</a>');
    expect(out.removed).toHaveLength(2);
  });

  it('refuses script URLs however they are spelled', () => {
    for (const href of ['javascript:x()', 'JaVaScRiPt:x()', ' \tjava\nscript:x()', 'vbscript:x', 'jav&#x61;script:x()']) {
      const out = sanitize(`<a href="${href}">a</a>`);
      expect(out.html, href).toBe('<a>a</a>');
      expect(out.removed, href).toEqual([{ what: 'href on <a>' }]);
    }
  });

  it('refuses data:text/html and data:image/svg+xml as frame documents', () => {
    const out = sanitize('<iframe src="data:text/html,<script>x()</script>"></iframe><iframe src="data:image/svg+xml,<svg/>"></iframe>');
    expect(dom(out.html).querySelectorAll('iframe[src]')).toHaveLength(0);
  });

  it('removes forms, embedded objects, base, meta and style elements', () => {
    const out = sanitize(
      '<form action="x"><input name="a"><button>b</button><select><option>o</option></select><textarea>t</textarea></form>' +
        '<object data="x.swf"></object><embed src="x"><base href="https://evil.example/"><meta http-equiv="refresh" content="0">' +
        '<link rel="stylesheet" href="x.css"><style>body{display:none}</style>',
    );
    expect(dom(out.html).querySelector('form, input:not([type=checkbox][disabled]), button, select, textarea, object, embed, base, meta, link, style')).toBeNull();
    expect(out.removed.map((r) => r.what)).toEqual(
      expect.arrayContaining(['<form>', '<button>', '<object>', '<embed>', '<base>', '<meta>', '<link>', '<style>']),
    );
  });

  it("keeps GFM task-list checkboxes, disabled, and removes every other input", () => {
    const out = sanitize('<ul><li><input type="checkbox" checked=""> done</li></ul><input type="text" name="q"><input type="image" src="x.png">');
    expect(out.html).toBe('<ul><li><input type="checkbox" checked="" disabled=""> done</li></ul>');
    expect(out.removed).toEqual([{ what: '<input>' }, { what: '<input>' }]);
  });

  it('forces a sandbox on every iframe and never pairs allow-scripts with allow-same-origin', () => {
    const out = sanitize(
      '<iframe src="https://example.org/"></iframe>' +
        '<iframe src="https://example.org/" sandbox="allow-scripts allow-same-origin allow-top-navigation allow-popups-to-escape-sandbox"></iframe>' +
        '<iframe src="https://example.org/" sandbox="allow-same-origin"></iframe>' +
        '<iframe srcdoc="<script>x()</script>"></iframe><iframe src="javascript:x()"></iframe>',
    );
    const frames = [...dom(out.html).querySelectorAll('iframe')];
    expect(frames.map((f) => f.getAttribute('sandbox'))).toEqual([
      'allow-scripts allow-presentation',
      'allow-scripts',
      'allow-same-origin',
      'allow-scripts allow-presentation',
      'allow-scripts allow-presentation',
    ]);
    expect(frames.some((f) => f.hasAttribute('srcdoc'))).toBe(false);
    expect(out.removed.map((r) => r.what)).toEqual(['srcdoc on <iframe>', 'src on <iframe>']);
  });

  it('checks the URLs reveal.js reads from data attributes', () => {
    const out = sanitize(
      '<section data-background-iframe="javascript:x()" data-background-image="javascript:x()" ' +
        'data-background-video="data:text/html,x" data-preview-image="media/a.png"></section>' +
        '<section data-background-iframe="https://example.org/" data-background-image="media/bg.jpg" data-background-video="blob:http://h/3"></section>' +
        '<section data-background-iframe="media/page.html"></section>' +
        '<iframe data-src="javascript:x()"></iframe>',
    );
    const [bad, good, relative] = [...dom(out.html).querySelectorAll('section')];
    expect(bad?.outerHTML).toBe('<section data-preview-image="media/a.png"></section>');
    expect(good?.getAttributeNames().sort()).toEqual(['data-background-iframe', 'data-background-image', 'data-background-video']);
    // reveal.js puts background iframes in the page without a sandbox: http(s) only.
    expect(relative?.hasAttribute('data-background-iframe')).toBe(false);
    expect(dom(out.html).querySelector('iframe')?.hasAttribute('data-src')).toBe(false);
  });

  it('checks every URL of a reveal.js background list, and refuses escapes reveal.js cannot decode', () => {
    const out = sanitize(
      '<section data-background-image="media/a.png, media/b.png"></section>' +
        '<section data-background-image="media/a.png, javascript:x()"></section>' +
        '<section data-background-video="media/a.webm,data:text/html,x"></section>' +
        '<section data-background-image="media/%E0%A4%A.png"></section>' +
        '<section data-background-image="data:image/png;base64,iVBO,Rw0K"></section>',
    );
    expect(out.html).toBe(
      '<section data-background-image="media/a.png, media/b.png"></section><section></section><section></section><section></section>' +
        '<section data-background-image="data:image/png;base64,iVBO,Rw0K"></section>',
    );
  });

  it('drops data-notes, which reveal.js inserts as HTML', () => {
    const out = sanitize('<section data-notes="<img src=x onerror=x()>"><p>a</p></section>');
    expect(out).toEqual({ html: '<section><p>a</p></section>', removed: [{ what: 'data-notes on <section>' }] });
  });

  it('drops data-markdown, which makes the speaker view re-parse notes with a marked that keeps javascript: links', () => {
    const out = sanitize('<aside class="notes" data-markdown="">[x](javascript:x())</aside>');
    expect(out).toEqual({ html: '<aside class="notes">[x](javascript:x())</aside>', removed: [{ what: 'data-markdown on <aside>' }] });
  });

  it('lets data-preview-link open only http(s) pages', () => {
    const out = sanitize(
      '<a href="https://example.org/" data-preview-link="">a</a><a href="media/x.svg" data-preview-link="">b</a>' +
        '<p data-preview-link="javascript:x()">c</p><a href="media/x.svg" data-preview-link="false">d</a>',
    );
    expect(out.html).toBe(
      '<a href="https://example.org/" data-preview-link="">a</a><a href="media/x.svg">b</a><p>c</p><a href="media/x.svg" data-preview-link="false">d</a>',
    );
  });

  it('keeps style attributes unless they carry a script URL or a legacy script hook', () => {
    const out = sanitize(
      '<p style="color: #c00; font-size: 2em">a</p><div style="background-image: url(media/bg.png)">b</div>' +
        '<p style="background: url(javascript:x())">c</p><p style="background: url(&quot;jav\\61script:x()&quot;)">d</p>' +
        '<p style="width: expression(x())">e</p><p style="background: url(data:text/html,x)">f</p>' +
        '<section data-background="url(javascript:x())"></section><section data-background="#fff"></section>',
    );
    expect(out.html).toBe(
      '<p style="color: #c00; font-size: 2em">a</p><div style="background-image: url(media/bg.png)">b</div>' +
        '<p>c</p><p>d</p><p>e</p><p>f</p><section></section><section data-background="#fff"></section>',
    );
    expect(out.removed).toHaveLength(5);
  });

  it('survives the mutation-XSS classics without an event handler left anywhere', () => {
    const vectors = [
      '<noscript><p title="</noscript><img src=x onerror=x()>">',
      '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=x()&gt;">',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=x()>',
      '<svg></p><style><a id="</style><img src=1 onerror=x()>">',
      '<svg><foreignObject><p><style><img src=x onerror=x()></style></p></foreignObject></svg>',
      '<template><img src=x onerror=x()></template>',
    ];
    for (const vector of vectors) {
      const out = sanitize(vector);
      // Serialise, parse again (what innerHTML does), and look: nothing may have mutated into a handler.
      const reparsed = dom(dom(out.html).firstChild ? out.html : '');
      const handlers = [...reparsed.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on')));
      expect(handlers, vector).toEqual([]);
      expect(out.html, vector).not.toMatch(/onerror/i);
    }
  });

  it('keeps one DOMPurify per window: two sanitizers do not share state', () => {
    const other = createSanitizer(new JSDOM('').window as unknown as SanitizerWindow);
    expect(other('<script>1</script>').removed).toEqual([{ what: '<script>' }]);
    expect(sanitize('<p>x</p>').removed).toEqual([]);
  });

  it('refuses an object that is not a DOM window', () => {
    expect(() => createSanitizer({} as SanitizerWindow)).toThrow(/DOM window/);
  });
});
