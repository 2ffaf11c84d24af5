// Text of the speaker view (reveal.js's notes window with Lectern's panel) and of the discussion
// countdown, in Vietnamese and English: one catalogue for the app's presenting page (which adds
// it to its own) and for the runtime of a built site or an Offline HTML export.

export type RuntimeLang = 'vi' | 'en';

const vi = {
  discussion: 'Thảo luận',
  groups: (n: number) => `${n} nhóm`,
  start: 'Bắt đầu',
  pause: 'Tạm dừng',
  extend: '+1 phút',
  reset: 'Đặt lại',
  timeUp: 'Hết giờ',
  countdownKeys: 'T: bắt đầu/tạm dừng · +: thêm 1 phút',
  elapsed: 'Đã dạy',
  remaining: 'Còn lại',
  clock: 'Giờ',
  ahead: (m: string) => `Sớm ${m}`,
  behind: (m: string) => `Chậm ${m}`,
  onTime: 'Đúng tiến độ',
  noPlan: 'Chưa có thời lượng dự kiến',
  next: 'Trang chiếu tiếp theo',
  notes: 'Ghi chú',
  lecternPanel: 'Lectern: tiến độ và thảo luận',
  speakerTitle: 'Màn hình giảng viên · Lectern',
  speakerLoading: 'Đang mở màn hình giảng viên…',
  speakerConnectError: 'Không kết nối được với cửa sổ trình chiếu. Hãy đóng cửa sổ này và bấm S lần nữa.',
  speakerCrossOrigin: 'Màn hình giảng viên chỉ mở được từ chính trang trình chiếu.',
  speakerLayout: 'Bố cục',
  layoutDefault: 'Mặc định',
  layoutWide: 'Ngang',
  layoutTall: 'Dọc',
  layoutNotesOnly: 'Chỉ ghi chú',
  slideOf: (a: number, b: number) => `Trang chiếu ${a}/${b}`,
  countdownStarted: (time: string) => `Bắt đầu thảo luận, còn ${time}`,
  countdownOneMinute: 'Thảo luận: còn một phút',
  countdownEnded: 'Hết giờ thảo luận',
};

export type RuntimeMessages = typeof vi;

const en: RuntimeMessages = {
  discussion: 'Discussion',
  groups: (n: number) => `${n} groups`,
  start: 'Start',
  pause: 'Pause',
  extend: '+1 min',
  reset: 'Reset',
  timeUp: 'Time is up',
  countdownKeys: 'T: start/pause · +: one more minute',
  elapsed: 'Elapsed',
  remaining: 'Left',
  clock: 'Time',
  ahead: (m: string) => `${m} ahead`,
  behind: (m: string) => `${m} behind`,
  onTime: 'On time',
  noPlan: 'No planned timing',
  next: 'Next slide',
  notes: 'Notes',
  lecternPanel: 'Lectern: pacing and discussion',
  speakerTitle: 'Speaker view · Lectern',
  speakerLoading: 'Opening the speaker view…',
  speakerConnectError: 'Cannot reach the presenting window. Close this window and press S again.',
  speakerCrossOrigin: 'The speaker view can only be opened from the presenting page itself.',
  speakerLayout: 'Layout',
  layoutDefault: 'Default',
  layoutWide: 'Wide',
  layoutTall: 'Tall',
  layoutNotesOnly: 'Notes only',
  slideOf: (a: number, b: number) => `Slide ${a}/${b}`,
  countdownStarted: (time: string) => `Discussion started, ${time} left`,
  countdownOneMinute: 'Discussion: one minute left',
  countdownEnded: 'Discussion time is up',
};

export const RUNTIME_MESSAGES: Record<RuntimeLang, RuntimeMessages> = { vi, en };

/** 'vi' or 'en' from a language tag ("vi-VN", "en", "EN-gb"); undefined for anything else. */
export function runtimeLang(tag: string | null | undefined): RuntimeLang | undefined {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'vi' || base === 'en' ? base : undefined;
}
