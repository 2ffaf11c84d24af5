// What the instructor reads when something failed: errors carry a code (and details for bug
// reports); the sentence is chosen here, in the language active when the error is shown.
// StoreError codes are translated below; other errors (already meant for the UI) keep their text.
import { isStoreError, type StoreErrorCode } from '../store/index.ts';
import { defineMessages } from './i18n.ts';

const storeMsg = defineMessages<Record<StoreErrorCode, string>>({
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

/** The sentence for a StoreError's code in the current UI language. */
export function storeErrorText(code: StoreErrorCode): string {
  return storeMsg()[code];
}

/** Any caught error as a sentence for the UI, translated now. */
export function errorText(error: unknown): string {
  if (isStoreError(error)) return storeErrorText(error.code);
  return error instanceof Error ? error.message : String(error);
}
