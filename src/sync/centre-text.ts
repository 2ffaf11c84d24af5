// The words for a centre server's problems, Vietnamese and English: one catalogue for every centre
// screen (Centre library, publishing, the Whole-centre report, and the Settings group "Centre
// sync"). Errors arrive from two places with overlapping codes: the app's CentreConnection
// (CentreError: logging in, resuming) and @lectern/centre's ServerClient under the screens
// (CentreServerError); copying a deck adds CentreCopyError. Matched on `name`/`code` (duck-typed),
// so showing a sentence loads no centre code. The CLI's words are its own (packages/cli's
// centre-messages.ts): a terminal line names the option and the server, a screen does not.
import type { CentreServerErrorCode } from '@lectern/centre';
import { errorText } from '../app/error-text.ts';
import { defineMessages } from '../app/i18n.ts';
import type { CentreErrorCode } from './connection.ts';

/** What the user was doing: the same refusal means a wrong password when connecting, and a
 *  missing right when publishing or opening the whole centre's report. */
export type CentreAction = 'connect' | 'read' | 'publish' | 'report';

type Code = CentreServerErrorCode | CentreErrorCode;

interface CentreProblemWords extends Record<Code, string> {
  [key: string]: string | ((file: string) => string);
  wrongPassword: string;
  forbiddenPublish: string;
  notCentreAdmin: string;
  tooLarge: string;
  mediaMismatch: (file: string) => string;
  mediaMissing: (file: string) => string;
  badDeck: string;
}

export const centreProblemMsg = defineMessages<CentreProblemWords>({
  vi: {
    unreachable: 'Không kết nối được máy chủ trung tâm. Kiểm tra mạng rồi thử lại.',
    refused: 'Máy chủ trung tâm từ chối: phiên đăng nhập đã hết hạn hoặc mật khẩu đã đổi. Hãy kết nối lại trong Cài đặt.',
    wrongPassword: 'Máy chủ trung tâm từ chối: sai tên người dùng hoặc mật khẩu.',
    forbidden: 'Máy chủ trung tâm từ chối: tài khoản không có quyền này.',
    forbiddenPublish: 'Máy chủ trung tâm từ chối: chỉ quản trị trung tâm mới được đăng bài giảng lên thư viện chung.',
    notCentreAdmin: 'Chỉ quản trị trung tâm mới xem được báo cáo toàn trung tâm.',
    'bad-reply': 'Máy chủ trung tâm trả lời không đúng định dạng CouchDB.',
    tooLarge: 'Máy chủ trung tâm trả lời quá lớn nên đã dừng đọc.',
    'server-error': 'Máy chủ trung tâm đang gặp lỗi. Thử lại sau.',
    'bad-address': 'Địa chỉ máy chủ trung tâm không hợp lệ: cần http:// hoặc https://, không kèm tên người dùng hay mật khẩu.',
    'bad-name': 'Tên người dùng hoặc mật khẩu không dùng được.',
    mediaMismatch: (f: string) => `Tệp “${f}” trên máy chủ không đúng với bài giảng đã đăng (mã SHA-256 khác). Chưa chép gì; hãy báo quản trị trung tâm.`,
    mediaMissing: (f: string) => `Máy chủ thiếu tệp “${f}” của bài giảng. Chưa chép gì; hãy báo quản trị trung tâm.`,
    badDeck: 'Bài giảng này trên máy chủ không hợp lệ. Chưa chép gì.',
  },
  en: {
    unreachable: 'The centre server cannot be reached. Check the network and try again.',
    refused: 'The centre server refused: the session has expired or the password has changed. Connect again in Settings.',
    wrongPassword: 'The centre server refused the user name or password.',
    forbidden: 'The centre server refused: this account may not do that.',
    forbiddenPublish: 'The centre server refused: only centre administrators may publish to the centre library.',
    notCentreAdmin: 'Only centre administrators see the whole centre’s report.',
    'bad-reply': 'The centre server did not answer as CouchDB does.',
    tooLarge: 'The centre server’s reply was too large; reading stopped.',
    'server-error': 'The centre server has a problem. Try again later.',
    'bad-address': 'The centre server’s address is not valid: it needs http:// or https://, without a user name or password.',
    'bad-name': 'The user name or password cannot be used.',
    mediaMismatch: (f: string) => `The file “${f}” on the server does not match the published deck (different SHA-256). Nothing was copied; tell your centre administrator.`,
    mediaMissing: (f: string) => `The server is missing the deck’s file “${f}”. Nothing was copied; tell your centre administrator.`,
    badDeck: 'This deck on the server is not valid. Nothing was copied.',
  },
});

const isCode = (code: unknown): code is Code =>
  typeof code === 'string' && ['unreachable', 'refused', 'forbidden', 'bad-reply', 'server-error', 'bad-address', 'bad-name'].includes(code);

/** A centre problem (CentreError, CentreServerError, CentreCopyError or another failure) in the
 *  UI language, for what the user was doing. */
export function centreProblemText(error: unknown, action: CentreAction = 'read'): string {
  const m = centreProblemMsg();
  const e = error as { name?: unknown; code?: unknown; reason?: unknown; file?: unknown; details?: { status?: unknown; reason?: unknown } } | null;
  if (e?.name === 'CentreCopyError') {
    const file = String(e.file ?? '');
    return e.reason === 'media-mismatch' ? m.mediaMismatch(file) : e.reason === 'media-missing' ? m.mediaMissing(file) : m.badDeck;
  }
  if ((e?.name !== 'CentreError' && e?.name !== 'CentreServerError') || !isCode(e.code)) return errorText(error);
  // CentreError folds 403 into 'refused': a logged-in user without the right.
  const code: Code = e.code === 'refused' && e.details?.status === 403 ? 'forbidden' : e.code;
  if (code === 'refused' && action === 'connect') return m.wrongPassword;
  if (code === 'forbidden' && action === 'publish') return m.forbiddenPublish;
  if (code === 'forbidden' && action === 'report') return m.notCentreAdmin;
  if (code === 'bad-reply' && e.details?.reason === 'too-large') return m.tooLarge;
  return m[code];
}
