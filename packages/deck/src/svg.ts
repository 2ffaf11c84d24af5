// SVG files stored as media. An SVG is a document: opened on its own (a blob: URL in a new tab,
// "open image in new tab") its scripts and event handlers run with the origin that made the URL.
// Every SVG is therefore rewritten through DOMPurify's SVG profile before it is stored or
// packed: scripts, handlers, javascript: links, <foreignObject> HTML and anything outside SVG
// go; what draws stays. The result is serialized as XML, so it is still a valid image/svg+xml.
import DOMPurify, { type WindowLike } from 'dompurify';

/** What the sanitizer needs beyond DOMPurify's window: XML serialization of the cleaned tree. */
type SvgWindow = WindowLike & { XMLSerializer: { new (): { serializeToString(node: Node): string } } };

/**
 * `createSvgSanitizer(window)(text)` => the SVG without anything that runs, or undefined when
 * nothing of an SVG image is left (the text was not an SVG document).
 */
export function createSvgSanitizer(window: WindowLike): (svg: string) => string | undefined {
  const purify = DOMPurify(window);
  if (!purify.isSupported) throw new Error('createSvgSanitizer needs a DOM window (a browser window or a jsdom window).');
  const { XMLSerializer } = window as SvgWindow;
  return (svg: string) => {
    const body = purify.sanitize(svg, {
      USE_PROFILES: { svg: true, svgFilters: true },
      FORBID_TAGS: ['foreignObject', 'script'],
      RETURN_DOM: true,
    });
    const root = body.firstElementChild;
    if (!root || root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg') return undefined;
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  };
}
