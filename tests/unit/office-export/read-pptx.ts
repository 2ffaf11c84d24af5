// Reading a .pptx back in tests: the bundle package's strict zip reader (CRC checked on every
// entry), each XML part parsed by jsdom's namespace-aware XML parser (a part that is not
// well-formed throws), and the text of DrawingML paragraphs.
import { bytesSource, readEntryBytes, readZipDirectory, resolveLimits } from '@lectern/bundle';
import { JSDOM } from 'jsdom';

export const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';

const window = new JSDOM('').window;

export async function openPptx(bytes: Uint8Array) {
  const source = bytesSource(bytes);
  const entries = await readZipDirectory(source, resolveLimits());
  const byName = new Map(entries.map((e) => [e.name, e]));
  const read = (name: string) => {
    const entry = byName.get(name);
    if (!entry) throw new Error(`${name} is not in the file`);
    return readEntryBytes(source, entry);
  };
  const xml = async (name: string): Promise<Document> => {
    const doc = new window.DOMParser().parseFromString(new TextDecoder().decode(await read(name)), 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) throw new Error(`${name} is not well-formed XML: ${error.textContent}`);
    return doc;
  };
  /** Parses every .xml and .rels part (throws on the first that is not well-formed). */
  const parseAll = async () => {
    for (const entry of entries) if (/\.(xml|rels)$/.test(entry.name)) await xml(entry.name);
  };
  return { entries, names: entries.map((e) => e.name), read, xml, parseAll };
}

/** One string per a:p, in document order. */
export function paragraphs(node: Document | Element): string[] {
  return [...node.getElementsByTagNameNS(A, 'p')].map((p) => [...p.getElementsByTagNameNS(A, 't')].map((t) => t.textContent).join(''));
}

/** The text of the slide's title placeholder, if it has one. */
export function slideTitle(doc: Document): string | undefined {
  const ph = [...doc.getElementsByTagNameNS(P, 'ph')].find((el) => el.getAttribute('type') === 'title' || el.getAttribute('type') === 'ctrTitle');
  let sp: Element | null | undefined = ph;
  while (sp && sp.localName !== 'sp') sp = sp.parentElement;
  return sp ? paragraphs(sp).join('\n') : undefined;
}
