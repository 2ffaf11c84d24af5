// UI text of the report screen's "Whole centre" view, Vietnamese and English.
import { defineMessages } from '../app/i18n.ts';

export const centreReportMsg = defineMessages({
  vi: {
    scope: 'Báo cáo của',
    mine: 'Lớp của tôi',
    wholeCentre: 'Toàn trung tâm',
    title: (period: string) => `Báo cáo kết quả giảng dạy toàn trung tâm ${period}`,
    loading: 'Đang tải các buổi dạy của mọi giảng viên…',
    byLecturer: 'Theo giảng viên',
    colLecturer: 'Giảng viên',
    lecturerCount: (n: string) => `${n} giảng viên`,
    fetchedAt: (when: string) => `Số liệu lấy từ máy chủ trung tâm lúc ${when}.`,
    offline: (when: string) => `Không kết nối được máy chủ trung tâm: số liệu theo bản lưu lúc ${when}.`,
    skipped: (n: string) => `${n} tài liệu không hợp lệ đã bị bỏ qua, không tính vào báo cáo.`,
    unreadable: (names: string) => `Không đọc được dữ liệu của: ${names}.`,
    truncated: 'Dữ liệu quá lớn: báo cáo có thể chưa đủ.',
    refresh: 'Tải lại số liệu trung tâm',
  },
  en: {
    scope: 'Report for',
    mine: 'My classes',
    wholeCentre: 'Whole centre',
    title: (period: string) => `Whole-centre teaching report, ${period}`,
    loading: 'Loading every lecturer’s classes…',
    byLecturer: 'By lecturer',
    colLecturer: 'Lecturer',
    lecturerCount: (n: string) => `${n} lecturer(s)`,
    fetchedAt: (when: string) => `Figures read from the centre server at ${when}.`,
    offline: (when: string) => `The centre server cannot be reached: figures as kept at ${when}.`,
    skipped: (n: string) => `${n} invalid document(s) were left out of the report.`,
    unreadable: (names: string) => `Could not read the records of: ${names}.`,
    truncated: 'Too much data: the report may be incomplete.',
    refresh: 'Refresh centre figures',
  },
});
