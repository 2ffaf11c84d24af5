// The one error type the bundle reader and writer throw for bad input. The UI and the CLI tell
// failures apart by `code` (a stable string: tests, docs and translations key on it) and name
// the zip entry involved in `entry`, so a user can see *which* file in the bundle is wrong.

/** Stable failure codes. Add codes; never rename one (docs/bundle-format.md lists them all). */
export type BundleErrorCode =
  // The container
  | 'not-a-zip'
  | 'truncated'
  | 'zip-invalid'
  | 'zip-unsupported'
  | 'read-failed'
  // The manifest
  | 'manifest-missing'
  | 'manifest-json'
  | 'manifest-schema'
  | 'unsupported-format'
  | 'unsupported-version'
  // The deck text
  | 'deck-missing'
  | 'deck-encoding'
  // Assets and entries
  | 'asset-missing'
  | 'asset-size-mismatch'
  | 'asset-hash-mismatch'
  | 'entry-undeclared'
  | 'entry-corrupt'
  | 'entry-size-lie'
  // Paths
  | 'path-encoding'
  | 'path-nul'
  | 'path-backslash'
  | 'path-absolute'
  | 'path-traversal'
  | 'path-invalid'
  | 'path-duplicate'
  | 'path-symlink'
  // Limits (ReadLimits)
  | 'limit-entries'
  | 'limit-entry-size'
  | 'limit-total-size'
  | 'limit-ratio';

export class BundleError extends Error {
  override name = 'BundleError';
  readonly code: BundleErrorCode;
  /** The zip entry (or manifest path) the problem is about, when there is one. */
  readonly entry: string | undefined;

  constructor(code: BundleErrorCode, message: string, options: { entry?: string; cause?: unknown } = {}) {
    super(options.entry === undefined ? message : `${printable(options.entry)}: ${message}`, { cause: options.cause });
    this.code = code;
    this.entry = options.entry;
  }
}

// Entry names come from the file: control characters (NUL, ESC sequences that would drive a
// terminal) are shown escaped in messages; `entry` keeps the name as it was.
const RE_CONTROL_G = /[\u0000-\u001f\u007f-\u009f]/g;
const printable = (name: string) =>
  name.replace(RE_CONTROL_G, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const isBundleError = (value: unknown): value is BundleError => value instanceof BundleError;
