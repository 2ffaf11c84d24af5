// Failures of the store that the UI must tell apart, as one Error subclass with a string code
// and a developer `detail` (which record, which path). The store knows no UI text: the app turns
// the code into a sentence in the language active when the error is SHOWN (src/app/error-text.ts),
// so an error kept on screen across a language switch is not stuck in the old language. The
// browser's own error stays in `cause` for the console and bug reports.

export type StoreErrorCode =
  /** The browser refused to store more (disk full, or the origin's quota is used up). */
  | 'quota-exceeded'
  /** A write was based on an older version of the record (another tab saved first). */
  | 'conflict'
  | 'not-found'
  /** The transaction was aborted (by the browser or by a failed request); nothing was written. */
  | 'aborted'
  /** The database cannot be opened or upgraded because another tab holds an older version. */
  | 'blocked'
  /** Another tab upgraded the database; this tab must reload. */
  | 'version-change'
  /** The caller passed something the store cannot keep (bad path, bad date, uncloneable value). */
  | 'invalid-input'
  /** Stored bytes could not be read back (private window memory limit, disk error). */
  | 'unreadable'
  /** IndexedDB is missing or disabled (some private modes, locked-down profiles). */
  | 'unavailable'
  | 'unknown';

export class StoreError extends Error {
  override name = 'StoreError';
  readonly code: StoreErrorCode;
  /** Developer detail (which record, which path); not shown to the instructor. */
  readonly detail: string | undefined;

  constructor(code: StoreErrorCode, options: { cause?: unknown; detail?: string } = {}) {
    // For the console and bug reports only (English, stable): never shown to the instructor.
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.code = code;
    this.detail = options.detail;
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** Maps whatever IndexedDB threw (DOMException names) to a StoreError; StoreErrors pass through. */
export function toStoreError(error: unknown, detail?: string): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  const code: StoreErrorCode =
    name === 'QuotaExceededError' || /quota/i.test(text)
      ? 'quota-exceeded'
      : name === 'AbortError'
        ? 'aborted'
        : name === 'VersionError'
          ? 'version-change'
          : name === 'InvalidStateError'
            ? 'version-change' // the connection was closed under us (versionchange or deletion)
            : name === 'DataCloneError' || name === 'DataError'
              ? 'invalid-input'
              : name === 'NotReadableError' || name === 'NotFoundError'
                ? 'unreadable'
                : name === 'SecurityError'
                  ? 'unavailable'
                  : 'unknown';
  return new StoreError(code, { cause: error, detail });
}
