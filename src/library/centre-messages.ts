// UI text of the Centre library (section, copy, publish) and the words for a centre server's
// problems, Vietnamese and English. The Whole-centre report uses `centreProblemText` too.
import { errorText } from '../app/error-text.ts';
import { defineMessages } from '../app/i18n.ts';

export const centreLibraryMsg = defineMessages({
  vi: {
    heading: 'Thư viện của trung tâm',
    intro: 'Bài giảng trung tâm đã đăng. Chỉ đọc: chép vào thư viện của mình để sửa.',
    loading: 'Đang tải thư viện của trung tâm…',
    empty: 'Trung tâm chưa đăng bài giảng nào.',
    count: (n: string) => `${n} bài giảng của trung tâm`,
    fetchedAt: (when: string) => `Cập nhật lúc ${when}`,
    offline: (when: string) => `Không kết nối được máy chủ trung tâm: đang xem bản lưu lúc ${when}.`,
    skipped: (n: string) => `${n} tài liệu của máy chủ không đọc được nên đã bỏ qua.`,
    truncated: (n: string) => `Thư viện quá lớn: chỉ hiện ${n} bài giảng đầu tiên.`,
    publishedBy: 'Người đăng',
    publishedAt: 'Ngày đăng',
    media: 'Tư liệu',
    mediaCount: (n: string) => `${n} tệp`,
    copy: 'Chép vào thư viện của tôi',
    copyNamed: (t: string) => `Chép “${t}” vào thư viện của tôi`,
    copying: 'Đang chép…',
    copied: (t: string) => `Đã chép “${t}” vào thư viện của bạn.`,
    refresh: 'Tải lại',
    untitled: 'Bài giảng chưa đặt tên',
    publish: 'Đăng lên thư viện trung tâm',
    publishing: (t: string) => `Đang đăng “${t}”…`,
    published: (t: string) => `Đã đăng “${t}” lên thư viện trung tâm.`,
    mediaMismatch: (f: string) => `Tệp “${f}” trên máy chủ không đúng với bài giảng đã đăng (mã SHA-256 khác). Chưa chép gì; hãy báo quản trị trung tâm.`,
    mediaMissing: (f: string) => `Máy chủ thiếu tệp “${f}” của bài giảng. Chưa chép gì; hãy báo quản trị trung tâm.`,
    badDeck: 'Bài giảng này trên máy chủ không hợp lệ. Chưa chép gì.',
    unreachable: 'Không kết nối được máy chủ trung tâm. Kiểm tra mạng rồi thử lại.',
    refused: 'Máy chủ trung tâm từ chối: tài khoản không có quyền này, hoặc phiên đăng nhập đã hết hạn.',
    refusedPublish: 'Máy chủ trung tâm từ chối: chỉ quản trị trung tâm mới được đăng bài giảng lên thư viện chung.',
    badReply: 'Máy chủ trung tâm trả lời không đúng định dạng CouchDB.',
    tooLarge: 'Máy chủ trung tâm trả lời quá lớn nên đã dừng đọc.',
    serverError: 'Máy chủ trung tâm đang gặp lỗi. Thử lại sau.',
    badAddress: 'Địa chỉ máy chủ trung tâm không hợp lệ.',
  },
  en: {
    heading: 'Centre library',
    intro: 'Decks your centre has published. Read-only: copy one to your library to edit it.',
    loading: 'Loading the centre library…',
    empty: 'The centre has not published any decks yet.',
    count: (n: string) => `${n} centre deck(s)`,
    fetchedAt: (when: string) => `Updated ${when}`,
    offline: (when: string) => `The centre server cannot be reached: showing the copy kept at ${when}.`,
    skipped: (n: string) => `${n} document(s) from the server could not be read and were left out.`,
    truncated: (n: string) => `The library is very large: only the first ${n} decks are shown.`,
    publishedBy: 'Published by',
    publishedAt: 'Published',
    media: 'Media',
    mediaCount: (n: string) => `${n} file(s)`,
    copy: 'Copy to my library',
    copyNamed: (t: string) => `Copy “${t}” to my library`,
    copying: 'Copying…',
    copied: (t: string) => `Copied “${t}” to your library.`,
    refresh: 'Refresh',
    untitled: 'Untitled deck',
    publish: 'Publish to centre library',
    publishing: (t: string) => `Publishing “${t}”…`,
    published: (t: string) => `Published “${t}” to the centre library.`,
    mediaMismatch: (f: string) => `The file “${f}” on the server does not match the published deck (different SHA-256). Nothing was copied; tell your centre administrator.`,
    mediaMissing: (f: string) => `The server is missing the deck’s file “${f}”. Nothing was copied; tell your centre administrator.`,
    badDeck: 'This deck on the server is not valid. Nothing was copied.',
    unreachable: 'The centre server cannot be reached. Check the network and try again.',
    refused: 'The centre server refused: this account may not do that, or the session has expired.',
    refusedPublish: 'The centre server refused: only centre administrators may publish to the centre library.',
    badReply: 'The centre server did not answer as CouchDB does.',
    tooLarge: 'The centre server’s reply was too large; reading stopped.',
    serverError: 'The centre server has a problem. Try again later.',
    badAddress: 'The centre server’s address is not valid.',
  },
});

/** A centre problem (CentreError, CentreCopyError or another failure) in the UI language.
 *  Duck-typed on `name`/`code` so this module loads no centre code. */
export function centreProblemText(error: unknown, action: 'read' | 'publish' = 'read'): string {
  const m = centreLibraryMsg();
  const e = error as { name?: unknown; code?: unknown; reason?: unknown; file?: unknown; details?: { reason?: unknown } } | null;
  if (e?.name === 'CentreCopyError') {
    const file = String(e.file ?? '');
    return e.reason === 'media-mismatch' ? m.mediaMismatch(file) : e.reason === 'media-missing' ? m.mediaMissing(file) : m.badDeck;
  }
  if (e?.name === 'CentreError' || e?.name === 'CentreServerError') {
    switch (e.code) {
      case 'unreachable':
        return m.unreachable;
      case 'refused':
      case 'forbidden':
        return action === 'publish' ? m.refusedPublish : m.refused;
      case 'server-error':
        return m.serverError;
      case 'bad-address':
        return m.badAddress;
      default:
        return e.details?.reason === 'too-large' ? m.tooLarge : m.badReply;
    }
  }
  return errorText(error);
}
