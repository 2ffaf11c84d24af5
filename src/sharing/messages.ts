// What the user reads when a bundle is refused or imported: the sentence of each BundleError code
// is the bundle package's (BUNDLE_ERROR_TEXT, shared with the CLI); the code itself stays in the
// details for bug reports.
import { defineMessages } from '../app/i18n.ts';
import { BUNDLE_ERROR_TEXT, type BundleErrorCode } from '@lectern/bundle';

export const sharingMsg = defineMessages({
  vi: {
    reasons: (code: BundleErrorCode) => BUNDLE_ERROR_TEXT.vi[code],
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
  },
  en: {
    reasons: (code: BundleErrorCode) => BUNDLE_ERROR_TEXT.en[code],
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
  },
});

export const dialogMsg = defineMessages({
  vi: {
    title: (file: string) => `Nhập “${file}”`,
    checking: 'Đang kiểm tra tệp…',
    deck: 'Bài giảng',
    slides: 'Số trang chiếu',
    media: 'Tư liệu',
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
    slides: (n: string) => `${n} trang chiếu`,
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
