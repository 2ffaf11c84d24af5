// Parsing one XML part of an Office package, safely: @xmldom/xmldom (namespace-aware, pure JS,
// so the same code runs in Node, the browser and a Web Worker where DOMParser does not exist).
// Office parts never carry a DTD, so any DOCTYPE is refused before parsing: entities (billion
// laughs, external entities) are never expanded or resolved. Depth is checked once, without
// recursion, so later walks over the tree can recurse without risking the stack.
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { OfficeImportError } from './errors.ts';

/** Deeper than any real slide (group in group in group... stays under ~40). */
export const MAX_XML_DEPTH = 256;

/** Namespace URIs, transitional and strict spellings of each, matched by URI never by prefix. */
export const NS = {
  p: ['http://schemas.openxmlformats.org/presentationml/2006/main', 'http://purl.oclc.org/ooxml/presentationml/main'],
  a: ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  r: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  rel: ['http://schemas.openxmlformats.org/package/2006/relationships'],
  mc: ['http://schemas.openxmlformats.org/markup-compatibility/2006'],
  p14: ['http://schemas.microsoft.com/office/powerpoint/2010/main'],
  dgm: ['http://schemas.openxmlformats.org/drawingml/2006/diagram', 'http://purl.oclc.org/ooxml/drawingml/diagram'],
  dc: ['http://purl.org/dc/elements/1.1/'],
} as const;
export type NsKey = keyof typeof NS;

const ELEMENT_NODE = 1;

function decode(bytes: Uint8Array, part: string): string {
  // UTF-16 parts exist (rare); everything else is UTF-8.
  const label = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new OfficeImportError('xml-invalid', 'is not valid UTF-8 text', { part, cause });
  }
}

export function parseXml(bytes: Uint8Array, part: string): Element {
  const text = decode(bytes, part);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new OfficeImportError('xml-dtd', 'declares a DTD or entities, which Office files never do; refused without expanding them', { part });
  }
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
  } catch (cause) {
    throw new OfficeImportError('xml-invalid', `is not well-formed XML (${firstLine(cause)})`, { part, cause });
  }
  const root = doc.documentElement;
  if (!root) throw new OfficeImportError('xml-invalid', 'holds no XML element', { part });
  checkDepth(root, part);
  return root;
}

const firstLine = (cause: unknown) => String(cause instanceof Error ? cause.message : cause).split('\n')[0]!.slice(0, 200);

function checkDepth(root: Element, part: string): void {
  const stack: Array<[Node, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_XML_DEPTH) throw new OfficeImportError('xml-too-deep', `nests elements more than ${MAX_XML_DEPTH} deep`, { part });
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
}

export function is(node: Node | null | undefined, ns: NsKey, local: string): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE && (node as Element).localName === local &&
    (NS[ns] as readonly string[]).includes((node as Element).namespaceURI ?? '');
}

export function inNs(node: Node, ns: NsKey): boolean {
  return (NS[ns] as readonly string[]).includes((node as Element).namespaceURI ?? '');
}

/** Element children, in document order. */
export function elements(parent: Node | null | undefined): Element[] {
  const out: Element[] = [];
  for (let child = parent?.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) out.push(child as Element);
  }
  return out;
}

export const children = (parent: Node | null | undefined, ns: NsKey, local: string): Element[] =>
  elements(parent).filter((el) => is(el, ns, local));

export const child = (parent: Node | null | undefined, ns: NsKey, local: string): Element | undefined =>
  elements(parent).find((el) => is(el, ns, local));

/** Follows a path of (ns, local) steps through first children. */
export function path(parent: Node | null | undefined, ...steps: Array<[NsKey, string]>): Element | undefined {
  let at: Element | undefined = parent as Element | undefined;
  for (const [ns, local] of steps) {
    at = child(at, ns, local);
    if (!at) return undefined;
  }
  return at;
}

/** Every descendant with this name (depth is bounded by checkDepth). */
export function descendants(parent: Node | null | undefined, ns: NsKey, local: string, out: Element[] = []): Element[] {
  for (const el of elements(parent)) {
    if (is(el, ns, local)) out.push(el);
    descendants(el, ns, local, out);
  }
  return out;
}

/** An attribute without namespace (`name`) or in one (`r:embed`). */
export function attr(el: Element | undefined, name: string, ns?: NsKey): string | undefined {
  if (!el) return undefined;
  if (ns === undefined) return el.getAttribute(name) ?? undefined;
  for (const uri of NS[ns]) {
    const value = el.getAttributeNS(uri, name);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}

export function intAttr(el: Element | undefined, name: string): number | undefined {
  const value = attr(el, name);
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return Number(value);
}

export type { Element };
