// The one error the Office importer throws for input it refuses. `code` is stable (the CLI, the
// app's messages and the tests key on it); `part` names the file inside the package (or the
// package itself) so a user can see which part is wrong. Text for people comes from messages.ts.

export type OfficeErrorCode =
  | 'not-a-zip'        // not a zip at all (and not an OLE file either)
  | 'legacy-format'    // an OLE compound file: .ppt / .doc from PowerPoint 97-2003
  | 'encrypted'        // an OLE file holding an encrypted (password-protected) OOXML package
  | 'zip-refused'      // the zip reader refused the container (bomb, traversal, limits, damage)
  | 'not-office'       // a zip, but not a presentation or document this importer reads
  | 'part-missing'     // a relationship or the slide list names a part the package does not hold
  | 'rel-outside'      // a relationship points outside the package
  | 'part-too-large'   // an XML part larger than the importer's limit
  | 'xml-dtd'          // a DOCTYPE / entity declaration (never expanded or resolved)
  | 'xml-too-deep'     // nesting deeper than any real document
  | 'xml-invalid'      // not well-formed XML
  | 'cancelled';       // the caller's AbortSignal fired

export class OfficeImportError extends Error {
  override name = 'OfficeImportError';
  readonly code: OfficeErrorCode;
  /** The part (`ppt/slides/slide3.xml`) the problem is in, when there is one. */
  readonly part: string | undefined;
  /** Extra facts for the message (the zip reader's own code, a size...). */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: OfficeErrorCode, message: string, options: { part?: string; details?: Record<string, string | number>; cause?: unknown } = {}) {
    super(options.part === undefined ? message : `${options.part}: ${message}`, { cause: options.cause });
    this.code = code;
    this.part = options.part;
    this.details = options.details ?? {};
  }
}

export const isOfficeImportError = (value: unknown): value is OfficeImportError => value instanceof OfficeImportError;
