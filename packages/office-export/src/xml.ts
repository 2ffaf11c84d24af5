// Text going into OOXML parts. Deck text is untrusted: characters XML 1.0 forbids (control
// characters, lone surrogates, U+FFFE/U+FFFF) would make PowerPoint refuse the whole file, so they
// are dropped rather than escaped (XML has no escape for them).

// eslint-disable-next-line no-control-regex
const RE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content or attribute value, escaped, with characters XML cannot carry removed. */
export function xmlText(text: string): string {
  return text
    .replace(RE_NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** OOXML namespaces used by every part. */
export const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  p14: 'http://schemas.microsoft.com/office/powerpoint/2010/main',
} as const;

/** The three namespace declarations a slide-like part's root needs. */
export const PML_NS = `xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}"`;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Relationship types (ECMA-376 part 1, 15.2; media: Office 2010 extension). */
export const REL_TYPE = {
  officeDocument: `${REL}/officeDocument`,
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extended: `${REL}/extended-properties`,
  slide: `${REL}/slide`,
  slideMaster: `${REL}/slideMaster`,
  slideLayout: `${REL}/slideLayout`,
  notesMaster: `${REL}/notesMaster`,
  notesSlide: `${REL}/notesSlide`,
  theme: `${REL}/theme`,
  presProps: `${REL}/presProps`,
  viewProps: `${REL}/viewProps`,
  tableStyles: `${REL}/tableStyles`,
  image: `${REL}/image`,
  video: `${REL}/video`,
  audio: `${REL}/audio`,
  media: 'http://schemas.microsoft.com/office/2007/relationships/media',
  hyperlink: `${REL}/hyperlink`,
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

/** A part's relationships, numbered rId1, rId2… in the order they are added. */
export class Relationships {
  readonly list: Relationship[] = [];

  add(type: string, target: string, external = false): string {
    const id = `rId${this.list.length + 1}`;
    this.list.push({ id, type, target, external });
    return id;
  }

  xml(): string {
    let out = `${XML_DECL}<Relationships xmlns="${NS.rels}">`;
    for (const rel of this.list) {
      out += `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${xmlText(rel.target)}"${rel.external ? ' TargetMode="External"' : ''}/>`;
    }
    return `${out}</Relationships>`;
  }
}
