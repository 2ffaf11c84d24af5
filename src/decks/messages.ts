// UI text of saving and conflicts, the same on every screen that edits a deck (the editor and the
// lesson-plan form), Vietnamese and English.
import { defineMessages } from '../app/i18n.ts';

export const saveMsg = defineMessages({
  vi: {
    saved: 'Đã lưu',
    saving: 'Đang lưu…',
    unsaved: 'Chưa lưu',
    saveFailed: 'Chưa lưu được',
    conflictState: 'Xung đột',
    conflictTitle: 'Bài giảng vừa được sửa ở một thẻ khác',
    conflictText: 'Cả hai phiên bản đều được giữ lại. Chọn phiên bản sẽ tiếp tục soạn:',
    takeTheirs: 'Tải bản của thẻ kia',
    keepMine: 'Giữ bản của tôi',
    keptInHistory: 'Bản của bạn đã được lưu vào lịch sử phiên bản.',
    theirsInHistory: 'Bản của thẻ kia đã được lưu vào lịch sử phiên bản.',
    updatedElsewhere: 'Đã cập nhật theo thay đổi ở thẻ khác.',
  },
  en: {
    saved: 'Saved',
    saving: 'Saving…',
    unsaved: 'Unsaved',
    saveFailed: 'Not saved',
    conflictState: 'Conflict',
    conflictTitle: 'This deck was just changed in another tab',
    conflictText: 'Both versions are kept. Choose the one to keep editing:',
    takeTheirs: 'Reload theirs',
    keepMine: 'Keep mine',
    keptInHistory: 'Your version was saved in the revision history.',
    theirsInHistory: 'The other tab’s version was saved in the revision history.',
    updatedElsewhere: 'Updated with changes from another tab.',
  },
});
