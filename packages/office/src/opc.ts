// The package around the XML (Open Packaging Conventions): parts in a zip, tied together by
// `_rels/*.rels` relationships. Every relationship target is resolved against its source part
// and refused when it leaves the package; relationship types are matched by their last segment
// so transitional and strict OOXML both work.
import { BundleError, openZip, type ByteSource, type OpenZipOptions, type ZipArchive } from '@lectern/bundle';
import { OfficeImportError } from './errors.ts';
import { attr, child, children, parseXml, type Element } from './xml.ts';

/** Largest XML part read whole (a 300-slide deck's biggest part is well under 1 MiB). */
export const MAX_XML_PART = 32 * 1024 * 1024;

export interface Relationship {
  id: string;
  /** Last segment of the type URI: `slide`, `notesSlide`, `image`, `hyperlink`... */
  type: string;
  /** Resolved part name for internal targets; the raw target for external ones. */
  target: string;
  external: boolean;
}

export interface OfficePackage {
  zip: ZipArchive;
  /** A parsed part. Layouts, masters and relationships are kept for the next slide; pass
   *  `keep: false` for parts read once (slides, notes) so a 300-slide deck's trees do not pile up. */
  xml(part: string, keep?: boolean): Promise<Element>;
  rels(part: string): Promise<Map<string, Relationship>>;
  /** The part a relationship names, checked to exist. */
  target(source: string, id: string | undefined, expect?: string): Promise<Relationship | undefined>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file is either a legacy binary Office file or an encrypted OOXML package
 *  (Office wraps those in OLE with an "EncryptionInfo" stream). */
async function refuseOle(source: ByteSource, fileName: string): Promise<void> {
  if (source.size < 8) return;
  const head = await source.read(0, 8);
  if (!OLE_MAGIC.every((byte, i) => head[i] === byte)) return;
  // The directory names are UTF-16LE; scanning the first MiB finds them in any real file.
  const sample = await source.read(0, Math.min(source.size, 1024 * 1024));
  const name = new Uint8Array([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]));
  if (indexOf(sample, name) >= 0) {
    throw new OfficeImportError('encrypted', 'is protected by a password: open it in PowerPoint or Word, remove the password (File > Info > Protect), save, and import again', { part: fileName });
  }
  throw new OfficeImportError('legacy-format', 'is an old binary Office file (.ppt/.doc, Office 97-2003): open it in PowerPoint, LibreOffice or Word and save it as .pptx/.docx first', { part: fileName });
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Resolves `target` relative to the folder of `source` (a part name); undefined if it leaves the package. */
export function resolvePartName(source: string, target: string): string | undefined {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  const parts = [...base];
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(segment);
    }
  }
  let name = parts.join('/');
  try {
    name = decodeURIComponent(name);
  } catch {
    // a stray % is a literal character in the part name
  }
  return name;
}

export const relsPartOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

export async function openPackage(source: ByteSource, fileName: string, zipOptions: OpenZipOptions = {}): Promise<OfficePackage> {
  await refuseOle(source, fileName);
  let zip: ZipArchive;
  try {
    zip = await openZip(source, zipOptions);
  } catch (error) {
    throw fromBundleError(error, fileName);
  }
  const xmlCache = new Map<string, Promise<Element>>();
  const relsCache = new Map<string, Promise<Map<string, Relationship>>>();

  const xml = (part: string, keep = true): Promise<Element> => {
    let cached = xmlCache.get(part);
    if (!cached) {
      cached = (async () => {
        if (!zip.has(part)) throw new OfficeImportError('part-missing', 'this part is named by the package but is not in it', { part });
        let bytes: Uint8Array;
        try {
          bytes = await zip.readBytes(part, MAX_XML_PART);
        } catch (error) {
          if (error instanceof BundleError && error.code === 'limit-entry-size') {
            throw new OfficeImportError('part-too-large', `is larger than the ${MAX_XML_PART / 1024 / 1024} MiB allowed for one XML part`, { part });
          }
          throw fromBundleError(error, fileName);
        }
        return parseXml(bytes, part);
      })();
      if (keep) xmlCache.set(part, cached);
    }
    return cached;
  };

  const rels = (part: string): Promise<Map<string, Relationship>> => {
    let cached = relsCache.get(part);
    if (!cached) {
      cached = (async () => {
        const relsPart = relsPartOf(part);
        const map = new Map<string, Relationship>();
        if (!zip.has(relsPart)) return map;
        for (const el of children(await xml(relsPart), 'rel', 'Relationship')) {
          const id = attr(el, 'Id');
          const rawTarget = attr(el, 'Target');
          const type = (attr(el, 'Type') ?? '').split('/').pop() ?? '';
          if (!id || rawTarget === undefined) continue;
          const external = attr(el, 'TargetMode') === 'External';
          if (external) {
            map.set(id, { id, type, target: rawTarget, external });
            continue;
          }
          const target = resolvePartName(part === '' ? '' : part, rawTarget);
          if (target === undefined || /^[a-z][a-z0-9+.-]*:/i.test(rawTarget)) {
            throw new OfficeImportError('rel-outside', `relationship ${id} points outside the package ("${rawTarget.slice(0, 120)}")`, { part: relsPart });
          }
          map.set(id, { id, type, target, external });
        }
        return map;
      })();
      relsCache.set(part, cached);
    }
    return cached;
  };

  return {
    zip,
    xml,
    rels,
    async target(sourcePart, id, expect) {
      if (!id) return undefined;
      const rel = (await rels(sourcePart)).get(id);
      if (!rel || (expect !== undefined && rel.type !== expect)) return undefined;
      return rel;
    },
  };
}

/** The container's own failures, with the zip reader's code kept in details. */
export function fromBundleError(error: unknown, fileName: string): unknown {
  if (!(error instanceof BundleError)) return error;
  if (error.code === 'not-a-zip') {
    return new OfficeImportError('not-a-zip', 'is not a PowerPoint (.pptx) or Word (.docx) file: it is not a zip package', { part: fileName, cause: error });
  }
  const message = error.message.replace('Lectern bundle', 'Office file').replace(/bundle/g, 'file');
  return new OfficeImportError('zip-refused', message, { part: error.entry ?? fileName, details: { zip: error.code }, cause: error });
}

/** The main part the package's root relationships name (`ppt/presentation.xml`, `word/document.xml`). */
export async function officeDocumentPart(pkg: OfficePackage, fileName: string): Promise<string> {
  const root = await pkg.rels('');
  for (const rel of root.values()) if (rel.type === 'officeDocument' && !rel.external) return rel.target;
  throw new OfficeImportError('not-office', 'is a zip file but not an Office document (no _rels/.rels naming its main part)', { part: fileName });
}

/** dc:title from docProps/core.xml, when the author set one. */
export async function coreTitle(pkg: OfficePackage): Promise<string> {
  const rel = [...(await pkg.rels('')).values()].find((r) => r.type === 'core-properties' && !r.external);
  if (!rel || !pkg.zip.has(rel.target)) return '';
  const core = await pkg.xml(rel.target);
  return (child(core, 'dc', 'title')?.textContent ?? '').normalize('NFC').trim();
}
