// What the user reads when a bundle is refused or imported: one sentence per BundleError code,
// in Vietnamese and English (the code itself stays in the details for bug reports).
import { defineMessages } from '../app/i18n.ts';
import type { BundleErrorCode } from '@lectern/bundle';
import type { MediaProblem, PptxLoss } from '@lectern/office-export';

type Reasons = Record<BundleErrorCode, string>;

const vi: Reasons = {
  'not-a-zip': 'Tệp này không phải là gói bài giảng Lectern.',
  truncated: 'Tệp bị thiếu phần cuối (tải xuống hoặc sao chép chưa xong?).',
  'zip-invalid': 'Cấu trúc tệp nén bị hỏng hoặc đã bị làm giả.',
  'zip-unsupported': 'Tệp dùng kiểu nén Lectern không hỗ trợ (ZIP64, mã hóa hoặc chia nhiều phần).',
  'read-failed': 'Không đọc được tệp.',
  'manifest-missing': 'Tệp thiếu manifest.json: không phải do Lectern tạo, hoặc đã bị hỏng.',
  'manifest-json': 'manifest.json không phải JSON hợp lệ.',
  'manifest-schema': 'manifest.json thiếu hoặc sai một trường.',
  'unsupported-format': 'Đây là tệp của một chương trình khác, không phải gói Lectern.',
  'unsupported-version': 'Gói được tạo bằng phiên bản Lectern mới hơn. Hãy cập nhật Lectern để mở.',
  'deck-missing': 'Gói không có deck.md.',
  'deck-encoding': 'deck.md không phải văn bản UTF-8 (lưu bằng bảng mã khác?).',
  'asset-missing': 'Gói thiếu một tệp phương tiện được liệt kê.',
  'asset-size-mismatch': 'Kích thước một tệp phương tiện không khớp với manifest.',
  'asset-hash-mismatch': 'Một tệp phương tiện đã bị thay đổi hoặc hỏng sau khi đóng gói (SHA-256 không khớp).',
  'entry-undeclared': 'Gói chứa một tệp không được khai báo trong manifest.',
  'entry-corrupt': 'Dữ liệu của một tệp trong gói bị hỏng.',
  'entry-size-lie': 'Một tệp giải nén ra nhiều hơn kích thước khai báo (tệp bị làm giả).',
  'path-encoding': 'Tên một tệp trong gói không phải UTF-8.',
  'path-nul': 'Tên một tệp chứa ký tự điều khiển.',
  'path-backslash': 'Tên một tệp chứa dấu gạch ngược (\\).',
  'path-absolute': 'Tên một tệp là đường dẫn tuyệt đối.',
  'path-traversal': 'Tên một tệp chứa “..” để thoát ra ngoài thư mục.',
  'path-invalid': 'Tên một tệp không hợp lệ trên mọi hệ điều hành, hoặc nằm ngoài media/.',
  'path-duplicate': 'Hai tệp trong gói trùng tên (kể cả khác chữ hoa/thường hoặc cách gõ dấu).',
  'path-symlink': 'Gói chứa liên kết tượng trưng (symlink).',
  'limit-entries': 'Gói có quá nhiều tệp.',
  'limit-entry-size': 'Một tệp trong gói vượt quá giới hạn kích thước.',
  'limit-total-size': 'Tổng dung lượng gói vượt quá giới hạn.',
  'limit-ratio': 'Một tệp nén với tỉ lệ bất thường (bom nén).',
};

const en: Reasons = {
  'not-a-zip': 'This file is not a Lectern bundle.',
  truncated: 'The file is cut short (an unfinished download or copy?).',
  'zip-invalid': 'The zip structure is damaged or crafted.',
  'zip-unsupported': 'The file uses zip features Lectern does not support (ZIP64, encryption or split archives).',
  'read-failed': 'The file could not be read.',
  'manifest-missing': 'The file has no manifest.json: not made by Lectern, or damaged.',
  'manifest-json': 'manifest.json is not valid JSON.',
  'manifest-schema': 'manifest.json has a missing or wrong field.',
  'unsupported-format': "This is another program's file, not a Lectern bundle.",
  'unsupported-version': 'This bundle was made by a newer Lectern. Update Lectern to open it.',
  'deck-missing': 'The bundle has no deck.md.',
  'deck-encoding': 'deck.md is not UTF-8 text (saved in another encoding?).',
  'asset-missing': 'A listed media file is missing from the bundle.',
  'asset-size-mismatch': "A media file's size does not match the manifest.",
  'asset-hash-mismatch': 'A media file was altered or damaged after packing (SHA-256 mismatch).',
  'entry-undeclared': 'The bundle holds a file its manifest does not list.',
  'entry-corrupt': "A file's data in the bundle is damaged.",
  'entry-size-lie': 'A file inflates to more than it declares (a crafted file).',
  'path-encoding': 'A file name in the bundle is not UTF-8.',
  'path-nul': 'A file name contains a control character.',
  'path-backslash': 'A file name contains a backslash (\\).',
  'path-absolute': 'A file name is an absolute path.',
  'path-traversal': 'A file name contains “..” to climb out of its folder.',
  'path-invalid': 'A file name is not valid on every system, or lies outside media/.',
  'path-duplicate': 'Two files in the bundle have the same name (ignoring case or accent form).',
  'path-symlink': 'The bundle contains a symbolic link.',
  'limit-entries': 'The bundle holds too many files.',
  'limit-entry-size': 'A file in the bundle is larger than allowed.',
  'limit-total-size': 'The bundle is larger than allowed in total.',
  'limit-ratio': 'A file is compressed at a suspicious ratio (a zip bomb).',
};

const viProblem: Record<MediaProblem, string> = {
  missing: 'không có trong bài giảng',
  remote: 'nằm trên mạng, không nhúng được',
  format: 'PowerPoint không hiển thị được định dạng này',
  unsafe: 'nằm ngoài thư mục bài giảng',
};
const enProblem: Record<MediaProblem, string> = {
  missing: 'is not in the deck',
  remote: 'is on the network and cannot be embedded',
  format: 'is in a format PowerPoint cannot show',
  unsafe: "lies outside the deck's folder",
};

/** One loss of the .pptx export in Vietnamese: "trang 3: media/x.webm (PowerPoint không …)". */
function viLoss(loss: PptxLoss): string {
  const problem = loss.reason ? viProblem[loss.reason] : '';
  const subject = loss.subject ?? '';
  const text = {
    html: 'HTML viết trong trang không được xuất (giữ phần chữ)',
    'media-in-table': `${subject}: ảnh trong ô bảng không được xuất`,
    media: `${subject}: ${problem}`,
    poster: `ảnh bìa ${subject}: ${problem}`,
    background: `ảnh nền ${subject}: ${problem}`,
    'background-colour': `màu nền “${subject}” không phải dạng #RRGGBB`,
    'background-kind': `nền video hoặc trang web không được giữ`,
    'column-width': `độ rộng cột “${subject}” không phải phần trăm`,
    fragments: 'các phần hiện dần (fragment) được hiện cùng lúc, không có hiệu ứng',
  }[loss.code];
  return loss.slide === undefined ? text : `trang ${loss.slide}: ${text}`;
}

function enLoss(loss: PptxLoss): string {
  const problem = loss.reason ? enProblem[loss.reason] : '';
  const subject = loss.subject ?? '';
  const text = {
    html: 'HTML written in the slide is not exported (its text is kept)',
    'media-in-table': `${subject}: pictures in table cells are not exported`,
    media: `${subject} ${problem}`,
    poster: `poster ${subject} ${problem}`,
    background: `background ${subject} ${problem}`,
    'background-colour': `background colour “${subject}” is not #RRGGBB`,
    'background-kind': 'video or web-page backgrounds are not kept',
    'column-width': `column width “${subject}” is not a percentage`,
    fragments: 'fragments are shown all at once, without animation',
  }[loss.code];
  return loss.slide === undefined ? text : `slide ${loss.slide}: ${text}`;
}

export const sharingMsg = defineMessages({
  vi: {
    reasons: (code: BundleErrorCode) => vi[code],
    refused: (file: string, reason: string) => `Không mở được “${file}”: ${reason} Thư viện không thay đổi.`,
    storeFailed: (file: string, reason: string) => `Không nhập được “${file}”: ${reason} Thư viện không thay đổi.`,
    imported: (title: string) => `Đã nhập “${title}”.`,
    replaced: (title: string) => `Đã thay “${title}” (bản cũ vẫn còn trong lịch sử).`,
    backupRefused: (file: string, reason: string) => `Không khôi phục được “${file}”: ${reason}`,
    notBackup: 'Tệp này không phải bản sao lưu thư viện Lectern.',
    newerBackup: 'Bản sao lưu được tạo bằng phiên bản Lectern mới hơn.',
    deckNotFound: 'Không tìm thấy bài giảng.',
    changedMeanwhile: (title: string) => `“${title}” vừa được sửa ở nơi khác; chưa thay thế gì. Hãy thử lại.`,
    htmlExporting: (title: string) => `Đang tạo bản HTML ngoại tuyến của “${title}”…`,
    htmlProgress: (percent: string, done: string, total: string) => `${percent} (${done} / ${total})`,
    htmlExported: (file: string) => `Đã tạo “${file}”.`,
    pptxExporting: (title: string) => `Đang tạo tệp PowerPoint của “${title}”…`,
    pptxExported: (file: string) => `Đã tạo “${file}”.`,
    pptxExportedWithLosses: (file: string, count: number, list: string) => `Đã tạo “${file}”; ${count} mục không giữ được trong PowerPoint: ${list}`,
    pptxLoss: viLoss,
    pptxFailed: (reason: string) => `Không tạo được tệp PowerPoint: ${reason}`,
    filesMissing: (files: string) => `Bài giảng dùng các tệp chưa có trong thư viện (không có trong tệp xuất): ${files}`,
  },
  en: {
    reasons: (code: BundleErrorCode) => en[code],
    refused: (file: string, reason: string) => `Cannot open “${file}”: ${reason} Your library is unchanged.`,
    storeFailed: (file: string, reason: string) => `Cannot import “${file}”: ${reason} Your library is unchanged.`,
    imported: (title: string) => `Imported “${title}”.`,
    replaced: (title: string) => `Replaced “${title}” (the old version is kept in its history).`,
    backupRefused: (file: string, reason: string) => `Cannot restore “${file}”: ${reason}`,
    notBackup: 'This file is not a Lectern library backup.',
    newerBackup: 'This backup was made by a newer Lectern.',
    deckNotFound: 'Deck not found.',
    changedMeanwhile: (title: string) => `“${title}” was just edited elsewhere; nothing was replaced. Try again.`,
    htmlExporting: (title: string) => `Building the offline HTML of “${title}”…`,
    htmlProgress: (percent: string, done: string, total: string) => `${percent} (${done} of ${total})`,
    htmlExported: (file: string) => `Created “${file}”.`,
    pptxExporting: (title: string) => `Building the PowerPoint file of “${title}”…`,
    pptxExported: (file: string) => `Created “${file}”.`,
    pptxExportedWithLosses: (file: string, count: number, list: string) => `Created “${file}”; ${count} thing(s) could not be kept in PowerPoint: ${list}`,
    pptxLoss: enLoss,
    pptxFailed: (reason: string) => `Could not build the PowerPoint file: ${reason}`,
    filesMissing: (files: string) => `The deck uses files the library does not hold (not in the export): ${files}`,
  },
});

export const dialogMsg = defineMessages({
  vi: {
    title: (file: string) => `Nhập “${file}”`,
    checking: 'Đang kiểm tra tệp…',
    deck: 'Bài giảng',
    slides: 'Số trang chiếu',
    media: 'Tệp phương tiện',
    mediaSummary: (count: string, size: string) => `${count} tệp, ${size}`,
    excerpts: 'Trích dẫn',
    willCreate: 'Bài giảng sẽ được thêm vào thư viện.',
    exists: (edited: string) => `Thư viện đã có bài giảng này (sửa lần cuối ${edited}). Giữ cả hai, hay thay thế? Khi thay thế, bản cũ vẫn còn trong lịch sử.`,
    keepBoth: 'Giữ cả hai',
    replace: 'Thay thế',
    import: 'Nhập',
    cancel: 'Hủy',
  },
  en: {
    title: (file: string) => `Import “${file}”`,
    checking: 'Checking the file…',
    deck: 'Deck',
    slides: 'Slides',
    media: 'Media',
    mediaSummary: (count: string, size: string) => `${count} files, ${size}`,
    excerpts: 'Excerpts',
    willCreate: 'The deck will be added to your library.',
    exists: (edited: string) => `This deck is already in your library (last edited ${edited}). Keep both, or replace it? When replacing, the old version stays in its history.`,
    keepBoth: 'Keep both',
    replace: 'Replace',
    import: 'Import',
    cancel: 'Cancel',
  },
});

export const restoreMsg = defineMessages({
  vi: {
    title: (file: string) => `Khôi phục “${file}”`,
    checking: 'Đang kiểm tra bản sao lưu…',
    created: (date: string) => `Sao lưu lúc ${date}.`,
    decks: (n: string) => `${n} bài giảng:`,
    slides: (n: string) => `${n} trang`,
    exists: 'đã có trong thư viện',
    extras: (excerpts: string, sessions: string) => `${excerpts} trích dẫn, ${sessions} buổi học.`,
    conflictLegend: 'Với bài giảng đã có trong thư viện:',
    skip: 'Bỏ qua (giữ bản trong thư viện)',
    keepBoth: 'Giữ cả hai',
    replace: 'Thay bằng bản sao lưu (bản cũ vẫn còn trong lịch sử)',
    nothingStored: 'Chưa có gì được lưu cho đến khi bạn bấm “Khôi phục”.',
    restore: 'Khôi phục',
    cancel: 'Hủy',
    done: (created: number, replaced: number, skipped: number) =>
      `Đã khôi phục ${created} bài giảng${replaced ? `, thay ${replaced}` : ''}${skipped ? `, bỏ qua ${skipped}` : ''}.`,
  },
  en: {
    title: (file: string) => `Restore “${file}”`,
    checking: 'Checking the backup…',
    created: (date: string) => `Backed up on ${date}.`,
    decks: (n: string) => `${n} deck(s):`,
    slides: (n: string) => `${n} slides`,
    exists: 'already in your library',
    extras: (excerpts: string, sessions: string) => `${excerpts} excerpts, ${sessions} classes taught.`,
    conflictLegend: 'For decks already in your library:',
    skip: 'Skip them (keep the library’s version)',
    keepBoth: 'Keep both',
    replace: 'Replace with the backup (the old version stays in its history)',
    nothingStored: 'Nothing is stored until you choose “Restore”.',
    restore: 'Restore',
    cancel: 'Cancel',
    done: (created: number, replaced: number, skipped: number) =>
      `Restored ${created} deck${created === 1 ? '' : 's'}${replaced ? `, replaced ${replaced}` : ''}${skipped ? `, skipped ${skipped}` : ''}.`,
  },
});
