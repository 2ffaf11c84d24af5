// Failures of the store that the UI must tell apart, as one Error subclass with a string code
// (STYLE.md section 6). The message is a sentence in the current UI language that an instructor
// can act on; the browser's own error stays in `cause` for the console and bug reports.
import { defineMessages } from '../app/i18n.ts';

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

const messages = defineMessages({
  vi: {
    'quota-exceeded':
      'Không đủ dung lượng lưu trữ trong trình duyệt. Thay đổi vừa rồi chưa được lưu; dữ liệu cũ vẫn nguyên vẹn. Hãy xuất bài giảng ra tệp .lectern, xóa bớt video không dùng hoặc giải phóng ổ đĩa.',
    conflict: 'Bài giảng đã được lưu ở một thẻ khác. Thay đổi ở đây chưa được lưu để tránh ghi đè.',
    'not-found': 'Không tìm thấy dữ liệu yêu cầu (có thể đã bị xóa).',
    aborted: 'Thao tác lưu bị hủy giữa chừng; không có gì bị ghi dở dang.',
    blocked: 'Một thẻ Lectern khác đang mở phiên bản cũ. Hãy đóng các thẻ Lectern khác rồi tải lại trang.',
    'version-change': 'Lectern vừa được cập nhật ở một thẻ khác. Hãy tải lại trang này.',
    'invalid-input': 'Dữ liệu không hợp lệ nên không được lưu.',
    unreadable: 'Không đọc được dữ liệu đã lưu (cửa sổ ẩn danh có bộ nhớ hạn chế, hoặc lỗi ổ đĩa).',
    unavailable: 'Trình duyệt không cho phép lưu trữ (IndexedDB bị tắt hoặc đang ở chế độ riêng tư hạn chế).',
    unknown: 'Lỗi lưu trữ không xác định; dữ liệu cũ vẫn nguyên vẹn.',
  },
  en: {
    'quota-exceeded':
      'The browser has no more storage space for Lectern. The last change was not saved; earlier data is intact. Export your decks to .lectern files, remove unused videos or free disk space.',
    conflict: 'This deck was saved in another tab. Your change here was not saved, so nothing was overwritten.',
    'not-found': 'The requested item was not found (it may have been deleted).',
    aborted: 'The save was cancelled midway; nothing was half-written.',
    blocked: 'Another Lectern tab is running an older version. Close the other Lectern tabs and reload.',
    'version-change': 'Lectern was updated in another tab. Please reload this page.',
    'invalid-input': 'The data is not valid, so it was not saved.',
    unreadable: 'Stored data could not be read back (private windows have little storage, or a disk error).',
    unavailable: 'This browser does not allow storage (IndexedDB is disabled or restricted in private mode).',
    unknown: 'Unknown storage error; earlier data is intact.',
  },
});

export class StoreError extends Error {
  override name = 'StoreError';
  readonly code: StoreErrorCode;
  /** Developer detail (which record, which path); not shown to the instructor. */
  readonly detail: string | undefined;

  constructor(code: StoreErrorCode, options: { cause?: unknown; detail?: string } = {}) {
    super(messages()[code], { cause: options.cause });
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
