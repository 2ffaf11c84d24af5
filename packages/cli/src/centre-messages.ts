// What `lectern centre` says, in Vietnamese and English (the rest of the CLI's words are in
// messages.ts; this catalogue is the centre server's own). Never a password: messages name the
// option, the user and the server, nothing typed after --password or USER:.
import type { CentreServerErrorCode } from '@lectern/centre';
import type { CliLang } from './messages.ts';

/** @lectern/centre's error codes as the CLI words them: 'forbidden' is said as what the user is
 *  not (the server's administrator for setup/add-user, a centre administrator for report). A new
 *  code in the package is a type error here until it has words. */
export type CentreProblem = Exclude<CentreServerErrorCode, 'forbidden'> | 'not-server-admin' | 'not-centre-admin';

const vi = {
  usage: `Cách dùng:
  lectern centre setup --server URL --admin TÊN:MẬT_KHẨU [--app-origin URL]...
  lectern centre add-user TÊN --password MẬT_KHẨU [--admin] --server URL --admin-auth TÊN:MẬT_KHẨU
  lectern centre report --server URL --user TÊN --password MẬT_KHẨU --from NĂM-THÁNG-NGÀY --to NĂM-THÁNG-NGÀY [--csv]

Máy chủ đồng bộ của trung tâm (Apache CouchDB 3, hoặc pouchdb-server để dùng thử):
  setup      tạo các cơ sở dữ liệu, quyền (_security) và quy tắc ghi; chạy lại không sao.
             Với CouchDB: --app-origin là địa chỉ ứng dụng Lectern được phép kết nối (CORS).
  add-user   thêm hoặc cập nhật một giảng viên; --admin: quản trị trung tâm (đăng thư viện chung,
             xem số liệu của mọi giảng viên). Chạy lại không có --admin thì người đó thành giảng viên.
  report     báo cáo toàn trung tâm: số lớp và học viên, theo đối tượng, theo giảng viên;
             --csv in bảng CSV (UTF-8 có BOM) ra stdout.
--admin và --admin-auth là tài khoản quản trị máy chủ. Mật khẩu có thể để trong biến môi trường thay vì
trên dòng lệnh: LECTERN_PASSWORD (cho --password), LECTERN_ADMIN_PASSWORD (khi chỉ ghi --admin TÊN).
  --lang vi|en    ngôn ngữ của thông báo

Mã thoát: 0 xong, 1 bị từ chối (sai mật khẩu, không có quyền), 2 không kết nối được máy chủ, máy chủ
trả lời sai, hoặc dùng sai lệnh.
`,
  noSubcommand: 'hãy nêu setup, add-user hoặc report',
  unknownSubcommand: (name: string) => `lệnh con "${name}" không có; hãy dùng setup, add-user hoặc report`,
  unknownOption: (option: string) => `tùy chọn ${option} không có ở lệnh này`,
  needsValue: (option: string) => `${option} cần một giá trị`,
  missing: (option: string) => `thiếu ${option}`,
  oneName: 'hãy nêu đúng một TÊN người dùng',
  noPositional: 'lệnh này không nhận thêm đối số nào',
  credentials: (option: string) => `${option} phải có dạng TÊN:MẬT_KHẨU (hoặc TÊN, với mật khẩu trong LECTERN_ADMIN_PASSWORD)`,
  badDate: (option: string) => `${option} phải là một ngày có thật, dạng NĂM-THÁNG-NGÀY (2026-01-01)`,
  endBeforeStart: '--to đứng trước --from: hãy đổi lại hai ngày',
  badOrigin: 'mỗi --app-origin phải là địa chỉ http:// hoặc https://',
  problem: {
    unreachable: (server: string) => `không kết nối được máy chủ ${server}`,
    refused: (user: string) => `máy chủ từ chối: sai tên người dùng hoặc mật khẩu (${user})`,
    'not-server-admin': (user: string) => `${user} không phải quản trị máy chủ`,
    'not-centre-admin': (user: string) => `${user} không phải quản trị trung tâm: chỉ quản trị trung tâm xem được báo cáo toàn trung tâm`,
    'server-error': (status: string) => `máy chủ báo lỗi (${status}); hãy thử lại sau`,
    'bad-reply': (status: string) => `máy chủ trả lời không như CouchDB (${status}); kiểm tra lại địa chỉ máy chủ`,
    'bad-address': () => 'địa chỉ máy chủ phải là http:// hoặc https://, không kèm tên người dùng hay mật khẩu',
    'bad-name': () => 'tên người dùng không dùng được (rỗng, có dấu ":", bắt đầu bằng "_", có ký tự điều khiển hoặc quá 200 ký tự) hoặc mật khẩu rỗng',
  } satisfies Record<CentreProblem, (detail: string) => string>,
  setupDone: (kind: string, changes: number) => `máy chủ ${kind} đã sẵn sàng cho Lectern (${changes} thay đổi)`,
  requireValidUser: 'lưu ý: CouchDB đang bật require_valid_user; ứng dụng vẫn đăng nhập được, nhưng hãy chắc rằng đó là chủ ý',
  noOwnerRule: 'lưu ý: trên pouchdb-server, cơ sở dữ liệu của giảng viên chỉ được bảo vệ bằng danh sách thành viên (với quy tắc ghi, pouchdb-server bỏ mất các chỉnh sửa được đồng bộ); trung tâm thật hãy dùng Apache CouchDB 3',
  userAdded: (name: string, admin: boolean) => `đã thêm ${admin ? 'quản trị trung tâm' : 'giảng viên'} ${name}`,
  userUpdated: (name: string, admin: boolean) => `đã cập nhật ${admin ? 'quản trị trung tâm' : 'giảng viên'} ${name}`,
  reportTitle: (period: string) => `Báo cáo toàn trung tâm, ${period}`,
  tally: (classes: string, learners: string, minutes: string) => `${classes} lớp, ${learners} học viên, ${minutes} phút`,
  total: 'Tổng cộng',
  byCohort: 'Theo đối tượng:',
  byLecturer: 'Theo giảng viên:',
  skipped: (n: number) => `bỏ qua ${n} tài liệu không hợp lệ trên máy chủ`,
  unreadable: (names: string) => `không đọc được dữ liệu của: ${names}`,
};

type CentreMessages = typeof vi;

const en: CentreMessages = {
  usage: `Usage:
  lectern centre setup --server URL --admin USER:PASSWORD [--app-origin URL]...
  lectern centre add-user NAME --password PASSWORD [--admin] --server URL --admin-auth USER:PASSWORD
  lectern centre report --server URL --user USER --password PASSWORD --from YYYY-MM-DD --to YYYY-MM-DD [--csv]

A training centre's sync server (Apache CouchDB 3, or pouchdb-server for a try-out):
  setup      creates the databases, their _security and write rules; safe to run again.
             On CouchDB, --app-origin is an address the Lectern app connects from (CORS).
  add-user   adds or updates a lecturer; --admin: a centre administrator (publishes to the centre
             library, reads every lecturer's records). Run again without --admin, they are a lecturer.
  report     the whole centre's report: classes and learners, by cohort, by lecturer;
             --csv prints a CSV table (UTF-8 with BOM) on stdout.
--admin and --admin-auth are the server administrator. Passwords may come from the environment
instead of the command line: LECTERN_PASSWORD (for --password), LECTERN_ADMIN_PASSWORD (with --admin USER).
  --lang vi|en    language of the messages

Exit status: 0 done, 1 refused (wrong password, not allowed), 2 server unreachable, a reply that is
not CouchDB's, or bad usage.
`,
  noSubcommand: 'name one of setup, add-user or report',
  unknownSubcommand: (name) => `unknown subcommand "${name}"; use setup, add-user or report`,
  unknownOption: (option) => `unknown option ${option} for this command`,
  needsValue: (option) => `${option} needs a value`,
  missing: (option) => `${option} is missing`,
  oneName: 'give exactly one user NAME',
  noPositional: 'this command takes no other arguments',
  credentials: (option) => `${option} must be USER:PASSWORD (or USER, with the password in LECTERN_ADMIN_PASSWORD)`,
  badDate: (option) => `${option} must be a real date, YYYY-MM-DD (2026-01-01)`,
  endBeforeStart: '--to is before --from: swap them',
  badOrigin: 'each --app-origin must be an http:// or https:// address',
  problem: {
    unreachable: (server) => `cannot reach the server at ${server}`,
    refused: (user) => `the server refused the user name or password (${user})`,
    'not-server-admin': (user) => `${user} is not the server administrator`,
    'not-centre-admin': (user) => `${user} is not a centre administrator: only centre administrators see the whole centre's report`,
    'server-error': (status) => `the server reported an error (${status}); try again later`,
    'bad-reply': (status) => `the server's reply is not CouchDB's (${status}); check the server address`,
    'bad-address': () => 'the server address must be http:// or https://, without a user name or password',
    'bad-name': () => 'the user name cannot be used (empty, holds ":", starts with "_", holds control characters or is over 200 characters long) or the password is empty',
  },
  setupDone: (kind, changes) => `the ${kind} server is ready for Lectern (${changes} change(s))`,
  requireValidUser: 'note: CouchDB has require_valid_user on; the app still logs in, but make sure it is meant',
  noOwnerRule: 'note: on pouchdb-server the lecturer\'s database is guarded by its member list only (with the write rule, pouchdb-server drops synced edits); run a real centre on Apache CouchDB 3',
  userAdded: (name, admin) => `added ${admin ? 'centre administrator' : 'lecturer'} ${name}`,
  userUpdated: (name, admin) => `updated ${admin ? 'centre administrator' : 'lecturer'} ${name}`,
  reportTitle: (period) => `Whole-centre report, ${period}`,
  tally: (classes, learners, minutes) => `${classes} class(es), ${learners} learner(s), ${minutes} minute(s)`,
  total: 'Total',
  byCohort: 'By cohort:',
  byLecturer: 'By lecturer:',
  skipped: (n) => `skipped ${n} invalid document(s) on the server`,
  unreadable: (names) => `could not read the records of: ${names}`,
};


export function centreMessages(lang: CliLang): CentreMessages {
  return lang === 'vi' ? vi : en;
}
